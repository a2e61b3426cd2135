"""Dubao's storage: one SQLite database in the data folder, reached through one `Store`.

    store = Store.open()            # or Store.open(data_dir=...)
    entry = store.library.add(article, path)
    store.annotations.add_note(entry.id, anchor, "…")
    store.vocab.add("质量", "zhi4 liang4", "quality")
    store.close()

Every operation returns plain dataclasses, never rows tied to the connection. Opening checks the file before
writing to it (see `database.py`), migrates it (backing it up first) and makes the daily backup when one is due.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.model import Article
from reader.core.storage import backups, database, migrations
from reader.core.storage.annotations import Annotation, Annotations, ReanchorReport
from reader.core.storage.library import Library, LibraryEntry, Positions, ReadingPosition
from reader.core.storage.search import SearchHit
from reader.core.storage.user_language import UserGlossaryEntry, UserLanguage
from reader.core.storage.vocab import VocabEntry, Vocabulary

__all__ = [
    "Annotation", "LibraryEntry", "ReadingPosition", "ReanchorReport", "SearchHit", "Store", "UserGlossaryEntry",
    "VocabEntry",
]


class Store:
    """The open database and its parts: `library`, `positions`, `annotations`, `vocab`, `user_language`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, data_folder: Path) -> None:
        self.connection = conn
        self.path = path
        self.data_folder = data_folder
        self.library = Library(conn, path)
        self.positions = Positions(conn, path)
        self.annotations = Annotations(conn, path)
        self.vocab = Vocabulary(conn, path)
        self.user_language = UserLanguage(conn, path)

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        check: str = "quick",
        daily_backup: bool = True,
        synchronous: str = "NORMAL",
    ) -> Store:
        """Open (creating or migrating) the database of a data folder; StorageProblem when it cannot be used safely.

        `check` is the integrity check made before anything is written: "quick", "full" or "none".
        """
        folder = paths.data_dir(data_dir)
        path = database.database_path(folder)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            try:
                database.inspect_existing(path, migrations.LATEST_VERSION, check)
            except StorageProblem as problem:
                raise _with_backup_advice(problem, folder) from problem
        conn = database.connect(path, synchronous)
        store = cls(conn, path, folder)
        try:
            store._migrate(existed)
            if daily_backup and existed and backups.daily_backup_due(folder):
                backups.automatic_backup(conn, folder, "daily")
        except BaseException:
            conn.close()
            raise
        return store

    def _migrate(self, existed: bool) -> None:
        def backup_first(version: int) -> None:
            if existed and migrations.current_version(self.connection) > 0:
                backups.automatic_backup(self.connection, self.data_folder, f"before-v{version}")

        migrations.migrate(self.connection, path=self.path, before_step=backup_first)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return migrations.current_version(self.connection)

    def reimport(self, article: Article, source_path: str | Path, markdown: str | None = None) -> tuple[LibraryEntry, ReanchorReport]:
        """Store a new version of an article and re-anchor its annotations to it; return the entry and the report."""
        entry = self.library.add(article, source_path, markdown)
        return entry, self.annotations.reanchor_article(entry.id, article)

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

    def close(self) -> None:
        """Close the database (checkpointing the write-ahead log)."""
        try:
            self.connection.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _with_backup_advice(problem: StorageProblem, folder: Path) -> StorageProblem:
    if "newer version" in problem.problem:
        return problem
    good = backups.newest_good_backup(folder, migrations.LATEST_VERSION)
    advice = (
        f"; it was left untouched. The newest good backup is {good} (restore it with `python -m reader restore`)"
        if good
        else "; it was left untouched and there is no good backup to restore"
    )
    return StorageProblem(problem.problem + advice, problem.path)
