"""The "Print handout…" dialog: choose sections, pinyin, paper and note lines, then write the PDF.

The dialog only gathers options; `reader.core.handout.plan_handout` decides the content and
`reader.ui.handout_pdf.write_handout_pdf` draws it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from reader.core.annotation import AnnotatedArticle
from reader.core.errors import DubaoError, ExportProblem
from reader.core.handout import GlossaryLookup, HandoutOptions, Paper, parse_section_spec, plan_handout
from reader.core.model import Article
from reader.core.outline import article_parts, part_of_section
from reader.core.pinyin_display import PinyinMode

PINYIN_LABELS = {PinyinMode.GLOSSARY: "Glossary terms only", PinyinMode.ALL: "All words", PinyinMode.OFF: "None"}
PAPER_LABELS = {Paper.A4: "A4", Paper.LETTER: "Letter"}


class HandoutDialog(QDialog):
    """Options of a handout and where to save it."""

    def __init__(self, article: Article, section_index: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self.setWindowTitle("Print handout")
        self.parts = article_parts(article)
        self.sections = QLineEdit(str(part_of_section(article, section_index)), self)
        self.sections.setPlaceholderText("1-3, 2 or 1,3")
        self.pinyin = QComboBox(self)
        for mode, label in PINYIN_LABELS.items():
            self.pinyin.addItem(label, mode)
        self.paper = QComboBox(self)
        for paper, label in PAPER_LABELS.items():
            self.paper.addItem(label, paper)
        self.note_lines = QCheckBox("Ruled lines for notes after each section", self)
        self.path = QLineEdit(str(Path.home() / f"{_safe_name(article.title)}.pdf"), self)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # messages name files: text, never markup
        self.problem.setStyleSheet("color: #b00020;")
        self._build_layout()

    def _build_layout(self) -> None:
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self._choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self._parts_label(), self.sections)
        form.addRow("Pinyin:", self.pinyin)
        form.addRow("Paper:", self.paper)
        form.addRow("", self.note_lines)
        form.addRow("Save as:", where)
        form.addRow(self.problem)
        form.addRow(buttons)

    def _parts_label(self) -> str:
        """Say which numbers choose what: the top-level parts, and 0 for the lead when there is one."""
        last = self.parts[-1].number if self.parts else 1
        lead = " or 0 (the lead)" if self.parts and self.parts[0].number == 0 else ""
        return f"Parts (1–{last}{lead}):"

    def _choose_path(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Save handout", self.path.text(), "PDF (*.pdf)")
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def options(self) -> HandoutOptions:
        """Return the options as chosen."""
        return HandoutOptions(self.sections.text(), PinyinMode(self.pinyin.currentData()),
                              self.note_lines.isChecked(), Paper(self.paper.currentData()))

    def _accept_if_valid(self) -> None:
        try:
            parse_section_spec(self.sections.text(), len(self.parts), self.parts[0].number if self.parts else 1)
        except ExportProblem as problem:
            self.problem.setText(str(problem))
            return
        self.accept()


def _safe_name(title: str) -> str:
    """Return a file name made from a title (no path separators), short enough for any file system."""
    return "".join("_" if c in '/\\:*?"<>|' else c for c in title)[:40] or "handout"


def write_handout(article: Article, annotated: AnnotatedArticle | None, options: HandoutOptions, out: Path,
                  glossary: GlossaryLookup | None) -> int:
    """Plan the handout and write it to `out`; return the number of pages."""
    from reader.ui.handout_pdf import save_handout_pdf

    return save_handout_pdf(plan_handout(article, annotated, options, glossary), out)


def export_handout(article: Article, annotated: AnnotatedArticle | None, section_index: int = 0,
                   parent: QWidget | None = None, glossary: GlossaryLookup | None = None) -> Path | None:
    """Ask for handout options and write the PDF; return its path, or None when cancelled or it failed (said)."""
    dialog = HandoutDialog(article, section_index, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    out = Path(dialog.path.text()).expanduser()
    try:
        write_handout(article, annotated, dialog.options(), out, glossary)
    except DubaoError as problem:
        QMessageBox.warning(parent, "Handout not saved", str(problem))
        return None
    return out
