"""The user's corrections to the language layer: readings, word splits/merges, and their own glossary entries.

Plain tables for now; `reader.core.lang` reads them through this API (its `user_words` protocol, when it lands,
is implemented here).
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.storage.database import transaction


@dataclass(frozen=True)
class UserGlossaryEntry:
    """A glossary entry the user wrote."""

    term: str
    category: str
    english: str
    explanation: str


class UserLanguage:
    """User readings (one numbered syllable per character), segmentation fixes and user glossary."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path) -> None:
        self._conn = conn
        self._path = db_path

    def set_reading(self, word: str, readings: list[str]) -> None:
        """Store the user's reading of a word: one syllable per character (e.g. ["chong2", "xin1"])."""
        if len(readings) != len(word):
            raise ValueError(f"{word} has {len(word)} characters but {len(readings)} readings were given")
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO user_readings (word, readings, updated_at) VALUES (?, ?, ?)",
                (word, json.dumps(readings), time.time()),
            )

    def readings(self) -> dict[str, tuple[str, ...]]:
        """Return every user reading, by word."""
        rows = self._conn.execute("SELECT word, readings FROM user_readings").fetchall()
        return {word: tuple(json.loads(value)) for word, value in rows}

    def remove_reading(self, word: str) -> None:
        """Forget the user's reading of a word."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM user_readings WHERE word = ?", (word,))

    def set_segmentation(self, text: str, parts: list[str]) -> None:
        """Store how the user wants `text` split into words (parts must join back to text; one part = merge)."""
        if "".join(parts) != text:
            raise ValueError(f"the parts {parts} do not make up {text}")
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO user_segmentation (text, parts, updated_at) VALUES (?, ?, ?)",
                (text, json.dumps(parts, ensure_ascii=False), time.time()),
            )

    def segmentations(self) -> dict[str, tuple[str, ...]]:
        """Return every segmentation fix, by text."""
        rows = self._conn.execute("SELECT text, parts FROM user_segmentation").fetchall()
        return {text: tuple(json.loads(value)) for text, value in rows}

    def remove_segmentation(self, text: str) -> None:
        """Forget a segmentation fix."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM user_segmentation WHERE text = ?", (text,))

    def set_glossary_entry(self, entry: UserGlossaryEntry) -> None:
        """Add or replace a user glossary entry."""
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO user_glossary (term, category, english, explanation, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (entry.term, entry.category, entry.english, entry.explanation, time.time()),
            )

    def glossary(self) -> list[UserGlossaryEntry]:
        """Return the user glossary, by term."""
        rows = self._conn.execute("SELECT term, category, english, explanation FROM user_glossary ORDER BY term")
        return [UserGlossaryEntry(*row) for row in rows.fetchall()]

    def remove_glossary_entry(self, term: str) -> None:
        """Remove a user glossary entry."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM user_glossary WHERE term = ?", (term,))
