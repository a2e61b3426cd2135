"""The ruby layout engine: lines of characters with their pinyin above, broken only between words.

Qt-free. Text widths come from an injected `TextMeasure`, so the same algorithm serves the screen, the projector
and tests. Rules:
- a word is never split across lines unless it is wider than a whole line;
- no line starts with closing punctuation (`NO_LINE_START`) and none ends with opening punctuation (`NO_LINE_END`);
- pinyin sits over its character: each syllable is centred on its cell, nudged sideways (`Line.ruby_shifts`) only as
  far as it takes to clear its neighbours inside the word; a word whose pinyin is wider than its characters widens
  all of its cells evenly, so the characters of one word stay evenly spaced.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Protocol
from collections.abc import Sequence

NO_LINE_START = frozenset("，。、；：？！”’）》,.;:?!)」』】〕…·％%")
NO_LINE_END = frozenset("“‘（《([「『【〔")
RUBY_SPACING = 1.12  # a word's pinyin row takes this many times the syllables' own widths (the gaps between them)


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
    ruby_shifts: list[float] = field(default_factory=list)  # pinyin centre minus cell centre, per cell (may be empty)

    def ruby_shift(self, index: int) -> float:
        """Return how far the pinyin of cell `index` (of this line) sits right of the cell's centre."""
        return self.ruby_shifts[index] if self.ruby_shifts else 0.0

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
        has_ruby = any(block.ruby)
        ruby_h = self.measure.ruby_height(block.kind) if has_ruby else 0.0
        line_h = (text_h + ruby_h) * self.line_spacing
        self.y += block.space_before * text_h
        widths, shifts = _cell_widths(block, self.measure)
        pieces = list(_break_block(block, widths, self.usable, self.measure)) or [(0, 0, [], [])]
        for start, end, xs, cells in pieces:
            line = Line(index, start, end, self.y, line_h, ruby_h, [x + self.margin for x in xs], cells,
                        shifts[start:end] if has_ruby else [])
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


def _cell_widths(block: LayoutBlock, measure: TextMeasure) -> tuple[list[float], list[float]]:
    """Return every character's cell width and its pinyin's shift from the cell centre, fitted word by word."""
    bulk = getattr(measure, "char_widths", None)
    widths = bulk(block.text, block.kind) if bulk else [measure.char_width(c, block.kind) for c in block.text]
    shifts = [0.0] * len(widths)
    if not any(block.ruby):
        return widths, shifts
    rubies = [measure.ruby_width(r, block.kind) * RUBY_SPACING if r else 0.0 for r in block.ruby]
    for start, end in list(block.words) or [(i, i + 1) for i in range(len(widths))]:
        if any(rubies[start:end]):
            _fit_word_ruby(widths, rubies, shifts, start, end)
    return widths, shifts


def _fit_word_ruby(widths: list[float], rubies: list[float], shifts: list[float], start: int, end: int) -> None:
    """Fit one word's pinyin above its cells: widen the cells evenly if needed, then centre and separate syllables."""
    excess = sum(rubies[start:end]) - sum(widths[start:end])
    if excess > 0:
        for i in range(start, end):
            widths[i] += excess / (end - start)
    centres, x = [], 0.0
    for i in range(start, end):
        centres.append(x + widths[i] / 2)
        x += widths[i]
    placed = list(centres)
    placed[0] = max(placed[0], rubies[start] / 2)
    for k in range(1, len(placed)):  # push right until each syllable clears the one before it
        i = start + k
        placed[k] = max(placed[k], placed[k - 1] + (rubies[i - 1] + rubies[i]) / 2)
    placed[-1] = min(placed[-1], x - rubies[end - 1] / 2)
    for k in range(len(placed) - 2, -1, -1):  # then pull left so every syllable stays inside the word
        i = start + k
        placed[k] = min(placed[k], placed[k + 1] - (rubies[i] + rubies[i + 1]) / 2)
    for k, centre in enumerate(placed):
        shifts[start + k] = centre - centres[k]


def _units(block: LayoutBlock) -> list[tuple[int, int]]:
    """Group word spans into unbreakable units: closing punctuation joins the word before, opening the word after."""
    spans = list(block.words) or [(i, i + 1) for i in range(len(block.text))]
    units: list[list[int]] = []
    glue_next = False
    for start, end in spans:
        joins_previous = units and (glue_next or block.text[start] in NO_LINE_START)
        if joins_previous:
            units[-1][1] = end
        else:
            units.append([start, end])
        glue_next = block.text[end - 1] in NO_LINE_END
    return [(a, b) for a, b in units]


def _break_block(block: LayoutBlock, widths: list[float], usable: float, measure: TextMeasure):
    """Yield (start, end, xs, widths) of each line of one block, xs relative to the left margin."""
    em = measure.char_width("中", block.kind)
    indent = block.indent_em * em
    line_start, x = 0, indent
    for start, end in _units(block):
        unit_w = sum(widths[start:end])
        if x + unit_w > usable and start > line_start:
            yield _finish_line(block, widths, line_start, start, usable, indent if line_start == 0 else 0.0, True)
            line_start, x = start, 0.0
        if unit_w > usable - x:
            for piece_end in _split_points(block.text, widths, start, end, usable - x, usable):
                if piece_end < end:
                    yield _finish_line(block, widths, line_start, piece_end, usable,
                                       indent if line_start == 0 else 0.0, True)
                    line_start = piece_end
            x = sum(widths[line_start:end])
            continue
        x += unit_w
    if line_start < len(block.text):
        yield _finish_line(block, widths, line_start, len(block.text), usable, indent if line_start == 0 else 0.0,
                           False)


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


def _finish_line(block: LayoutBlock, widths: list[float], start: int, end: int, usable: float,
                 indent: float, justify: bool):
    cells = widths[start:end]
    used = indent + sum(cells)
    gap = 0.0
    if block.align == "center":
        indent += max(usable - used, 0.0) / 2
    elif justify and block.align == "justify" and len(cells) > 1 and 0 < usable - used < 3 * max(cells):
        gap = (usable - used) / (len(cells) - 1)
    xs, x = [], indent
    for w in cells:
        xs.append(x)
        x += w + gap
    return start, end, xs, cells
