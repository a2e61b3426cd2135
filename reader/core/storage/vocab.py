"""The learner's vocabulary: words with reading, meaning, the sentence they came from, the article, and a status.

One entry per word: saving a word again fills in what was empty and keeps the status. Readings are stored as
numbered syllables ("zhi4 liang4") whichever form they come in; the window and the command line show them as the
user chose (`reader.core.lang.style.render`). "Mark all words up to HSK
level N known" takes the words from the caller (the HSK lists belong to the language layer).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from reader.core.errors import StorageProblem
from reader.core.lang.style import numbered_reading
from reader.core.storage.database import Handle

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

    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self._path = handle.path

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
        given = {"reading": numbered_reading(reading), "meaning": meaning, "sentence": sentence, "article_id": article_id}
        now = time.time()
        table = self._handle.table("vocab")
        with self._handle.transaction():
            saved = next(table.rows_where("word = ?", [word]), None)
            if saved is None:
                table.insert({"word": word, **given, "status": status or "new", "created_at": now, "updated_at": now})
            else:
                filled = {key: saved[key] if saved[key] not in ("", None) else value for key, value in given.items()}
                table.update(saved["id"], {**filled, "status": status or saved["status"], "deleted_at": None,
                                           "updated_at": now})
        return self.get(word)

    def get(self, word: str) -> VocabEntry:
        """Return the entry of a word; StorageProblem when it is not saved."""
        rows = self._handle.db.execute(
            f"SELECT {_COLUMNS} FROM vocab WHERE word = ? AND deleted_at IS NULL", [word]
        ).fetchall()
        if not rows:
            raise StorageProblem(f"the word {word} is not in the vocabulary", self._path)
        return VocabEntry(*rows[0])

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
        rows = self._handle.db.execute(f"SELECT {_COLUMNS} FROM vocab WHERE {' AND '.join(clauses)} ORDER BY id", values)
        return [VocabEntry(*row) for row in rows.fetchall()]

    def set_status(self, word: str, status: str) -> VocabEntry:
        """Change the status of a saved word (new, learning, known)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self._change(word, {"status": status, "updated_at": time.time()})
        return self.get(word)

    def delete(self, word: str) -> None:
        """Remove a word, undoably (see `restore`)."""
        self._change(word, {"deleted_at": time.time()})

    def restore(self, word: str) -> VocabEntry:
        """Undo the removal of a word."""
        self._change(word, {"deleted_at": None})
        return self.get(word)

    def _change(self, word: str, fields: dict) -> None:
        """Write some fields of a saved word in one transaction (a word not saved changes nothing)."""
        table = self._handle.table("vocab")
        with self._handle.transaction():
            saved = next(table.rows_where("word = ?", [word], select="id"), None)
            if saved is not None:
                table.update(saved["id"], fields)

    def mark_known(self, words: Iterable[str] | Callable[[], Iterable[str]]) -> int:
        """Mark every given word known (adding the ones not saved yet); return how many words that touched.

        For "all words up to HSK level N", pass the language layer's word list for levels 1..N (or a callable
        returning it).
        """
        chosen = words() if callable(words) else words
        now = time.time()
        listed = [w.strip() for w in chosen if w and w.strip()]
        db = self._handle.db
        with self._handle.transaction():
            self._handle.table("vocab").insert_all(({"word": w, "status": "known", "created_at": now, "updated_at": now} for w in listed),
                                   ignore=True)
            db.execute(  # sqlite-utils updates one row per call by key; one statement serves thousands of HSK words
                "UPDATE vocab SET status = 'known', deleted_at = NULL, updated_at = ? "
                "WHERE word IN (SELECT value FROM json_each(?))",
                [now, json.dumps(listed, ensure_ascii=False)],
            )
        return len(listed)

    def known_words(self) -> frozenset[str]:
        """Return the words marked known (for the "unknown words only" pinyin mode)."""
        rows = self._handle.conn.execute(  # raw read: on the reopen path (the pinyin mode needs it before painting)
            "SELECT word FROM vocab WHERE status = 'known' AND deleted_at IS NULL"
        ).fetchall()
        return frozenset(row[0] for row in rows)
