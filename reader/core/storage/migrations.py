"""Versioned schema migrations: one function per version, each run in one transaction with its record.

The schema version lives in `PRAGMA user_version` (written inside the same transaction as the change) and every
step also leaves a row in `schema_migrations`, so a database tells which steps built it and when.
Never edit a step that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable

from reader.core.storage.database import transaction


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run `;`-separated statements inside the caller's transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


V1_SCHEMA = """
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at REAL NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    char_count INTEGER NOT NULL DEFAULT 0,
    added_at REAL NOT NULL,
    opened_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX articles_by_opened ON articles (opened_at DESC);
CREATE TABLE article_bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    markdown TEXT NOT NULL,
    article_json TEXT NOT NULL
);
CREATE TABLE positions (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    paragraph_id TEXT NOT NULL,
    char_offset INTEGER NOT NULL DEFAULT 0,
    saved_at REAL NOT NULL
);
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('bookmark', 'highlight', 'note')),
    paragraph_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    anchor_status TEXT NOT NULL DEFAULT 'exact',
    name TEXT,
    colour TEXT,
    note TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    deleted_at REAL
);
CREATE INDEX annotations_by_article ON annotations (article_id, paragraph_id);
CREATE TABLE vocab (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE,
    reading TEXT NOT NULL DEFAULT '',
    meaning TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'learning', 'known')),
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    deleted_at REAL
);
"""


def _v1_core(conn: sqlite3.Connection) -> None:
    """Library, reading positions, annotations and vocabulary."""
    _run_script(conn, V1_SCHEMA)


def _v2_search(conn: sqlite3.Connection) -> None:
    """Full-text search over titles and text (character bigrams; see reader.core.storage.search)."""
    from reader.core.storage import search

    search.create_index(conn)
    for article_id, article_json in conn.execute("SELECT article_id, article_json FROM article_bodies").fetchall():
        title, paragraphs = search.stored_document(article_json)
        search.index_document(conn, article_id, search.document_text(title, [text for _, text in paragraphs]))


def _v3_user_language(conn: sqlite3.Connection) -> None:
    """User readings, segmentation fixes and the user's own glossary entries."""
    _run_script(
        conn,
        """
        CREATE TABLE user_readings (word TEXT PRIMARY KEY, readings TEXT NOT NULL, updated_at REAL NOT NULL);
        CREATE TABLE user_segmentation (
            text TEXT PRIMARY KEY, parts TEXT NOT NULL, updated_at REAL NOT NULL
        );
        CREATE TABLE user_glossary (
            term TEXT PRIMARY KEY,
            category TEXT NOT NULL DEFAULT '',
            english TEXT NOT NULL DEFAULT '',
            explanation TEXT NOT NULL DEFAULT '',
            updated_at REAL NOT NULL
        );
        """
    )


def _v4_packed_texts(conn: sqlite3.Connection) -> None:
    """Article texts stored compressed (about half the size), in `article_texts`."""
    from reader.core.storage.packing import pack_text

    conn.execute(
        "CREATE TABLE article_texts (article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, "
        "markdown BLOB NOT NULL, article BLOB NOT NULL)"
    )
    rows = conn.execute("SELECT article_id, markdown, article_json FROM article_bodies").fetchall()
    conn.executemany(
        "INSERT INTO article_texts (article_id, markdown, article) VALUES (?, ?, ?)",
        [(article_id, pack_text(markdown), pack_text(article_json)) for article_id, markdown, article_json in rows],
    )
    conn.execute("DROP TABLE article_bodies")


def _v5_listing_index(conn: sqlite3.Connection) -> None:
    """An index that serves the recent-first listing whole (no sort of ties)."""
    conn.execute("CREATE INDEX articles_by_recency ON articles (opened_at DESC, id DESC)")
    conn.execute("DROP INDEX articles_by_opened")


def _v6_feeds(conn: sqlite3.Connection) -> None:
    """News feeds the user subscribed to, and their items (each item's page is an article of the library)."""
    _run_script(
        conn,
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            site_url TEXT,
            etag TEXT,
            last_modified TEXT,
            added_at REAL NOT NULL,
            refreshed_at REAL,
            problem TEXT
        );
        CREATE TABLE feed_items (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            link TEXT,
            title TEXT NOT NULL DEFAULT '',
            published TEXT,
            article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
            added_at REAL NOT NULL,
            read_at REAL,
            problem TEXT,
            UNIQUE (feed_id, guid)
        );
        CREATE INDEX feed_items_by_article ON feed_items (article_id);
        """
    )


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_core, _v2_search, _v3_user_language, _v4_packed_texts, _v5_listing_index, _v6_feeds)
LATEST_VERSION = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    """Return the schema version the database is at (0 for an empty one)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """Return the versions still to apply to reach `target`."""
    return list(range(current_version(conn) + 1, target + 1))


def migrate(
    conn: sqlite3.Connection,
    target: int = LATEST_VERSION,
    path: Path | None = None,
    before_step: Callable[[int], None] | None = None,
) -> list[int]:
    """Apply every pending step up to `target`, each in its own transaction; return the versions applied.

    `before_step(version)` runs before each step (the store uses it to take a backup).
    """
    applied = []
    for version in pending(conn, target):
        if before_step is not None:
            before_step(version)
        with transaction(conn, path):
            if current_version(conn) >= version:  # another process migrated meanwhile
                continue
            STEPS[version - 1](conn)
            conn.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, time.time()))
            conn.execute(f"PRAGMA user_version = {version}")
        applied.append(version)
    return applied
