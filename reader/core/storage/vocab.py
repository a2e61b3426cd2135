"""The learner's vocabulary: words with reading, meaning, the sentence they came from, the article, and a status.

One entry per word: saving a word again fills in what was empty and keeps the status. "Mark all words up to HSK
level N known" takes the words from the caller (the HSK lists belong to the language layer).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from reader.core.errors import StorageProblem
from reader.core.storage.database import transaction

STATUSES = ("new", "learning", "known")


@dataclass(frozen=True)
class VocabEntry:
    """A saved word."""

    id: int
    word: str
    reading: str
    meaning: str
    sentence: str
    article_id: int | None
    status: str
    created_at: float
    updated_at: float


_COLUMNS = "id, word, reading, meaning, sentence, article_id, status, created_at, updated_at"


class Vocabulary:
    """Save, list, filter and change the status of words."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path) -> None:
        self._conn = conn
        self._path = db_path

    def add(
        self,
        word: str,
        reading: str = "",
        meaning: str = "",
        sentence: str = "",
        article_id: int | None = None,
        status: str | None = None,
    ) -> VocabEntry:
        """Save a word (or fill in the empty fields of a saved one) and return it."""
        word = word.strip()
        if not word:
            raise ValueError("an empty word cannot be saved")
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        now = time.time()
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT INTO vocab (word, reading, meaning, sentence, article_id, status, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (word) DO UPDATE SET "
                "reading = CASE WHEN reading = '' THEN excluded.reading ELSE reading END, "
                "meaning = CASE WHEN meaning = '' THEN excluded.meaning ELSE meaning END, "
                "sentence = CASE WHEN sentence = '' THEN excluded.sentence ELSE sentence END, "
                "article_id = coalesce(article_id, excluded.article_id), "
                "status = CASE WHEN ? IS NULL THEN status ELSE excluded.status END, "
                "deleted_at = NULL, updated_at = excluded.updated_at",
                (word, reading, meaning, sentence, article_id, status or "new", now, now, status),
            )
        return self.get(word)

    def get(self, word: str) -> VocabEntry:
        """Return the entry of a word; StorageProblem when it is not saved."""
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM vocab WHERE word = ? AND deleted_at IS NULL", (word,)
        ).fetchone()
        if row is None:
            raise StorageProblem(f"the word {word} is not in the vocabulary", self._path)
        return VocabEntry(*row)

    def list(self, status: str | None = None, search: str | None = None, article_id: int | None = None) -> list[VocabEntry]:
        """Return saved words, oldest first, filtered by status, a text to find in word/reading/meaning, article."""
        clauses, values = ["deleted_at IS NULL"], []
        if status is not None:
            clauses.append("status = ?")
            values.append(status)
        if article_id is not None:
            clauses.append("article_id = ?")
            values.append(article_id)
        if search:
            clauses.append("(instr(word, ?) > 0 OR instr(reading, ?) > 0 OR instr(meaning, ?) > 0)")
            values += [search, search, search]
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM vocab WHERE {' AND '.join(clauses)} ORDER BY id", values)
        return [VocabEntry(*row) for row in rows.fetchall()]

    def set_status(self, word: str, status: str) -> VocabEntry:
        """Change the status of a saved word (new, learning, known)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE vocab SET status = ?, updated_at = ? WHERE word = ?", (status, time.time(), word))
        return self.get(word)

    def delete(self, word: str) -> None:
        """Remove a word, undoably (see `restore`)."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE vocab SET deleted_at = ? WHERE word = ?", (time.time(), word))

    def restore(self, word: str) -> VocabEntry:
        """Undo the removal of a word."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE vocab SET deleted_at = NULL WHERE word = ?", (word,))
        return self.get(word)

    def mark_known(self, words: Iterable[str] | Callable[[], Iterable[str]]) -> int:
        """Mark every given word known (adding the ones not saved yet); return how many words that touched.

        For "all words up to HSK level N", pass the language layer's word list for levels 1..N (or a callable
        returning it).
        """
        chosen = words() if callable(words) else words
        now = time.time()
        rows = [(w.strip(), now, now) for w in chosen if w and w.strip()]
        with transaction(self._conn, self._path) as conn:
            conn.executemany(
                "INSERT INTO vocab (word, status, created_at, updated_at) VALUES (?, 'known', ?, ?) "
                "ON CONFLICT (word) DO UPDATE SET status = 'known', deleted_at = NULL, updated_at = excluded.updated_at",
                rows,
            )
        return len(rows)

    def known_words(self) -> frozenset[str]:
        """Return the words marked known (for the "unknown words only" pinyin mode)."""
        rows = self._conn.execute("SELECT word FROM vocab WHERE status = 'known' AND deleted_at IS NULL").fetchall()
        return frozenset(row[0] for row in rows)
