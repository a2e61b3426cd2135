"""The library: every article the user opened, with its text, title, times and reading position.

An article is keyed by its source (`source_key`: the absolute path, or "bundled:<name>" for an article shipped with
the app); re-opening or re-importing the same file updates the entry. Its text is
kept twice, compressed, in one row of `article_texts`: as our Markdown (what the user can see and edit) and as the
article model in JSON (what the reader, anchoring and exports work from). Listing reads only the small `articles` table.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NamedTuple

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.model import Article
from reader.core.storage import search
from reader.core.storage.database import transaction
from reader.core.storage.packing import pack_text, unpack_text


class LibraryEntry(NamedTuple):
    """An article in the library (without its text); a named tuple, as listing 10,000 of them must be quick."""

    id: int
    source_path: str
    title: str
    char_count: int
    added_at: float
    opened_at: float
    updated_at: float


@dataclass(frozen=True)
class ReadingPosition:
    """Where the reader was in an article: a paragraph and a character offset in it."""

    article_id: int
    paragraph_id: str
    char_offset: int
    saved_at: float


_ENTRY_COLUMNS = "id, source_path, title, char_count, added_at, opened_at, updated_at"


BUNDLED_PREFIX = "bundled:"


def source_key(source_path: str | Path) -> str:
    """Return the library key of a source: "bundled:<name>" for an article shipped with the app (its folder moves
    with every install, or per run in a frozen bundle), else the absolute path; other keys pass through unchanged."""
    text = str(source_path)
    if text.startswith(BUNDLED_PREFIX) or "://" in text:
        return text
    path = Path(text).expanduser()
    try:
        resolved = path.resolve()
    except OSError:
        return str(path)
    try:
        return BUNDLED_PREFIX + resolved.relative_to(paths.articles_dir().resolve()).as_posix()
    except ValueError:
        return str(resolved)


def article_markdown(article: Article) -> str:
    """Return our Markdown for an article (the importer's format)."""
    from reader.core.importer import to_markdown  # the importer is heavy; only writing an article needs it

    return to_markdown(article)


class Library:
    """Add, list, open and search the articles of the library."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path) -> None:
        self._conn = conn
        self._path = db_path
        # Called with (article id, new article) after a stored article's text changed; the store re-anchors the
        # article's annotations there, so whoever re-imports a file never leaves notes pointing at old text.
        self.after_text_change: Callable[[int, Article], Any] | None = None
        self.last_change_result: Any = None

    def add(self, article: Article, source_path: str | Path, markdown: str | None = None) -> LibraryEntry:
        """Add an article, or update the entry of the same source path; return the entry (now the most recent).

        Re-adding an unchanged article only marks it opened (its index and `updated_at` stay as they are); a changed
        one is re-indexed and `after_text_change` is called (the store re-anchors its annotations there).
        """
        source = source_key(source_path)
        packed_article = pack_text(json.dumps(article.to_dict(), ensure_ascii=False))
        packed_markdown = pack_text(article_markdown(article) if markdown is None else markdown)
        now = time.time()
        with transaction(self._conn, self._path) as conn:
            row = conn.execute(
                "SELECT a.id, t.article, t.markdown FROM articles a LEFT JOIN article_texts t ON t.article_id = a.id "
                "WHERE a.source_path = ?",
                (source,),
            ).fetchone()
            unchanged = row is not None and (row[1], row[2]) == (packed_article, packed_markdown)
            if unchanged:
                conn.execute("UPDATE articles SET opened_at = ? WHERE id = ?", (now, row[0]))
                article_id = row[0]
            else:
                article_id = self._write(row[0] if row else None, article, source, (packed_markdown, packed_article), now)
        self.last_change_result = None
        if row is not None and not unchanged and self.after_text_change is not None:
            self.last_change_result = self.after_text_change(article_id, article)
        return self.get(article_id)

    def _write(self, article_id: int | None, article: Article, source: str, packed: tuple[bytes, bytes], now: float) -> int:
        """Store a new or changed article and (re)index it, inside the caller's transaction; return its id."""
        if article_id is None:
            article_id = self._conn.execute(
                "INSERT INTO articles (source_path, title, char_count, added_at, opened_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (source, article.title, article.text_length(), now, now, now),
            ).lastrowid
        else:
            self._unindex(article_id)
            self._conn.execute(
                "UPDATE articles SET title = ?, char_count = ?, opened_at = ?, updated_at = ? WHERE id = ?",
                (article.title, article.text_length(), now, now, article_id),
            )
        self._conn.execute(
            "INSERT OR REPLACE INTO article_texts (article_id, markdown, article) VALUES (?, ?, ?)",
            (article_id, *packed),
        )
        text = search.document_text(article.title, [p.text for p in article.paragraphs()])
        search.index_document(self._conn, article_id, text)
        return int(article_id)

    def _unindex(self, article_id: int) -> None:
        row = self._conn.execute("SELECT article FROM article_texts WHERE article_id = ?", (article_id,)).fetchone()
        if row is not None:
            title, paragraphs = search.stored_document(row[0])
            search.unindex_document(self._conn, article_id, search.document_text(title, [t for _, t in paragraphs]))

    def get(self, article_id: int) -> LibraryEntry:
        """Return the entry with this id; StorageProblem when there is none."""
        row = self._conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StorageProblem(f"no article {article_id} in the library", self._path)
        return LibraryEntry(*row)

    def find(self, source_path: str | Path) -> LibraryEntry | None:
        """Return the entry of a source path, or None."""
        row = self._conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM articles WHERE source_path = ?", (source_key(source_path),)
        ).fetchone()
        return LibraryEntry(*row) if row else None

    def list(self, limit: int | None = None, offset: int = 0) -> list[LibraryEntry]:
        """Return the entries, most recently opened first."""
        rows = self._conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM articles ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return list(map(LibraryEntry._make, rows))

    def count(self) -> int:
        """Return how many articles the library holds."""
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def last_opened(self) -> LibraryEntry | None:
        """Return the most recently opened entry, or None for an empty library."""
        entries = self.list(limit=1)
        return entries[0] if entries else None

    def mark_opened(self, article_id: int) -> None:
        """Record that the article was opened now (it moves to the top of the list)."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE articles SET opened_at = ? WHERE id = ?", (time.time(), article_id))

    def article(self, article_id: int) -> Article:
        """Return the stored article model."""
        row = self._conn.execute("SELECT article FROM article_texts WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            raise StorageProblem(f"no text stored for article {article_id}", self._path)
        return Article.from_dict(json.loads(unpack_text(row[0])))

    def markdown(self, article_id: int) -> str:
        """Return the stored Markdown text of an article."""
        row = self._conn.execute("SELECT markdown FROM article_texts WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            raise StorageProblem(f"no text stored for article {article_id}", self._path)
        return unpack_text(row[0])

    def remove(self, article_id: int) -> None:
        """Remove an article with its annotations and position (vocabulary keeps the word, loses the link)."""
        with transaction(self._conn, self._path) as conn:
            self._unindex(article_id)
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def search(self, query: str, limit: int = 20) -> list[search.SearchHit]:
        """Return up to `limit` articles whose title or text contains every term of `query`, newest first."""
        return search.search(self._conn, query, limit)


class Positions:
    """Reading positions, one per article."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path) -> None:
        self._conn = conn
        self._path = db_path

    def save(self, article_id: int, paragraph_id: str, char_offset: int = 0) -> None:
        """Remember where the reader is in an article."""
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO positions (article_id, paragraph_id, char_offset, saved_at) VALUES (?, ?, ?, ?)",
                (article_id, paragraph_id, char_offset, time.time()),
            )

    def get(self, article_id: int) -> ReadingPosition | None:
        """Return the saved position of an article, or None."""
        row = self._conn.execute(
            "SELECT article_id, paragraph_id, char_offset, saved_at FROM positions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return ReadingPosition(*row) if row else None
