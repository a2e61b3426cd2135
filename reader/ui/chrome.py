"""The window's menus, toolbar and message banner, built from the action table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMainWindow, QSpinBox, QToolBar, QToolButton,
                               QWidget)

from reader.ui.actions import ACTIONS, MENUS, menu_title
from reader.core.pinyin_display import PinyinMode
from reader.ui.view.style import ViewStyle
from reader.ui.view.style_commands import MODE_ORDER

SEPARATE_AFTER = {"library", "select_all", "look_up", "pinyin_cycle", "zoom_reset", "spacing_less", "theme_cycle",
                  "undo_delete", "highlight_note", "highlight_purple", "reattach", "export_glossary", "restore"}


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> None:
    """Fill the menu bar: one menu per entry of MENUS, its actions in table order."""
    menus = {key: window.menuBar().addMenu(menu_title(key)) for key, _ in MENUS}
    for spec in ACTIONS:
        menus[spec.menu].addAction(actions[spec.name])
        if spec.name in SEPARATE_AFTER:
            menus[spec.menu].addSeparator()


class PinyinToolbar(QToolBar):
    """The toolbar: pinyin mode and HSK level, tone options, theme, zoom, find and panels.

    Signals:
        modeChosen(str): a pinyin mode was picked (a PinyinMode value).
        hskLevelChosen(int): the HSK level of the "above HSK level" mode changed.
    """

    modeChosen = Signal(str)
    hskLevelChosen = Signal(int)

    def __init__(self, window: QMainWindow, actions: dict[str, QAction]) -> None:
        super().__init__(window.tr("Reading"), window)
        self.setObjectName("readingToolbar")
        self.mode = QComboBox(self)
        self.mode.setToolTip(self.tr("Which words show pinyin (Ctrl+P: next mode)"))
        for mode in MODE_ORDER:
            self.mode.addItem(self.mode_label(mode), mode.value)
        self.level = QSpinBox(self, minimum=1, maximum=6, prefix="HSK > ")
        self.level.setToolTip(self.tr("Show pinyin for words above this HSK level"))
        self.addWidget(QLabel(self.tr(" Pinyin: "), self))
        self.addWidget(self.mode)
        self.addWidget(self.level)
        for name in ("tone_numbers", "tone_colours", None, "zoom_out", "zoom_in", "theme_cycle", None, "find",
                     "sections_panel", "glossary_panel", "library"):
            self.addSeparator() if name is None else self.addAction(actions[name])
        self.mode.activated.connect(lambda i: self.modeChosen.emit(self.mode.itemData(i)))
        self.level.valueChanged.connect(self.hskLevelChosen.emit)

    def mode_label(self, mode: PinyinMode) -> str:
        """Return the translated name of a pinyin mode."""
        return {PinyinMode.ALL: self.tr("All words"), PinyinMode.GLOSSARY: self.tr("Glossary terms"),
                PinyinMode.ABOVE_HSK: self.tr("Above HSK level"), PinyinMode.UNKNOWN: self.tr("Unknown words"),
                PinyinMode.OFF: self.tr("Off")}[mode]

    def show_mode(self, mode: PinyinMode, level: int) -> None:
        """Reflect the current mode and level without emitting."""
        self.mode.blockSignals(True)
        self.level.blockSignals(True)
        self.mode.setCurrentIndex(MODE_ORDER.index(mode))
        self.level.setValue(level)
        self.level.setEnabled(mode == PinyinMode.ABOVE_HSK)
        self.mode.blockSignals(False)
        self.level.blockSignals(False)


class MessageBanner(QWidget):
    """A one-line message above the article (a bad file, a missing font), closable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.label = QLabel(self, wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are never markup to load
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self, text="✕")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setStyleSheet("#messageBanner { background: #fff4ce; color: #3b2f00; }"
                           "#messageBanner QLabel { color: #3b2f00; }")
        self.hide()

    def show_message(self, text: str) -> None:
        """Show `text` (replacing any message shown)."""
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        """Return the message shown (empty when hidden)."""
        return "" if self.isHidden() else self.label.text()


def mode_action_name(mode: PinyinMode) -> str:
    """Return the action-name suffix of a pinyin mode (pinyin_<suffix>)."""
    return {PinyinMode.ALL: "all", PinyinMode.GLOSSARY: "glossary", PinyinMode.ABOVE_HSK: "hsk",
            PinyinMode.UNKNOWN: "unknown", PinyinMode.OFF: "off"}[mode]


def window_sheet(style: ViewStyle) -> str:
    """Return the window style sheet for the theme (popup card and article background)."""
    theme = style.theme
    panel = "#2b2d31" if theme.dark else theme.background
    return (f"#wordPopup {{ background: {panel}; color: {theme.text}; border: 1px solid {theme.muted};"
            f" border-radius: 6px; }} #wordPopup QLabel {{ color: {theme.text}; }}"
            f" ArticleView {{ background: {theme.background}; border: none; }}" + (_dark_panels(style) if theme.dark else ""))


def _dark_panels(style: ViewStyle) -> str:
    """Style-sheet rules that make the panels, bars and menus dark too."""
    theme = style.theme
    return (f" QMainWindow, QDockWidget, QMenuBar, QMenu, QToolBar, QStatusBar {{ background: #2b2d31;"
            f" color: {theme.text}; }} QTreeWidget, QListWidget, QLineEdit, QComboBox, QSpinBox"
            f" {{ background: {theme.background}; color: {theme.text}; }} QLabel, QCheckBox, QToolButton"
            f" {{ color: {theme.text}; }} QMenuBar::item:selected, QMenu::item:selected"
            f" {{ background: {theme.selection}; }} QToolButton:checked {{ background: {theme.selection};"
            f" border: 1px solid {theme.muted}; border-radius: 3px; }}")


def theme_palette(style: ViewStyle, base: QPalette) -> QPalette:
    """Return the window palette for the theme: the panels follow a dark theme, the others keep the system's."""
    theme = style.theme
    if not theme.dark:
        return base
    palette = QPalette(base)
    dark, darker, text = QColor("#2b2d31"), QColor(theme.background), QColor(theme.text)
    for role, colour in ((QPalette.ColorRole.Window, dark), (QPalette.ColorRole.Base, darker),
                         (QPalette.ColorRole.AlternateBase, dark), (QPalette.ColorRole.Button, dark),
                         (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, dark),
                         (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, QColor(theme.selection)),
                         (QPalette.ColorRole.HighlightedText, text), (QPalette.ColorRole.PlaceholderText,
                                                                      QColor(theme.muted))):
        palette.setColor(role, colour)
    return palette
