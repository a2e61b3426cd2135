"""The window's learner parts: the article-information panel and chart, the library's "known" column and filter."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


def _word(window, paragraph_start: str, word: str):
    view = window.view
    block = next(i for i, b in enumerate(view.document.blocks) if b.text.startswith(paragraph_start))
    return view.word_at(block, view.document.blocks[block].text.index(word))


def _highlight_pixels(widget) -> int:
    image = widget.grab().toImage()
    colour = widget.known_colour.rgb()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixel(x, y) == colour)


def test_info_panel_measures_the_article_and_follows_a_word_marked_known(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["info_panel"].trigger()
    panel = window.article_info
    assert window.docks["info"].isVisible()
    first = window.controller.profile
    assert first is not None and sum(first.counts.values()) > 0
    assert "You know 0 % of the running words" in panel.figures.text()
    assert _highlight_pixels(panel.chart) == 0  # nothing known: no filled bar
    word = _word(window, "高质量发展是", "我们")
    window.open_popup(word)
    window.popup.known_button.click()
    expected = int(100 * first.counts["我们"] / sum(first.counts.values()))
    assert f"You know {expected} % of the running words" in panel.figures.text()
    assert _highlight_pixels(panel.chart) > 0  # the known part of its band is filled


def test_chart_draws_in_the_dark_theme_too(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["info_panel"].trigger()
    window.actions_["theme_dark"].trigger()
    window.controller.set_known(list(window.controller.profile.counts)[:3], True)
    chart = window.article_info.chart
    assert chart.text_colour.lightness() > 128  # light text on dark panels
    assert _highlight_pixels(chart) > 0
    image = chart.grab().toImage()
    background = QColor(image.pixel(1, 1))
    assert background.lightness() < 128


def test_library_shows_known_share_sorts_by_it_and_lists_readable_articles(qtbot, article_file, tmp_path):
    from PySide6.QtCore import Qt

    from reader.core.importer import to_markdown
    from reader.core.model import Article, SectionDraft, SectionKind, build_sections

    short = tmp_path / "short.md"
    drafts = [SectionDraft(None, 0, SectionKind.LEAD, ["我们要坚持。我们"])]
    short.write_text(to_markdown(Article(title="我们", sections=build_sections(drafts))), encoding="utf-8")
    window = start(qtbot, str(article_file))
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        window.open_path(short)
    window.actions_["library"].trigger()
    panel = window.library
    assert [panel.table.topLevelItem(i).text(1).split(" · ")[0] for i in range(2)] == ["0 % known", "0 % known"]
    window.controller.set_known(["我们"], True)
    panel.table.sortItems(1, Qt.SortOrder.DescendingOrder)
    assert panel.titles_shown()[0] == "我们"  # the short article is the one the reader knows more of
    panel.table.sortItems(1, Qt.SortOrder.AscendingOrder)
    assert panel.titles_shown()[0] == "推进高质量发展"
    window.controller.set_known(list(window.controller.profile.counts), True)  # every word of the short one
    panel.threshold.setValue(95)
    panel.readable_only.setChecked(True)
    qtbot.waitUntil(lambda: panel.titles_shown() == ["我们"], timeout=2000)
    assert panel.table.topLevelItem(0).text(1).startswith("100 % known")
