"""The window's smaller behaviours: notes shown and edited in the text, the library's clicks, the popup's saved state,
the vocabulary's status column, the caret, the message bar (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from reader.core.importer import to_markdown
from reader.ui import note_dialog
from reader.ui.view.note_marks import MARK_LIGHT
from reader.ui.view.selection import Selection

from test_ui_helpers import make_article
from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


def block_starting(window, text: str) -> int:
    return next(i for i, b in enumerate(window.view.document.blocks) if b.text.startswith(text))


def highlight(window, monkeypatch, block: int, start: int, end: int, note: str | None) -> int:
    window.view.selection = Selection((block, start), (block, end))
    monkeypatch.setattr(note_dialog, "ask_note", lambda *args, **kwargs: note)
    assert window.highlight_selection("green", with_note=note is not None)
    return max(a.id for a in window.controller.store.annotations.list(window.controller.opened.entry_id))


def test_a_highlight_with_a_note_is_marked_and_shows_its_note_in_place_instead_of_the_popup(
        qtbot, article_file, monkeypatch):
    window = start(qtbot, str(article_file))
    view = window.view
    block = block_starting(window, "高质量发展是")
    plain = highlight(window, monkeypatch, block, 0, 3, None)
    noted = highlight(window, monkeypatch, block, 5, 9, "要记住")
    assert [mark_id for _span, mark_id in view.note_marks] == [noted] and plain != noted
    view.ensure_visible(block, 5, 9)
    image = view.viewport().grab().toImage()
    image.save("/tmp/win/mark.png")

    def marked(first: int, end: int) -> bool:
        area = view.span_rect(block, end - 1, end)
        return any(image.pixelColor(QPoint(x, y)) == QColor(MARK_LIGHT)
                   for x in range(area.right() - 6, area.right() + 1) for y in range(area.top(), area.bottom()))

    assert marked(5, 9) and not marked(0, 3)

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.span_rect(block, 6, 7).center())
    bubble = window.note_bubble
    assert bubble.isVisible() and not window.popup.isVisible()
    assert bubble.editor.toPlainText() == "要记住"
    bubble.editor.setPlainText("要记住，再读一遍")
    qtbot.keyClick(bubble.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.store.annotations.get(noted).note == "要记住，再读一遍"

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.span_rect(block, 1, 2).center())
    assert window.popup.isVisible() and not bubble.isVisible()  # a highlight without a note: the word popup


def test_closing_the_note_bubble_keeps_the_changed_note(qtbot, article_file, monkeypatch):
    window = start(qtbot, str(article_file))
    block = block_starting(window, "高质量发展是")
    noted = highlight(window, monkeypatch, block, 0, 4, "第一稿")
    window.view.noteActivated.emit(noted)
    window.note_bubble.editor.setPlainText("第二稿")
    qtbot.keyClick(window.note_bubble.editor, Qt.Key.Key_Escape)
    assert not window.note_bubble.isVisible()
    assert window.controller.store.annotations.get(noted).note == "第二稿"


def test_library_click_selects_and_double_click_or_enter_opens_the_same_row(qtbot, article_file, tmp_path):
    other = tmp_path / "other.md"
    other.write_text(to_markdown(make_article("另一篇文章")), encoding="utf-8")
    window = start(qtbot, str(article_file))
    window.open_path(other)
    window.actions_["library"].trigger()
    listed = window.library.ids()
    second = window.library.list.item(1)
    rect = window.library.list.visualItemRect(second)
    qtbot.mouseClick(window.library.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.document.article.title == "另一篇文章"  # a click only selects
    assert window.library.ids() == listed and window.library.current_id() == listed[1]
    qtbot.mouseDClick(window.library.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.document.article.title == "推进高质量发展"
    assert window.library.current_id() == listed[1]  # the opened article stays the selected one
    window.library.list.setCurrentRow(window.library.ids().index(listed[0]))
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    assert window.view.document.article.title == "另一篇文章"


def test_library_rows_show_whole_titles(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["library"].trigger()
    assert window.library.list.wordWrap() and window.library.list.textElideMode() == Qt.TextElideMode.ElideNone


def test_the_popup_save_button_turns_into_saved_and_takes_the_word_out_again(qtbot, article_file):
    window = start(qtbot, str(article_file))
    view = window.view
    block = block_starting(window, "高质量发展是")
    word = view.word_at(block, view.document.blocks[block].text.index("首要"))
    window.open_popup(word)
    assert window.popup.save_button.text() == "Save word"
    window.popup.save_button.click()
    assert window.popup.save_button.text() == "Saved ✓"
    assert window.controller.store.vocab.get("首要").word == "首要"
    window.popup.hide()
    window.open_popup(word)
    assert window.popup.save_button.text() == "Saved ✓"  # known when the popup opens again
    window.popup.save_button.click()
    assert window.popup.save_button.text() == "Save word"
    assert not window.controller.is_saved("首要")


def test_the_vocabulary_status_column_is_in_view_without_scrolling(qtbot, article_file):
    window = start(qtbot, str(article_file))
    vocab = window.controller.store.vocab
    vocab.add("首要", "shou3 yao4", "first; most important; " * 6, "高质量发展是首要任务。" * 8, window.controller.opened.entry_id)
    window.open_vocabulary()
    table = window.vocabulary.table
    qtbot.waitExposed(window.vocabulary)
    status = table.horizontalHeader()
    right = status.sectionViewportPosition(5) + status.sectionSize(5)
    assert right <= table.viewport().width()
    assert table.item(0, 5).text() == "New"


def test_the_reading_view_draws_no_caret_until_the_keys_move_it(qtbot, article_file):
    window = start(qtbot, str(article_file))
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    caret = view.caret_rect()
    background = QColor(view.style_.theme.background)
    assert view.viewport().grab().toImage().pixelColor(caret.topLeft() + QPoint(0, caret.height() // 2)) == background
    qtbot.keyClick(view, Qt.Key.Key_Right)
    caret = view.caret_rect()
    drawn = view.viewport().grab().toImage().pixelColor(caret.topLeft() + QPoint(0, caret.height() // 2))
    assert drawn == QColor(view.style_.theme.text)
