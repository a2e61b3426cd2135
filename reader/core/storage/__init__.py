"""Dubao's storage: one SQLite database in the data folder, reached through one `Store`.

    store = Store.open()            # or Store.open(data_dir=...)
    entry = store.library.add(article, path)
    store.annotations.add_note(entry.id, anchor, "…")
    store.vocab.add("质量", "zhi4 liang4", "quality")
    store.close()

Every operation returns plain dataclasses, never rows tied to the connection. Opening checks the file before
writing to it (see `database.py`), migrates it (backing it up first) and makes the daily backup when one is due;
during a reading session the window backs it up after changes (`session.py`). Tables, inserts and queries go through
sqlite-utils (`store.db`) over the same connection.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import paths
from reader.core.errors import DubaoError, StorageProblem
from reader.core.model import Article
from reader.core.storage import backups, database, migrations, user_language
from reader.core.storage.annotations import Annotation, Annotations, ReanchorReport
from reader.core.storage.feeds import FeedEntry, FeedItem, Feeds
from reader.core.storage.known import KnownWord, KnownWords
from reader.core.storage.library import Library, LibraryEntry, Positions, ReadingPosition
from reader.core.storage.profiles import Profiles
from reader.core.storage.search import SearchHit
from reader.core.storage.user_language import UserLanguage
from reader.core.storage.vocab import VocabEntry, Vocabulary

if TYPE_CHECKING:
    from sqlite_utils import Database

SMALL_DATABASE_BYTES = 16 * 1024 * 1024  # a quick check of 16 MB takes about 25 ms here
CHECK_INTERVAL_SECONDS = 24 * 60 * 60
CHECK_STAMP_SUFFIX = ".checked"

__all__ = [
    "Annotation", "FeedEntry", "FeedItem", "KnownWord", "LibraryEntry", "ReadingPosition", "ReanchorReport", "SearchHit",
    "Store",
    "VocabEntry",
]


class Store:
    """The open database and its parts: `library`, `positions`, `annotations`, `known`, `vocab`, `profiles`,
    `user_language`, `feeds`.

    `connection` is the sqlite3 connection; `db` the sqlite-utils `Database` over it (built on first use).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, data_folder: Path) -> None:
        self.connection = conn
        self.path = path
        self.data_folder = data_folder
        self.handle = database.Handle(conn, path)
        self.library = Library(self.handle)
        self.positions = Positions(self.handle)
        self.annotations = Annotations(self.handle)
        self.known = KnownWords(self.handle)
        self.vocab = Vocabulary(self.handle, self.known)
        self.profiles = Profiles(self.handle)
        self.user_language = UserLanguage(self.handle)
        self.feeds = Feeds(self.handle)
        self.library.after_text_change = self.annotations.reanchor_article  # runs inside the re-import's transaction
        self._backup_at_close = False

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        check: str = "auto",
        daily_backup: bool = True,
        synchronous: str = "NORMAL",
        busy_timeout_ms: int = database.BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (creating or migrating) the database of a data folder; StorageProblem when it cannot be used safely.

        `check` is the integrity check made before anything is written: "quick", "full", "none", or "auto" (a
        quick check of a small database every time, of a large one once a day; see `_chosen_check`).
        `daily_backup=True` makes the daily backup when due: at once for a small database, at `close()` for a
        large one (a copy of hundreds of MB should not delay the first window); `daily_backup=False` leaves it to
        `backup_if_due()` (e.g. from a worker thread).
        """
        try:
            folder = paths.data_dir(data_dir)
        except OSError as error:
            raise StorageProblem(f"the data folder cannot be created ({error.strerror})", error.filename) from error
        path = database.database_path(folder)
        if not os.access(folder, os.W_OK):
            raise StorageProblem("the data folder is read-only, so nothing can be remembered; make it writable or "
                                 "choose another with --data-dir (your data in it was left untouched)", folder)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            chosen = _chosen_check(path) if check == "auto" else check
            try:
                database.inspect_existing(path, migrations.LATEST_VERSION, chosen)
            except StorageProblem as problem:
                raise _with_backup_advice(problem, folder) from problem
            if chosen in ("quick", "full"):
                _stamp_checked(path)
        conn = database.connect(path, synchronous, busy_timeout_ms)
        store = cls(conn, path, folder)
        try:
            store._migrate(existed)
            if daily_backup and existed and backups.daily_backup_due(folder):
                if path.stat().st_size <= SMALL_DATABASE_BYTES:
                    store._daily_backup_quietly()
                else:
                    store._backup_at_close = True
        except BaseException:
            conn.close()
            raise
        return store

    def backup_if_due(self) -> Path | None:
        """Make the daily backup when one is due, through a connection of its own (safe from a worker thread)."""
        if not backups.daily_backup_due(self.data_folder):
            return None
        return self._own_backup("daily")

    def session_backup(self) -> Path:
        """Make a routine backup of the session now, through a connection of its own (safe from a worker thread);
        when to call it is `reader.core.storage.session.SessionBackups`' business."""
        return self._own_backup("session")

    def change_marker(self) -> tuple[int, int]:
        """Return a value that changes with every commit, of this process or another (for `SessionBackups`)."""
        # Raw: sqlite-utils has no API for data_version (moved by other connections' commits) or total_changes.
        return self.connection.total_changes, int(self.connection.execute("PRAGMA data_version").fetchone()[0])

    def _own_backup(self, reason: str) -> Path:
        try:  # raw: sqlite-utils cannot open a read-only connection
            own = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                  timeout=database.BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as error:
            raise StorageProblem(f"the automatic backup could not read the database ({error})", self.path) from error
        try:
            return backups.automatic_backup(own, self.data_folder, reason).path
        finally:
            own.close()

    def _daily_backup_quietly(self) -> None:
        try:
            self.backup_if_due()
        except StorageProblem:
            pass  # a full disk must not stop reading; the daily backup is tried again at the next start

    def _migrate(self, existed: bool) -> None:
        def backup_first(version: int) -> None:
            """Back up a database that has data before migrating it to `version`."""
            if existed and migrations.current_version(self.connection) > 0:
                backups.automatic_backup(self.connection, self.data_folder, f"before-v{version}")

        migrations.migrate(self.connection, path=self.path, before_step=backup_first)
        self._adopt_glossary_file()

    def _adopt_glossary_file(self) -> None:
        """Move the entries of the former user glossary file (glossary.tsv) into the database, once."""
        if not (self.data_folder / user_language.GLOSSARY_FILE).exists():
            return  # the usual case: one stat, no sqlite-utils
        try:
            self.user_language.adopt_glossary_file(self.data_folder)
        except DubaoError:
            pass  # a file that cannot be read stays where it is, untouched; `glossary --import` names its problem
    @property
    def db(self) -> Database:
        """The sqlite-utils `Database` over the store's connection (same WAL, busy timeout, foreign keys)."""
        return self.handle.db

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return migrations.current_version(self.connection)

    def reimport(self, article: Article, source_path: str | Path, markdown: str | None = None) -> tuple[LibraryEntry, ReanchorReport]:
        """Store a new version of an article (re-anchoring its annotations, as `library.add` does for a changed
        text); return the entry and the re-anchoring report (empty when the text had not changed)."""
        entry = self.library.add(article, source_path, markdown)  # re-anchors when the text changed
        report = self.library.last_change_result
        return entry, report if isinstance(report, ReanchorReport) else ReanchorReport()

    def integrity_problems(self) -> list[str]:
        """Run SQLite's full integrity check; return its complaints (empty when sound)."""
        return database.integrity_problems(self.connection, "full")

    def backup_to(self, target: str | Path, force: bool = False) -> Path:
        """Write a consistent copy of the database to `target` (never over an existing file unless `force`)."""
        return backups.write_backup(self.connection, Path(target), force)

    def restore_from(self, backup: str | Path) -> Path:
        """Replace everything with a backup's content, saving the current state first; return that safety copy."""
        safety = backups.automatic_backup(self.connection, self.data_folder, "before-restore")
        backups.restore_into(self.connection, Path(backup), migrations.LATEST_VERSION)
        self._migrate(existed=True)
        return safety.path

    def guarded(self) -> AbstractContextManager[None]:
        """Return a context manager that turns SQLite errors in its block into a StorageProblem naming the file."""
        return database.storage_errors(self.path)

    def close(self, hurried: bool = False) -> None:
        """Close the database (making a deferred daily backup, checkpointing the write-ahead log).

        `hurried` (the session is ending, as at logout) skips the deferred daily backup: a large database takes
        seconds to copy, more than a desktop waits; it is made at the next start instead.
        """
        if self._backup_at_close and not hurried:
            self._backup_at_close = False
            self._daily_backup_quietly()
        try:  # raw: sqlite-utils has no API for PRAGMA optimize (its analyze() would scan every index at each close)
            self.connection.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + CHECK_STAMP_SUFFIX)


def _chosen_check(path: Path) -> str:
    """Quick-check a small database at every start; a large one (slow to read through) once a day."""
    if path.stat().st_size <= SMALL_DATABASE_BYTES:
        return "quick"
    stamp = _stamp_path(path)
    if not stamp.exists() or time.time() - stamp.stat().st_mtime >= CHECK_INTERVAL_SECONDS:
        return "quick"
    return "none"  # reading the header and schema version still catches a file that is not a database


def _stamp_checked(path: Path) -> None:
    try:
        _stamp_path(path).touch()
    except OSError:
        pass  # a read-only folder: the check simply runs again next time


def _with_backup_advice(problem: StorageProblem, folder: Path) -> StorageProblem:
    if "newer version" in problem.problem or "locked by another program" in problem.problem:
        return problem  # nothing is wrong with the file: advice about backups would only alarm
    good = backups.newest_good_backup(folder, migrations.LATEST_VERSION)
    advice = (
        f"; it was left untouched. The newest good backup is {good} (restore it with `python -m reader restore`)"
        if good
        else "; it was left untouched and there is no good backup to restore"
    )
    return StorageProblem(problem.problem + advice, problem.path)
