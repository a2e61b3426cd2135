"""The ruby layout engine: lines of characters with their pinyin above, for the reader, the slides and the handout.

Qt-free. Text widths come from an injected `TextMeasure`, so the same algorithm serves the screen, the projector,
the PDF and tests. How a line is composed (breaks, punctuation squeezing, justification, cells under pinyin) follows
clreq and lives in `reader.core.typeset`; this module turns blocks into positioned lines and answers lookups
(line at a y, characters under a point, rectangles of a span). Every pinyin syllable is centred over its own
character's cell: `ruby_left` and `glyph_left` give where to draw them.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Protocol
from collections.abc import Sequence

from reader.core.lang.chars import is_han
from reader.core.typeset import (NO_LINE_END, NO_LINE_START, RUBY_SPACING, break_ends, fit_ruby, glyph_offset,
                                 latin_inside, set_line, squeeze_room)

__all__ = ["NO_LINE_END", "NO_LINE_START", "DocumentLayout", "LayoutBlock", "LayoutBuilder", "LazyBlocks", "Line",
           "TextMeasure", "layout_document"]

# A block whose pinyin is on its way (a new article's, read part by part) keeps the room of the pinyin row, and each
# Han character gets the cell its syllable will most likely give it: as wide as this syllable needs, about how wide
# pinyin makes a character cell on average in news text. So lines break about where they will: when the pinyin
# arrives, characters may move along a line, but 92% of paragraphs keep their number of lines (the seed and 20
# variants at 34 characters a line: 47 of 572 blocks changed, 281 without the estimate), and on 17 of 21 first
# screens no paragraph moves (a row-less layout moves every line of every screen).
PENDING_SYLLABLE = "xiàn"



class TextMeasure(Protocol):
    """Widths and heights of text for each block style (kind is a `BlockKind` value)."""

    def char_width(self, char: str, kind: str) -> float:
        """Return the advance of one character in the style of `kind`."""

    def ruby_width(self, text: str, kind: str) -> float:
        """Return the width of a pinyin syllable as drawn above text of `kind`."""

    def text_height(self, kind: str) -> float:
        """Return the height of a line of characters of `kind`."""

    def ruby_height(self, kind: str) -> float:
        """Return the height of the pinyin row above characters of `kind`."""


@dataclass
class LayoutBlock:
    """What the engine needs of a block: its text, style, word spans and the pinyin shown per character."""

    text: str
    kind: str
    words: Sequence[tuple[int, int]]  # (start, end) spans covering the text; empty means one unit per character
    ruby: Sequence[str | None]  # displayed pinyin per character (None where nothing is drawn)
    indent_em: float = 0.0
    space_before: float = 0.0  # extra space above the block, in line heights of its style
    align: str = "justify"  # "justify", "left" or "center"
    ruby_pending: bool = False  # its pinyin is on its way: lay it out as it will be (see `PENDING_SYLLABLE`)


@dataclass
class Line:
    """One laid-out line: a slice of one block with the x position and width of every character cell."""

    block: int
    start: int
    end: int
    top: float
    height: float
    ruby_height: float
    xs: list[float] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    def glyph_left(self, index: int, char: str, advance: float) -> float:
        """Return the x where character `char` (cell `index` of this line, `advance` wide) is drawn."""
        return self.xs[index] + glyph_offset(char, self.widths[index], advance)

    def ruby_left(self, index: int, ruby_width: float) -> float:
        """Return the x where the pinyin of cell `index` is drawn: centred over the cell, so over its character."""
        return self.xs[index] + (self.widths[index] - ruby_width) / 2

    @property
    def bottom(self) -> float:
        """The y just below the line."""
        return self.top + self.height

    def offset_at_x(self, x: float) -> int:
        """Return the character offset (in the block) of the cell at `x`, clamped to the line."""
        if not self.xs:
            return self.start
        i = bisect_right(self.xs, x) - 1
        return self.start + min(max(i, 0), len(self.xs) - 1)

    def caret_offset_at_x(self, x: float) -> int:
        """Return the caret position nearest `x`: before or after the cell under it."""
        if not self.xs:
            return self.start
        i = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 1)
        after = x > self.xs[i] + self.widths[i] / 2
        return self.start + i + (1 if after else 0)


@dataclass
class DocumentLayout:
    """All lines of a document at one width, with lookups by y and by character position."""

    width: float
    lines: list[Line]
    height: float
    first_line_of_block: list[int]
    tops: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tops = [line.top for line in self.lines]

    def line_index_at_y(self, y: float) -> int:
        """Return the index of the line at (or nearest above) `y`."""
        return max(0, bisect_right(self.tops, y) - 1)

    def visible_lines(self, y0: float, y1: float) -> range:
        """Return the indices of lines intersecting the band [y0, y1)."""
        if not self.lines:
            return range(0)
        first = self.line_index_at_y(y0)
        last = self.line_index_at_y(y1)
        return range(first, last + 1)

    def line_of(self, block: int, offset: int) -> int:
        """Return the index of the line holding character `offset` of `block` (the last line for the end)."""
        first = self.first_line_of_block[block]
        end = self.first_line_of_block[block + 1] if block + 1 < len(self.first_line_of_block) else len(self.lines)
        return max(first, bisect_right(self.lines, offset, first, end, key=lambda line: line.start) - 1)

    def position_at(self, x: float, y: float, caret: bool = False) -> tuple[int, int]:
        """Return (block, offset) of the character (or caret position when `caret`) at the point."""
        line = self.lines[self.line_index_at_y(y)]
        offset = line.caret_offset_at_x(x) if caret else line.offset_at_x(x)
        return line.block, offset

    def span_rects(self, block: int, start: int, end: int) -> list[tuple[int, float, float]]:
        """Return (line index, x0, x1) of every line piece covering characters [start, end) of `block`."""
        rects = []
        index = self.line_of(block, start)
        while index < len(self.lines) and self.lines[index].block == block and self.lines[index].start < end:
            line = self.lines[index]
            a, b = max(start, line.start) - line.start, min(end, line.end) - line.start
            if b > a:
                rects.append((index, line.xs[a], line.xs[b - 1] + line.widths[b - 1]))
            index += 1
        return rects


class LazyBlocks(Sequence):
    """A sequence of `count` layout blocks made on first use by `make(index)` (and kept)."""

    def __init__(self, count: int, make) -> None:
        self._count, self._make, self._made = count, make, {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> LayoutBlock:
        block = self._made.get(index)
        if block is None:
            block = self._made[index] = self._make(index)
        return block


class LayoutBuilder:
    """Lays blocks out a few at a time, so a long article shows its first screen at once and the rest follows.

    `layout` is usable at every step: it holds the lines of the blocks laid out so far, and `height` is an estimate
    (from the characters still to come) until `complete`.
    """

    def __init__(self, blocks: Sequence[LayoutBlock], width: float, measure: TextMeasure,
                 line_spacing: float = 1.0, margin: float = 0.0, chars_total: int | None = None) -> None:
        self.blocks, self.measure, self.line_spacing, self.margin = blocks, measure, line_spacing, margin
        self.usable = max(width - 2 * margin, 1.0)
        self.layout = DocumentLayout(width, [], margin, [])
        self.next_block = 0
        self.y = margin
        self._chars_total = (chars_total if chars_total is not None else sum(len(b.text) for b in blocks)) or 1
        self._chars_done = 0

    @property
    def complete(self) -> bool:
        """True when every block is laid out."""
        return self.next_block >= len(self.blocks)

    def extend_through(self, block: int) -> None:
        """Lay out every block up to and including `block`."""
        while not self.complete and self.next_block <= block:
            self._add_next()
        self._update_height()

    def extend_below(self, y: float) -> None:
        """Lay out blocks until the lines reach below `y` (or the end)."""
        while not self.complete and self.y <= y:
            self._add_next()
        self._update_height()

    def extend_for(self, seconds: float) -> None:
        """Lay out blocks for about `seconds` (at least one)."""
        deadline = time.perf_counter() + seconds
        while not self.complete:
            self._add_next()
            if time.perf_counter() >= deadline:
                break
        self._update_height()

    def _add_next(self) -> None:
        index, block, layout = self.next_block, self.blocks[self.next_block], self.layout
        layout.first_line_of_block.append(len(layout.lines))
        text_h = self.measure.text_height(block.kind)
        has_ruby = block.ruby_pending or any(block.ruby)
        ruby_h = self.measure.ruby_height(block.kind) if has_ruby else 0.0
        line_h = (text_h + ruby_h) * self.line_spacing
        self.y += block.space_before * text_h
        pieces = list(_break_block(block, self.usable, self.measure)) or [(0, 0, [], [])]
        for start, end, xs, cells in pieces:
            line = Line(index, start, end, self.y, line_h, ruby_h, [x + self.margin for x in xs], cells)
            layout.lines.append(line)
            layout.tops.append(self.y)
            self.y += line_h
        self.next_block += 1
        self._chars_done += len(block.text)

    def _update_height(self) -> None:
        done = self.y + self.margin
        if self.complete:
            self.layout.height = done
        else:
            self.layout.height = done * self._chars_total / max(self._chars_done, 1)


def layout_document(blocks: Sequence[LayoutBlock], width: float, measure: TextMeasure,
                    line_spacing: float = 1.0, margin: float = 0.0) -> DocumentLayout:
    """Lay out `blocks` into lines no wider than `width` (minus margins on both sides)."""
    builder = LayoutBuilder(blocks, width, measure, line_spacing, margin)
    builder.extend_through(len(blocks) - 1)
    return builder.layout


def _cells(block: LayoutBlock, measure: TextMeasure) -> tuple[list[float], list[float] | None]:
    """Return every character's cell width, and the extra space before each (None without pinyin)."""
    bulk = getattr(measure, "char_widths", None)
    widths = bulk(block.text, block.kind) if bulk else [measure.char_width(c, block.kind) for c in block.text]
    if block.ruby_pending and not any(block.ruby):
        likely = measure.ruby_width(PENDING_SYLLABLE, block.kind) * RUBY_SPACING
        return [max(width, likely) if is_han(char) else width for char, width in zip(block.text, widths)], None
    if not any(block.ruby):
        return widths, None
    rubies = [measure.ruby_width(r, block.kind) * RUBY_SPACING if r else 0.0 for r in block.ruby]
    return widths, fit_ruby(widths, rubies, block.words)


def _break_block(block: LayoutBlock, usable: float, measure: TextMeasure):
    """Yield (start, end, xs, widths) of each line of one block, xs relative to the left margin."""
    text = block.text
    widths, leads = _cells(block, measure)
    em = measure.char_width("中", block.kind)
    latin = latin_inside(text)
    room = squeeze_room(text, widths, em)
    squeezable = sorted(room)
    first_indent = block.indent_em * em

    def finish(start: int, end: int, justify: bool):
        cells = widths[start:end]
        xs = set_line(cells, leads, start, room, latin, usable, first_indent if start == 0 else 0.0, block.align,
                      justify, em)
        return start, end, xs, cells

    line_start, x, shrink, next_squeeze, start = 0, first_indent, 0.0, 0, 0
    for end in break_ends(text, block.words, latin):
        unit_w = sum(widths[start:end]) + (sum(leads[start + (start == line_start):end]) if leads else 0.0)
        unit_shrink = 0.0
        while next_squeeze < len(squeezable) and squeezable[next_squeeze] < end:
            unit_shrink += room[squeezable[next_squeeze]]
            next_squeeze += 1
        if x + unit_w - shrink - unit_shrink > usable and start > line_start:
            yield finish(line_start, start, True)
            line_start, x, shrink = start, 0.0, 0.0
            unit_w -= leads[start] if leads else 0.0
        if x + unit_w - shrink - unit_shrink > usable:
            for piece_end in _split_points(text, widths, start, end, usable - x, usable):
                if piece_end < end:
                    yield finish(line_start, piece_end, True)
                    line_start = piece_end
            x, shrink = sum(widths[line_start:end]) + (sum(leads[line_start + 1:end]) if leads else 0.0), 0.0
        else:
            x, shrink = x + unit_w, shrink + unit_shrink
        start = end
    if line_start < len(text):
        yield finish(line_start, len(text), False)


def _split_points(text: str, widths: list[float], start: int, end: int, first_room: float, room: float):
    """Yield the ends of pieces of an over-long unit, breaking only where the kinsoku rules allow."""
    piece_w, limit = 0.0, first_room
    for i in range(start, end):
        can_break = i > start and text[i] not in NO_LINE_START and text[i - 1] not in NO_LINE_END
        if can_break and piece_w + widths[i] > limit:
            yield i
            piece_w, limit = 0.0, room
        piece_w += widths[i]
    yield end
