"""A user's own corrections of words: merge characters into one word, split a word, fix a word's reading.

`UserWords` is the interface the language layer reads; `InMemoryUserWords` keeps the corrections in memory (the notes
storage provides a SQLite-backed implementation of the same interface). A correction applies everywhere the word
occurs, in every article.
"""

from __future__ import annotations

import hashlib
import json
from typing import Mapping, Protocol, Sequence

from reader.core.lang.style import is_numbered_syllable


class UserWords(Protocol):
    """What the language layer needs to know of a user's word corrections."""

    def merged_words(self) -> frozenset[str]:
        """Return the texts the user wants read as one word."""
        ...

    def splits(self) -> Mapping[str, tuple[str, ...]]:
        """Return word -> the parts it is to be cut into."""
        ...

    def reading_overrides(self) -> Mapping[str, tuple[str, ...]]:
        """Return word -> numbered syllables, one per character."""
        ...

    def version(self) -> str:
        """Return a short fingerprint that changes whenever any correction changes."""
        ...


class InMemoryUserWords:
    """User word corrections held in memory."""

    def __init__(self) -> None:
        self._merged: set[str] = set()
        self._splits: dict[str, tuple[str, ...]] = {}
        self._readings: dict[str, tuple[str, ...]] = {}

    def merge(self, word: str) -> None:
        """Read `word` as one word from now on (undoes a split of the same text)."""
        if len(word) < 2:
            raise ValueError("a merged word needs at least two characters")
        self._splits.pop(word, None)
        self._merged.add(word)

    def split(self, word: str, parts: Sequence[str]) -> None:
        """Cut `word` into `parts` from now on; the parts must join back to the word."""
        if "".join(parts) != word or len(parts) < 2 or not all(parts):
            raise ValueError(f"the parts {list(parts)} do not make up {word!r}")
        self._merged.discard(word)
        self._splits[word] = tuple(parts)

    def set_reading(self, word: str, syllables: Sequence[str]) -> None:
        """Read `word` with these numbered syllables (one per character, e.g. ["chong2", "zheng3"])."""
        if len(syllables) != len(word) or not all(is_numbered_syllable(s) for s in syllables):
            raise ValueError(f"{list(syllables)} is not one numbered syllable per character of {word!r}")
        self._readings[word] = tuple(syllables)

    def forget(self, word: str) -> None:
        """Drop every correction of `word`."""
        self._merged.discard(word)
        self._splits.pop(word, None)
        self._readings.pop(word, None)

    def merged_words(self) -> frozenset[str]:
        """Return the texts the user wants read as one word."""
        return frozenset(self._merged)

    def splits(self) -> Mapping[str, tuple[str, ...]]:
        """Return word -> the parts it is to be cut into."""
        return dict(self._splits)

    def reading_overrides(self) -> Mapping[str, tuple[str, ...]]:
        """Return word -> numbered syllables, one per character."""
        return dict(self._readings)

    def version(self) -> str:
        """Return a short fingerprint that changes whenever any correction changes."""
        return fingerprint(self)


def fingerprint(user_words: UserWords) -> str:
    """Return a fingerprint of any `UserWords` implementation's content."""
    content = json.dumps(
        [sorted(user_words.merged_words()), sorted(user_words.splits().items()),
         sorted(user_words.reading_overrides().items())],
        ensure_ascii=False,
    )
    return hashlib.blake2b(content.encode("utf-8"), digest_size=8).hexdigest()
