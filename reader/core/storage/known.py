"""The words the learner knows: a set of its own, apart from the vocabulary (the words they chose to study).

Marking a word known never adds a vocabulary row; "mark all words up to HSK level N known" takes the words from the
caller (the HSK lists belong to the language layer). A word's status is the same everywhere: "known" when it is in
this set, else the status of its vocabulary entry (new, learning), else not saved at all.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from reader.core.storage.database import Handle

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "known_words"


@dataclass(frozen=True)
class KnownWord:
    """A word marked known, with how it got there ("word", "hsk 3", "vocabulary", "pack") and when."""

    word: str
    source: str
    added_at: float


def create_table(db: Database) -> None:
    """Create the known-words table (a migration step calls this inside its transaction)."""
    db[TABLE].create(
        {"word": str, "source": str, "added_at": float}, pk="word", not_null={"source", "added_at"},
        defaults={"source": "word"})


class KnownWords:
    """Add, remove and list the learner's known words."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self._cached: frozenset[str] | None = None

    def add(self, words: Iterable[str], source: str = "word") -> int:
        """Mark words known; return how many were not known before (blank words are ignored)."""
        chosen = list(dict.fromkeys(w.strip() for w in words if w and w.strip()))
        if not chosen:
            return 0
        before = self.words()
        now = time.time()
        with self._handle.transaction():
            rows = ({"word": w, "source": source, "added_at": now} for w in chosen)
            self._handle.table(TABLE).insert_all(rows, ignore=True, batch_size=500)
        self._cached = None
        return sum(1 for w in chosen if w not in before)

    def remove(self, words: Iterable[str]) -> int:
        """Unmark words; return how many had been known."""
        chosen = [w.strip() for w in words if w and w.strip()]
        known = self.words()
        gone = [w for w in dict.fromkeys(chosen) if w in known]
        if gone:
            with self._handle.transaction():
                for start in range(0, len(gone), 500):
                    chunk = gone[start : start + 500]
                    self._handle.table(TABLE).delete_where(f"word IN ({','.join('?' * len(chunk))})", chunk)
            self._cached = None
        return len(gone)

    def words(self) -> frozenset[str]:
        """Return every known word (read once, then kept until this object changes the set)."""
        if self._cached is None:
            rows = self._handle.conn.execute(f"SELECT word FROM {TABLE}")  # raw read: the reopen path needs it
            self._cached = frozenset(row[0] for row in rows)
        return self._cached

    def forget_cached(self) -> None:
        """Read the set again next time (another process may have changed it)."""
        self._cached = None

    def __contains__(self, word: object) -> bool:
        return word in self.words()

    def list(self) -> list[KnownWord]:
        """Return the known words, most recently marked first."""
        rows = self._handle.table(TABLE).rows_where(order_by="added_at DESC, word",
                                                            select="word, source, added_at")
        return [KnownWord(row["word"], row["source"], row["added_at"]) for row in rows]
