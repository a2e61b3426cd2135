"""`python -m reader stats PATH [--json]`: how hard an article is for this learner.

Running words, distinct words, the share of running words marked known, unknown distinct words, the profile by
HSK band, average sentence length and policy terms (see `reader.core.difficulty` for what counts as a word).
"""

from __future__ import annotations

import argparse
import json

from reader.core.difficulty import BANDS, Difficulty, WordProfile, measure, summary
from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the stats command's options."""
    parser.add_argument("path", help="an article file")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    """Measure the article against the known words and print the figures."""
    from reader.core.importer import load_article
    from reader.core.lang import annotate

    article = load_article(args.path)
    profile = WordProfile.of(annotate(article))
    with Store.open() as store, store.guarded():
        known = store.known.words()
    difficulty = measure(profile, known)
    if args.json:
        print(json.dumps(difficulty.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(_text(article.title, difficulty))
    return 0


def _text(title: str, d: Difficulty) -> str:
    bands = "  ".join(f"{band}: {d.hsk_profile[band]}" for band in BANDS)
    return "\n".join([
        f"{title}",
        f"  {summary(d)}",
        f"  running words {d.tokens}, distinct {d.distinct}, unknown distinct {d.unknown_distinct}",
        f"  known coverage {d.known_coverage:.1%}",
        f"  HSK profile (running words)  {bands}",
        f"  average sentence length {d.avg_sentence_length:.1f} words",
        f"  policy terms {d.glossary_terms}",
    ])
