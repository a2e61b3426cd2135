"""`python -m reader pack export FILE [--force]` and `pack import FILE [--json]`: trainer packs.

A trainer exports their own glossary terms and corrections as one file; a learner imports it, and is told what was
added, changed and skipped (see `reader.core.packs`).
"""

from __future__ import annotations

import argparse
import json

from reader.core.packs import export_pack, import_pack
from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the pack subcommands."""
    sub = parser.add_subparsers(dest="pack_action", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="write your glossary terms and corrections to FILE")
    export.add_argument("file")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    imported = sub.add_parser("import", help="merge a pack into your glossary and corrections")
    imported.add_argument("file")
    imported.add_argument("--json", action="store_true", help="print what was added, changed and skipped as JSON")


def run(args: argparse.Namespace) -> int:
    """Export or import a trainer pack."""
    with Store.open() as store, store.guarded():
        if args.pack_action == "export":
            path, terms, corrections = export_pack(store, args.file, args.force)
            print(f"wrote {path}: {terms} glossary terms, {corrections} corrections")
            return 0
        report = import_pack(store, args.file)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(f"{args.file}: {report.summary()}")
    for label, items in (("added", report.added), ("changed", report.changed), ("skipped", report.skipped)):
        for item in items:
            print(f"  {label}\t{item}")
    return 0
