"""`python -m reader prepare [--tables-only] [--json]`: build at set-up what the first start would otherwise build
while the reader waits, so that the first start reads like the hundredth:

- the prepared language tables (`reader.core.lang.tables`): the CC-CEDICT index, the HSK lists, jieba's prefix
  dictionary with its word tags, pypinyin's phrase and character tables, each keyed by the version of the library and
  data it came from. They go to the installation's prepared folder: in a checkout the git-ignored `prepared/` beside
  `reader/` (`make run` and `make test` run this command at set-up), or the folder `$DUBAO_PREPARED_DIR` names
  (`packaging/build_bundle.py` builds the bundle's this way). An installed copy cannot write beside itself: its tables
  go to the cache folder, where they would otherwise be built on first use.
- the annotation of the bundled articles, in the cache folder (not with `--tables-only`).

Running it again finds the tables current (a table of another library version is built again) and rebuilds only
what a newer Dubao reads differently; it still loads the reading engine, a second or two. Everything it writes can be
deleted at any time: it is built again when needed.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Callable

from reader.core.paths import articles_dir, cache_dir, prepared_target


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the prepare command's options."""
    parser.add_argument("--tables-only", action="store_true",
                        help="build the prepared language tables only, not the bundled articles' pinyin")
    parser.add_argument("--json", action="store_true", help="print what was prepared, and how long each step took")


def run(args: argparse.Namespace) -> int:
    """Prepare the tables (and the bundled articles); print one line per step (or a JSON object)."""
    from reader.core.lang.service import LanguageService
    from reader.core.lang.tables import TableFolders, table_names

    folder = prepared_target() or cache_dir()
    tables = TableFolders(folder, use_prepared=False)  # build here whatever is not current here
    service = LanguageService(tables=tables)
    steps: list[tuple[str, Callable[[], str]]] = [
        ("dictionary", lambda: _dictionary(service)),
        ("hsk", lambda: f"lists read (质量 is HSK {service.hsk.word_level('质量')})"),
        ("segmenter", lambda: _segmenter(service)),
        ("pinyin", lambda: _pinyin(service, tables)),
    ]
    if not args.tables_only:
        steps.append(("articles", lambda: _articles(service)))
    before = {name: _stamp(folder / name) for name in table_names()}
    report: dict[str, Any] = {"tables_dir": str(folder), "cache_dir": str(cache_dir()), "steps": []}
    for name, step in steps:
        started = time.perf_counter()
        detail = step()
        report["steps"].append({"step": name, "seconds": round(time.perf_counter() - started, 3), "detail": detail})
    report["tables"] = {name: "built" if _stamp(folder / name) != stamp else "current"
                        for name, stamp in before.items()}
    _print(report, args.json)
    return 0


def _print(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for entry in report["steps"]:
        print(f"{entry['step']:<11} {entry['seconds']:6.2f} s  {entry['detail']}")
    built = [name for name, state in report["tables"].items() if state == "built"]
    where = f"tables in {report['tables_dir']} ({', '.join(built) + ' built' if built else 'all current'})"
    articles = any(entry["step"] == "articles" for entry in report["steps"])
    print(where + (f"; annotations in {report['cache_dir']}" if articles else ""))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ino


def _dictionary(service) -> str:
    """Index CC-CEDICT (once) and look a word up, which opens the index."""
    result = service.lookup("质量")
    return "indexed" if result.in_dictionary else "indexed (no entry for 质量?)"


def _segmenter(service) -> str:
    """Load the segmenter once, which writes its table when none is current."""
    service.engine.segmenter.is_known("质量")
    return "ready"


def _pinyin(service, tables) -> str:
    """Read a text (pypinyin loads), and make sure pypinyin's table is current."""
    from reader.core.lang.pinyin_data import prepare_table

    service.pinyin("重整行装再出发")
    return prepare_table(tables)


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
