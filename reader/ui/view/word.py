"""A word the reader pointed at in the article view."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.annotation import Token


@dataclass(frozen=True)
class WordRef:
    """A word the reader pointed at: where it is, its token, and the glossary term covering it (if any)."""

    block: int
    start: int
    end: int
    text: str
    token: Token | None
    glossary_term: str | None
    paragraph_key: str
    readings: tuple[str | None, ...] = ()  # numbered readings of the word's characters, as read in context
