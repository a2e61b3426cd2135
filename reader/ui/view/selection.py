"""Text selection in the article view: an anchor and a caret, both (block, offset). Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reader.ui.view.document import ViewDocument

Position = tuple[int, int]


@dataclass
class Selection:
    """The caret and the other end of the selection (equal when nothing is selected)."""

    anchor: Position = (0, 0)
    caret: Position = (0, 0)

    @property
    def empty(self) -> bool:
        """True when no text is selected."""
        return self.anchor == self.caret

    def ordered(self) -> tuple[Position, Position]:
        """Return (start, end) in reading order."""
        return (self.anchor, self.caret) if self.anchor <= self.caret else (self.caret, self.anchor)

    def move(self, position: Position, extend: bool) -> None:
        """Put the caret at `position`, extending the selection when `extend`, else collapsing it."""
        self.caret = position
        if not extend:
            self.anchor = position

    def block_ranges(self, document: ViewDocument) -> list[tuple[int, int, int]]:
        """Return (block, start, end) for each block piece the selection covers."""
        (b0, o0), (b1, o1) = self.ordered()
        ranges = []
        for block in range(b0, min(b1, len(document.blocks) - 1) + 1):
            length = len(document.blocks[block].text)
            start = o0 if block == b0 else 0
            end = o1 if block == b1 else length
            if end > start:
                ranges.append((block, start, min(end, length)))
        return ranges


def selected_text(document: ViewDocument, selection: Selection) -> str:
    """Return the selected text, blocks separated by line breaks."""
    return "\n".join(document.blocks[b].text[s:e] for b, s, e in selection.block_ranges(document))


def selected_text_with_pinyin(document: ViewDocument, selection: Selection,
                              formatter: Callable[[list[str | None]], list[str | None]]) -> str:
    """Return the selection with each word followed by its pinyin in brackets: 高质量(gāo zhì liàng)."""
    lines = []
    for b, start, end in selection.block_ranges(document):
        block = document.blocks[b]
        readings = formatter(block.readings())
        pieces = []
        for word_start, word_end in _word_spans(block, start, end):
            word = block.text[word_start:word_end]
            syllables = [r for r in readings[word_start:word_end] if r]
            pieces.append(f"{word}({' '.join(syllables)})" if syllables else word)
        lines.append("".join(pieces))
    return "\n".join(lines)


def _word_spans(block, start: int, end: int) -> list[tuple[int, int]]:
    if not block.tokens:
        return [(start, end)]
    spans = [(max(t.start, start), min(t.end, end)) for t in block.tokens if t.end > start and t.start < end]
    return spans or [(start, end)]
