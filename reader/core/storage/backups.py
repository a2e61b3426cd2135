"""Consistent copies of the database with SQLite's backup API: on demand, before every migration, daily, and during
a reading session (see `session.py`).

Automatic backups live in `<data folder>/backups/`, named `dubao-<UTC time>-<reason>.sqlite3`, and rotate: the
routine ones ("daily" at opening, "session" while reading and at close) together keep the 10 most recent, the
newest of each of the last 7 days and of the last 4 weeks that have one; the others (before a migration or a
restore) the newest 5 of each reason.
Raw sqlite3 in this module: sqlite-utils has no API for SQLite's online backup or for opening a file read-only. Every copy is written to a temporary file and renamed into place, so a backup
file is either complete or absent. Restoring copies a checked backup *into* the live database with the same API
(one transaction, safe while other connections are open) after saving the current state as a backup of its own.
"""

from __future__ import annotations

import datetime
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from reader.core.errors import DubaoError, ExportProblem, StorageProblem
from reader.core.files import write_atomically

BACKUP_FOLDER = "backups"
KEEP_PER_REASON = 5
DAILY_SECONDS = 24 * 60 * 60
ROUTINE_REASONS = ("daily", "session")
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY = 10, 7, 4


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk: its path, why it was made, and when (seconds since the epoch)."""

    path: Path
    reason: str
    made_at: float


def backup_folder(data_folder: Path) -> Path:
    """Return (and create) the folder of automatic backups."""
    folder = data_folder / BACKUP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def copy_database(source: sqlite3.Connection, target: Path, force: bool = True,
                  problem: type[DubaoError] = StorageProblem) -> None:
    """Write a consistent copy of the open database `source` to `target` atomically (`reader.core.files`)."""
    def backup_into(temporary: Path) -> None:
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()

    write_atomically(target, backup_into, force, problem)


def write_backup(source: sqlite3.Connection, target: Path, force: bool = False) -> Path:
    """Write a user-requested backup to `target`; never overwrite an existing file unless `force`."""
    try:
        copy_database(source, Path(target), force, ExportProblem)
    except sqlite3.Error as error:
        raise ExportProblem(f"the backup could not be written ({error})", target) from error
    return Path(target)


def automatic_backup(source: sqlite3.Connection, data_folder: Path, reason: str) -> BackupFile:
    """Make a rotating automatic backup (`reason` is e.g. "daily", "before-v2", "before-restore")."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    try:
        folder = backup_folder(data_folder)
        target = folder / f"dubao-{stamp}-{reason}.sqlite3"
        suffix = 1
        while target.exists():
            suffix += 1
            target = folder / f"dubao-{stamp}.{suffix}-{reason}.sqlite3"
        copy_database(source, target)
    except (OSError, sqlite3.Error, DubaoError) as error:  # a full disk or a read-only folder: say so, never a traceback
        why = error.problem if isinstance(error, DubaoError) else error
        raise StorageProblem(f"the automatic backup could not be written ({why})", data_folder / BACKUP_FOLDER) from error
    _rotate(folder, reason)
    return BackupFile(target, reason, target.stat().st_mtime)


def list_backups(data_folder: Path) -> list[BackupFile]:
    """Return the automatic backups, newest first."""
    folder = data_folder / BACKUP_FOLDER
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("dubao-*.sqlite3"):
        reason = path.stem.split("-", 3)[-1] if path.stem.count("-") >= 3 else "unknown"
        found.append(BackupFile(path, reason, path.stat().st_mtime))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def _rotate(folder: Path, reason: str) -> None:
    routine = reason in ROUTINE_REASONS
    same = [b for b in list_backups(folder.parent) if (b.reason in ROUTINE_REASONS if routine else b.reason == reason)]
    kept = routine_backups_to_keep(same) if routine else {b.path for b in same[:KEEP_PER_REASON]}
    for old in same:
        if old.path not in kept:
            old.path.unlink(missing_ok=True)


def routine_backups_to_keep(made: Iterable[BackupFile]) -> set[Path]:
    """Return the backups a bounded rotation keeps: the `KEEP_RECENT` newest, and the newest of each of the last
    `KEEP_DAILY` days and `KEEP_WEEKLY` weeks (local time) that have a backup; at most 21 files."""
    newest_first = sorted(made, key=lambda b: (b.made_at, b.path.name), reverse=True)
    kept = {b.path for b in newest_first[:KEEP_RECENT]}
    for count, period in ((KEEP_DAILY, _day), (KEEP_WEEKLY, _week)):
        seen: set[tuple[int, int]] = set()
        for backup in newest_first:
            if len(seen) >= count:
                break
            if period(backup.made_at) not in seen:
                seen.add(period(backup.made_at))
                kept.add(backup.path)
    return kept


def _day(when: float) -> tuple[int, int]:
    date = datetime.date.fromtimestamp(when)
    return date.year, date.timetuple().tm_yday


def _week(when: float) -> tuple[int, int]:
    year, week, _ = datetime.date.fromtimestamp(when).isocalendar()
    return year, week


def daily_backup_due(data_folder: Path, now: float | None = None) -> bool:
    """True when no automatic backup is younger than a day."""
    backups = list_backups(data_folder)
    current = time.time() if now is None else now
    return not backups or current - backups[0].made_at >= DAILY_SECONDS


def backup_is_good(path: Path, newest_known: int) -> bool:
    """True when `path` is a sound Dubao database this version can read."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_articles = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return rows == [("ok",)] and 0 < version <= newest_known and has_articles == 1


def newest_good_backup(data_folder: Path, newest_known: int) -> Path | None:
    """Return the newest automatic backup that passes its integrity check, or None."""
    for backup in list_backups(data_folder):
        if backup_is_good(backup.path, newest_known):
            return backup.path
    return None


def restore_into(live: sqlite3.Connection, backup: Path, newest_known: int) -> None:
    """Replace the live database's content with `backup`'s, in one transaction; refuse a bad backup."""
    backup = Path(backup)
    if not backup.is_file():
        raise StorageProblem("the backup file does not exist", backup)
    if not backup_is_good(backup, newest_known):
        raise StorageProblem("this is not a sound Dubao backup this version can read; nothing was changed", backup)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(live)
    except sqlite3.Error as error:
        raise StorageProblem(f"the backup could not be restored; nothing was changed ({error})", backup) from error
    finally:
        source.close()
