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
    first = window.controller.learner.profile
    assert first is not None and sum(first.counts.values()) > 0
    assert "You know 0 % of the running words" in panel.figures.text()
    assert _highlight_pixels(panel.chart) == 0  # nothing known: no filled bar
    word = _word(window, "高质量发展是", "我们")
    window.open_popup(word)
    window.popup.known_button.click()
    expected = int(100 * first.counts["我们"] / sum(first.counts.values()))
    assert f"You know {expected} % of the running words" in panel.figures.text()
    assert _highlight_pixels(panel.chart) > 0  # the known part of its band is filled


def test_a_hidden_information_panel_and_library_cost_nothing_until_shown(qtbot, article_file, monkeypatch):
    """Start-up measures nothing nobody sees (issue 18): no difficulty for a hidden information panel, no library
    listing for a hidden library panel; both are filled when shown."""
    from reader.ui import learner

    measured, listed = [], []
    original = learner.LearnerDesk.measure_open_article
    window = start(qtbot, str(article_file))
    original_rows = window.controller.library_rows
    monkeypatch.setattr(window.controller, "library_rows", lambda *a: listed.append(a) or original_rows(*a))
    window.controller.learner.difficultyChanged.connect(lambda d: measured.append(d) if d is not None else None)
    window.controller.learner.knownWordsChanged.emit()  # a word marked known: the hidden panel is not remeasured
    window.refresh_library()
    assert not window.docks["info"].isVisible() and measured == [] and listed == []
    assert "The figures follow" in window.article_info.figures.text()
    window.actions_["info_panel"].trigger()
    assert len(measured) == 1 and "You know 0 % of the running words" in window.article_info.figures.text()
    window.actions_["library"].trigger()
    assert listed and window.library.table.topLevelItemCount() >= 1
    assert original is learner.LearnerDesk.measure_open_article

def test_chart_draws_in_the_dark_theme_too(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["info_panel"].trigger()
    window.actions_["theme_dark"].trigger()
    window.controller.learner.set_known(list(window.controller.learner.profile.counts)[:3], True)
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
    window.controller.learner.set_known(["我们"], True)
    panel.table.sortItems(1, Qt.SortOrder.DescendingOrder)
    assert panel.titles_shown()[0] == "我们"  # the short article is the one the reader knows more of
    panel.table.sortItems(1, Qt.SortOrder.AscendingOrder)
    assert panel.titles_shown()[0] == "推进高质量发展"
    window.controller.learner.set_known(list(window.controller.learner.profile.counts), True)  # every word of the short one
    panel.threshold.setValue(95)
    panel.readable_only.setChecked(True)
    qtbot.waitUntil(lambda: panel.titles_shown() == ["我们"], timeout=2000)
    assert panel.table.topLevelItem(0).text(1).startswith("100 % known")


def test_popup_corrections_reach_the_library_the_command_line_and_undo(qtbot, article_file, monkeypatch):
    import os
    import subprocess
    import sys

    from PySide6.QtWidgets import QInputDialog

    from conftest import PROJECT_ROOT

    window = start(qtbot, str(article_file))
    word = _word(window, "高质量发展是", "首要")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("首 要", True))
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):  # the open article is read again
        window.correct_word(word, "split")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("shǒu yāo", True))
    window.correct_word(word, "reading")
    store = window.controller.store
    assert store.user_language.splits() == {"首要": ("首", "要")}
    assert store.user_language.readings() == {"首要": ("shou3", "yao1")}
    printed = subprocess.run([sys.executable, "-m", "reader", "pinyin", "这是首要的"], cwd=PROJECT_ROOT,
                             capture_output=True, text=True, env=dict(os.environ), timeout=300).stdout
    assert "首/shǒu 要/yāo" in printed  # the command line reads the corrections made in the window
    window.actions_["corrections"].trigger()
    shown = window.corrections_window
    assert shown.isVisible() and shown.words_shown() == ["首要", "首要"]
    shown.undo_button.click()
    assert store.user_language.readings() == {} and store.user_language.splits() == {"首要": ("首", "要")}
    shown.table.selectRow(0)
    shown.remove_button.click()
    assert store.user_language.segmentations() == {} and shown.words_shown() == []
    window.actions_["undo_correction"].trigger()  # the removal is undone too
    assert store.user_language.splits() == {"首要": ("首", "要")}


def test_join_with_next_merges_the_two_words_everywhere(qtbot, article_file):
    window = start(qtbot, str(article_file))
    word = _word(window, "高质量发展是", "首要")
    following = window.view.word_at(word.block, word.end)
    window.correct_word(word, "join")
    assert window.controller.store.user_language.merged_words() == {"首要" + following.text}


def test_trainer_pack_export_and_import_from_the_file_menu(qtbot, article_file, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = start(qtbot, str(article_file))
    window.controller.learner.correct(lambda c: c.set_reading("首要", ["shou3", "yao1"]))
    pack = tmp_path / "class.dubao-pack.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pack), ""))
    window.actions_["export_pack"].trigger()
    assert pack.exists()
    window.controller.learner.correct(lambda c: c.remove("首要"))
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    window.actions_["import_pack"].trigger()
    assert shown and shown[0].startswith("1 added, 0 changed, 0 skipped.") and "首要" in shown[0]
    assert window.controller.store.user_language.readings() == {"首要": ("shou3", "yao1")}


def test_popup_shows_the_senses_of_a_word_list_after_the_dictionarys(tmp_path):
    from reader.core.storage import Store
    from reader.core.wordlists import import_wordlist
    from reader.ui.lookup import full_content
    from reader.ui.services import language_service

    listed = tmp_path / "class.tsv"
    listed.write_text("质量\tzhi4 liang4\tthe class's own gloss\n", encoding="utf-8")
    with Store.open() as store:
        import_wordlist(store, listed, "class")
    result = language_service().lookup("质量")

    class Word:  # what the popup knows of the word pointed at
        text, readings, token, glossary_term = "质量", ("zhi4", "liang4"), None, None

    meanings = full_content(result, Word(), True).meanings
    assert meanings[-1] == "[class] the class's own gloss" and len(meanings) > 1
