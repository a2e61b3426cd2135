"""Chinese typesetting after clreq, with real fonts in the reader view: space shared evenly, words kept together,
Latin never letter-spaced, pinyin centred over its own character in every pinyin mode and at every zoom."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor

from reader.core.layout import LayoutBlock, layout_document
from reader.core.typeset import latin_inside

from conftest import PROJECT_ROOT
from test_ui_layout import FixedMeasure, block_for

BUNDLED = PROJECT_ROOT / "articles" / "xihaian-2025-quality-page.md"
TOLERANCE_PX = 1.0


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def glyph_gaps(line, text: str, advance) -> dict[int, float]:
    """{k: space between the ink boxes of characters k-1 and k of the line}, for two neighbouring Han characters."""
    gaps = {}
    for k in range(1, len(line.xs)):
        a, b = text[line.start + k - 1], text[line.start + k]
        if is_han(a) and is_han(b):
            right = line.glyph_left(k - 1, a, advance(a)) + advance(a)
            gaps[k] = line.glyph_left(k, b, advance(b)) - right
    return gaps


def word_gap_problems(line, block: LayoutBlock, advance) -> list[str]:
    """The done-criterion of issue 14 on one justified line: inside a word the gaps differ by at most 1 px, and no
    gap inside a word is wider than the gaps at its edges (to the words beside it on the line)."""
    gaps = glyph_gaps(line, block.text, advance)
    problems = []
    for start, end in block.words:
        if end <= line.start or start >= line.end:
            continue
        inside = range(max(start, line.start) + 1, min(end, line.end))
        inner = [gaps[i - line.start] for i in inside if i - line.start in gaps]
        if len(inner) >= 2 and max(inner) - min(inner) > TOLERANCE_PX:
            problems.append(f"{block.text[start:end]}: inner gaps {inner}")
        edges = [gaps.get(i - line.start) for i in (start, end) if line.start < i < line.end]
        for edge in [g for g in edges if g is not None]:
            if inner and max(inner) > edge + TOLERANCE_PX:
                problems.append(f"{block.text[start:end]}: inner gap {max(inner):.2f} > edge gap {edge:.2f}")
    return problems


# --- the engine alone (fixed widths) ----------------------------------------------------------------------------

MIXED = "我们在Netflix上看了《马可·波罗》——并制定2025-2027年的计划和3.5%的目标……全区2025年党建引领高质量发展。"


@pytest.mark.parametrize("width", range(60, 400, 9))
def test_latin_runs_are_never_letter_spaced_nor_broken(width):
    block = LayoutBlock(MIXED, "paragraph", (), [None] * len(MIXED))
    layout = layout_document([block], width, FixedMeasure())
    inside = latin_inside(MIXED)
    assert {MIXED[i] for i in inside} >= set("etflix025-7.%")
    for line in layout.lines:
        assert line.start not in inside, f"a line starts inside a Latin run: {MIXED[line.start - 3:line.start + 3]}"
        assert not (MIXED[line.start] == "年" and MIXED[line.start - 1].isdigit()), "2027|年 was broken"
        assert MIXED[line.start - 1:line.start + 1] not in ("——", "……"), "a doubled mark was split"
        for k in range(1, len(line.xs)):
            if line.start + k in inside:
                assert line.xs[k] == pytest.approx(line.xs[k - 1] + line.widths[k - 1]), "a Latin word is spaced"


def test_justified_lines_share_the_space_evenly_between_characters():
    text = "以党建为引领，更充沛的民生保障，整装待发。加快形成上下联动、互促共进的工作格局。" * 3
    layout = layout_document([block_for(text, ruby=False)], 173, FixedMeasure())
    for line in layout.lines[:-1]:
        gaps = [line.xs[k] - line.xs[k - 1] - line.widths[k - 1] for k in range(1, len(line.xs))]
        assert max(gaps) - min(gaps) < 1e-6, gaps
        assert line.xs[-1] + line.widths[-1] == pytest.approx(173)


def test_punctuation_is_squeezed_before_a_character_moves_to_the_next_line():
    text = "高质量发展是首要任务，我们"  # ten characters fill 100 units; the comma squeezes in at half width
    layout = layout_document([block_for(text, ruby=False)], 105, FixedMeasure())
    first = layout.lines[0]
    assert text[first.start:first.end] == "高质量发展是首要任务，"
    assert first.widths[-1] == pytest.approx(5.0)
    assert first.xs[-1] + first.widths[-1] <= 105 + 1e-6


def test_pinyin_centre_is_the_character_centre_in_the_engine():
    text = "高质量发展是首要任务。我们要坚持质量第一，推进供给侧结构性改革。"
    block = block_for(text)
    measure = FixedMeasure()
    for line in layout_document([block], 150, measure).lines:
        for i in range(len(line.xs)):
            char, reading = text[line.start + i], block.ruby[line.start + i]
            if reading:
                ruby_centre = line.ruby_left(i, measure.ruby_width(reading, "paragraph")) \
                    + measure.ruby_width(reading, "paragraph") / 2
                char_centre = line.glyph_left(i, char, measure.char_width(char, "paragraph")) + 5.0
                assert ruby_centre == pytest.approx(char_centre)


# --- the reader view with real fonts, in every pinyin mode ---------------------------------------------------------

@pytest.fixture(scope="module")
def bundled():
    from reader.core import lang
    from reader.core.importer import load_article

    article = load_article(BUNDLED)
    return article, lang.annotate(article)


MODES = {
    "marks": {},
    "numbers": {"tone_marks": False},
    "colours": {"tone_colours": True},
    "numbers-zoomed-out": {"tone_marks": False, "zoom": 0.6},
    "marks-zoomed-in": {"zoom": 1.8},
}


@pytest.fixture(params=list(MODES))
def view(request, qtbot, bundled):
    from reader.ui.fonts import choose_family, cjk_families_of_system
    from reader.ui.services import format_readings
    from reader.ui.view.article_view import ArticleView
    from reader.ui.view.document import ViewDocument
    from reader.ui.view.style import ViewStyle

    options = dict(MODES[request.param])
    zoom = options.pop("zoom", 1.0)
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.set_formatter(format_readings)
    widget.set_style(replace(ViewStyle(family=choose_family(cjk_families_of_system()), **options)).zoomed(zoom))
    widget.resize(820, 700)
    widget.set_document(ViewDocument.from_article(*bundled))
    widget.show()
    qtbot.waitExposed(widget)
    widget.reach_block(len(widget.document.blocks) - 1)
    return widget


def view_lines(view):
    for index, line in enumerate(view.layout_.lines):
        block = view._builder.blocks[line.block]
        last_of_block = index + 1 == len(view.layout_.lines) or view.layout_.lines[index + 1].block != line.block
        yield index, line, block, last_of_block


def test_justified_lines_keep_words_evenly_spaced_and_together(view):
    advance = view.measure.char_width
    checked, problems = 0, []
    for _, line, block, last in view_lines(view):
        if last or block.align != "justify" or not block.words:
            continue
        problems += word_gap_problems(line, block, lambda c, kind=block.kind: advance(c, kind))
        checked += 1
    assert checked > 40
    assert problems == []


def test_pinyin_centre_is_within_a_pixel_of_its_character(view):
    measure, checked = view.measure, 0
    for _, line, block, _ in view_lines(view):
        for i in range(len(line.xs)):
            char, reading = block.text[line.start + i], block.ruby[line.start + i]
            if not reading:
                continue
            width = measure.ruby_width(reading, block.kind)
            ruby_centre = line.ruby_left(i, width) + width / 2
            char_centre = line.glyph_left(i, char, measure.char_width(char, block.kind)) \
                + measure.char_width(char, block.kind) / 2
            assert abs(ruby_centre - char_centre) <= TOLERANCE_PX, (char, reading)
            checked += 1
    assert checked > 1000


def ink_centre(image, x0: int, x1: int, rows: range) -> float | None:
    """Centre of the ink columns between x0 and x1 in `rows` (None when nothing is drawn there)."""
    columns = [x for x in range(max(0, x0), min(image.width(), x1))
               if any(QColor(image.pixel(x, y)).alpha() > 90 for y in rows)]
    return (columns[0] + columns[-1] + 1) / 2 if columns else None


def test_drawn_pinyin_sits_over_its_character_in_pixels(view):
    """Over 品质西海岸 (where tone numbers used to drift: hai3 over 岸), measured in the drawn pixels."""
    target = next((index, line, block) for index, line, block, _ in view_lines(view)
                  if "品质西海岸" in block.text[line.start:line.end] and any(block.ruby[line.start:line.end]))
    index, line, block = target
    image = view.renderer.pixmap(index, line, lambda l: view._line_data[l.block], 1.0).toImage()
    first = block.text.index("品质西海岸", line.start) - line.start
    ruby_rows = range(0, int(line.ruby_height) - 1)
    text_rows = range(int(line.ruby_height) + 2, int(line.height) - 2)
    for i in range(first, first + 5):
        left, right = int(line.xs[i]) - 2, int(line.xs[i] + line.widths[i]) + 2
        pinyin, char = ink_centre(image, left, right, ruby_rows), ink_centre(image, left, right, text_rows)
        assert pinyin is not None and char is not None
        assert abs(pinyin - char) <= 1.5, (block.text[line.start + i], block.ruby[line.start + i], pinyin, char)
