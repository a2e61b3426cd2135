"""`python -m reader restore FILE`: replace the database's content with a backup (the current state is kept too)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.storage import Store, recovery


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the restore argument."""
    parser.add_argument("file", help="a backup written by `backup` (or an automatic one)")


def run(args: argparse.Namespace) -> int:
    """Restore the backup."""
    backup = Path(args.file).expanduser()
    if not backup.is_file():
        raise StorageProblem("the backup file does not exist", backup)
    try:
        store = Store.open(daily_backup=False)
    except StorageProblem as problem:
        if "newer version" in problem.problem:
            raise
        kept = recovery.restore_over_damaged(paths.data_dir(), backup)
        print(f"restored {backup}; the damaged database was kept as {kept}")
        return 0
    with store, store.guarded():
        safety = store.restore_from(backup)
    print(f"restored {backup}; the previous state was saved as {safety}")
    return 0
