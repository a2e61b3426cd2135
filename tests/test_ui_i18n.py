"""Interface languages: English source texts, Simplified Chinese from the shipped Qt translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.ui.actions import ACTIONS, MENUS
from reader.ui.i18n import install_translator, translation_file
from reader.ui.panels.findbar import FindBar


def test_chinese_is_shipped_and_english_needs_no_file():
    assert translation_file("zh_CN") is not None and translation_file("zh_CN").suffix == ".qm"
    assert translation_file("zh_Hans_CN") == translation_file("zh_CN")
    assert translation_file("en_GB") is None


def test_every_menu_and_action_label_has_a_chinese_translation(qapp):
    try:
        assert install_translator(qapp, "zh_CN")
        labels = [spec.text for spec in ACTIONS if spec.group != "language"] + [text for _, text in MENUS]
        untranslated = [t for t in labels if QCoreApplication.translate("actions", t) == t]
        assert untranslated == []
        assert QCoreApplication.translate("actions", "&File") == "文件(&F)"
        bar = FindBar()
        assert bar.pinyin.text() == "匹配拼音"
    finally:
        install_translator(qapp, "en")
    assert QCoreApplication.translate("actions", "&File") == "&File"
    assert FindBar().pinyin.text() == "Match pinyin"
