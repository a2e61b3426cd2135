"""The "Print handout…" dialog: options as chosen, bad section lists said in the dialog, the PDF written."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from reader.core.handout import Paper
from reader.core.pinyin_display import PinyinMode
from reader.ui.present.handout_dialog import HandoutDialog, write_handout

from test_handout_pdf import pdf_info, pdf_text, squeeze
from test_handout_plan import PARAGRAPHS, annotated, article, lookup  # noqa: F401  (fixtures)


def test_dialog_starts_at_the_current_section_and_reads_its_choices(qtbot, article):
    dialog = HandoutDialog(article, section_index=1)
    qtbot.addWidget(dialog)
    assert dialog.sections.text() == "2"
    dialog.sections.setText("1,3")
    dialog.pinyin.setCurrentIndex(dialog.pinyin.findData(PinyinMode.ALL))
    dialog.paper.setCurrentIndex(dialog.paper.findData(Paper.LETTER))
    dialog.note_lines.setChecked(True)
    options = dialog.options()
    assert (options.sections, options.pinyin, options.paper, options.note_lines) == (
        "1,3", PinyinMode.ALL, Paper.LETTER, True)
    assert isinstance(options.pinyin, PinyinMode) and isinstance(options.paper, Paper)


def test_a_bad_section_list_is_said_and_the_dialog_stays(qtbot, article):
    dialog = HandoutDialog(article)
    qtbot.addWidget(dialog)
    dialog.sections.setText("7")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert "no section 7" in dialog.problem.text() and dialog.result() == 0
    dialog.sections.setText("2-3")
    save.click()
    assert dialog.result() == HandoutDialog.DialogCode.Accepted


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is absent")
def test_write_handout_writes_the_pdf_and_refuses_a_missing_folder(qtbot, tmp_path, article, annotated):
    dialog = HandoutDialog(article, 1)
    qtbot.addWidget(dialog)
    out = tmp_path / "h.pdf"
    assert write_handout(article, annotated, dialog.options(), out, lookup) == int(pdf_info(out)["Pages"])
    text = squeeze(pdf_text(out))
    assert all(p in text for p in PARAGRAPHS["二、强化品牌带动"]) and "newqualityproductiveforces" in text
    from reader.core.errors import ExportProblem

    with pytest.raises(ExportProblem):
        write_handout(article, annotated, dialog.options(), tmp_path / "missing" / "h.pdf", lookup)
