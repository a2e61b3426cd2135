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
    second = window.library.table.topLevelItem(1)
    rect = window.library.table.visualItemRect(second)
    qtbot.mouseClick(window.library.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.document.article.title == "另一篇文章"  # a click only selects
    assert window.library.ids() == listed and window.library.current_id() == listed[1]
    qtbot.mouseDClick(window.library.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.document.article.title == "推进高质量发展"
    assert window.library.current_id() == listed[1]  # the opened article stays the selected one
    window.library.table.setCurrentItem(window.library.table.topLevelItem(window.library.ids().index(listed[0])))
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    assert window.view.document.article.title == "另一篇文章"


def test_library_rows_show_whole_titles(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["library"].trigger()
    assert window.library.table.wordWrap() and window.library.table.textElideMode() == Qt.TextElideMode.ElideNone


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


def test_the_interface_language_switches_live_with_a_check_mark(qtbot, article_file, qapp):
    from reader.ui.i18n import install_translator

    window = start(qtbot, str(article_file))
    assert window.actions_["language_en"].isChecked()
    try:
        window.actions_["language_zh"].trigger()
        assert window.actions_["language_zh"].isChecked() and not window.actions_["language_en"].isChecked()
        assert window.menus["file"].title() == "文件(&F)"
        assert window.actions_["open"].text() == "打开(&O)…"
        assert window.docks["sections"].windowTitle() == "章节"
        assert window.find_bar.pinyin.text() == "匹配拼音"
        assert window.toolbar.widgetForAction(window.actions_["zoom_in"]).text() == "放大"
        assert window.notes.all_articles.text() == "所有文章"
        assert window.popup.save_button.text() == "收藏生词"
        assert window.vocabulary.windowTitle() == "生词本" or window.vocabulary.windowTitle() != "Vocabulary"
        assert window.prefs.language() == "zh_CN"
        from reader.ui.popup import PopupContent, popup_html
        assert "词典中没有此词" in popup_html(PopupContent("某某", "mǒu mǒu"))
        window.actions_["language_en"].trigger()
        assert window.menus["file"].title() == "&File" and window.docks["sections"].windowTitle() == "Sections"
    finally:
        install_translator(qapp, "en")


def test_a_stale_could_not_open_message_goes_when_another_article_opens(qtbot, article_file, tmp_path):
    window = start(qtbot, str(article_file))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 10)
    assert not window.open_path(bad)
    assert window.banner.text().startswith("Could not open")
    other = tmp_path / "other.md"
    other.write_text(to_markdown(make_article("另一篇文章")), encoding="utf-8")
    window.open_path(other)
    assert window.banner.text() == ""
    assert not window.open_path(bad)
    window.open_entry(window.library.ids()[-1] if window.library.ids() else window.controller.library_rows()[-1].article_id)
    assert window.banner.text() == "" and window.view.document.article.title == "推进高质量发展"
    window.banner.show_message("No Chinese font was found", lasting=True)
    window.open_path(other)
    assert window.banner.text() == "No Chinese font was found"


def test_bookmarks_of_all_articles_and_the_all_articles_ticks_are_remembered(qtbot, article_file, tmp_path):
    window = start(qtbot, str(article_file))
    block = block_starting(window, "高质量发展是")
    window.bookmark_here(block, 0)
    other = tmp_path / "other.md"
    other.write_text(to_markdown(make_article("另一篇文章")), encoding="utf-8")
    window.open_path(other)
    window.bookmark_here(block, 2)
    window.show_dock("bookmarks", True)
    assert len(window.bookmarks.ids()) == 1
    window.bookmarks.all_articles.setChecked(True)
    assert len(window.bookmarks.ids()) == 2
    headings = [window.bookmarks.list.item(i).text() for i in range(window.bookmarks.list.count())
                if window.bookmarks.list.item(i).data(Qt.ItemDataRole.UserRole) is None]
    assert headings == ["另一篇文章", "推进高质量发展"]
    assert window.bookmarks.list.wordWrap()
    window.bookmarks.bookmarkChosen.emit(window.bookmarks.ids()[1])
    assert window.view.document.article.title == "推进高质量发展"
    window.notes.all_articles.setChecked(True)
    window.close()
    again = start(qtbot)
    assert again.notes.all_articles.isChecked() and again.bookmarks.all_articles.isChecked()


def test_the_find_count_keeps_the_query_width_and_a_match_is_never_under_the_find_bar(qtbot, article_file):
    window = start(qtbot, str(article_file), size=(1000, 420))
    view, bar = window.view, window.find_bar
    window.actions_["find"].trigger()
    width = bar.query.width()
    qtbot.keyClicks(bar.query, "gaozhiliang")
    assert bar.query.width() == width
    qtbot.keyClicks(bar.query, "xyz")
    assert bar.count.text() == "No matches" and bar.query.width() == width
    bar.query.clear()
    bar.query.setText("发展")
    for _ in range(len(view.matches)):
        window.actions_["find_next"].trigger()
        rect = view.span_rect(*view.matches[view.current_match])
        bottom = view.viewport().mapTo(window, rect.bottomLeft()).y()
        assert rect.top() >= 0 and bottom < bar.mapTo(window, QPoint(0, 0)).y()


def test_pinyin_stays_readable_in_the_byline_and_after_three_zoom_outs(qtbot, article_file):
    from reader.ui.view.style import MIN_RUBY_POINT_SIZE

    window = start(qtbot, str(article_file))
    for _ in range(3):
        window.actions_["zoom_out"].trigger()
    fonts = window.view.measure.ruby_fonts
    assert min(font.pointSizeF() for font in fonts.values()) >= MIN_RUBY_POINT_SIZE >= 8
    window.actions_["zoom_reset"].trigger()
    assert window.view.measure.ruby_fonts["byline"].pointSizeF() >= MIN_RUBY_POINT_SIZE
    assert window.view.measure.ruby_fonts["title"].pointSizeF() > window.view.measure.ruby_fonts["paragraph"].pointSizeF()
