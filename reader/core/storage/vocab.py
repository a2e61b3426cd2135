"""The learner's vocabulary: the words they saved, with reading, meaning, sentence, article and a status.

One entry per word: saving a word again fills in what was empty and keeps the status. Readings are stored as
numbered syllables ("zhi4 liang4") whichever form they come in; the window and the command line show them as the
user chose (`reader.core.lang.style.render`). Known words are a set of their own (`reader.core.storage.known`): a
saved word shows as "known" while it is in that set, and giving a saved word the status "known" puts it there.
Marking words known never adds vocabulary rows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import StorageProblem
from reader.core.lang.style import numbered_reading
from reader.core.storage.database import Handle
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

    def __init__(self, handle: Handle, known: KnownWords) -> None:
        self._handle = handle
        self._path = handle.path
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
        given = {"reading": numbered_reading(reading), "meaning": meaning, "sentence": sentence, "article_id": article_id}
        now = time.time()
        stored = "learning" if status == "known" else status  # "known" lives in the known words
        table = self._handle.table("vocab")
        with self._handle.transaction():
            saved = next(table.rows_where("word = ?", [word]), None)
            if saved is None:
                table.insert({"word": word, **given, "status": stored or "new", "created_at": now, "updated_at": now})
            else:
                filled = {key: saved[key] if saved[key] not in ("", None) else value for key, value in given.items()}
                table.update(saved["id"], {**filled, "status": stored or saved["status"], "deleted_at": None,
                                           "updated_at": now})
        self._mark(word, status)
        return self.get(word)

    def get(self, word: str) -> VocabEntry:
        """Return the entry of a word; StorageProblem when it is not saved."""
        rows = self._handle.conn.execute(  # raw read: a word's popup asks it (no sqlite-utils while only reading)
            f"SELECT {_COLUMNS} FROM {_FROM} WHERE v.word = ? AND v.deleted_at IS NULL", [word]
        ).fetchall()
        if not rows:
            raise StorageProblem(f"the word {word} is not in the vocabulary", self._path)
        return VocabEntry(*rows[0])

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
        where = " AND ".join(clauses)
        rows = self._handle.db.execute(f"SELECT {_COLUMNS} FROM {_FROM} WHERE {where} ORDER BY v.id", values)
        return [VocabEntry(*row) for row in rows.fetchall()]

    def set_status(self, word: str, status: str) -> VocabEntry:
        """Change the status of a saved word (new, learning, known: "known" puts it in the known words)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if status != "known":
            self._change(word, {"status": status, "updated_at": time.time()})
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
