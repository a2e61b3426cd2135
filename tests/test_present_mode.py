"""Presentation mode: keys (clicker keys too), jumps, blank screens, pinyin, cards, focus, both windows in step, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph
from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.core.presentation import Blank
from reader.core.slides import SlideKind
from reader.ui.present.controller import choose_screens, start_presentation

from test_handout_plan import lookup, tokenise

K = Qt.Key
SECTIONS = [
    ("一、强化质量支撑", ["提升质量是高质量发展的途径。"]),
    ("二、强化品牌带动", ["发展新质生产力。", "品牌是软实力。"]),
    ("三、强化标准引领", ["只有高标准。"]),
    ("四、强化规则保障", ["高标准是质量。"]),
]


@pytest.fixture
def article() -> Article:
    drafts = [SectionDraft(h, 1, SectionKind.BODY, texts) for h, texts in SECTIONS]
    return Article(title="把高质量发展之路走得更有奔头", sections=build_sections(drafts))


@pytest.fixture
def annotated(article) -> AnnotatedArticle:
    result = AnnotatedArticle()
    for paragraph in article.paragraphs():
        one = tokenise(paragraph.text)
        result.paragraphs[paragraph.id] = AnnotatedParagraph(paragraph.id, one.text, one.tokens, one.glossary_hits)
    return result


@pytest.fixture
def show(qtbot, article, annotated):
    controllers = []

    def start(section_index=None):
        controller = start_presentation(article, annotated, section_index, glossary=lookup)
        qtbot.addWidget(controller.window)
        qtbot.addWidget(controller.presenter)
        controller.window.canvas.resize(960, 540)
        controllers.append(controller)
        return controller

    yield start
    for controller in controllers:
        controller.stop()


def press(controller, *keys, window=None):
    """Press keys one after the other on the projector window (or on `window`)."""
    for key in keys:
        QTest.keyClick(window or controller.window, key, Qt.KeyboardModifier.NoModifier)


def test_opens_on_the_title_slide_with_one_slide_per_section(show, article):
    controller = show()
    state = controller.model.state
    assert state.slide.kind is SlideKind.TITLE
    assert [s.section_index for s in state.slides] == [None, 0, 1, 2, 3]
    assert controller.window.isFullScreen()
    assert not state.pinyin and state.progress_visible


@pytest.mark.parametrize("key", [K.Key_Right, K.Key_Down, K.Key_PageDown, K.Key_Space, K.Key_Return, K.Key_Enter])
def test_next_keys(show, key):
    controller = show()
    press(controller, key)
    assert controller.model.state.index == 1


@pytest.mark.parametrize("key", [K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace])
def test_previous_keys(show, key):
    controller = show()
    press(controller, K.Key_End, key)
    assert controller.model.state.index == len(controller.model.state.slides) - 2


def test_home_end_and_the_ends_hold(show):
    controller = show()
    press(controller, K.Key_Left)
    assert controller.model.state.index == 0
    press(controller, K.Key_End, K.Key_Right)
    assert controller.model.state.index == 4
    press(controller, K.Key_Home)
    assert controller.model.state.index == 0


def test_number_then_enter_jumps_to_that_section(show):
    controller = show()
    press(controller, K.Key_3, K.Key_Enter)
    assert controller.model.state.section_index == 2
    press(controller, K.Key_1, K.Key_2, K.Key_Backspace, K.Key_Enter)  # 12, take back the 2: section 1
    assert controller.model.state.section_index == 0
    press(controller, K.Key_9, K.Key_9, K.Key_Enter)  # beyond the end: the last section
    assert controller.model.state.section_index == 3


def colours(widget) -> set[str]:
    image = widget.grab().toImage()
    step = max(1, image.width() // 40)
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)}


@pytest.mark.parametrize("key,blank,colour", [(K.Key_B, Blank.BLACK, "#000000"), (K.Key_Period, Blank.BLACK, "#000000"),
                                             (K.Key_W, Blank.WHITE, "#ffffff")])
def test_blank_screen_and_back(show, key, blank, colour):
    controller = show()
    press(controller, K.Key_Right, key)
    assert controller.model.state.blank is blank
    assert colours(controller.window.canvas) == {colour}
    assert "SCREEN" in controller.presenter.status.text()
    assert len(colours(controller.presenter.current)) > 2  # the trainer still sees the slide
    press(controller, K.Key_Right)
    assert controller.model.state.blank is Blank.NONE and controller.model.state.index == 1
    assert len(colours(controller.window.canvas)) > 2


def test_p_reveals_pinyin_in_the_readers_mode(show):
    controller = show()
    press(controller, K.Key_Right)
    canvas = controller.window.canvas
    hidden = [r for b in canvas.scene().blocks for r in b.layout.ruby if r]
    before = canvas.grab().toImage()
    press(controller, K.Key_P)
    shown = [r for b in canvas.scene().blocks for r in b.layout.ruby if r]
    assert hidden == [] and "tí" in shown and "shēng" in shown
    assert canvas.grab().toImage() != before
    press(controller, K.Key_P)
    assert not controller.model.state.pinyin


def term_point(canvas, term: str) -> QPoint:
    scene = canvas.scene()
    for index, block in enumerate(scene.blocks):
        for hit in block.hits:
            if hit.term == term:
                line_index, x0, x1 = scene.layout.span_rects(index, hit.start, hit.end)[0]
                line = scene.layout.lines[line_index]
                y = scene.origin.y() + line.top + line.ruby_height + 5
                return QPoint(int(scene.origin.x() + (x0 + x1) / 2), int(y))
    raise AssertionError(f"{term} is not on the slide")


def test_click_on_a_term_shows_its_card_and_esc_closes_it(show, qtbot):
    controller = show(1)
    canvas = controller.window.canvas
    before = canvas.grab().toImage()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=term_point(canvas, "新质生产力"))
    assert controller.model.state.card_term == "新质生产力"
    assert canvas.grab().toImage() != before
    press(controller, K.Key_Escape)
    assert controller.model.state.card_term is None and controller.running


def test_g_shows_the_cards_of_the_terms_on_this_slide(show):
    controller = show(1)
    assert "新质生产力 · xīn zhì shēng chǎn lì · new quality productive forces" in [
        controller.presenter.terms.item(i).text() for i in range(controller.presenter.terms.count())]
    press(controller, K.Key_G)
    assert controller.model.state.cards_visible
    press(controller, K.Key_G)
    assert not controller.model.state.cards_visible


def test_click_on_a_paragraph_dims_the_others(show, qtbot, article):
    controller = show(1)
    canvas = controller.window.canvas
    second = article.sections[1].paragraphs[1]
    scene = canvas.scene()
    index = next(i for i, b in enumerate(scene.blocks) if b.paragraph_id == second.id)
    line = scene.layout.lines[scene.layout.first_line_of_block[index]]
    point = QPoint(int(scene.origin.x() + line.xs[1] + 2), int(scene.origin.y() + line.top + line.height / 2))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert controller.model.state.focused_paragraph == second.id
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert controller.model.state.focused_paragraph is None


def test_h_hides_the_progress_indicator(show):
    controller = show()
    press(controller, K.Key_H)
    assert not controller.model.state.progress_visible
    press(controller, K.Key_H)
    assert controller.model.state.progress_visible


def test_both_windows_stay_in_step(show):
    controller = show()
    presenter = controller.presenter
    press(controller, K.Key_S)
    assert presenter.isVisible()
    press(controller, K.Key_PageDown, K.Key_PageDown, window=presenter)
    assert controller.model.state.index == 2
    assert "section 2 of 4" in presenter.status.text() and "slide" not in presenter.status.text()
    assert presenter.current.scene().slide is controller.window.canvas.scene().slide
    assert presenter.next.scene().slide is controller.model.state.slides[3]
    press(controller, K.Key_B, window=presenter)
    assert colours(controller.window.canvas) == {"#000000"}
    press(controller, K.Key_P)
    assert "pinyin shown" in presenter.status.text()
    press(controller, K.Key_S, window=presenter)
    assert not presenter.isVisible()


def test_presenter_timer_pauses_and_resets(show):
    presenter = show().presenter
    presenter.pause_button.click()
    assert not presenter.clock.running and presenter.pause_button.text() == "Resume"
    presenter.reset_button.click()
    assert presenter.elapsed_label.text() == "0:00"
    presenter.pause_button.click()
    assert presenter.clock.running


def test_presenter_lists_the_trainers_notes_for_this_section(qtbot, article, annotated):
    from types import SimpleNamespace as Obj

    pid = article.sections[1].paragraphs[0].id
    note = Obj(kind="note", note="ask what 新质 means", name=None, deleted_at=None,
               anchor=Obj(paragraph_id=pid, start=2, exact="新质生产力"))
    controller = start_presentation(article, annotated, 1, glossary=lookup, annotations=[note])
    qtbot.addWidget(controller.window)
    qtbot.addWidget(controller.presenter)
    notes = controller.presenter.notes
    assert [notes.item(i).text() for i in range(notes.count())] == ["✎ 「新质生产力」 ask what 新质 means"]
    controller.handle("next")
    assert notes.item(0).text() == "(none)"
    controller.stop()


def test_escape_leaves_and_reports_the_section(show, qtbot):
    controller = show()
    press(controller, K.Key_3, K.Key_Enter)
    with qtbot.waitSignal(controller.ended, timeout=1000) as signal:
        press(controller, K.Key_Escape)
    assert signal.args == [2]
    assert not controller.window.isVisible() and not controller.presenter.isVisible()


def test_closing_the_window_also_ends_the_presentation(show, qtbot):
    controller = show(3)
    with qtbot.waitSignal(controller.ended, timeout=1000) as signal:
        controller.window.close()
    assert signal.args == [3]


def test_starting_at_a_section(show):
    controller = show(2)
    assert controller.model.state.section_index == 2
    assert controller.model.state.slide.kind is SlideKind.SECTION


def test_slides_go_to_the_other_screen_when_there_are_two():
    laptop, projector = object(), object()
    assert choose_screens([laptop, projector], laptop) == (projector, laptop)
    assert choose_screens([laptop], laptop) == (laptop, None)
    assert choose_screens([laptop, projector], laptop, projector_index=0) == (laptop, projector)


def test_a_card_shows_the_chinese_explanation_too(qapp):
    from reader.core.handout import GlossaryRow
    from reader.ui.present.cards import card_parts

    row = GlossaryRow("新质生产力", "xīn zhì shēng chǎn lì", "new quality productive forces",
                      "Innovation-led productivity.", "以创新起主导作用的先进生产力。")
    texts = [text for _, _, text, _ in card_parts(row, "", 40.0)]
    assert texts[0] == "新质生产力" and "以创新起主导作用的先进生产力。" in texts and "Innovation-led productivity." in texts
    assert texts.index("以创新起主导作用的先进生产力。") < texts.index("new quality productive forces")


def test_r_asks_to_read_the_focused_paragraph_else_the_first_on_the_slide(show, qtbot, article):
    controller = show(1)
    asked: list[str] = []
    controller.readRequested.connect(asked.append)
    press(controller, Qt.Key.Key_R)
    second = article.sections[1].paragraphs[1]
    controller.model.apply("focus", second.id)
    press(controller, Qt.Key.Key_R)
    assert asked == [article.sections[1].paragraphs[0].id, second.id]
