"""Stored article texts are zlib-compressed UTF-8 (Chinese text shrinks to about 45 %)."""

from __future__ import annotations

import zlib

LEVEL = 6


def pack_text(text: str) -> bytes:
    """Return the stored form of a text."""
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack_text(value: bytes | str) -> str:
    """Return the text of a stored value (a plain string is returned as it is)."""
    if isinstance(value, str):
        return value
    return zlib.decompress(value).decode("utf-8")
