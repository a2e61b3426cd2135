"""`python -m reader restore FILE`: replace the database's content with a backup (the current state is kept too)."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.storage import Store, backups, database, migrations


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the restore argument."""
    parser.add_argument("file", help="a backup written by `backup` (or an automatic one)")


def _restore_over_damaged(backup: Path) -> Path:
    """Restore when the current database cannot be opened: keep it aside under a new name, never delete it."""
    folder = paths.data_dir()
    current = database.database_path(folder)
    if not backups.backup_is_good(backup, migrations.LATEST_VERSION):
        raise StorageProblem("this is not a sound Dubao backup this version can read; nothing was changed", backup)
    kept = current.with_name(f"{current.name}.damaged")
    suffix = 1
    while kept.exists():
        suffix += 1
        kept = current.with_name(f"{current.name}.damaged{suffix}")
    for extra in ("-wal", "-shm"):
        side = current.with_name(current.name + extra)
        if side.exists():
            side.rename(kept.with_name(kept.name + extra))
    current.rename(kept)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        backups.copy_database(source, current)
    finally:
        source.close()
    return kept


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
        kept = _restore_over_damaged(backup)
        print(f"restored {backup}; the damaged database was kept as {kept}")
        return 0
    with store, store.guarded():
        safety = store.restore_from(backup)
    print(f"restored {backup}; the previous state was saved as {safety}")
    return 0
