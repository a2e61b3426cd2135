"""Pinyin display styles: numbered syllables to tone marks, tone numbers or plain letters; optional 一/不 sandhi.

Works on the numbered syllables the annotation stores ("chong2", "de5", "lv4") and imports no pinyin library, so the
reader can restyle a cached annotation instantly.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum
from typing import Sequence

_SYLLABLE = re.compile(r"^[a-zü]+[1-5]$")
_MARKS = {
    "a": "āáǎàa", "e": "ēéěèe", "i": "īíǐìi", "o": "ōóǒòo", "u": "ūúǔùu", "ü": "ǖǘǚǜü",
}


class PinyinStyle(StrEnum):
    """How a syllable is written."""

    MARKS = "marks"  # chóng
    NUMBERS = "numbers"  # chong2
    PLAIN = "plain"  # chong


def is_numbered_syllable(text: str) -> bool:
    """Return True for a syllable like "zhong1", "de5" or "lv4"."""
    return bool(_SYLLABLE.match(text.replace("v", "ü")))


def tone_number(syllable: str) -> int:
    """Return the tone 1–4 of a numbered syllable, 5 for the neutral tone."""
    return int(syllable[-1]) if syllable and syllable[-1].isdigit() else 5


@functools.lru_cache(maxsize=2048)  # a few hundred syllables make up any article: each is worked out once
def to_marks(syllable: str) -> str:
    """Return "chong2" as "chóng", "lv4" as "lǜ", "de5" as "de"."""
    tone = tone_number(syllable)
    letters = syllable.rstrip("12345").replace("v", "ü")
    index = _mark_position(letters)
    if index < 0:
        return letters
    return letters[:index] + _MARKS[letters[index]][tone - 1] + letters[index + 1 :]


def _mark_position(letters: str) -> int:
    """The vowel that carries the mark: a or e, else the o of ou, else the last vowel."""
    for vowel in ("a", "e"):
        if vowel in letters:
            return letters.index(vowel)
    if "ou" in letters:
        return letters.index("o")
    for position in range(len(letters) - 1, -1, -1):
        if letters[position] in _MARKS:
            return position
    return -1


_UNMARK = {marked: (base, tone + 1) for base, forms in _MARKS.items() for tone, marked in enumerate(forms[:4])}


def marks_to_numbered(syllable: str) -> str:
    """Return "chóng" as "chong2", "lǜ" as "lv4", an unmarked "de" as "de5"."""
    tone = 5
    letters = []
    for char in syllable.lower():
        base, found = _UNMARK.get(char, (char, 0))
        tone = found or tone
        letters.append(base)
    return "".join(letters).replace("ü", "v") + str(tone)


def numbered_reading(reading: str) -> str:
    """Return a reading of space-separated syllables as numbered ones: "zhì liàng" and "zhi4 liang4" -> "zhi4 liang4".

    The one form readings are stored in (the vocabulary); `render` shows each syllable as the user chose.
    """
    return " ".join(_numbered(syllable) for syllable in reading.split())


def _numbered(syllable: str) -> str:
    """Return one syllable, numbered or tone-marked, in any case, as a lower-case numbered one with v for ü."""
    lowered = syllable.lower().replace("u:", "v").replace("ü", "v")
    return lowered if is_numbered_syllable(lowered) else marks_to_numbered(lowered)


def render(syllable: str | None, style: PinyinStyle = PinyinStyle.MARKS) -> str | None:
    """Write one numbered syllable in `style`; None stays None."""
    if syllable is None:
        return None
    if style is PinyinStyle.NUMBERS:
        return syllable.replace("ü", "v")
    if style is PinyinStyle.PLAIN:
        return syllable.rstrip("12345").replace("v", "ü")
    return to_marks(syllable)


def render_reading(reading: str, style: PinyinStyle = PinyinStyle.MARKS) -> str:
    """Write a stored reading of numbered syllables ("zhi4 liang4") in `style` ("zhì liàng")."""
    return " ".join(render(syllable, style) or "" for syllable in reading.split())


def apply_sandhi(text: str, readings: Sequence[str | None]) -> list[str | None]:
    """Return the readings with spoken 一/不 sandhi: yí/bú before a 4th tone, yì before 1st–3rd.

    一 keeps yī as an ordinal or number (第一, 十一, 一九), at the end of a phrase and before a non-Han character.
    """
    result = list(readings)
    for index, char in enumerate(text):
        if char not in "一不" or result[index] is None:
            continue
        following = readings[index + 1] if index + 1 < len(readings) else None
        if following is None or (char == "一" and _is_counting_yi(text, index)):
            continue
        tone = tone_number(following)
        if tone == 4:
            result[index] = "yi2" if char == "一" else "bu2"
        elif char == "一" and tone in (1, 2, 3):
            result[index] = "yi4"
    return result


_NUMERALS = "〇零一二三四五六七八九十百千万亿两第"


def _is_counting_yi(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before in _NUMERALS or after in _NUMERALS or after in "月号日"
