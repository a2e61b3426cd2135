"""Generate a synthetic library of seed-size articles for the storage benchmarks.

Each article is the seed article's paragraphs in a shuffled order, with a fifth of the seed's distinct characters
swapped for other common ones (a different fifth per article), so that articles differ and a query hits only part of
the library (质 about 80 % of articles, 高质量发展 about 40 %) while size and character mix stay the seed's. Titles
are numbered (第123期), so 第7期 hits exactly one old article: the worst case for a scan. Without the shared seed, made-up paragraphs of the same size are used.
Run: `.venv/bin/python -m benchmarks.make_library DATA_DIR [--count 10000]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "xihaian-2025-quality-page.txt"
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs (through the importer), or made-up ones of the same total size without the seed."""
    if SEED.exists():
        sys.path.insert(0, str(ROOT))
        from reader.core.importer import load_article

        return [p.text for p in load_article(SEED).paragraphs()]
    rng = random.Random(0)
    return ["".join(rng.choice(COMMON) for _ in range(150)) + "。" for _ in range(28)]


def variant(paragraphs: list[str], number: int) -> tuple[str, list[str]]:
    """Return (title, paragraphs) of synthetic article `number`: shuffled, a fifth of its characters swapped."""
    rng = random.Random(number)
    shuffled = paragraphs[:]
    rng.shuffle(shuffled)
    alphabet = sorted({c for text in paragraphs for c in text if "\u4e00" <= c <= "\u9fff"})
    swapped = {c: rng.choice(COMMON) for c in rng.sample(alphabet, len(alphabet) // 5)}
    changed = ["".join(swapped.get(c, c) for c in text) for text in shuffled]
    title = f"第{number}期 " + "".join(rng.choice(COMMON) for _ in range(10))
    return title, changed


def make_library(data_dir: Path, count: int) -> float:
    """Fill the library of `data_dir` with `count` synthetic articles; return the seconds it took."""
    from reader.core.model import Article, SectionDraft, SectionKind, build_sections
    from reader.core.storage import Store

    paragraphs = seed_paragraphs()
    started = time.perf_counter()
    with Store.open(data_dir, daily_backup=False) as store:
        store.connection.execute("PRAGMA synchronous = OFF")  # a throw-away benchmark library: speed over safety
        for number in range(store.library.count(), count):
            title, texts = variant(paragraphs, number)
            article = Article(title=title, sections=build_sections([SectionDraft(None, 1, SectionKind.LEAD, texts)]))
            store.library.add(article, f"/synthetic/{number:05d}.txt", markdown="\n\n".join(texts))
    return time.perf_counter() - started


def main() -> int:
    """Command line: make the library."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    seconds = make_library(args.data_dir, args.count)
    print(f"{args.count} articles in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
