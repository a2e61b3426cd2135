"""`python -m reader backup --out FILE`: a consistent copy of the whole database."""

from __future__ import annotations

import argparse

from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the backup options."""
    parser.add_argument("--out", required=True, metavar="FILE", help="where to write the copy")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    """Write the backup."""
    with Store.open(daily_backup=False) as store, store.guarded():
        path = store.backup_to(args.out, args.force)
    print(f"wrote {path}")
    return 0
