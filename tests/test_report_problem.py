"""Help ▸ Report a Problem…: the preview is exactly what is saved, private parts only when ticked, problems shown."""

from __future__ import annotations

import zipfile

from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.anchoring import make_anchor
from reader.core.importer import to_markdown
from reader.core.storage import Store
from reader.ui.report_problem import ReportProblemDialog
from test_storage_support import made_up_article

SECRET_NOTE = "只给自己看的笔记"


def with_a_note(data) -> str:
    """Store an article with one note in the test's data folder; return the article's Markdown."""
    article = made_up_article(31)
    with Store.open(data, daily_backup=False) as store:
        entry = store.library.add(article, "/articles/31.txt")
        paragraph = next(article.paragraphs())
        store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 0, 4), SECRET_NOTE)
    return to_markdown(article)


def test_the_preview_holds_no_article_or_notes_until_a_box_is_ticked(qtbot, isolated_dirs):
    markdown = with_a_note(isolated_dirs)
    dialog = ReportProblemDialog(None, markdown)
    qtbot.addWidget(dialog)
    first_paragraph = next(made_up_article(31).paragraphs()).text
    text = dialog.preview.toPlainText()
    assert text.startswith("===== report.txt =====\nDubao problem report") and "===== log.txt =====" in text
    assert SECRET_NOTE not in text and first_paragraph not in text
    dialog.include_notes.setChecked(True)
    assert SECRET_NOTE in dialog.preview.toPlainText() and first_paragraph not in dialog.preview.toPlainText()
    dialog.include_article.setChecked(True)
    assert "===== article.md =====\n" + markdown.rstrip() in dialog.preview.toPlainText()


def test_without_an_open_article_its_box_cannot_be_ticked(qtbot):
    dialog = ReportProblemDialog(None, None)
    qtbot.addWidget(dialog)
    assert not dialog.include_article.isEnabled()


def test_save_writes_the_chosen_file_and_closes(qtbot, isolated_dirs, tmp_path, monkeypatch):
    with_a_note(isolated_dirs)
    target = tmp_path / "report.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Zip archive (*.zip)"))
    dialog = ReportProblemDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.choose_and_save()
    assert saved.args == [target] and not dialog.isVisible()
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["log.txt", "report.txt"]
        assert SECRET_NOTE not in archive.read("report.txt").decode("utf-8")


def test_a_file_that_cannot_be_written_is_explained_and_the_dialog_stays(qtbot, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    dialog = ReportProblemDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "no-such-folder" / "report.zip"
    assert not dialog.save_to(target)
    assert warnings == [("Report not saved", f"{target}: the folder to write into does not exist")]
    assert dialog.isVisible() and not target.exists()


def test_the_help_menu_action_opens_the_dialog_offering_the_open_article(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from reader.ui import services
    from reader.ui.app import build_window, open_initial_article
    from reader.ui.launch import build_parser
    from test_ui_helpers import hand_made_reading

    monkeypatch.setattr(services, "start_reading", hand_made_reading())
    article = tmp_path / "article.md"
    article.write_text(to_markdown(made_up_article(32)), encoding="utf-8")
    window = build_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=10000):
        open_initial_article(window, build_parser().parse_args([str(article)]))
    window.actions_["report_problem"].trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportProblemDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].include_article.isEnabled() and not dialogs[0].include_article.isChecked()
    assert dialogs[0].article_markdown == to_markdown(window.view.document.article)
    dialogs[0].close()
