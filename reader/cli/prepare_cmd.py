"""`python -m reader prepare [--json]`: build at set-up what the first start would otherwise build while the reader
waits — the dictionary index, the word segmenter's cache, and the annotation of the bundled articles — so that the
first start reads like the hundredth.

`make run` runs it once after installing; running it again finds the caches ready (it still loads the reading
engine, a few seconds) and rebuilds only what a newer Dubao reads differently. Everything goes to the cache folder
and can be deleted at any time.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any, Callable

from reader.core.paths import articles_dir, cache_dir


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the prepare command's options."""
    parser.add_argument("--json", action="store_true", help="print what was prepared, and how long each step took")


def run(args: argparse.Namespace) -> int:
    """Prepare every cache; print one line per step (or a JSON object)."""
    from reader.core.lang import default_service

    service = default_service()
    steps: list[tuple[str, Callable[[], str]]] = [
        ("dictionary", lambda: _dictionary(service)),
        ("hsk", lambda: f"lists read (质量 is HSK {service.hsk.word_level('质量')})"),
        ("segmenter", lambda: _segmenter(service)),
        ("articles", lambda: _articles(service)),
    ]
    report: dict[str, Any] = {"cache_dir": str(cache_dir()), "steps": []}
    for name, step in steps:
        started = time.perf_counter()
        detail = step()
        report["steps"].append({"step": name, "seconds": round(time.perf_counter() - started, 3), "detail": detail})
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for entry in report["steps"]:
            print(f"{entry['step']:<11} {entry['seconds']:6.2f} s  {entry['detail']}")
        print(f"prepared in {report['cache_dir']}")
    return 0


def _dictionary(service) -> str:
    """Index CC-CEDICT (once) and look a word up, which opens the index."""
    result = service.lookup("质量")
    return "indexed" if result.in_dictionary else "indexed (no entry for 质量?)"


def _segmenter(service) -> str:
    """Load the segmenter and the pinyin engine once, which writes their caches."""
    service.pinyin("重整行装再出发")
    return "ready"


def _articles(service) -> str:
    """Annotate the bundled articles into the annotation cache, so they open with their pinyin at once."""
    from reader.core.importer import load_article
    from reader.core.lang.annotator import Annotator

    paths = sorted(articles_dir().glob("*.md"))
    annotator = Annotator(service)
    try:
        for path in paths:
            annotator.annotate(load_article(path))
    finally:
        annotator.close()
    return f"{len(paths)} bundled article{'s' if len(paths) != 1 else ''} annotated"
