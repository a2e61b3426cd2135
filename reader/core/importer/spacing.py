"""Joining hard-wrapped lines and removing the letter-spacing a justified newspaper column leaves behind.

Rules:
- Lines of one paragraph are joined with nothing between them: a column cuts words anywhere, even inside a number
  (`2025-` / `2027年`), and Chinese text has no spaces between words.
- After joining, a single space (ASCII or full-width) between two Han characters is removed when the run of Han
  characters on at least one side has length 1 (`不 断 涌 现` -> `不断涌现`, `‘服 务` -> `‘服务`). A space between two
  longer runs is real (`红色绣花针 绣美西海岸`, `本报记者 李涛`). Spaces next to Latin letters or digits stay.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from reader.core.importer.lines import strip_line

_SPACE = " \u3000"


def is_han(char: str) -> bool:
    """True for a Han character (CJK unified ideographs, extensions and compatibility ideographs)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x323AF
        or char == "〇"
    )


def is_wide(char: str) -> bool:
    """True for a character written without spaces around it in Chinese text (Han, CJK punctuation, full-width)."""
    return is_han(char) or unicodedata.east_asian_width(char) in ("W", "F")


def join_wrapped(lines: Iterable[str]) -> str:
    """Join the lines of one hard-wrapped paragraph and remove justification spaces."""
    return remove_justification_spaces("".join(strip_line(line) for line in lines))


def _han_run_length(text: str, index: int, step: int) -> int:
    """Return how many Han characters run from `index` in direction `step` (+1 or -1)."""
    length = 0
    while 0 <= index < len(text) and is_han(text[index]):
        length += 1
        index += step
    return length


def remove_justification_spaces(text: str) -> str:
    """Remove single spaces between Han characters where the Han run on at least one side has length 1."""
    if " " not in text and "\u3000" not in text:
        return text
    drop = set()
    for index in range(1, len(text) - 1):
        if text[index] not in _SPACE or text[index - 1] in _SPACE or text[index + 1] in _SPACE:
            continue
        if not (is_han(text[index - 1]) and is_han(text[index + 1])):
            continue
        left = _han_run_length(text, index - 1, -1)
        right = _han_run_length(text, index + 1, +1)
        if left == 1 or right == 1:
            drop.add(index)
    return "".join(char for index, char in enumerate(text) if index not in drop)


_HAN_CLASS = r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF〇]"
_HAN_RE = re.compile(_HAN_CLASS)
HAN_RUN = re.compile(_HAN_CLASS + "+")


def han_characters(text: str) -> list[str]:
    """Return the Han characters of a text, in order."""
    return _HAN_RE.findall(text)
