"""The word level of reading: the syllables of one word taken out of its sentence, dictionary first.

For a word jieba cut, in this order:
1. a CC-CEDICT headword with one reading (whatever its case: 内蒙古 Nei4 meng3 gu3) is read as the dictionary has it,
   even where pypinyin's phrase table or its character defaults say otherwise (落差 luò chā, 切换 qiē huàn);
2. otherwise pypinyin's phrase table; otherwise a CC-CEDICT headword with several readings, the one nearest the
   characters' defaults;
3. a word neither knows is read through the fewest, longest known words inside it (内蒙古自治区 -> 内蒙古 + 自治区 when
   the whole is missing; 新罕布什尔州 -> 新罕布什尔 + 州), and a character no known word covers gets its own default
   (`CHAR_READINGS` first, then pypinyin's).
The context rules and our own word facts (`pinyin_tables`) come after this, in `pinyin`.
"""

from __future__ import annotations

from typing import Any, Protocol

from reader.core.lang.pinyin_tables import CHAR_READINGS
from reader.core.lang.tables import TableFolders

Reading = tuple[str, ...]
_LONGEST_PIECE = 12  # longer dictionary words inside an unknown word are not looked for
# Particles and suffixes whose neutral tone in a dictionary word is never optional.
ALWAYS_NEUTRAL = frozenset("的地得了着过么们吗呢吧啊子头边")


class ReadingSource(Protocol):
    """Where whole-word readings come from (the CC-CEDICT index)."""

    def word_readings(self, word: str) -> tuple[Reading, ...]:
        """Return the distinct readings of the simplified headword `word`, one syllable per character."""


class WordReader:
    """Reads a word out of context: dictionary words, pypinyin's phrases, character defaults (memoised)."""

    def __init__(self, dictionary: ReadingSource, tables: TableFolders | None = None) -> None:
        """`tables`: where pypinyin's prepared data table is looked for (default: the installation's prepared
        folder, then the cache folder)."""
        self._dictionary = dictionary
        self._tables = tables
        self._pypinyin: Any = None
        self._known: dict[str, Reading | None] = {}

    def read(self, word: str) -> list[str | None]:
        """Return one numbered syllable per character of the all-Han `word`."""
        whole = self.known_reading(word) if len(word) > 1 else None
        if whole is not None:
            return list(whole)
        readings: list[str | None] = []
        pieces = self._pieces(word)
        for number, piece in enumerate(pieces):
            reading = self.known_reading(piece) if len(piece) > 1 else None
            if reading is None and piece == "得" and 0 < number < len(pieces) - 1:
                reading = ("de5",)  # V得C jieba keeps whole (跑得快): the complement particle, not dé "obtain"
            readings.extend(reading if reading is not None else [self.char_default(piece)])
        return readings

    def known_reading(self, word: str) -> Reading | None:
        """Return the reading of a multi-character word one of the dictionaries knows, else None."""
        if word not in self._known:
            self._known[word] = self._choose(word)
        return self._known[word]

    def is_phrase(self, word: str) -> bool:
        """Return True when pypinyin's phrase table has the word."""
        return word in self._phrases()

    def char_default(self, char: str) -> str | None:
        """Return the reading of a character standing alone: ours where pypinyin picks a rare one, else pypinyin's."""
        return CHAR_READINGS.get(char) or self.pypinyin_readings(char)[0]

    def pypinyin_readings(self, text: str) -> list[str | None]:
        """Return pypinyin's numbered readings of `text`, one per character (None where it has none)."""
        pypinyin = self._module()
        syllables = pypinyin.lazy_pinyin(text, style=pypinyin.Style.TONE3, neutral_tone_with_five=True)
        if len(syllables) != len(text):  # pypinyin kept an unknown character as it was
            syllables = [pypinyin.lazy_pinyin(c, style=pypinyin.Style.TONE3)[0] for c in text]
        return [s if s and s[-1].isdigit() else (s + "5" if s.isascii() and s.isalpha() else None) for s in syllables]

    def _choose(self, word: str) -> Reading | None:
        readings = self._dictionary.word_readings(word)
        phrase = tuple(self.pypinyin_readings(word)) if word in self._phrases() else None
        if len(readings) == 1:
            return _full_tones_kept(readings[0], phrase or [self.char_default(c) for c in word], word)
        if phrase is not None:
            return phrase
        if readings:
            defaults = [self.char_default(c) for c in word]
            return max(readings, key=lambda r: sum(a == b for a, b in zip(r, defaults)))
        return None

    def _pieces(self, word: str) -> list[str]:
        """Cut `word` into the fewest pieces that are known words or single characters; among equal cuts, the one
        with fewer lone characters, then the one whose first word is longest."""
        size = len(word)
        cost: list[tuple[int, int]] = [(0, 0)] * (size + 1)  # (pieces, lone characters) from a position to the end
        first: list[int] = [1] * (size + 1)  # length of the first piece from a position
        for start in range(size - 1, -1, -1):
            lone = cost[start + 1]
            cost[start] = (lone[0] + 1, lone[1] + 1)
            for end in range(min(size, start + _LONGEST_PIECE), start + 1, -1):
                after = cost[end]
                if (after[0] + 1, after[1]) < cost[start] and self.known_reading(word[start:end]) is not None:
                    cost[start], first[start] = (after[0] + 1, after[1]), end - start
        pieces, start = [], 0
        while start < size:
            pieces.append(word[start : start + first[start]])
            start += first[start]
        return pieces

    def _module(self) -> Any:
        if self._pypinyin is None:
            from reader.core import paths
            from reader.core.lang.pinyin_data import import_pypinyin

            self._pypinyin = import_pypinyin(self._tables or TableFolders(paths.cache_dir()))
        return self._pypinyin

    def _phrases(self) -> dict[str, Any]:
        return self._module().constants.PHRASES_DICT


def _full_tones_kept(dictionary: Reading, other: Any, word: str) -> Reading:
    """Return the dictionary's reading with a full tone wherever it is neutral and `other` has the same syllable
    with a tone: CC-CEDICT marks many optionally neutral syllables (力量 lì liang, 态度 tài du) that 现代汉语词典 gives
    with their tone. Particles and suffixes that are always neutral keep it (变得 biàn de, 右边 yòu bian)."""
    return tuple(
        theirs if ours.endswith("5") and theirs and theirs[:-1] == ours[:-1] and char not in ALWAYS_NEUTRAL else ours
        for ours, theirs, char in zip(dictionary, other, word)
    )
