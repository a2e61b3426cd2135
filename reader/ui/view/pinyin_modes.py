"""Which words show their pinyin: the reader's pinyin modes, as a pure function of a word and the options.

Qt-free, shared by the reader view and presentation mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Callable

from reader.core.annotation import Token
from reader.core.settings import HSK_LEVEL, PINYIN_MODE

from reader.ui.view.document import Block

ReadingFormatter = Callable[[list[str | None]], list[str | None]]


class PinyinMode(StrEnum):
    """When pinyin is shown above a word."""

    ALL = "all"
    OFF = "off"
    GLOSSARY = "glossary"  # only inside glossary terms
    ABOVE_HSK = "above-hsk"  # words above HSK level N, and words on no HSK list
    UNKNOWN = "unknown"  # words the reader has not marked known


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
        return token.text not in options.known_words
    return True


def shown_readings(block: Block, options: PinyinOptions) -> list[str | None]:
    """Return the numbered reading to draw above each character of `block` (None where nothing is drawn)."""
    slots: list[str | None] = [None] * len(block.text)
    if not block.tokens or options.mode == PinyinMode.OFF:
        return slots
    covered = _glossary_cover(block)
    for token in block.tokens:
        in_glossary = any(covered[token.start:token.end])
        if word_shows_pinyin(token, in_glossary, options):
            for i, reading in enumerate(token.readings):
                if token.start + i < len(slots):
                    slots[token.start + i] = reading
    return slots


def _glossary_cover(block: Block) -> list[bool]:
    covered = [False] * len(block.text)
    for hit in block.glossary:
        for i in range(hit.start, min(hit.end, len(covered))):
            covered[i] = True
    return covered


def tone_of(reading: str | None) -> int:
    """Return the tone number 1–5 of a numbered syllable ("chong2" → 2); 0 when there is none."""
    if reading and reading[-1].isdigit():
        return int(reading[-1])
    return 0
