"""The interface language, switched live from the Settings menu (a mixin of MainWindow).

Choosing a language installs its translation and sets every text of the window again: actions and menus, the
toolbar, panel titles, the panels, the popup, the note bubble, the vocabulary window and the status line. The
Settings menu's check mark shows the language in use.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication

from reader.ui.actions import ACTIONS, menu_title
from reader.ui.i18n import install_translator
from reader.ui.lazy_panel import LazyPanel

DOCK_TITLES = {
    "sections": QT_TRANSLATE_NOOP("MainWindow", "Sections"), "glossary": QT_TRANSLATE_NOOP("MainWindow", "Glossary"),
    "library": QT_TRANSLATE_NOOP("MainWindow", "Library"), "bookmarks": QT_TRANSLATE_NOOP("MainWindow", "Bookmarks"),
    "notes": QT_TRANSLATE_NOOP("MainWindow", "Notes"), "info": QT_TRANSLATE_NOOP("MainWindow", "Article Information"),
}


def dock_title(name: str) -> str:
    """Return the translated title of the panel `name`."""
    return QCoreApplication.translate("MainWindow", DOCK_TITLES[name])


def is_chinese(language: str) -> bool:
    """Return whether a locale name ("zh_CN", "zh_Hans_CN") asks for the Chinese interface."""
    return language.lower().startswith("zh")


class LanguageMixin:
    """Settings ▸ language: install the translation and retranslate the window in place."""

    def choose_language(self, language: str) -> None:
        """Switch the interface to `language` ("en", "zh_CN") now, and remember it for the next start."""
        self.prefs.set_language(language)
        install_translator(QApplication.instance(), language)
        self.retranslate_ui()
        self.show_language(language)

    def show_language(self, language: str) -> None:
        """Tick the language in use in the Settings menu."""
        self.actions_["language_zh" if is_chinese(language) else "language_en"].setChecked(True)

    def retranslate_ui(self) -> None:
        """Set every text of the window again in the interface language now installed."""
        for spec in ACTIONS:
            if spec.group != "language" and spec.name in self.actions_:
                self.actions_[spec.name].setText(QCoreApplication.translate("actions", spec.text))
        for key, menu in self.menus.items():
            menu.setTitle(menu_title(key))
        self.toolbar.retranslate()
        for name, dock in self.docks.items():
            if name in DOCK_TITLES:
                dock.setWindowTitle(dock_title(name))
        self.drawer.retitle({name: dock.windowTitle() for name, dock in self.docks.items()})
        for part in (self.find_bar, LazyPanel.made(self, "library"), self.bookmarks, self.notes, self.popup,
                     self.note_bubble, self.vocabulary):
            if part is not None:  # a panel made later is made in the language chosen
                part.retranslate()
        self.toolbar_changed()
        document = self.view.document
        if document is not None:
            self.sections.set_sections(document.sections)
            self.glossary.set_terms(document.glossary_counts())
            self.section_changed(self.view.current_section())
        self.refresh_annotations()
        if self.vocabulary.isVisible():
            self.refresh_vocabulary()
