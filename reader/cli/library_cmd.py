"""`python -m reader library list [--json]|add PATH-OR-URL|search QUERY`: the articles the user has opened.

`library add https://…` fetches the page (the only time this command touches the network), imports it and stores
it under its address, so it reads offline afterwards."""

from __future__ import annotations

import argparse
import json
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
    listing.add_argument("--json", action="store_true", help="print the entries as JSON")
    add = sub.add_parser("add", help="import an article file or a web address into the library (or update it)")
    add.add_argument("path", help="an article file, or a web address (https://…) to fetch")
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


def _listing_json(entries: list[LibraryEntry]) -> str:
    return json.dumps([entry._asdict() for entry in entries], ensure_ascii=False, indent=2)


def _load_source(path: str) -> tuple[Article, str | Path]:
    """Import an article file, or fetch and import a web page (before the database is opened)."""
    from reader.core.web import looks_like_address

    if looks_like_address(path):
        from reader.core.web.articles import fetch_article

        return fetch_article(path)
    return load_article(path)


def run(args: argparse.Namespace) -> int:
    """Run a library subcommand."""
    loaded = _load_source(args.path) if args.library_action == "add" else None
    with Store.open() as store, store.guarded():
        if loaded is not None:
            article, source = loaded
            known = store.library.find(source)
            entry, report = store.reimport(article, source)
            action = "updated" if known else "added"
            print(f"{action} {entry.id}\t{entry.title}\t{entry.char_count} characters")
            if known and report.total:
                print(f"notes re-anchored: {report.total - len(report.orphan_ids)} of {report.total}; "
                      f"orphans: {len(report.orphan_ids)}")
        elif args.library_action == "list" and args.json:
            print(_listing_json(store.library.list(limit=args.limit)))
        elif args.library_action == "list":
            for entry in store.library.list(limit=args.limit):
                print(f"{entry.id}\t{entry.title}\t{entry.source_path}")
        else:
            for hit in store.library.search(args.query, limit=args.limit):
                print(f"{hit.article_id}\t{hit.title}\t{hit.snippet}")
    return 0
