"""The user's corrections to the language layer: readings, word splits/merges, and their own glossary entries.

`UserLanguage` implements the language layer's `reader.core.lang.user_words.UserWords` protocol (merged_words,
splits, reading_overrides, version) over SQLite, plus the editing calls of its in-memory twin (merge, split,
set_reading, forget), so a correction made in the window is kept and applies in every article.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass

from reader.core.storage.database import Handle

_NUMBERED_SYLLABLE = re.compile(r"^[a-zv]+[1-5]$")


def _is_numbered_syllable(syllable: str) -> bool:
    try:
        from reader.core.lang.style import is_numbered_syllable
    except ImportError:
        return bool(_NUMBERED_SYLLABLE.match(syllable))
    return bool(is_numbered_syllable(syllable))


@dataclass(frozen=True)
class UserGlossaryEntry:
    """A glossary entry the user wrote."""

    term: str
    category: str
    english: str
    explanation: str


class UserLanguage:
    """User readings (one numbered syllable per character), segmentation fixes and user glossary."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle

    def set_reading(self, word: str, readings: list[str]) -> None:
        """Store the user's reading of a word: one syllable per character (e.g. ["chong2", "xin1"])."""
        if len(readings) != len(word) or not all(_is_numbered_syllable(s) for s in readings):
            raise ValueError(f"{list(readings)} is not one numbered syllable per character of {word!r}")
        self._upsert("user_readings", {"word": word, "readings": json.dumps(readings), "updated_at": time.time()}, "word")

    def readings(self) -> dict[str, tuple[str, ...]]:
        """Return every user reading, by word."""
        return {row["word"]: tuple(json.loads(row["readings"])) for row in self._handle.table("user_readings").rows}

    def remove_reading(self, word: str) -> None:
        """Forget the user's reading of a word."""
        self._delete("user_readings", "word", word)

    def set_segmentation(self, text: str, parts: list[str]) -> None:
        """Store how the user wants `text` split into words (parts must join back to text; one part = merge)."""
        if "".join(parts) != text:
            raise ValueError(f"the parts {parts} do not make up {text}")
        row = {"text": text, "parts": json.dumps(parts, ensure_ascii=False), "updated_at": time.time()}
        self._upsert("user_segmentation", row, "text")

    def segmentations(self) -> dict[str, tuple[str, ...]]:
        """Return every segmentation fix, by text."""
        return {row["text"]: tuple(json.loads(row["parts"])) for row in self._handle.table("user_segmentation").rows}

    def remove_segmentation(self, text: str) -> None:
        """Forget a segmentation fix."""
        self._delete("user_segmentation", "text", text)

    def set_glossary_entry(self, entry: UserGlossaryEntry) -> None:
        """Add or replace a user glossary entry."""
        row = {"term": entry.term, "category": entry.category, "english": entry.english,
               "explanation": entry.explanation, "updated_at": time.time()}
        self._upsert("user_glossary", row, "term")

    def glossary(self) -> list[UserGlossaryEntry]:
        """Return the user glossary, by term."""
        rows = self._handle.table("user_glossary").rows_where(select="term, category, english, explanation", order_by="term")
        return [UserGlossaryEntry(**row) for row in rows]

    def remove_glossary_entry(self, term: str) -> None:
        """Remove a user glossary entry."""
        self._delete("user_glossary", "term", term)

    def _upsert(self, table: str, row: dict, key: str) -> None:
        """Add or replace one row, keyed by `key`, in one transaction."""
        with self._handle.transaction():
            self._handle.table(table).upsert(row, pk=key)

    def _delete(self, table: str, key: str, value: str) -> None:
        """Remove the row whose `key` is `value` (none there: nothing happens), in one transaction."""
        with self._handle.transaction():
            self._handle.table(table).delete_where(f"{key} = ?", [value])

    # The UserWords protocol of reader.core.lang.user_words, and the editing calls of InMemoryUserWords.

    def merge(self, word: str) -> None:
        """Read `word` as one word from now on (replaces a split of the same text)."""
        if len(word) < 2:
            raise ValueError("a merged word needs at least two characters")
        self.set_segmentation(word, [word])

    def split(self, word: str, parts: list[str]) -> None:
        """Cut `word` into `parts` from now on; the parts must join back to the word."""
        if len(parts) < 2 or not all(parts):
            raise ValueError(f"the parts {list(parts)} do not make up {word!r}")
        self.set_segmentation(word, list(parts))

    def forget(self, word: str) -> None:
        """Drop every correction of `word` (merge, split and reading)."""
        with self._handle.transaction():
            self._delete("user_segmentation", "text", word)
            self._delete("user_readings", "word", word)

    def merged_words(self) -> frozenset[str]:
        """Return the texts the user wants read as one word."""
        return frozenset(text for text, parts in self.segmentations().items() if len(parts) == 1)

    def splits(self) -> dict[str, tuple[str, ...]]:
        """Return word -> the parts it is to be cut into."""
        return {text: parts for text, parts in self.segmentations().items() if len(parts) > 1}

    def reading_overrides(self) -> dict[str, tuple[str, ...]]:
        """Return word -> numbered syllables, one per character."""
        return self.readings()

    def version(self) -> str:
        """Return a short fingerprint that changes whenever any correction changes."""
        content = json.dumps(
            [sorted(self.merged_words()), sorted(self.splits().items()), sorted(self.reading_overrides().items())],
            ensure_ascii=False,
        )
        return hashlib.blake2b(content.encode("utf-8"), digest_size=8).hexdigest()
