"""`python -m reader glossary [--json] [--article PATH] [--import FILE] [--export FILE [--force]]`.

Without options: every term of the glossary (shipped and the user's). With --article: the terms that article
contains, with how often. --import merges a glossary file into the user's glossary; --export writes the merged
glossary in the same format, so a class can share one.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the glossary command's options."""
    parser.add_argument("--json", action="store_true", help="print JSON")
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument("--article", metavar="PATH", help="list the terms this article contains, with counts")
    actions.add_argument("--import", dest="import_file", metavar="FILE",
                         help="merge FILE into your glossary (kept in the library)")
    actions.add_argument("--export", dest="export_file", metavar="FILE", help="write the whole glossary to FILE")
    parser.add_argument("--force", action="store_true", help="with --export: overwrite FILE")


def run(args: argparse.Namespace) -> int:
    """List, count, import or export glossary terms."""
    from reader.core.lang import default_service
    from reader.core.lang.glossary import read_glossary_file, write_glossary_file

    service = default_service()
    if args.import_file:
        from reader.core.storage import Store

        entries = read_glossary_file(Path(args.import_file), origin="user")
        with Store.open() as store, store.guarded():
            added, changed, same = store.user_language.merge_glossary(entries)
        service.reload_glossary()
        print(f"{added + changed + same} terms read into your glossary: {added} added, {changed} changed, "
              f"{same} already there")
        return 0
    if args.export_file:
        count = write_glossary_file(Path(args.export_file), service.glossary.entries.values(), force=args.force)
        print(f"{args.export_file}: {count} terms")
        return 0
    if args.article:
        return _article_terms(args, service)
    entries = list(service.glossary.entries.values())
    if args.json:
        print(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=1))
    else:
        for entry in entries:
            print(f"{entry.term}\t{entry.pinyin}\t{entry.category}\t{entry.english}")
    return 0


def _article_terms(args: argparse.Namespace, service) -> int:
    from reader.core.importer import load_article
    from reader.core.lang.pipeline import article_texts

    article = load_article(args.article)
    counts = service.glossary.count_in(article_texts(article))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if args.json:
        rows = [{"term": term, "count": count, "pinyin": service.glossary.entries[term].pinyin,
                 "english": service.glossary.entries[term].english} for term, count in ranked]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for term, count in ranked:
            entry = service.glossary.entries[term]
            print(f"{count:4d}  {term}\t{entry.pinyin}\t{entry.english}")
    return 0
