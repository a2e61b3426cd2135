"""Reading traditional characters through their simplified forms, character for character (same length).

Most traditional characters have one simplified form (長 → 长). A few are also ordinary simplified characters
(乾坤, 著名, 於), so they are converted only inside text that is written in traditional characters, by the longest
CC-CEDICT word that covers them (乾淨 → 干净, 顯著 → 显著), else by their usual simplified form (著 → 着).
"""

from __future__ import annotations

from typing import Mapping

# The usual simplified form of a character that is also written as itself in simplified text.
AMBIGUOUS_DEFAULTS = {"乾": "干", "著": "着", "於": "于", "瞭": "了", "徵": "征", "夥": "伙", "昇": "升", "摺": "折",
                      "祇": "只", "脩": "修", "剋": "克"}
_LONGEST = 4


class TraditionalConverter:
    """Converts traditional text to simplified text of the same length."""

    def __init__(self, char_map: Mapping[str, str] | None = None, word_map: Mapping[str, str] | None = None) -> None:
        self.char_map = dict(char_map or {})
        self.word_map = dict(word_map or {})

    def looks_traditional(self, text: str) -> bool:
        """Return True when `text` has characters written only in traditional script."""
        return any(char in self.char_map for char in text)

    def convert(self, text: str) -> str:
        """Return `text` in simplified characters, one for one."""
        if not self.looks_traditional(text):
            return text
        chars = [self.char_map.get(char, char) for char in text]
        for index, char in enumerate(text):
            if char in AMBIGUOUS_DEFAULTS:
                chars[index] = self._ambiguous(text, index)
        return "".join(chars)

    def _ambiguous(self, text: str, index: int) -> str:
        """The simplified form of text[index] from the longest dictionary word around it, else the usual one."""
        for length in range(_LONGEST, 1, -1):
            for start in range(max(0, index - length + 1), min(index, len(text) - length) + 1):
                simplified = self.word_map.get(text[start : start + length])
                if simplified is not None:
                    return simplified[index - start]
        return AMBIGUOUS_DEFAULTS[text[index]]

    def get(self, char: str, default: str) -> str:
        """Return the simplified form of one character (for callers that map character by character)."""
        return self.char_map.get(char, default)
