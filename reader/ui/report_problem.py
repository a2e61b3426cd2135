"""Help ▸ Report a Problem…: shows what a problem report holds and saves it to a file the user chooses.

The bundle itself is made by `reader.core.diagnostics`; this dialog only shows a preview, offers the two boxes that
add private material (the open article's text, the notes), and asks where to save. The file dialog asks before
replacing an existing file, so a confirmed choice is written with `force=True`; nothing is ever replaced silently.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from reader.core.diagnostics import BundleOptions, bundle_bytes, bundle_parts, write_bundle
from reader.core.errors import DubaoError


class ReportProblemDialog(QDialog):
    """A preview of the problem report, the two privacy boxes, and Save."""

    saved = Signal(Path)

    def __init__(self, parent: QWidget | None = None, article_markdown: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report a Problem"))
        self.article_markdown = article_markdown
        intro = QLabel(self.tr("This report holds Dubao's version, your settings and the last lines of its log, so "
                               "that someone can help you. Your articles and notes stay out of it unless you tick "
                               "a box below. Nothing is sent anywhere: you choose where to save it."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.include_article = QCheckBox(self.tr("Include the text of the open article"), self)
        self.include_article.setEnabled(bool(article_markdown))
        self.include_notes = QCheckBox(self.tr("Include my bookmarks, highlights and notes"), self)
        self.preview = QPlainTextEdit(self, readOnly=True)
        self.preview.setMinimumSize(560, 320)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.choose_and_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.include_article, self.include_notes, self.preview, buttons):
            layout.addWidget(widget)
        self.include_article.toggled.connect(self.refresh_preview)
        self.include_notes.toggled.connect(self.refresh_preview)
        self.refresh_preview()

    def options(self) -> BundleOptions:
        """Return what the user chose to include."""
        return BundleOptions(include_article=self.include_article.isChecked(),
                             include_notes=self.include_notes.isChecked())

    def refresh_preview(self) -> None:
        """Show exactly the text the report will hold."""
        parts = bundle_parts(self.options(), self.article_markdown)
        self.preview.setPlainText(bundle_bytes(parts, as_zip=False).decode("utf-8"))

    def choose_and_save(self) -> None:
        """Ask where to save (the file dialog confirms replacing a file), write the report, and close."""
        suggested = Path.home() / f"dubao-problem-report-{time.strftime('%Y%m%d-%H%M')}.zip"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Problem Report"), str(suggested),
                                              self.tr("Zip archive (*.zip);;Text file (*.txt)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the report to `path` (already confirmed by the user); on a problem say so and stay open."""
        try:
            written = write_bundle(path, self.options(), self.article_markdown, force=True)
        except DubaoError as problem:
            QMessageBox.warning(self, self.tr("Report not saved"), str(problem))
            return False
        self.saved.emit(written)
        self.accept()
        return True


def show_report_problem_dialog(parent: QWidget | None, article_markdown: str | None = None) -> ReportProblemDialog:
    """Open the dialog (modeless, deleted when closed) and return it."""
    dialog = ReportProblemDialog(parent, article_markdown)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
