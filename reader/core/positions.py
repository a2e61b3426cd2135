"""Places in an article as a reader's view shows it: reading positions, anchors of spans, and bookmark names.

A view shows the article as a list of blocks (title lines, headings, paragraphs); only paragraphs carry a stable id.
These functions translate between (block, offset) places of such a list and what the library stores (a paragraph id
and offset, an `Anchor`). Any sequence of objects with `key`, `text` and `is_paragraph` will do; no Qt.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from reader.core.anchoring import Anchor, anchor_in_text

BOOKMARK_NAME_CHARS = 12  # characters of the text after a bookmark used in its default name


class TextBlock(Protocol):
    """One block of a view: its text, the paragraph id (or heading text) as `key`, and whether it is body text."""

    key: str
    text: str

    @property
    def is_paragraph(self) -> bool:
        """True for body text, which carries a stable paragraph id."""


def _paragraph_from(blocks: Sequence[TextBlock], block: int) -> int | None:
    """Return the index of the first paragraph block at or after `block` (a heading points to the next paragraph)."""
    return next((i for i in range(max(block, 0), len(blocks)) if blocks[i].is_paragraph), None)


def reading_position(blocks: Sequence[TextBlock], block: int, offset: int) -> tuple[str | None, int]:
    """Return (paragraph id, offset) to store for a top-of-view place; a heading or title maps to the next paragraph."""
    index = _paragraph_from(blocks, block)
    if index is None:
        return None, 0
    return blocks[index].key, offset if index == block else 0


def block_of_position(blocks: Sequence[TextBlock], paragraph_id: str, offset: int) -> tuple[int, int] | None:
    """Return the (block, offset) to scroll to for a stored paragraph position (its heading when at offset 0)."""
    for index, block in enumerate(blocks):
        if block.is_paragraph and block.key == paragraph_id:
            if offset == 0 and index > 0 and not blocks[index - 1].is_paragraph:
                first_of_run = index - 1
                while first_of_run > 0 and not blocks[first_of_run - 1].is_paragraph:
                    first_of_run -= 1
                return first_of_run, 0
            return index, min(offset, len(block.text))
    return None


def anchor_at(blocks: Sequence[TextBlock], block: int, start: int, end: int) -> Anchor | None:
    """Return the anchor of characters [start, end) of a block; a heading or title anchors at the next paragraph's
    start. None when no paragraph follows."""
    index = _paragraph_from(blocks, block)
    if index is None:
        return None
    start, end = (start, end) if index == block else (0, 0)
    return anchor_in_text(blocks[index].key, blocks[index].text, start, end)


def default_bookmark_name(section: str, text: str, offset: int) -> str:
    """Return a bookmark's name: the section and the first words from the bookmarked place."""
    words = text[offset:offset + BOOKMARK_NAME_CHARS].strip() or text[:BOOKMARK_NAME_CHARS].strip()
    ellipsis = "…" if len(text) - offset > BOOKMARK_NAME_CHARS else ""
    return " · ".join(part for part in (section, words + ellipsis if words else "") if part)
