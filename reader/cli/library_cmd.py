"""`python -m reader library list|add PATH|search QUERY`: the articles the user has opened."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.core.errors import ImportProblem, StorageProblem
from reader.core.importer import load_article as importer_load
from reader.core.model import Article
from reader.core.storage import LibraryEntry, Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the library subcommands."""
    sub = parser.add_subparsers(dest="library_action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list the articles, most recently opened first")
    listing.add_argument("--limit", type=int, default=50, help="show at most this many (default 50)")
    add = sub.add_parser("add", help="import an article file into the library (or update it)")
    add.add_argument("path")
    find = sub.add_parser("search", help="find articles whose title or text contains the query")
    find.add_argument("query")
    find.add_argument("--limit", type=int, default=20)


def load_article(path: str | Path) -> tuple[Article, Path]:
    """Import an article file through the importer; return it and its resolved path."""
    source = Path(path).expanduser().resolve()
    if not source.is_file():
        raise ImportProblem("no such file", source)
    return importer_load(source), source


def entry_for(store: Store, path: str | Path) -> LibraryEntry:
    """Return the library entry of an article path given on the command line (it must be in the library)."""
    source = Path(path).expanduser().resolve()
    entry = store.library.find(source)
    if entry is None:
        raise StorageProblem("this article is not in the library; add it with `library add` first", source)
    return entry


def run(args: argparse.Namespace) -> int:
    """Run a library subcommand."""
    with Store.open() as store, store.guarded():
        if args.library_action == "add":
            article, source = load_article(args.path)
            known = store.library.find(source)
            entry, report = store.reimport(article, source)
            action = "updated" if known else "added"
            print(f"{action} {entry.id}\t{entry.title}\t{entry.char_count} characters")
            if known and report.total:
                print(f"notes re-anchored: {report.total - len(report.orphan_ids)} of {report.total}; "
                      f"orphans: {len(report.orphan_ids)}")
        elif args.library_action == "list":
            for entry in store.library.list(limit=args.limit):
                print(f"{entry.id}\t{entry.title}\t{entry.source_path}")
        else:
            for hit in store.library.search(args.query, limit=args.limit):
                print(f"{hit.article_id}\t{hit.title}\t{hit.snippet}")
    return 0
