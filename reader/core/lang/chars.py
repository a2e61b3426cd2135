"""Character classes the language layer needs: what counts as a Han character, what ends a clause."""

from __future__ import annotations

import re

_HAN_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_ONE_HAN = re.compile(f"[{_HAN_CLASS}]")
_ALL_HAN = re.compile(f"[{_HAN_CLASS}]+")

CLAUSE_BREAKS = frozenset("，。；：！？、,.;:!?…—“”‘’「」『』《》（）()【】\"' \u3000\n\t")


def is_han(char: str) -> bool:
    """Return True for a Han character (one that gets a reading); 〇 counts as one."""
    return _ONE_HAN.fullmatch(char) is not None


def all_han(text: str) -> bool:
    """Return True when `text` is non-empty and every character is Han."""
    return _ALL_HAN.fullmatch(text) is not None


def is_clause_break(text: str) -> bool:
    """Return True when `text` (a token) is punctuation or space that ends a clause."""
    return bool(text) and all(c in CLAUSE_BREAKS for c in text)
