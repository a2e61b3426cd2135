"""The ruby layout engine: nothing lost, words kept whole, Chinese line-breaking rules, pinyin over its character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.layout import NO_LINE_END, NO_LINE_START, LayoutBlock, layout_document

from test_ui_helpers import BODY, LEAD, annotate_text


class FixedMeasure:
    """Han characters 10 wide, everything else 5; pinyin 4 per letter."""

    def char_width(self, char: str, kind: str) -> float:
        return 10.0 if "\u2e80" <= char else 5.0

    def ruby_width(self, text: str, kind: str) -> float:
        return 4.0 * len(text)

    def text_height(self, kind: str) -> float:
        return 20.0

    def ruby_height(self, kind: str) -> float:
        return 10.0


def block_for(text: str, ruby: bool = True, indent: float = 0.0) -> LayoutBlock:
    annotated = annotate_text(text)
    readings = annotated.readings() if ruby else [None] * len(text)
    words = [(t.start, t.end) for t in annotated.tokens]
    return LayoutBlock(text, "paragraph", words, readings, indent_em=indent)


def lines_text(layout, text):
    return [text[line.start:line.end] for line in layout.lines]


def test_every_character_is_laid_out_once_in_order():
    text = LEAD + BODY
    layout = layout_document([block_for(text, indent=2)], 200, FixedMeasure())
    assert "".join(lines_text(layout, text)) == text
    assert all(a.end == b.start for a, b in zip(layout.lines, layout.lines[1:]))
    assert len(layout.lines) > 3


def test_lines_break_only_between_words():
    text = LEAD + BODY
    tokens = annotate_text(text).tokens
    inner = {i for t in tokens for i in range(t.start + 1, t.end)}
    layout = layout_document([block_for(text)], 130, FixedMeasure())
    assert len(layout.lines) > 5
    assert not [line.start for line in layout.lines if line.start in inner]


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation():
    text = BODY + "“高质量发展”，（首要）。《标准》"
    for width in range(60, 400, 7):
        layout = layout_document([block_for(text)], width, FixedMeasure())
        for piece in lines_text(layout, text):
            assert piece[0] not in NO_LINE_START, (width, piece)
            assert piece[-1] not in NO_LINE_END, (width, piece)


def syllable_extents(line, block):
    """(left, right, cell index) of every syllable drawn on `line`."""
    extents = []
    for i, (x, width) in enumerate(zip(line.xs, line.widths)):
        reading = block.ruby[line.start + i]
        if reading:
            centre = x + width / 2
            half = FixedMeasure().ruby_width(reading, "paragraph") / 2
            extents.append((centre - half, centre + half, i))
    return extents


def test_pinyin_never_overlaps_sits_over_its_character_and_lines_fit():
    text = LEAD + BODY
    block = block_for(text)
    layout = layout_document([block], 180, FixedMeasure())
    for line in layout.lines:
        extents = syllable_extents(line, block)
        assert extents
        for (_, right, _), (left, _, _) in zip(extents, extents[1:]):
            assert right <= left + 1e-6, "two syllables overlap"
        for left, right, i in extents:
            centre = (left + right) / 2
            assert line.xs[i] - 1e-6 <= centre <= line.xs[i] + line.widths[i] + 1e-6, "pinyin left its character"
        assert line.xs[-1] + line.widths[-1] <= 180 + 1e-6
        assert all(a < b for a, b in zip(line.xs, line.xs[1:]))


def test_characters_of_one_word_stay_evenly_spaced_under_long_pinyin():
    text = "质量强区"  # liàng and qiáng are wider than a character; the word widens as a whole
    annotated = annotate_text(text)
    block = LayoutBlock(text, "paragraph", [(0, len(text))], annotated.readings(), align="left")
    line = layout_document([block], 500, FixedMeasure()).lines[0]
    assert len(set(round(w, 6) for w in line.widths)) == 1
    assert sum(line.widths) >= sum(FixedMeasure().ruby_width(r, "paragraph") for r in block.ruby)


def test_pinyin_rows_make_lines_taller_only_when_shown():
    with_ruby = layout_document([block_for(LEAD)], 300, FixedMeasure())
    without = layout_document([block_for(LEAD, ruby=False)], 300, FixedMeasure())
    assert with_ruby.lines[0].ruby_height == 10.0 and without.lines[0].ruby_height == 0.0
    assert with_ruby.lines[0].height > without.lines[0].height


def test_hit_testing_finds_the_character_under_a_point():
    text = LEAD
    layout = layout_document([block_for(text, ruby=False)], 100, FixedMeasure())
    second = layout.lines[1]
    block, offset = layout.position_at(second.xs[3] + 2, second.top + 5)
    assert (block, offset) == (0, second.start + 3)
    rects = layout.span_rects(0, second.start, second.start + 2)
    assert rects == [(1, second.xs[0], second.xs[1] + second.widths[1])]


def test_a_word_wider_than_the_line_is_split_but_nothing_is_lost():
    text = "供给侧结构性改革" * 3
    block = LayoutBlock(text, "paragraph", [(0, len(text))], [None] * len(text))
    layout = layout_document([block], 45, FixedMeasure())
    assert "".join(lines_text(layout, text)) == text
    assert all(line.xs[-1] + line.widths[-1] <= 45 for line in layout.lines)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="高质量发展是首要任务我们，。、“”‘’（）《》abc 12", min_size=1, max_size=120),
       st.integers(min_value=25, max_value=400))
def test_any_text_keeps_every_character_and_the_rules(text, width):
    layout = layout_document([block_for(text)], width, FixedMeasure())
    pieces = lines_text(layout, text)
    assert "".join(pieces) == text
    assert all(piece[0] not in NO_LINE_START for piece in pieces[1:])
    assert all(piece[-1] not in NO_LINE_END for piece in pieces[:-1])
