"""Character classes the language layer needs: what counts as a Han character, what ends a clause."""

from __future__ import annotations

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3134F),  # extensions B–G
)

CLAUSE_BREAKS = frozenset("，。；：！？、,.;:!?…—“”‘’「」『』《》（）()【】\"' \u3000\n\t")


def is_han(char: str) -> bool:
    """Return True for a Han character (one that gets a reading); 〇 counts as one."""
    code = ord(char)
    if code == 0x3007:
        return True
    return any(low <= code <= high for low, high in _HAN_RANGES)


def all_han(text: str) -> bool:
    """Return True when `text` is non-empty and every character is Han."""
    return bool(text) and all(is_han(c) for c in text)


def is_clause_break(text: str) -> bool:
    """Return True when `text` (a token) is punctuation or space that ends a clause."""
    return bool(text) and all(c in CLAUSE_BREAKS for c in text)
