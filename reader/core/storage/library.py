"""The library: every article the user opened, with its text, title, times and reading position.

An article is keyed by its source (`source_key`: the absolute path, or "bundled:<name>" for an article shipped with
the app); re-opening or re-importing the same file updates the entry. Its text is
kept twice, compressed, in one row of `article_texts`: as our Markdown (what the user can see and edit) and as the
article model in JSON (what the reader, anchoring and exports work from). Listing reads only the small `articles` table.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NamedTuple

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.model import Article
from reader.core.storage import search
from reader.core.storage.database import Handle
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
# Reads on the reopen path (start-up on the article read last: last_opened, get, article, mark_opened) go through the
# connection itself, so the first paint never waits for importing sqlite-utils (see reader.core.storage.database).


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

    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self._conn = handle.conn
        self._path = handle.path
        # Called with (article id, new article) inside the transaction that stores a changed text; the store
        # re-anchors the article's annotations there, so the new text and its anchors are committed together.
        self.after_text_change: Callable[[int, Article], Any] | None = None
        self.last_change_result: Any = None

    def add(self, article: Article, source_path: str | Path, markdown: str | None = None) -> LibraryEntry:
        """Add an article, or update the entry of the same source path; return the entry (now the most recent).

        Re-adding an unchanged article only marks it opened (its index and `updated_at` stay as they are); a changed
        one is re-indexed and `after_text_change` is called in the same transaction (the store re-anchors its
        annotations there), so a crash leaves either the old text with its anchors or the new text with new ones.
        """
        source = source_key(source_path)
        packed = (pack_text(article_markdown(article) if markdown is None else markdown),
                  pack_text(json.dumps(article.to_dict(), ensure_ascii=False)))
        now = time.time()
        self.last_change_result = None
        db = self._handle.db
        with self._handle.transaction():
            row = next(db.query(
                "SELECT a.id, t.markdown, t.article FROM articles a LEFT JOIN article_texts t ON t.article_id = a.id "
                "WHERE a.source_path = ?", [source]), None)
            if row is not None and (row["markdown"], row["article"]) == packed:
                self._handle.table("articles").update(row["id"], {"opened_at": now})
                return self.get(row["id"])
            article_id = self._write(row["id"] if row else None, article, source, packed, now)
            if row is not None and self.after_text_change is not None:
                self.last_change_result = self.after_text_change(article_id, article)
        return self.get(article_id)

    def _write(self, article_id: int | None, article: Article, source: str, packed: tuple[bytes, bytes], now: float) -> int:
        """Store a new or changed article and (re)index it, inside the caller's transaction; return its id."""
        db = self._handle.db
        fields = {"title": article.title, "char_count": article.text_length(), "opened_at": now, "updated_at": now}
        if article_id is None:
            article_id = self._handle.table("articles").insert({"source_path": source, "added_at": now, **fields}).last_pk
        else:
            self._unindex(article_id)
            self._handle.table("articles").update(article_id, fields)
        self._handle.table("article_texts").upsert({"article_id": article_id, "markdown": packed[0], "article": packed[1]},
                                   pk="article_id")
        text = search.document_text(article.title, [p.text for p in article.paragraphs()])
        search.index_document(db, article_id, text)
        return int(article_id)

    def _unindex(self, article_id: int) -> None:
        row = next(self._handle.table("article_texts").rows_where("article_id = ?", [article_id], select="article"), None)
        if row is not None:
            title, paragraphs = search.stored_document(row["article"])
            search.unindex_document(self._handle.db, article_id,
                                    search.document_text(title, [t for _, t in paragraphs]))

    def get(self, article_id: int) -> LibraryEntry:
        """Return the entry with this id; StorageProblem when there is none."""
        row = self._conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:  # raw read above: the reopen path (see _ENTRY_COLUMNS)
            raise StorageProblem(f"no article {article_id} in the library", self._path)
        return LibraryEntry(*row)

    def find(self, source_path: str | Path) -> LibraryEntry | None:
        """Return the entry of a source path, or None."""
        rows = self._handle.db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM articles WHERE source_path = ?", [source_key(source_path)]
        ).fetchall()
        return LibraryEntry(*rows[0]) if rows else None

    def list(self, limit: int | None = None, offset: int = 0) -> list[LibraryEntry]:
        """Return the entries, most recently opened first."""
        rows = self._conn.execute(  # raw read: the reopen path, and 10,000 rows as tuples (no dict per row)
            f"SELECT {_ENTRY_COLUMNS} FROM articles ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return list(map(LibraryEntry._make, rows))

    def count(self) -> int:
        """Return how many articles the library holds."""
        return self._handle.table("articles").count

    def last_opened(self) -> LibraryEntry | None:
        """Return the most recently opened entry, or None for an empty library."""
        entries = self.list(limit=1)
        return entries[0] if entries else None

    def mark_opened(self, article_id: int) -> None:
        """Record that the article was opened now (it moves to the top of the list)."""
        with self._handle.transaction() as conn:  # raw write: the reopen path (see _ENTRY_COLUMNS)
            conn.execute("UPDATE articles SET opened_at = ? WHERE id = ?", (time.time(), article_id))

    def article(self, article_id: int) -> Article:
        """Return the stored article model."""
        return Article.from_dict(json.loads(self._text(article_id, "article")))

    def markdown(self, article_id: int) -> str:
        """Return the stored Markdown text of an article."""
        return self._text(article_id, "markdown")

    def _text(self, article_id: int, column: str) -> str:
        """Return one stored text of an article, unpacked; StorageProblem when there is none."""
        row = self._conn.execute(  # raw read: the reopen path (see _ENTRY_COLUMNS)
            f"SELECT {column} FROM article_texts WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StorageProblem(f"no text stored for article {article_id}", self._path)
        return unpack_text(row[0])

    def remove(self, article_id: int) -> None:
        """Remove an article with its annotations and position (vocabulary keeps the word, loses the link)."""
        with self._handle.transaction():
            self._unindex(article_id)
            self._handle.table("articles").delete_where("id = ?", [article_id])

    def search(self, query: str, limit: int = 20) -> list[search.SearchHit]:
        """Return up to `limit` articles whose title or text contains every term of `query`, newest first."""
        return search.search(self._handle.db, query, limit)


class Positions:
    """Reading positions, one per article."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle

    def save(self, article_id: int, paragraph_id: str, char_offset: int = 0) -> None:
        """Remember where the reader is in an article."""
        # Raw SQL: every reading session saves positions, and sqlite-utils' imports (100-200 ms, 13 MiB) are kept for
        # the writes a reader asks for (bookmarks, notes, words), so a session of reading alone never loads them.
        with self._handle.transaction() as conn:
            conn.execute("INSERT INTO positions (article_id, paragraph_id, char_offset, saved_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(article_id) DO UPDATE SET paragraph_id = excluded.paragraph_id, "
                         "char_offset = excluded.char_offset, saved_at = excluded.saved_at",
                         (article_id, paragraph_id, char_offset, time.time()))

    def get(self, article_id: int) -> ReadingPosition | None:
        """Return the saved position of an article, or None."""
        row = self._handle.conn.execute(  # raw read: the reopen path (see _ENTRY_COLUMNS)
            "SELECT article_id, paragraph_id, char_offset, saved_at FROM positions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return ReadingPosition(*row) if row else None
