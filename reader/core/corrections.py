"""The learner's corrections of the language layer, kept in the library database and read by every process.

- `read_saved(data_dir)` reads the corrections (readings, splits, merges) and the user glossary straight from the
  database file, read-only and without sqlite-utils: the language service of the window, of the command line and
  of the annotation child process all start from it (`reader.core.lang.service.LanguageService`).
- `Corrections` changes them (a reading, a split, a merge, removing one), with undo, and tells the language service
  to read them again. A correction applies to every occurrence of the word, in every article: the annotation cache
  keys each paragraph by the corrections of the words it contains, so only the paragraphs holding a corrected word
  are read again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core import paths
from reader.core.lang.user_words import InMemoryUserWords

if TYPE_CHECKING:
    from reader.core.lang.glossary import GlossaryEntry
    from reader.core.storage import Store

DATABASE_NAME = "dubao.sqlite3"  # reader.core.storage.database.DATABASE_NAME (not imported: the reopen path is lean)


@dataclass
class SavedLanguage:
    """What the database holds for the language layer: word corrections and the user's glossary entries."""

    user_words: InMemoryUserWords = field(default_factory=InMemoryUserWords)
    glossary: list[GlossaryEntry] = field(default_factory=list)


def read_saved(data_dir: str | Path | None = None) -> SavedLanguage:
    """Return the corrections and user glossary saved in a data folder's database (empty when there is none yet)."""
    path = paths.data_dir(data_dir) / DATABASE_NAME
    saved = SavedLanguage()
    if not path.exists():
        return saved
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return saved
    try:
        _read_words(conn, saved.user_words)
        saved.glossary = _read_glossary(conn)
    except sqlite3.Error:
        pass  # an older database (or one being migrated) has no corrections yet
    finally:
        conn.close()
    return saved


def _read_words(conn: sqlite3.Connection, words: InMemoryUserWords) -> None:
    for text, parts in conn.execute("SELECT text, parts FROM user_segmentation").fetchall():
        parts = json.loads(parts)
        try:
            words.merge(text) if len(parts) == 1 else words.split(text, parts)
        except ValueError:
            continue  # a malformed row is skipped rather than stopping every reading
    for word, readings in conn.execute("SELECT word, readings FROM user_readings").fetchall():
        try:
            words.set_reading(word, json.loads(readings))
        except ValueError:
            continue


def _read_glossary(conn: sqlite3.Connection) -> list[GlossaryEntry]:
    from reader.core.storage.user_language import entry_from_json

    rows = conn.execute("SELECT entry FROM user_glossary ORDER BY term").fetchall()
    return [entry_from_json(row[0]) for row in rows]


@dataclass(frozen=True)
class Correction:
    """One correction, as the "My corrections" list shows it."""

    word: str
    kind: str  # "reading", "split" or "merge"
    value: tuple[str, ...]  # the numbered syllables, the parts, or (word,) for a merge

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"word": self.word, "kind": self.kind, "value": list(self.value)}


class Corrections:
    """Change the corrections in the library and keep a language service in step; undo the last changes."""

    def __init__(self, store: Store, service: Any = None) -> None:
        self.store = store
        self.service = service  # a LanguageService to refresh after each change (None: nobody to tell)
        self.undo_list: list[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]] = []

    def listed(self) -> list[Correction]:
        """Return every correction, by word."""
        language = self.store.user_language
        found = [Correction(text, "merge" if len(parts) == 1 else "split", parts)
                 for text, parts in language.segmentations().items()]
        found += [Correction(word, "reading", syllables) for word, syllables in language.readings().items()]
        return sorted(found, key=lambda c: (c.word, c.kind))

    def set_reading(self, word: str, syllables: list[str]) -> None:
        """Read `word` with these numbered syllables everywhere (ValueError when they do not fit its characters)."""
        self._remember(word)
        self.store.user_language.set_reading(word, list(syllables))
        self._changed()

    def split(self, word: str, parts: list[str]) -> None:
        """Cut `word` into `parts` everywhere."""
        self._remember(word)
        self.store.user_language.split(word, list(parts))
        self._changed()

    def merge(self, word: str) -> None:
        """Read `word` as one word everywhere."""
        self._remember(word)
        self.store.user_language.merge(word)
        self._changed()

    def remove(self, word: str, kind: str | None = None) -> None:
        """Drop the corrections of `word` (only its reading, or only its split/merge, when `kind` says so)."""
        self._remember(word)
        language = self.store.user_language
        if kind in (None, "reading"):
            language.remove_reading(word)
        if kind in (None, "split", "merge"):
            language.remove_segmentation(word)
        self._changed()

    def undo(self) -> str | None:
        """Put back the corrections of the word changed last; return that word (None when nothing is left)."""
        if not self.undo_list:
            return None
        word, segmentation, reading = self.undo_list.pop()
        language = self.store.user_language
        language.remove_segmentation(word)
        language.remove_reading(word)
        if segmentation is not None:
            language.set_segmentation(word, list(segmentation))
        if reading is not None:
            language.set_reading(word, list(reading))
        self._changed()
        return word

    def _remember(self, word: str) -> None:
        language = self.store.user_language
        self.undo_list.append((word, language.segmentations().get(word), language.readings().get(word)))

    def _changed(self) -> None:
        if self.service is not None:
            self.service.reload_corrections()
