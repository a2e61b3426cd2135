"""Bookmarks, highlights, notes, orphans and the vocabulary window in the reader window (pytest-qt, offscreen)."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.core.importer import to_markdown
from reader.ui import note_dialog
from reader.ui.annotating import HIGHLIGHT_COLOURS, default_bookmark_name
from reader.core.pinyin_display import PinyinMode
from reader.ui.view.selection import Selection

from test_ui_helpers import make_article
from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


def block_starting(window, text: str) -> int:
    return next(i for i, b in enumerate(window.view.document.blocks) if b.text.startswith(text))


def select(window, block: int, start: int, end: int) -> None:
    window.view.selection = Selection((block, start), (block, end))


def stored(window, kind: str | None = None):
    return window.controller.store.annotations.list(window.controller.opened.entry_id, kind)


# --- bookmarks -------------------------------------------------------------------------------------------------------
def test_default_bookmark_name_is_section_and_first_words():
    assert default_bookmark_name("强化标准引领", "建设“品质西海岸”，要强化标准引领。", 0) == "强化标准引领 · 建设“品质西海岸”，要强…"
    assert default_bookmark_name("", "短句。", 0) == "短句。"


def test_ctrl_d_bookmarks_the_place_then_jump_rename_delete_and_undo(qtbot, article_file):
    window = start(qtbot, str(article_file))
    assert window.actions_["bookmark"].shortcut().toString() == "Ctrl+D"
    assert window.actions_["look_up"].shortcut().toString() != "Ctrl+D"
    block = block_starting(window, "建设“品质西海岸”")
    window.view.selection.move((block, 2), extend=False)
    window.view.ensure_visible(block, 2, 3)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    marks = stored(window, "bookmark")
    assert len(marks) == 1 and marks[0].anchor.start == 2
    assert marks[0].name == window.bookmarks.names()[0] and marks[0].name.startswith("强化标准引领 · ")
    window.view.scroll_to(0, 0)
    window.bookmarks.bookmarkChosen.emit(marks[0].id)
    assert window.view.top_position()[0] == block and window.view.selection.caret == (block, 2)
    window.bookmarks.list.item(0).setText("我的书签")  # what editing the item in place does
    assert window.controller.store.annotations.get(marks[0].id).name == "我的书签"
    window.bookmarks.list.setCurrentRow(0)
    window.bookmarks.delete_button.click()
    assert window.bookmarks.names() == [] and stored(window, "bookmark") == []
    assert window.bookmarks.undo_button.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmarks.names() == ["我的书签"] and len(stored(window, "bookmark")) == 1


def test_bookmark_from_the_popup_is_named_and_listed(qtbot, article_file):
    window = start(qtbot, str(article_file))
    block = block_starting(window, "高质量发展是")
    word = window.view.word_at(block, window.view.document.blocks[block].text.index("首要"))
    window.open_popup(word)
    window.popup.bookmarkRequested.emit(window.popup.word)
    assert window.bookmarks.names() == [stored(window, "bookmark")[0].name]
    assert "首要任务" in window.bookmarks.names()[0]


# --- highlights and notes ---------------------------------------------------------------------------------------------
def colour_share(window, span, colour: str) -> float:
    """Return the share of pixels of `colour` inside the line pieces of a (block, start, end) span."""
    view = window.view
    image = view.viewport().grab().toImage()
    wanted = QColor(colour)
    top = view.verticalScrollBar().value() - view.margin()
    points = []
    for index, x0, x1 in view.layout_.span_rects(*span):
        line = view.layout_.lines[index]
        left, y0 = int(view.column_left() + x0), int(line.top - top)
        points += [(x, y) for x in range(left + 1, int(left + x1 - x0) - 1, 2)
                   for y in range(y0 + 1, int(y0 + line.height) - 1, 2)]
    hits = sum(1 for x, y in points if image.pixelColor(x, y).rgb() == wanted.rgb())
    return hits / len(points)


def test_highlight_with_colour_and_note_is_stored_painted_edited_deleted_and_undone(qtbot, article_file, monkeypatch):
    window = start(qtbot, str(article_file))
    block = block_starting(window, "高质量发展是")
    text = window.view.document.blocks[block].text
    start_, end = text.index("坚持质量第一"), text.index("坚持质量第一") + 6
    window.view.ensure_visible(block, start_, end)
    assert colour_share(window, (block, start_, end), HIGHLIGHT_COLOURS["pink"]) == 0
    asked = []
    monkeypatch.setattr(note_dialog, "ask_note", lambda parent, title, quote, text="": asked.append(quote) or "要记住")
    select(window, block, start_, end)
    window.actions_["highlight_pink"].trigger()
    select(window, block, start_, end)
    window.actions_["highlight_note"].trigger()  # the colour picked last, with a note
    assert asked == ["坚持质量第一"]
    highlights = stored(window, "highlight")
    assert [(h.colour, h.anchor.exact, h.note) for h in highlights] == [("pink", "坚持质量第一", None),
                                                                       ("pink", "坚持质量第一", "要记住")]
    qtbot.waitUntil(lambda: colour_share(window, (block, start_, end), HIGHLIGHT_COLOURS["pink"]) > 0.3, timeout=3000)
    monkeypatch.setattr(note_dialog, "ask_note", lambda parent, title, quote, text="": text + "，再读一遍")
    window.notes.editRequested.emit(highlights[1].id)
    assert window.controller.store.annotations.get(highlights[1].id).note == "要记住，再读一遍"
    for h in highlights:
        window.notes.select_note(h.id)
        window.notes.delete_button.click()
    assert stored(window, "highlight") == [] and window.view.highlights == []
    qtbot.waitUntil(lambda: colour_share(window, (block, start_, end), HIGHLIGHT_COLOURS["pink"]) == 0, timeout=3000)
    window.notes.undo_button.click()
    assert [h.id for h in stored(window, "highlight")] == [highlights[1].id]
    assert window.notes.rows_shown() == [(highlights[1].id, False)]


def test_note_editor_accepts_input_methods(qtbot):
    dialog = note_dialog.NoteDialog(None, "Note", "质量", "旧的")
    qtbot.addWidget(dialog)
    assert dialog.editor.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    dialog.editor.insertPlainText("新的")
    assert dialog.note() == "旧的新的"


def test_notes_panel_lists_this_article_or_all_and_jumps(qtbot, article_file, tmp_path, monkeypatch):
    monkeypatch.setattr(note_dialog, "ask_note", lambda *args, **kwargs: "")
    window = start(qtbot, str(article_file))
    block = block_starting(window, "高质量发展是")
    select(window, block, 0, 5)
    assert window.highlight_selection("green")
    first = stored(window)[0]
    other = tmp_path / "other.md"
    other.write_text(to_markdown(make_article("另一篇文章")), encoding="utf-8")
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        window.open_path(other)
    select(window, block_starting(window, "加快形成"), 0, 4)
    assert window.highlight_selection("blue")
    second = stored(window)[0]
    assert window.notes.rows_shown() == [(second.id, False)]
    window.notes.all_articles.setChecked(True)
    assert sorted(window.notes.rows_shown()) == sorted([(first.id, False), (second.id, False)])
    titles = {window.notes.tree.topLevelItem(i).text(0) for i in range(window.notes.tree.topLevelItemCount())}
    assert titles == {"推进高质量发展", "另一篇文章"}
    window.notes.noteChosen.emit(first.id, first.article_id)  # a note of the other article opens it
    assert window.view.document.article.title == "推进高质量发展"
    assert window.view.selection.caret == (block, 0)


# --- orphans ---------------------------------------------------------------------------------------------------------
def test_an_orphan_is_listed_after_a_reimport_and_reattached_by_hand(qtbot, article_file):
    window = start(qtbot, str(article_file))
    block = block_starting(window, "高质量发展是")
    text = window.view.document.blocks[block].text
    select(window, block, text.index("首要任务"), text.index("首要任务") + 4)
    window.highlight_selection("yellow")
    kept = stored(window)[0]
    changed = to_markdown(make_article()).replace("高质量发展是首要任务。", "新时代要有新作为。")
    article_file.write_text(changed, encoding="utf-8")
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        window.open_path(article_file)
    assert window.notes.rows_shown() == [(kept.id, True)]
    group = window.notes.tree.topLevelItem(0)
    assert group.text(0).startswith("Orphans") and "首要任务" in group.child(0).text(0)
    assert window.view.highlights == []
    assert window.notes.select_note(kept.id) and window.notes.reattach_button.isEnabled()
    block = block_starting(window, "新时代")
    select(window, block, 0, 3)
    window.notes.reattach_button.click()
    again = window.controller.store.annotations.get(kept.id)
    assert not again.is_orphan and again.anchor.exact == "新时代"
    assert window.notes.rows_shown() == [(kept.id, False)]
    assert window.view.highlights == [((block, 0, 3), HIGHLIGHT_COLOURS["yellow"])]


# --- vocabulary ------------------------------------------------------------------------------------------------------
def test_vocabulary_window_filters_searches_changes_status_and_deletes(qtbot, article_file):
    window = start(qtbot, str(article_file))
    vocab = window.controller.store.vocab
    vocab.add("首要", "shou3 yao4", "first; chief", "高质量发展是首要任务。", window.controller.opened.entry_id)
    vocab.add("格局", "ge2 ju2", "pattern; structure", status="learning")
    vocab.add("标准", "biao1 zhun3", "standard", status="known")
    window.actions_["vocabulary"].trigger()
    w = window.vocabulary
    assert w.isVisible() and w.words_shown() == ["首要", "格局", "标准"]
    assert w.table.item(0, 4).text() == "推进高质量发展" and w.table.item(0, 3).text() == "高质量发展是首要任务。"
    assert w.table.item(0, 1).text() == "shǒu yào"  # readings shown as the view shows them (tone marks)
    w.status_filter.setCurrentIndex(w.status_filter.findData("learning"))
    assert w.words_shown() == ["格局"]
    w.status_filter.setCurrentIndex(0)
    w.search.setText("standard")
    qtbot.waitUntil(lambda: w.words_shown() == ["标准"], timeout=2000)
    w.search.setText("")
    qtbot.waitUntil(lambda: len(w.words_shown()) == 3, timeout=2000)
    w.table.clearSelection()
    w.table.selectRow(0)
    w.status_buttons["known"].click()
    assert vocab.get("首要").status == "known" and w.table.item(0, 5).text() == "Known"
    w.table.clearSelection()
    w.table.selectRow(1)
    w.delete_button.click()
    assert [e.word for e in vocab.list()] == ["首要", "标准"] and w.words_shown() == ["首要", "标准"]


def test_mark_known_up_to_an_hsk_level_removes_their_pinyin_in_unknown_words_mode(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["pinyin_unknown"].trigger()
    block = block_starting(window, "高质量发展是")
    text = window.view.document.blocks[block].text
    assert window.view._line_data[block][2][text.index("我们")] is not None
    window.actions_["vocabulary"].trigger()
    window.vocabulary.level.setValue(1)
    window.vocabulary.mark_button.click()
    known = window.controller.store.known.words()
    assert "我们" in known and "首要" not in known  # 我们 is HSK 1; 首要 is not on level 1
    assert window.controller.store.vocab.list() == [] and window.vocabulary.words_shown() == []  # no blank rows
    shown = window.view._line_data[block][2]
    assert window.view.style_.pinyin.mode == PinyinMode.UNKNOWN
    assert shown[text.index("我们")] is None and shown[text.index("首要")] is not None


def test_popup_and_ctrl_k_mark_a_word_known_and_unmark_it(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["pinyin_unknown"].trigger()
    block = block_starting(window, "高质量发展是")
    text = window.view.document.blocks[block].text
    word = window.view.word_at(block, text.index("首要"))
    window.open_popup(word)
    assert not window.popup.known_button.isChecked()
    window.popup.known_button.click()
    assert window.controller.store.known.words() == {"首要"} and window.controller.store.vocab.list() == []
    assert window.view._line_data[block][2][text.index("首要")] is None  # its pinyin went at once
    window.view.selection.move((block, text.index("首要")), extend=False)
    window.actions_["toggle_known"].trigger()  # Ctrl+K on the word at the caret: unmarked again
    assert window.controller.store.known.words() == frozenset()
    assert window.view._line_data[block][2][text.index("首要")] is not None


def test_the_article_context_menu_offers_bookmark_highlight_colours_and_reattach(qtbot, article_file):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    window = start(qtbot, str(article_file))
    window.show_view_menu(QPoint(40, 40))
    menu = qtbot.waitUntil(lambda: any(m.isVisible() for m in window.findChildren(QMenu))) or next(
        m for m in window.findChildren(QMenu) if m.isVisible())
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["look_up", "copy", "bookmark", "highlight", "highlight_note", "highlight_yellow",
                     "highlight_green", "highlight_blue", "highlight_pink", "highlight_purple", "reattach"]
    menu.close()
