"""The trainer's walk through the seed article: every slide fits its screen, and the issue's scenario works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtTest import QTest

from reader.core.presentation import Blank
from reader.ui.present.controller import start_presentation
from reader.ui.present.scene import MARGIN_Y, build_scene, slide_fits

from test_present_mode import term_point


@pytest.fixture(scope="module")
def seed(request):
    from conftest import SEED, need_shared

    from reader.core import lang
    from reader.core.importer import load_article

    article = load_article(need_shared(SEED))
    return article, lang.annotate(article)


@pytest.mark.parametrize("width,height", [(1920, 1080), (1024, 768)])
def test_every_slide_of_the_seed_fits_its_screen_with_pinyin(qapp, seed, width, height):
    from reader.core.slides import plan_slides
    from reader.ui.present.deck import Deck

    article, annotated = seed
    size = QSizeF(width, height)
    deck = Deck(article, annotated)
    slides = plan_slides(article, slide_fits(deck, size))
    assert len(slides) > len(article.sections)
    for slide in slides:
        scene = build_scene(deck, slide, size, pinyin=True)
        assert scene.origin.y() + scene.layout.height <= height * (1 - MARGIN_Y) + 1
        ruby = [r for block in scene.blocks for r in block.layout.ruby if r]
        assert slide.section_index is None or ruby


def test_the_trainers_walk(qtbot, seed):
    from reader.core.handout import glossary_lookup

    article, annotated = seed
    controller = start_presentation(article, annotated, None, glossary=glossary_lookup())
    qtbot.addWidget(controller.window)
    qtbot.addWidget(controller.presenter)
    controller.window.canvas.resize(1280, 720)
    state = controller.model.state
    seen = set()
    while state.next_slide is not None:
        QTest.keyClick(controller.window, Qt.Key.Key_PageDown)
        seen.add(state.section_index)
        if any("新质生产力" in piece.text for piece in state.slide.pieces):
            break
    assert "新质生产力" in "".join(piece.text for piece in state.slide.pieces)
    QTest.keyClick(controller.window, Qt.Key.Key_P)
    assert state.pinyin
    canvas = controller.window.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=term_point(canvas, "新质生产力"))
    assert state.card_term == "新质生产力"
    assert controller.deck.card("新质生产力").english  # the glossary's own card, not an empty one
    QTest.keyClick(controller.window, Qt.Key.Key_Escape)
    QTest.keyClick(controller.window, Qt.Key.Key_B)
    assert state.blank is Blank.BLACK
    with qtbot.waitSignal(controller.ended, timeout=1000) as ended:
        QTest.keyClick(controller.window, Qt.Key.Key_Escape)
    assert ended.args == [state.section_index] and len(seen) >= 2


@pytest.fixture(scope="module")
def bundled():
    from conftest import PROJECT_ROOT

    from reader.core import lang
    from reader.core.importer import load_article

    article = load_article(PROJECT_ROOT / "articles" / "xihaian-2025-quality-page.md")
    return article, lang.annotate(article)


def test_the_bundled_article_fills_at_most_12_slides_at_1920x1080(qapp, bundled):
    """Issue 14: one section per slide whenever it fits at a readable size; each slide filled (at least 60 % of the
    screen's height, pinyin shown or hidden); the type never below the minimum."""
    from reader.core.slides import SlideKind, plan_slides
    from reader.ui.present.controller import _default_family
    from reader.ui.present.deck import Deck
    from reader.ui.present.scene import text_area, type_range

    article, annotated = bundled
    size = QSizeF(1920, 1080)
    deck = Deck(article, annotated, family=_default_family())
    slides = plan_slides(article, slide_fits(deck, size))
    assert len(slides) <= 12
    assert {s.section_index for s in slides if s.kind is SlideKind.SECTION} == set(range(len(article.sections)))
    low, high = type_range(size)
    for slide in slides:  # the title slide too: its title and subtitle may take two lines each
        for pinyin in (False, True):
            scene = build_scene(deck, slide, size, pinyin)
            assert scene.layout.height >= 0.6 * size.height() or scene.pixel == high, (slide.section_index, pinyin)
            assert low - 0.01 <= scene.pixel <= high
            assert scene.origin.y() + scene.layout.height <= text_area(size).bottom() + 1
            top_gap = scene.origin.y()
            bottom_gap = size.height() - scene.origin.y() - scene.layout.height
            assert abs(top_gap - bottom_gap) <= 2  # balanced vertically


def test_pinyin_on_slides_is_centred_over_its_character(qapp, bundled):
    from reader.core.slides import plan_slides
    from reader.ui.present.deck import Deck

    article, annotated = bundled
    size = QSizeF(1280, 720)
    deck = Deck(article, annotated)
    checked = 0
    for slide in plan_slides(article, slide_fits(deck, size))[1:4]:
        scene = build_scene(deck, slide, size, pinyin=True)
        for line in scene.layout.lines:
            block = scene.blocks[line.block].layout
            for i in range(len(line.xs)):
                char, reading = block.text[line.start + i], block.ruby[line.start + i]
                if reading:
                    width = scene.measure.ruby_width(reading, block.kind)
                    advance = scene.measure.char_width(char, block.kind)
                    centre = line.ruby_left(i, width) + width / 2
                    assert abs(centre - (line.glyph_left(i, char, advance) + advance / 2)) <= 1.0
                    checked += 1
    assert checked > 300
