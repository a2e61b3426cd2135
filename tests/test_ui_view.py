"""The article view with real fonts: layout, pinyin over its character, hit testing, modes, selection, sections."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from reader.ui.view.article_view import ArticleView
from reader.ui.view.document import BlockKind, ViewDocument
from reader.core.pinyin_display import PinyinMode, PinyinOptions, shown_readings
from reader.ui.view.style import ViewStyle

from test_ui_helpers import LEAD, annotate_article, make_article


@pytest.fixture
def document() -> ViewDocument:
    article = make_article()
    return ViewDocument.from_article(article, annotate_article(article))


@pytest.fixture
def view(qtbot, document) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.set_document(document)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def lead_block(document: ViewDocument) -> int:
    return next(i for i, b in enumerate(document.blocks) if b.text == LEAD)


def centre_of(view: ArticleView, block: int, start: int, end: int) -> QPoint:
    return view.span_rect(block, start, end).center()


def test_document_flattens_title_block_headings_and_paragraphs(document):
    kinds = [b.kind for b in document.blocks]
    assert kinds[:3] == [BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.BYLINE]
    assert kinds.count(BlockKind.HEADING) == 2
    assert [s.first_block for s in document.sections] == [3, 4, 7, 10]


def test_every_character_of_every_block_is_laid_out(view, document):
    for index, block in enumerate(document.blocks):
        lines = [l for l in view.layout_.lines if l.block == index]
        assert "".join(block.text[l.start:l.end] for l in lines) == block.text


def test_pinyin_syllables_never_overlap_and_stay_over_their_characters(view, document):
    measure = view.measure
    checked = 0
    for line in view.layout_.lines:
        kind, text, shown, _tones, _under = view._line_data[line.block]
        previous_right = None
        for i, (x, width) in enumerate(zip(line.xs, line.widths)):
            syllable = shown[line.start + i]
            if not syllable:
                continue
            centre = x + width / 2
            half = measure.ruby_width(syllable, kind) / 2
            assert x - 0.01 <= centre <= x + width + 0.01
            if previous_right is not None:
                assert previous_right <= centre - half + 0.01
            previous_right = centre + half
            checked += 1
    assert checked > 100


def test_pinyin_is_drawn_centred_over_its_character(view, document):
    index = lead_block(document)
    line_index = view.layout_.first_line_of_block[index]
    line = view.layout_.lines[line_index]
    image = view.renderer.pixmap(line_index, line, lambda l: view._line_data[l.block], 1.0).toImage()
    ruby_rows = range(0, int(line.ruby_height) - 1)
    for i, (x, width) in enumerate(zip(line.xs[:6], line.widths[:6])):
        ink = [px for px in range(int(x), int(x + width)) if any(image.pixelColor(px, y).alpha() > 60 for y in ruby_rows)]
        assert ink, f"no pinyin drawn over character {i}"
        middle = (ink[0] + ink[-1]) / 2
        assert abs(middle - (x + width / 2)) < width * 0.25


def test_a_click_on_a_character_finds_its_word(qtbot, view, document):
    index = lead_block(document)
    start = LEAD.index("首要")
    with qtbot.waitSignal(view.wordActivated, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, index, start + 1, start + 2))
    word = signal.args[0]
    assert (word.text, word.start, word.end, word.glossary_term) == ("首要", start, start + 2, None)
    assert word.token.readings == ("shou3", "yao4")


def test_a_click_inside_a_glossary_term_gives_the_whole_term(qtbot, view, document):
    index = lead_block(document)
    start = LEAD.index("结构性")
    with qtbot.waitSignal(view.wordActivated, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, index, start, start + 1))
    assert signal.args[0].glossary_term == "供给侧结构性改革"
    assert signal.args[0].text == "供给侧结构性改革"


def test_modes_choose_which_words_show_pinyin(document):
    block = document.blocks[lead_block(document)]
    def shown_words(mode, **kw):
        readings = shown_readings(len(block.text), block.tokens, block.glossary, PinyinOptions(mode, **kw))
        return {t.text for t in block.tokens if readings[t.start]}
    assert shown_words(PinyinMode.OFF) == set()
    assert shown_words(PinyinMode.GLOSSARY) == {"高质量", "发展", "供给侧", "结构性", "改革"}
    above = shown_words(PinyinMode.ABOVE_HSK, hsk_level=2)
    assert "发展" in above and "首要" in above and "是" not in above and "我们" not in above
    assert "我们" not in shown_words(PinyinMode.UNKNOWN, known_words=frozenset({"我们"}))
    assert "我们" in shown_words(PinyinMode.UNKNOWN)


def test_turning_pinyin_off_makes_lines_shorter_and_keeps_the_position(view, document):
    view.resize(700, 150)
    view.go_to_section(2)
    height_all, top_block = full_height(view), view.top_position()[0]
    view.set_style(replace(view.style_, pinyin=PinyinOptions(PinyinMode.OFF)))
    assert full_height(view) < height_all
    assert view.top_position()[0] == top_block


def test_keyboard_selection_and_copy_with_pinyin(qtbot, view, document):
    index = lead_block(document)
    view.selection.move((index, 0), extend=False)
    view.setFocus()
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_text() == "高质量发展"
    assert view.selected_text_with_pinyin() == "高质量(gao1 zhi4 liang4)发展(fa1 zhan3)"


def test_mouse_drag_selects_text(qtbot, view, document):
    index = lead_block(document)
    start, end = centre_of(view, index, 0, 1), centre_of(view, index, 3, 4)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start - QPoint(view.span_rect(index, 0, 1).width() // 2 - 1, 0))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_text().startswith("高质量")


def test_next_and_previous_section(qtbot, view, document):
    with qtbot.waitSignal(view.sectionChanged, timeout=1000) as signal:
        view.step_section(1)
    assert signal.args == [1] and view.current_section() == 1
    view.step_section(1)
    assert view.current_section() == 2
    assert view.top_position() == (document.sections[2].first_block, 0)
    view.step_section(-1)
    assert view.current_section() == 1


def test_scrolling_reports_the_section_at_the_top(qtbot, view, document):
    target = document.sections[2].first_block
    with qtbot.waitSignal(view.sectionChanged, timeout=1000, check_params_cb=lambda i: i == 2):
        view.scroll_to(target + 1)
    assert view.current_section() == 2


def test_enter_opens_the_word_at_the_caret(qtbot, view, document):
    index = lead_block(document)
    view.selection.move((index, LEAD.index("任务")), extend=False)
    with qtbot.waitSignal(view.wordActivated, timeout=1000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args[0].text == "任务"


def full_height(view) -> float:
    view.reach_block(len(view.document.blocks) - 1)
    return view.layout_.height


def test_zoom_makes_text_larger(view):
    before = full_height(view)
    view.set_style(view.style_.zoomed(1.5))
    assert full_height(view) > before * 1.3
    view.set_style(ViewStyle())
    assert abs(full_height(view) - before) < 1


def test_a_long_article_shows_its_first_screen_before_the_rest_is_laid_out(qtbot, view):
    article = make_article()
    for index in range(60):
        article.sections.append(replace(article.sections[1], heading=f"第{index}节"))
    long_document = ViewDocument.from_article(article, annotate_article(article))
    view.set_document(long_document)
    assert view.layout_.lines and view.layout_.lines[-1].block < len(long_document.blocks) - 1
    with qtbot.waitSignal(view.layoutCompleted, timeout=10000):
        pass
    laid_out = {line.block for line in view.layout_.lines}
    assert laid_out == set(range(len(long_document.blocks)))
    view.go_to_section(50)
    assert view.current_section() == 50


def test_text_without_annotation_shows_at_once_and_pinyin_arrives_later(view):
    article = make_article("还没有拼音")
    bare = ViewDocument.from_article(article)
    view.set_document(bare)
    assert not any(any(d[2]) for d in view._line_data.values())
    bare.apply_annotation(annotate_article(article))
    view.refresh_annotation()
    assert any(any(d[2]) for d in view._line_data.values())


def test_resting_the_pointer_on_a_word_opens_it_after_a_delay(qtbot, view, document):
    index = lead_block(document)
    start = LEAD.index("任务")
    with qtbot.waitSignal(view.wordActivated, timeout=2000) as signal:
        qtbot.mouseMove(view.viewport(), centre_of(view, index, start, start + 1))
    assert signal.args[0].text == "任务"
