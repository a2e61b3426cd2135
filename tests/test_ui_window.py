"""The reader window: opening articles (seed, files, bad files, paste), navigation, popup, find, themes, memory."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.core.importer import to_markdown
from reader.ui.app import build_window, open_initial_article
from reader.ui.launch import build_parser
from reader.core.pinyin_display import PinyinMode

from test_ui_helpers import make_article
from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


def test_first_run_opens_the_bundled_seed(qtbot):
    window = start(qtbot)
    assert window.view.document.article.title == "把高质量发展之路走得更有奔头、更有劲头"
    assert window.sections.topLevelItemCount() >= 4
    assert "把高质量发展之路" in window.windowTitle()


def test_command_line_path_opens_that_article_with_sections_and_glossary(qtbot, article_file):
    window = start(qtbot, str(article_file))
    assert window.view.document.article.title == "推进高质量发展"
    # numbered like the slides' counter and number+Enter in a presentation
    assert [window.sections.topLevelItem(i).text(0) for i in range(4)][1:3] == ["2  强化标准引领", "3  建设品质西海岸"]
    assert window.sections.topLevelItem(3).text(0).startswith("4  Continued")
    assert window.glossary.terms()[:2] == ["高质量发展", "供给侧结构性改革"]


def test_next_section_by_keyboard_updates_panel_title_and_status(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_section() == 2
    assert window.sections.current_index() == 2
    assert window.windowTitle().startswith("建设品质西海岸")
    assert "Section 3 of 4" in window.status.text()


def test_a_bad_file_shows_a_message_and_keeps_the_current_article(qtbot, article_file, tmp_path):
    window = start(qtbot, str(article_file))
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    assert not window.open_path(bad)
    assert "broken.txt" in window.banner.text()
    assert window.view.document.article.title == "推进高质量发展"
    assert not window.open_path(tmp_path / "missing.txt")
    assert "missing.txt" in window.banner.text()


def test_a_bad_file_on_the_command_line_still_opens_an_article(qtbot, tmp_path):
    window = build_window()
    qtbot.addWidget(window)
    open_initial_article(window, build_parser().parse_args([str(tmp_path / "nothing-here.txt")]))
    assert "nothing-here.txt" in window.banner.text()
    assert window.view.document is not None


def test_clicking_a_term_opens_its_popup_beside_it_and_esc_closes_it(qtbot, article_file):
    window = start(qtbot, str(article_file))
    view = window.view
    block = next(i for i, b in enumerate(view.document.blocks) if "供给侧结构性改革" in b.text)
    start_offset = view.document.blocks[block].text.index("供给侧")
    rect = view.span_rect(block, start_offset, start_offset + 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.popup.isVisible()
    assert window.popup.word.glossary_term == "供给侧结构性改革"
    word_rect = window.word_rect(window.popup.word)
    assert not window.popup.geometry().intersects(word_rect)
    assert "gōng jǐ cè" in window.popup.label.text()
    assert window.popup.label.height() > 20
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.popup.isVisible()


def test_glossary_panel_steps_through_occurrences(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.glossary.termChosen.emit("高质量发展")
    first = window.view.matches[window.view.current_match]
    window.glossary.termChosen.emit("高质量发展")
    second = window.view.matches[window.view.current_match]
    assert first != second
    assert all(window.view.document.blocks[b].text[s:e] == "高质量发展" for b, s, e in window.view.matches)


def test_find_bar_finds_pinyin_and_steps(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.query, "gaozhiliang")
    total = len(window.view.matches)
    assert total >= 3 and f"/ {total}" in window.find_bar.count.text()
    first = window.view.current_match
    window.actions_["find_next"].trigger()
    assert window.view.current_match == (first + 1) % total


def test_modes_themes_and_zoom_from_actions(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["pinyin_glossary"].trigger()
    assert window.view.style_.pinyin.mode == PinyinMode.GLOSSARY
    assert window.toolbar.mode.currentData() == "glossary"
    window.actions_["theme_dark"].trigger()
    assert window.view.style_.theme.dark
    size = window.view.style_.point_size
    window.actions_["zoom_in"].trigger()
    assert window.view.style_.point_size > size
    window.actions_["zoom_reset"].trigger()
    assert window.view.style_.point_size == size


def test_copy_with_pinyin(qtbot, article_file):
    window = start(qtbot, str(article_file))
    view = window.view
    block = next(i for i, b in enumerate(view.document.blocks) if b.text.startswith("高质量发展是"))
    view.selection.move((block, 0), False)
    view.selection.move((block, 3), True)
    window.actions_["copy"].trigger()
    assert QGuiApplication.clipboard().text() == "高质量"
    window.actions_["copy_pinyin"].trigger()
    assert QGuiApplication.clipboard().text() == "高质量(gāo zhì liàng)"


def test_paste_text_opens_it_as_a_new_article(qtbot, article_file):
    window = start(qtbot, str(article_file))
    QGuiApplication.clipboard().setText("新区建设\n\n高质量发展是首要任务。\n")
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        window.actions_["paste_article"].trigger()
    assert "高质量发展是首要任务。" in window.view.document.plain_text()
    assert len(window.controller.library_rows()) == 2


def test_reopening_returns_to_the_same_article_and_place(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.resize(1000, 300)
    window.actions_["next_section"].trigger()
    window.actions_["next_section"].trigger()
    window.actions_["theme_sepia"].trigger()
    block, offset = window.view.top_position()
    window.close()
    again = start(qtbot)
    again.resize(1000, 300)
    assert again.view.document.article.title == "推进高质量发展"
    assert again.view.style_.theme.name == "sepia"
    assert again.view.document.section_of_block(again.view.top_position()[0]) == 2


def test_library_lists_recent_first_and_searches_text(qtbot, article_file, tmp_path):
    other = tmp_path / "other.md"
    other.write_text(to_markdown(make_article("另一篇文章")), encoding="utf-8")
    window = start(qtbot, str(article_file))
    window.open_path(other)
    rows = window.controller.library_rows()
    assert [r.title for r in rows] == ["另一篇文章", "推进高质量发展"]
    assert window.controller.library_rows("另一篇")[0].title == "另一篇文章"
    window.actions_["library"].trigger()
    assert window.library.titles_shown() == ["另一篇文章", "推进高质量发展"]


def test_shift_f5_presents_from_the_current_section_and_esc_returns_there(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.actions_["next_section"].trigger()
    window.actions_["present_here"].trigger()
    presentation = window.presentation
    assert presentation is not None and presentation.running
    assert presentation.section_index == 1
    presentation.model.state.index = len(presentation.model.state.slides) - 1
    last_section = presentation.section_index
    presentation.stop()
    assert window.view.current_section() == last_section == 3


def test_popup_save_word_and_bookmark_reach_the_library(qtbot, article_file):
    window = start(qtbot, str(article_file))
    view = window.view
    block = next(i for i, b in enumerate(view.document.blocks) if b.text.startswith("高质量发展是"))
    word = view.word_at(block, view.document.blocks[block].text.index("首要"))
    window.open_popup(word)
    window.popup.saveWordRequested.emit(window.popup.word)
    window.popup.bookmarkRequested.emit(window.popup.word)
    store = window.controller.store
    saved = store.vocab.get("首要")
    assert saved.reading == "shou3 yao4" and saved.sentence == "高质量发展是首要任务。"
    marks = store.annotations.list(window.controller.opened.entry_id)
    assert [(m.kind, m.anchor.paragraph_id, m.anchor.start) for m in marks] == [
        ("bookmark", view.document.blocks[block].key, word.start)]


def test_unknown_words_mode_hides_pinyin_of_words_marked_known(qtbot, article_file):
    window = start(qtbot, str(article_file))
    window.controller.store.vocab.add("我们", status="known")
    window.actions_["pinyin_unknown"].trigger()
    view = window.view
    block = next(i for i, b in enumerate(view.document.blocks) if b.text.startswith("高质量发展是"))
    shown = view._line_data[block][2]
    text = view.document.blocks[block].text
    assert shown[text.index("我们")] is None and shown[text.index("首要")] is not None


def test_dropping_a_file_opens_it(qtbot, article_file, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = start(qtbot)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(article_file))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        window.dropEvent(event)
    assert window.view.document.article.title == "推进高质量发展"


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils (pdftotext) is absent")
def test_print_handout_from_the_menu_writes_the_current_section(qtbot, article_file, tmp_path, monkeypatch):
    import subprocess

    from reader.ui.present.handout_dialog import HandoutDialog

    window = start(qtbot, str(article_file))
    window.view.go_to_section(2)
    out = tmp_path / "section.pdf"
    chosen: list[str] = []

    def accept(dialog):
        chosen.append(dialog.sections.text())
        dialog.path.setText(str(out))
        return HandoutDialog.DialogCode.Accepted

    monkeypatch.setattr(HandoutDialog, "exec", accept)
    window.actions_["print_handout"].trigger()
    assert chosen == ["2"]  # the dialog starts at the part being read: the lead is part 0, 建设品质西海岸 part 2
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    section = window.view.document.article.sections[2]
    assert section.paragraphs[0].text[:6] in "".join(text.split())


def test_choosing_a_file_or_a_web_address_prepares_the_library_for_the_new_article(qtbot, monkeypatch):
    """The storage library loads while the reader picks (a file dialog, an address), not after, when the window
    would stop for it."""
    from PySide6.QtWidgets import QFileDialog

    import reader.ui.web_dialogs

    window = start(qtbot)
    expected: list[str] = []
    monkeypatch.setattr(window.controller, "expect_writes", lambda: expected.append("writes"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (expected.append("dialog") or "", ""))
    monkeypatch.setattr(reader.ui.web_dialogs, "ask_address", lambda *a, **k: expected.append("address") or "")
    window.choose_file()
    window.open_web_address()
    assert expected == ["writes", "dialog", "writes", "address"]
