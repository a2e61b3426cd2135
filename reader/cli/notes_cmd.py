"""`python -m reader notes list|export`: bookmarks, highlights and notes."""

from __future__ import annotations

import argparse

from reader.cli.library_cmd import entry_for
from reader.core.exports.notes import export_notes
from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the notes subcommands."""
    sub = parser.add_subparsers(dest="notes_action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list annotations (orphans are marked)")
    listing.add_argument("--article", metavar="PATH", help="only this article's")
    export = sub.add_parser("export", help="write annotations as Markdown or CSV")
    export.add_argument("--format", choices=["md", "csv"], default="md")
    export.add_argument("--article", metavar="PATH", help="only this article's")
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    """Run a notes subcommand."""
    with Store.open() as store, store.guarded():
        article_id = entry_for(store, args.article).id if args.article else None
        if args.notes_action == "export":
            path = export_notes(store, args.out, args.format, article_id, args.force)
            print(f"wrote {path}")
            return 0
        for a in store.annotations.list(article_id):
            text = a.note or a.name or ""
            orphan = "\torphan" if a.is_orphan else ""
            print(f"{a.id}\t{a.kind}\t{a.anchor.exact}\t{text}{orphan}")
    return 0
