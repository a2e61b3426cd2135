"""Words a reader can click, measured: how many number, Latin and 〇 runs are cut inside, by plain jieba and by Dubao's
segmenter, over the corpus articles and the CPP development sentences (../shared), and which foreign names Dubao
joins again. Run: `.venv/bin/python -m benchmarks.bench_words` from the project root.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# What a reader sees as one unit, written independently of `reader.core.lang.runs` (a run of two or more characters).
UNIT = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]+(?:[.．\-/:－—][0-9０-９A-Za-zＡ-Ｚａ-ｚ]+)*[%％]?"
                  r"|[〇○零一二三四五六七八九]*[〇○][〇○零一二三四五六七八九]*")


def texts() -> list[str]:
    """Lines of the corpus articles and the CPP development sentences."""
    lines: list[str] = []
    for path in sorted((SHARED / "corpus").glob("*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        lines += [line for line in text.splitlines() if line.strip()]
    sentences = SHARED / "reference" / "cpp" / "dev.sent"
    if sentences.exists():
        lines += [line.replace("▁", "") for line in sentences.read_text(encoding="utf-8").splitlines()]
    return lines


def split_units(lines: list[str], cut) -> tuple[int, int, list[str]]:
    """Return (units, units cut inside, a few examples) for a cutting function text -> list of words."""
    units = split = 0
    examples: list[str] = []
    for line in lines:
        bounds, position = set(), 0
        for word in cut(line):
            position += len(word)
            bounds.add(position)
        for match in UNIT.finditer(line):
            if len(match.group()) < 2 or not match.group().strip("〇○"):
                continue
            units += 1
            if any(match.start() < b < match.end() for b in bounds):
                split += 1
                if len(examples) < 5:
                    examples.append(match.group())
    return units, split, examples


def main() -> int:
    """Print the figures."""
    if not (SHARED / "corpus").exists():
        print(f"{SHARED} is absent: nothing to measure")
        return 1
    import jieba

    from reader.core.lang.segmenter import Segmenter

    jieba.setLogLevel(60)
    lines = texts()
    cache = Path(tempfile.gettempdir()) / "dubao-bench-words"
    cache.mkdir(parents=True, exist_ok=True)
    segmenter = Segmenter(cache / "jieba-prefix-dict.marshal")
    plain = split_units(lines, jieba.lcut)
    ours = split_units(lines, lambda text: [w.text for w in segmenter.cut(text)])
    print(f"{len(lines)} lines; runs of digits, Latin or 〇 (2+ characters): {plain[0]}")
    print(f"  cut inside by plain jieba: {plain[1]}  e.g. {' '.join(plain[2])}")
    print(f"  cut inside by Dubao:       {ours[1]}  {' '.join(ours[2])}")
    joined = [w.text for line in lines for w in segmenter.cut(line)
              if w.tag == "nrt" and len(jieba.lcut(w.text)) > 1]
    print(f"foreign names joined from pieces: {len(joined)} ({len(set(joined))} distinct), e.g. "
          f"{' '.join(sorted(set(joined))[:15])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
