"""Recovering from a database that cannot be opened: find the newest good backup, put it in place of the damaged
file, and keep the damaged file beside it under a new name (it is never deleted or overwritten).

Used by the reader window at start-up; `python -m reader restore FILE` does the same from a script.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import DubaoError, StorageProblem
from reader.core.storage import backups, database, migrations


def newest_good_backup(data_folder: Path) -> Path | None:
    """Return the newest automatic backup of a data folder that this version can read, or None."""
    return backups.newest_good_backup(Path(data_folder), migrations.LATEST_VERSION)


def damaged_name(current: Path) -> Path:
    """Return a free name beside the database for keeping a damaged copy (`.damaged`, `.damaged2`, …)."""
    kept = current.with_name(f"{current.name}.damaged")
    suffix = 1
    while kept.exists():
        suffix += 1
        kept = current.with_name(f"{current.name}.damaged{suffix}")
    return kept


def restore_over_damaged(data_folder: Path, backup: Path) -> Path:
    """Put a good `backup` in place of the data folder's database, keeping the old file aside; return where."""
    backup = Path(backup)
    if not backups.backup_is_good(backup, migrations.LATEST_VERSION):
        raise StorageProblem("this is not a sound Dubao backup this version can read; nothing was changed", backup)
    current = database.database_path(Path(data_folder))
    kept = damaged_name(current)
    try:
        for extra in ("-wal", "-shm"):
            side = current.with_name(current.name + extra)
            if side.exists():
                side.rename(kept.with_name(kept.name + extra))
        if current.exists():
            current.rename(kept)
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            backups.copy_database(source, current)
        finally:
            source.close()
    except (OSError, sqlite3.Error, DubaoError) as error:
        why = error.problem if isinstance(error, DubaoError) else error
        raise StorageProblem(f"the backup could not be put in place ({why}); the damaged file is kept as "
                             f"{kept.name}", current) from error
    return kept
