"""Polyphone benchmarks (issue 12): accuracy on CPP dev (5-fold cross-validated) and on the seed's hand-checked
polyphones, each with and without the learned model, beside g2pM alone and plain pypinyin; and g2pM's speed.

Called from `bench_language`; the CPP rows take a few minutes (the engine reads the 9,893 dev sentences six times).
The CPP test split is never read.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CPP = SHARED / "reference" / "cpp"
SEED = SHARED / "seeds" / "xihaian-2025-quality-page.txt"
SEED_REFERENCE = SHARED / "reference" / "seed-polyphones.tsv"


def accuracy_rows(prepared: Path, folds: int = 5) -> list[str]:
    """CPP dev (cross-validated) and seed accuracy, with and without the model."""
    from reader.core.lang.polyphone_training import TrainingLayer, cross_validate, plain_pypinyin, read_cpp
    from reader.core.lang.service import LanguageService

    engine = LanguageService(cache_dir=prepared, data_dir=prepared / "data").engine
    lines = [f"{'accuracy':<46} {'strict':>10} {'counted':>10} {'sentences':>10}"]
    shipped = engine.polyphones
    lines += [_accuracy("seed polyphones: Dubao with the model", *seed_score(engine))]
    shipped.enabled = False
    lines += [_accuracy("seed polyphones: Dubao without the model", *seed_score(engine))]
    shipped.enabled = True
    if not CPP.exists():
        return lines + [f"CPP dev: skipped, {CPP} is absent"]
    examples = read_cpp(CPP)
    engine.polyphones = TrainingLayer(engine.words, shipped.dictionary, use_g2pm=True)
    figures = cross_validate(engine, engine.polyphones, examples, folds)
    figures["plain pypinyin"] = plain_pypinyin(examples)
    engine.polyphones = shipped
    for name, label in (("with model", f"CPP dev, {folds}-fold CV: Dubao with the model"),
                        ("without model", "CPP dev: Dubao without the model"), ("g2pM alone", "CPP dev: g2pM alone"),
                        ("plain pypinyin", "CPP dev: plain pypinyin")):
        if name in figures:
            found = figures[name]
            lines.append(f"{label:<46} {found['strict']:>9.2f}% {found['counted']:>9.2f}% {found['examples']:>10}")
    return lines


def _accuracy(label: str, right: int, scored: int) -> str:
    share = 100 * right / scored if scored else 0.0
    return f"{label:<46} {share:>9.2f}% {'':>10} {scored:>10}"


def seed_score(engine) -> tuple[int, int]:
    """Rows of seed-polyphones.tsv read right in every occurrence, and rows scored (as tests/test_lang_pinyin.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from lang_support import reference_rows, seed_paragraphs

    from reader.core.lang.style import to_marks

    paragraphs = [(p, [to_marks(s) if s else None for s in engine.read(p)]) for p in seed_paragraphs(SEED)]
    right = scored = 0
    for row in reference_rows(SEED_REFERENCE):
        if "UNSURE" in row.note:
            continue
        scored += 1
        found = [tuple(readings[m.start() : m.end()]) for text, readings in paragraphs
                 for m in re.finditer(re.escape(row.context), text)]
        right += bool(found) and all(got == row.syllables for got in found)
    return right, scored


def g2pm_speed_rows(repeat: int) -> list[str]:
    """g2pM's own entry point (one sentence at a time) against our batched run of the same network, on the seed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from lang_support import seed_paragraphs

    paragraphs = seed_paragraphs(SEED)
    characters = sum(len(p) for p in paragraphs)
    started = time.perf_counter()
    from reader.core.lang.g2pm_runner import G2pmRunner

    runner = G2pmRunner()
    loading = time.perf_counter() - started
    from g2pM import G2pM

    package = G2pM()
    ours = [_timed(lambda: [runner.predictions(p) for p in paragraphs]) for _ in range(repeat)]
    sentences = [s for p in paragraphs for s in re.split("(?<=[。！？；])", p) if s]
    theirs = [_timed(lambda: [package(s, char_split=True) for s in sentences]) for _ in range(max(1, repeat // 2))]
    rate = lambda samples: characters / statistics.median(samples)  # noqa: E731
    return [
        f"{'g2pM weights + numpy, first use':<46} {loading * 1e3:>8.1f} ms",
        f"{'g2pM package, one sentence at a time (seed)':<46} {rate(theirs):>8.0f} chars/s",
        f"{'g2pM network batched per paragraph (seed)':<46} {rate(ours):>8.0f} chars/s "
        f"{statistics.median(theirs) / statistics.median(ours):>6.2f}x faster",
    ]


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
