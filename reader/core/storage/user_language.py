"""The user's corrections to the language layer: readings, word splits/merges, and their own glossary entries.

This is their one home (the app's former `glossary.tsv` in the data folder is taken in once by `adopt_glossary_file`
and renamed `glossary.tsv.imported`). `UserLanguage` implements the language layer's `reader.core.lang.user_words.UserWords` protocol (merged_words,
splits, reading_overrides, version) over SQLite, plus the editing calls of its in-memory twin (merge, split,
set_reading, forget), so a correction made in the window is kept and applies in every article.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

from reader.core.lang.glossary import GlossaryEntry
from reader.core.lang.style import is_numbered_syllable
from reader.core.storage.database import Handle

GLOSSARY_FILE = "glossary.tsv"  # where the user glossary lived before it moved into the database


def entry_to_json(entry: GlossaryEntry) -> str:
    """Return the stored form of a user glossary entry."""
    return json.dumps({k: v for k, v in asdict(entry).items() if k != "origin"}, ensure_ascii=False)


def entry_from_json(text: str) -> GlossaryEntry:
    """Rebuild a user glossary entry from its stored form."""
    data = json.loads(text)
    data["aliases"] = tuple(data.get("aliases", ()))
    return GlossaryEntry(**{**data, "origin": "user"})


class UserLanguage:
    """User readings (one numbered syllable per character), segmentation fixes and user glossary."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle

    def set_reading(self, word: str, readings: list[str]) -> None:
        """Store the user's reading of a word: one syllable per character (e.g. ["chong2", "xin1"])."""
        if len(readings) != len(word) or not all(is_numbered_syllable(s) for s in readings):
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

    def set_glossary_entry(self, entry: GlossaryEntry) -> None:
        """Add or replace a user glossary entry."""
        self._upsert("user_glossary", {"term": entry.term, "entry": entry_to_json(entry), "updated_at": time.time()},
                     "term")

    def glossary(self) -> list[GlossaryEntry]:
        """Return the user glossary, by term."""
        rows = self._handle.table("user_glossary").rows_where(select="entry", order_by="term")
        return [entry_from_json(row["entry"]) for row in rows]

    def remove_glossary_entry(self, term: str) -> None:
        """Remove a user glossary entry."""
        self._delete("user_glossary", "term", term)

    def merge_glossary(self, entries: Iterable[GlossaryEntry]) -> tuple[int, int, int]:
        """Add entries to the user glossary (same term: the new entry wins); return (added, changed, unchanged)."""
        current = {e.term: e for e in self.glossary()}
        added = changed = same = 0
        now = time.time()
        with self._handle.transaction():
            for entry in entries:
                entry = GlossaryEntry(**{**asdict(entry), "origin": "user"})
                old = current.get(entry.term)
                if old == entry:
                    same += 1
                    continue
                added, changed = (added + 1, changed) if old is None else (added, changed + 1)
                self._handle.table("user_glossary").upsert(
                    {"term": entry.term, "entry": entry_to_json(entry), "updated_at": now}, pk="term")
        return added, changed, same

    def adopt_glossary_file(self, data_folder: Path) -> int:
        """Take the entries of the former user glossary file into the database, once; return how many.

        The file is renamed `glossary.tsv.imported` (kept, never deleted); a file that cannot be read is left
        where it is and reported by the caller's next start as before.
        """
        from reader.core.lang.glossary import read_glossary_file

        path = data_folder / GLOSSARY_FILE
        if not path.exists():
            return 0
        entries = read_glossary_file(path, origin="user")
        added, changed, _ = self.merge_glossary(entries)
        path.replace(path.with_name(GLOSSARY_FILE + ".imported"))
        return added + changed

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
