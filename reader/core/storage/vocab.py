"""The learner's vocabulary: the words they saved, with reading, meaning, sentence, article and a status.

One entry per word: saving a word again fills in what was empty and keeps the status. Known words are a set of their
own (`reader.core.storage.known`): a saved word shows as "known" while it is in that set, and giving a saved word
the status "known" puts it there. Marking words known never adds vocabulary rows.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import StorageProblem
from reader.core.storage.database import transaction
from reader.core.storage.known import KnownWords

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


_COLUMNS = ("v.id, v.word, v.reading, v.meaning, v.sentence, v.article_id, "
            "CASE WHEN k.word IS NULL THEN v.status ELSE 'known' END, v.created_at, v.updated_at")
_FROM = "vocab v LEFT JOIN known_words k ON k.word = v.word"
_STATUS = "(CASE WHEN k.word IS NULL THEN v.status ELSE 'known' END)"


class Vocabulary:
    """Save, list, filter and change the status of words."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path, known: KnownWords) -> None:
        self._conn = conn
        self._path = db_path
        self._known = known

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
        stored = "learning" if status == "known" else status
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
                (word, reading, meaning, sentence, article_id, stored or "new", now, now, stored),
            )
        self._mark(word, status)
        return self.get(word)

    def get(self, word: str) -> VocabEntry:
        """Return the entry of a word; StorageProblem when it is not saved."""
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM {_FROM} WHERE v.word = ? AND v.deleted_at IS NULL", (word,)
        ).fetchone()
        if row is None:
            raise StorageProblem(f"the word {word} is not in the vocabulary", self._path)
        return VocabEntry(*row)

    def list(self, status: str | None = None, search: str | None = None, article_id: int | None = None) -> list[VocabEntry]:
        """Return saved words, oldest first, filtered by status, a text to find in word/reading/meaning, article."""
        clauses, values = ["v.deleted_at IS NULL"], []
        if status is not None:
            clauses.append(f"{_STATUS} = ?")
            values.append(status)
        if article_id is not None:
            clauses.append("v.article_id = ?")
            values.append(article_id)
        if search:
            clauses.append("(instr(v.word, ?) > 0 OR instr(v.reading, ?) > 0 OR instr(v.meaning, ?) > 0)")
            values += [search, search, search]
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM {_FROM} WHERE {' AND '.join(clauses)} ORDER BY v.id", values)
        return [VocabEntry(*row) for row in rows.fetchall()]

    def set_status(self, word: str, status: str) -> VocabEntry:
        """Change the status of a saved word (new, learning, known: "known" puts it in the known words)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if status != "known":
            with transaction(self._conn, self._path) as conn:
                conn.execute("UPDATE vocab SET status = ?, updated_at = ? WHERE word = ?", (status, time.time(), word))
        self._mark(word, status)
        return self.get(word)

    def _mark(self, word: str, status: str | None) -> None:
        """Keep the known-words set in step with a status given to a saved word."""
        if status == "known":
            self._known.add([word])
        elif status is not None:
            self._known.remove([word])

    def delete(self, word: str) -> None:
        """Remove a word, undoably (see `restore`)."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE vocab SET deleted_at = ? WHERE word = ?", (time.time(), word))

    def restore(self, word: str) -> VocabEntry:
        """Undo the removal of a word."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE vocab SET deleted_at = NULL WHERE word = ?", (word,))
        return self.get(word)
