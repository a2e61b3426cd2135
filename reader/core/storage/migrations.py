"""Versioned schema migrations: one function per version, each run in one transaction with its record.

The schema version lives in `PRAGMA user_version` (written inside the same transaction as the change) and every
step also leaves a row in `schema_migrations`, so a database tells which steps built it and when.
Never edit a step that has shipped: add a new one. A step receives the sqlite-utils `Database` of the connection:
create tables with `db[name].create(...)`, change them with `db[name].transform(...)` where SQLite's ALTER cannot.

Why not sqlite-utils' own `Migrations`: it records steps by name in `_sqlite_migrations` but keeps no version number,
so a database from a newer Dubao could not be recognised (and refused) by reading its header before any write; it
has no hook to back up before each step; and it begins deferred transactions (see `database.transaction`).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reader.core.storage.database import transaction, utils_database

if TYPE_CHECKING:
    from sqlite_utils import Database


def _run_script(db: Database, script: str) -> None:
    """Run `;`-separated statements inside the caller's transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)

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


def _v1_core(db: Database) -> None:
    """Library, reading positions, annotations and vocabulary."""
    _run_script(db, V1_SCHEMA)  # raw SQL: shipped as written, and sqlite-utils' create() cannot declare CHECK


def _v2_search(db: Database) -> None:
    """Full-text search over titles and text (character bigrams; see reader.core.storage.search)."""
    from reader.core.storage import search

    search.create_index(db)
    for row in db.query("SELECT article_id, article_json FROM article_bodies"):
        title, paragraphs = search.stored_document(row["article_json"])
        search.index_document(db, row["article_id"], search.document_text(title, [text for _, text in paragraphs]))


def _v3_user_language(db: Database) -> None:
    """User readings, segmentation fixes and the user's own glossary entries."""
    db["user_readings"].create({"word": str, "readings": str, "updated_at": float}, pk="word",
                               not_null={"readings", "updated_at"})
    db["user_segmentation"].create({"text": str, "parts": str, "updated_at": float}, pk="text",
                                   not_null={"parts", "updated_at"})
    texts = ("category", "english", "explanation")
    db["user_glossary"].create({"term": str, **dict.fromkeys(texts, str), "updated_at": float}, pk="term",
                               not_null={*texts, "updated_at"}, defaults=dict.fromkeys(texts, ""))


def _v4_packed_texts(db: Database) -> None:
    """Article texts stored compressed (about half the size), in `article_texts`."""
    from sqlite_utils.db import ForeignKey

    from reader.core.storage.packing import pack_text

    db["article_texts"].create(
        {"article_id": int, "markdown": bytes, "article": bytes}, pk="article_id", not_null={"markdown", "article"},
        foreign_keys=[ForeignKey("article_texts", "article_id", "articles", "id", on_delete="CASCADE")],
    )
    db["article_texts"].insert_all(
        {"article_id": row["article_id"], "markdown": pack_text(row["markdown"]), "article": pack_text(row["article_json"])}
        for row in db.query("SELECT article_id, markdown, article_json FROM article_bodies")
    )
    db["article_bodies"].drop()


def _v5_listing_index(db: Database) -> None:
    """An index that serves the recent-first listing whole (no sort of ties)."""
    from sqlite_utils.db import DescIndex

    db["articles"].create_index([DescIndex("opened_at"), DescIndex("id")], index_name="articles_by_recency")
    db["articles"].drop_index("articles_by_opened")


def _v6_numbered_readings(db: Database) -> None:
    """Vocabulary readings in one form, numbered syllables ("zhi4 liang4"): the command line used to store marks."""
    from reader.core.lang.style import numbered_reading

    vocab = db["vocab"]
    for row in list(vocab.rows_where("reading != ''", select="id, reading")):
        numbered = numbered_reading(row["reading"])
        if numbered != row["reading"]:
            vocab.update(row["id"], {"reading": numbered})


def _v7_known_words(db: Database) -> None:
    """Known words as a set of their own; the vocabulary keeps only the words the learner saved.

    A vocabulary row marked known moves into the set. A row with nothing else in it (no reading, meaning, sentence
    or article: what "Mark All Known" used to add by the thousand) is removed; a row the learner filled stays in the
    vocabulary as "learning", and shows as known as long as the word is in the set.
    """
    from reader.core.storage import known

    known.create_table(db)
    db.execute(
        "INSERT OR IGNORE INTO known_words (word, source, added_at) "
        "SELECT word, 'vocabulary', updated_at FROM vocab WHERE status = 'known' AND deleted_at IS NULL"
    )
    db.execute(
        "DELETE FROM vocab WHERE status = 'known' AND reading = '' AND meaning = '' AND sentence = '' "
        "AND article_id IS NULL"
    )
    db.execute("UPDATE vocab SET status = 'learning' WHERE status = 'known'")


def _v8_article_profiles(db: Database) -> None:
    """Each article's word profile, so the library shows how much of it the learner knows."""
    from reader.core.storage import profiles

    profiles.create_table(db)


def _v9_feeds(db: Database) -> None:
    """News feeds the user subscribed to, and their items (each item's page is an article of the library)."""
    _run_script(
        db,
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


def _v10_full_user_glossary(db: Database) -> None:
    """User glossary entries with every field of the shipped glossary (reading, aliases, both explanations), stored
    as one JSON document per term, so the database can be the user glossary's one home."""
    import json

    old = list(db["user_glossary"].rows)
    db["user_glossary"].drop()
    db["user_glossary"].create({"term": str, "entry": str, "updated_at": float}, pk="term",
                               not_null={"entry", "updated_at"})
    db["user_glossary"].insert_all(
        {"term": row["term"], "updated_at": row["updated_at"],
         "entry": json.dumps({"term": row["term"], "pinyin": "", "category": row["category"],
                              "english": row["english"], "explanation_en": row["explanation"], "override": True},
                             ensure_ascii=False)}
        for row in old)


def _v11_word_lists(db: Database) -> None:
    """Word lists the user imported (CC-CEDICT or TSV), shown in the popup after the built-in dictionary."""
    from reader.core import wordlists

    wordlists.create_table(db)


STEPS: tuple[Callable[[Database], None], ...] = (
    _v1_core, _v2_search, _v3_user_language, _v4_packed_texts, _v5_listing_index, _v6_numbered_readings,
    _v7_known_words, _v8_article_profiles, _v9_feeds, _v10_full_user_glossary,
    _v11_word_lists,
)
LATEST_VERSION = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    """Return the schema version the database is at (0 for an empty one)."""
    # Raw SQL: sqlite-utils has no API for user_version, and this read is on the reopen path (no sqlite-utils import).
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
    steps = pending(conn, target)
    db = utils_database(conn) if steps else None
    for version in steps:
        if before_step is not None:
            before_step(version)
        with transaction(conn, path):
            if current_version(conn) >= version:  # another process migrated meanwhile
                continue
            STEPS[version - 1](db)
            db["schema_migrations"].insert({"version": version, "applied_at": time.time()})
            db.execute(f"PRAGMA user_version = {version}")  # raw: sqlite-utils has no API for user_version
        applied.append(version)
    return applied
