"""Opening the one SQLite database safely: checks before any write, then WAL, foreign keys and a busy timeout.

Order of opening matters for the promises we make to users:
1. The file is first opened read-only: a database from a newer Dubao or a corrupt one is refused with a
   `StorageProblem` before anything could alter it (not even the switch to WAL, which rewrites the header).
2. Only then is it opened for writing, switched to WAL and migrated (with a backup before each migration).

Tables, inserts, upserts, updates, deletes and queries go through sqlite-utils (`Handle.db`), built over our own
connection so these options hold for it too. Raw SQL is left where sqlite-utils has no API, each place saying why.
sqlite-utils is imported on first use, not at opening: the reopen path (start-up on the article read last) reads
through the connection itself, so the first paint never waits for that import (about 100 ms, see `utils_database`).
"""

from __future__ import annotations

import contextlib
import importlib.abc
import itertools
import sqlite3
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from reader.core.errors import StorageProblem

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

DATABASE_NAME = "dubao.sqlite3"
BUSY_TIMEOUT_MS = 10_000


def database_path(data_folder: Path) -> Path:
    """Return where the database lives inside a data folder."""
    return data_folder / DATABASE_NAME


def _readonly_connect(path: Path) -> sqlite3.Connection:
    # Raw: sqlite-utils opens files read-write (creating them, and WAL would rewrite the header); this must not write.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def inspect_existing(path: Path, newest_known: int, check: str = "quick") -> int:
    """Read an existing database without changing it; return its schema version.

    Raises StorageProblem when the file is not a readable database, fails its integrity check (`check` is
    "quick", "full" or "none") or was written by a newer version than `newest_known`.
    """
    try:
        conn = _readonly_connect(path)
    except sqlite3.Error as error:
        raise StorageProblem(f"cannot open the database ({error})", path) from error
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > newest_known:
            raise StorageProblem(
                f"this database was written by a newer version of Dubao (schema {version}, this one knows up to "
                f"{newest_known}); it was left untouched - please update Dubao",
                path,
            )
        problems = integrity_problems(conn, check)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StorageProblem(f"the database is locked by another program ({error})", path) from error
        raise StorageProblem(f"the database cannot be read ({error})", path) from error
    except sqlite3.DatabaseError as error:
        raise StorageProblem(f"the database is damaged ({error})", path) from error
    finally:
        conn.close()
    if problems:
        raise StorageProblem(f"the database is damaged ({problems[0]})", path)
    return version


def integrity_problems(conn: sqlite3.Connection, check: str = "full") -> list[str]:
    """Return SQLite's integrity complaints (empty when the database is sound); `check` is quick/full/none."""
    if check == "none":
        return []
    pragma = "quick_check" if check == "quick" else "integrity_check"
    rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


def connect(path: Path, synchronous: str = "NORMAL", busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open the database for reading and writing in WAL mode with foreign keys and a busy timeout.

    The connection is in autocommit mode; use `transaction()` for writes.
    """
    # Raw: sqlite-utils' Database(path) sets none of these options; we open the connection and hand it to it.
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms / 1000, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StorageProblem(f"the database cannot use write-ahead logging (journal mode is {mode})", path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
    except sqlite3.OperationalError as error:
        raise StorageProblem(_describe_operational(error), path) from error
    except sqlite3.DatabaseError as error:
        raise StorageProblem(f"the database is damaged ({error})", path) from error
    return conn


def utils_database(conn: sqlite3.Connection) -> Database:
    """Return a sqlite-utils `Database` over our connection (its WAL, busy timeout and foreign keys kept).

    Plugins are not run (nothing outside Dubao may change our connection) and recursive triggers are left as they
    are (so nothing is executed on the connection here).
    """
    load_sqlite_utils()
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def load_sqlite_utils() -> None:
    """Import sqlite-utils (100-200 ms); safe on a worker thread, so the window can do it before a write needs it.

    sqlite-utils imports numpy when it can, only to map numpy scalars we never store; that costs 300 ms more here,
    so unless numpy is loaded already, this thread's import of sqlite-utils is refused numpy (another thread that
    imports numpy meanwhile, as the polyphone reader may, gets it as usual).
    """
    if "sqlite_utils" in sys.modules:
        return
    refusal = _NumpyRefused()
    sys.meta_path.insert(0, refusal)
    try:
        import sqlite_utils  # noqa: F401
    finally:
        sys.meta_path.remove(refusal)


class _NumpyRefused(importlib.abc.MetaPathFinder):
    """An import hook that makes `import numpy` fail on the thread that made it, and nowhere else."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        """Refuse numpy (and its parts) to the thread of this hook; leave every other import to the next finder."""
        if name.split(".")[0] == "numpy" and threading.get_ident() == self.thread:
            raise ImportError("numpy is kept out of sqlite-utils in Dubao (it maps no numpy values here)")
        return None


class Handle:
    """The open connection, the database file, and the sqlite-utils `Database` over them (built on first use)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self._tables: dict[str, Table] = {}

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection."""
        if self._db is None:
            self._db = utils_database(self.conn)
        return self._db

    def table(self, name: str) -> Table:
        """Return the sqlite-utils `Table` of that name (kept: `db[name]` would look for a view of the name first)."""
        if name not in self._tables:
            self._tables[name] = self.db.table(name)
        return self._tables[name]

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """Return `transaction(conn, path)`: one write transaction on this connection."""
        return transaction(self.conn, self.path)


def _describe_operational(error: sqlite3.Error) -> str:
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return f"the data folder or database is read-only ({text})"
    if "locked" in text or "busy" in text:
        return f"the database is locked by another program for too long ({text})"
    if "full" in text:
        return f"the disk is full; nothing was changed ({text})"
    if "unable to open" in text:
        return f"the database cannot be opened ({text})"
    return f"the database cannot be used ({text})"


@contextmanager
def storage_errors(path: Path | None) -> Iterator[None]:
    """Turn any SQLite error raised in the block (a read of a damaged page, a lock) into a StorageProblem."""
    try:
        yield
    except sqlite3.OperationalError as error:
        raise StorageProblem(_describe_operational(error), path) from error
    except sqlite3.DatabaseError as error:
        raise StorageProblem(f"the database is damaged ({error})", path) from error


_SAVEPOINTS = itertools.count(1)


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """Run a block in one write transaction (BEGIN IMMEDIATE), committing on success and rolling back on error.

    Raw SQL here: sqlite-utils' `atomic()` begins a deferred transaction, which under WAL fails at once with
    "database is locked" when another process wrote meanwhile, instead of waiting for the busy timeout.
    Inside a transaction already, the block is a savepoint of it: it commits with the outer one, or not at all.
    SQLite errors become a StorageProblem naming the database; nothing is half-written.
    """
    if conn.in_transaction:
        with _savepoint(conn):
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise StorageProblem(_describe_operational(error), path) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError):
            raise StorageProblem(_describe_operational(error), path) from error
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.IntegrityError):
            raise StorageProblem(f"the database is damaged ({error})", path) from error
        raise


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """Run a block as a savepoint of the open transaction: released on success, rolled back to on error."""
    name = f"dubao_{next(_SAVEPOINTS)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")
