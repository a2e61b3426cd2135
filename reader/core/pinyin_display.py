"""Which words show their pinyin: the pinyin display modes, one decision for the reader view, slides and handouts.

A word is judged by what the annotation knows of it: its HSK level (the level of the word, or of the listed words it
is made of; the same level the popup shows, see `HskLevels.level_of`) and whether the reader knows it, decided by
`difficulty.is_known` (a word made only of known words, 两个 or 第二个, is known) as for the article's difficulty.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Iterable

from reader.core.annotation import GlossaryHit, Token
from reader.core.difficulty import is_known
from reader.core.settings import HSK_LEVEL, PINYIN_MODE

if TYPE_CHECKING:
    from reader.core.lang.hsk import HskLevels



class PinyinMode(StrEnum):
    """When pinyin is shown above a word."""

    ALL = "all"
    OFF = "off"
    GLOSSARY = "glossary"  # only inside glossary terms
    ABOVE_HSK = "above-hsk"  # words above HSK level N, and words on no HSK list
    UNKNOWN = "unknown"  # words the reader does not know

    @classmethod
    def _missing_(cls, value: object) -> "PinyinMode | None":
        return cls.OFF if value == "none" else None  # the handout's older name for OFF


@dataclass
class PinyinOptions:
    """The reader's pinyin choices."""

    mode: PinyinMode = PinyinMode(PINYIN_MODE.default)
    hsk_level: int = HSK_LEVEL.default
    known_words: frozenset[str] = field(default_factory=frozenset)


def word_shows_pinyin(token: Token, in_glossary: bool, options: PinyinOptions) -> bool:
    """Return True when `token` shows its pinyin under `options`."""
    if not token.is_han or options.mode == PinyinMode.OFF:
        return False
    if options.mode == PinyinMode.GLOSSARY:
        return in_glossary
    if options.mode == PinyinMode.ABOVE_HSK:
        return token.hsk_level is None or token.hsk_level > options.hsk_level
    if options.mode == PinyinMode.UNKNOWN:
        return not is_known(token.text, options.known_words)
    return True


def glossary_cover(length: int, hits: Iterable[GlossaryHit]) -> list[bool]:
    """Return, for each of `length` characters, whether a glossary term covers it."""
    covered = [False] * length
    for hit in hits:
        for i in range(hit.start, min(hit.end, length)):
            covered[i] = True
    return covered


def shown_readings(length: int, tokens: Iterable[Token] | None, hits: Iterable[GlossaryHit] | None,
                   options: PinyinOptions) -> list[str | None]:
    """Return the numbered reading shown above each of `length` characters (None where nothing is shown; no tokens
    before the text is annotated). In the HSK mode a word made of listed words shows pinyin only over the parts
    above the level (加倍努力: over 加倍, HSK 6, not over 努力, HSK 3)."""
    slots: list[str | None] = [None] * length
    if not tokens or options.mode == PinyinMode.OFF:
        return slots
    covered = glossary_cover(length, hits or ())
    for token in tokens:
        if word_shows_pinyin(token, any(covered[token.start:token.end]), options):
            for i in _shown_positions(token, options):
                if token.start + i < length:
                    slots[token.start + i] = token.readings[i]
    return slots


def _shown_positions(token: Token, options: PinyinOptions) -> list[int]:
    """Return the positions inside a word that show pinyin once the word as a whole does."""
    every = list(range(len(token.readings)))
    if options.mode != PinyinMode.ABOVE_HSK or token.hsk_level is None or len(token.text) < 2:
        return every
    parts = _hsk_levels().parts(token.text)
    if len(parts) < 2:
        return every
    return [i for start, end, level in parts if level > options.hsk_level for i in range(start, end)]


@functools.lru_cache(maxsize=1)
def _hsk_levels() -> "HskLevels":
    """The HSK lists the annotation's levels come from (the default standard), loaded on first use."""
    from reader.core.lang.hsk import HskLevels

    return HskLevels()


def tone_of(reading: str | None) -> int:
    """Return the tone number 1–5 of a numbered syllable ("chong2" → 2); 0 when there is none."""
    if reading and reading[-1].isdigit():
        return int(reading[-1])
    return 0
