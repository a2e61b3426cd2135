"""The window's menus, toolbar and message banner, built from the action table."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMainWindow, QMenu, QSpinBox, QToolBar, QToolButton,
                               QWidget)

from reader.core.settings import HSK_LEVEL
from reader.ui.actions import ACTIONS, MENUS, menu_title
from reader.core.pinyin_display import PinyinMode
from reader.ui.view.style import ViewStyle
from reader.ui.view.style_commands import MODE_ORDER

SEPARATE_AFTER = {"library", "select_all", "look_up", "pinyin_cycle", "zoom_reset", "spacing_less", "theme_cycle",
                  "undo_delete", "highlight_note", "glossary_panel", "script_hk", "listen_word", "speech_slower", "highlight_purple", "reattach", "export_glossary", "restore"}


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """Fill the menu bar: one menu per entry of MENUS, its actions in table order; return the menus by key."""
    menus = {key: window.menuBar().addMenu(menu_title(key)) for key, _ in MENUS}
    for spec in ACTIONS:
        menus[spec.menu].addAction(actions[spec.name])
        if spec.name in SEPARATE_AFTER:
            menus[spec.menu].addSeparator()
    return menus


TOOLBAR_ITEMS = ("tone_numbers", "tone_colours", None, "zoom_out", "zoom_in", "theme_cycle", None, "find", None,
                 "sections_panel", "glossary_panel", "library")
SHORT_LABELS = {  # what the toolbar shows beside the icon; the tooltip gives the full name and the shortcut
    "tone_numbers": QT_TRANSLATE_NOOP("toolbar", "Numbers"), "tone_colours": QT_TRANSLATE_NOOP("toolbar", "Colours"),
    "zoom_out": QT_TRANSLATE_NOOP("toolbar", "Smaller"), "zoom_in": QT_TRANSLATE_NOOP("toolbar", "Larger"),
    "theme_cycle": QT_TRANSLATE_NOOP("toolbar", "Theme"), "find": QT_TRANSLATE_NOOP("toolbar", "Find"),
    "sections_panel": QT_TRANSLATE_NOOP("toolbar", "Sections"), "glossary_panel": QT_TRANSLATE_NOOP("toolbar", "Glossary"),
    "library": QT_TRANSLATE_NOOP("toolbar", "Library"),
}
ICON_PX = 20


class PinyinToolbar(QToolBar):
    """The toolbar: pinyin mode and HSK level, tone options, zoom, theme, find and panels; icons with short labels,
    or icons alone when the window is narrow (never a "»" overflow menu).

    Signals:
        modeChosen(str): a pinyin mode was picked (a PinyinMode value).
        hskLevelChosen(int): the HSK level of the "above HSK level" mode changed.
    """

    modeChosen = Signal(str)
    hskLevelChosen = Signal(int)

    def __init__(self, window: QMainWindow, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.setObjectName("readingToolbar")
        self.setMovable(False)
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        self.actions_ = actions
        self.mode = QComboBox(self)
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for mode in MODE_ORDER:
            self.mode.addItem("", mode.value)
        self.level = QSpinBox(self, minimum=HSK_LEVEL.low, maximum=HSK_LEVEL.high, prefix="HSK > ")
        self.label = QLabel(self)
        self.label_action = self.addWidget(self.label)
        self.addWidget(self.mode)
        self.addWidget(self.level)
        self.addSeparator()
        for name in TOOLBAR_ITEMS:
            self.addSeparator() if name is None else self.addAction(actions[name])
        self.mode.activated.connect(lambda i: self.modeChosen.emit(self.mode.itemData(i)))
        self.level.valueChanged.connect(self.hskLevelChosen.emit)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text again in the interface language now installed."""
        self.setWindowTitle(self.tr("Reading"))
        self.label.setText(self.tr(" Pinyin: "))
        self.mode.setToolTip(self.tr("Which words show pinyin (Ctrl+P: next mode)"))
        self.level.setToolTip(self.tr("Show pinyin for words above this HSK level"))
        for index, mode in enumerate(MODE_ORDER):
            self.mode.setItemText(index, self.mode_label(mode))
        for name in (n for n in TOOLBAR_ITEMS if n):
            action = self.actions_[name]
            action.setIconText(QCoreApplication.translate("toolbar", SHORT_LABELS[name]))
            action.setToolTip(action_tooltip(action))

    def set_compact(self, compact: bool) -> None:
        """Show icons alone (narrow window) or icons with short labels."""
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.label_action.setVisible(not compact)

    def labelled_width(self) -> int:
        """Return the width the toolbar needs to show every item with its label (measured, polished)."""
        self.ensurePolished()
        spacing = self.layout().spacing()
        width = 2 * self.layout().contentsMargins().left() + 16  # margins and the handle
        for child in self.findChildren(QWidget):
            if child.parentWidget() is self and not child.isWindow():
                child.ensurePolished()
                width += child.sizeHint().width() + spacing
        return width

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


def action_tooltip(action: QAction) -> str:
    """Return an action's name without its mnemonic, and its first shortcut: "Zoom Out (Ctrl+-)"."""
    text = re.sub(r"\(&\w\)|&(?=\w)", "", action.text()).rstrip("…").strip()
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shortcut})" if shortcut else text


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
        self.lasting = False  # a message that stays when articles change (a missing font)
        self.setStyleSheet("#messageBanner { background: #fff4ce; color: #3b2f00; }"
                           "#messageBanner QLabel { color: #3b2f00; }")
        self.hide()

    def show_message(self, text: str, lasting: bool = False) -> None:
        """Show `text` (replacing any message shown); a `lasting` one (a missing font) stays when articles change."""
        self.label.setText(text)
        self.lasting = lasting
        self.show()

    def clear_passing(self) -> None:
        """Hide a message about one article (it could not be opened …) once another article is shown."""
        if not self.lasting:
            self.hide()

    def text(self) -> str:
        """Return the message shown (empty when hidden)."""
        return "" if self.isHidden() else self.label.text()


def mode_action_name(mode: PinyinMode) -> str:
    """Return the action-name suffix of a pinyin mode (pinyin_<suffix>)."""
    return {PinyinMode.ALL: "all", PinyinMode.GLOSSARY: "glossary", PinyinMode.ABOVE_HSK: "hsk",
            PinyinMode.UNKNOWN: "unknown", PinyinMode.OFF: "off"}[mode]


def window_sheet(style: ViewStyle) -> str:
    """Return the window's style sheet: the dark theme's panels, bars and menus; none in a light theme (a window-wide
    sheet restyles every widget through Qt's slower style-sheet style, about 15 ms at each start)."""
    return _dark_panels(style) if style.theme.dark else ""


def card_sheet(style: ViewStyle) -> str:
    """Return the style sheet of the cards over the text: the word popup and the note bubble."""
    theme = style.theme
    panel = DARK_PANEL if theme.dark else theme.background
    return (f"#wordPopup, #noteBubble {{ background: {panel}; color: {theme.text}; border: 1px solid {theme.muted};"
            f" border-radius: 6px; }} #wordPopup QLabel, #noteBubble QLabel {{ color: {theme.text}; }}"
            f" #noteBubble QLabel {{ color: {theme.muted}; }}")


def drawer_sheet(style: ViewStyle) -> str:
    """Return the style sheet of the panel drawer of a narrow window."""
    theme = style.theme
    panel = DARK_PANEL if theme.dark else theme.background
    return (f"#panelDrawer {{ background: {panel}; border: none; border-right: 1px solid {theme.muted}; }}"
            + _drawer_tabs(style))


def _drawer_tabs(style: ViewStyle) -> str:
    """Compact icon tabs for the panel drawer, so every panel's tab fits its width without scroll arrows."""
    theme = style.theme
    panel = DARK_PANEL if theme.dark else theme.background
    sunken = DARK_SUNKEN if theme.dark else "#ecebe6"
    return (f" #panelDrawer QTabBar::tab {{ width: 22px; padding: 4px 5px; margin: 0; border: 1px solid {theme.muted};"
            f" border-bottom: none; background: {sunken}; color: {theme.text}; }}"
            f" #panelDrawer QTabBar::tab:selected {{ background: {panel}; }}"
            f" #panelDrawer QToolButton {{ background: {sunken}; color: {theme.text}; border: none; }}")


DARK_PANEL, DARK_RAISED, DARK_SUNKEN, DARK_LINE, DARK_DISABLED = "#2b2d31", "#34363b", "#232428", "#45474d", "#6e7076"


def _dark_panels(style: ViewStyle) -> str:
    """Style-sheet rules that make the panels, bars, menus, tabs, buttons and tables dark too; disabled controls
    are dimmed, separators are thin lines in a quiet grey."""
    t = style.theme
    return (f" QMainWindow, QDialog, QDockWidget, QMenuBar, QMenu, QToolBar, QStatusBar {{ background: {DARK_PANEL};"
            f" color: {t.text}; }} QToolBar {{ border: none; }}"
            f" QToolBar::separator {{ background: {DARK_LINE}; width: 1px; margin: 5px 4px; }}"
            f" QDockWidget::title {{ background: {DARK_SUNKEN}; padding: 4px 6px; }}"
            f" QTreeWidget, QListWidget, QTableWidget, QTextBrowser, QLineEdit, QComboBox, QSpinBox"
            f" {{ background: {t.background}; color: {t.text}; }}"
            f" QLabel, QCheckBox, QToolButton {{ color: {t.text}; }}"
            f" QComboBox:disabled, QSpinBox:disabled, QLineEdit:disabled, QCheckBox:disabled, QLabel:disabled,"
            f" QToolButton:disabled, QPushButton:disabled {{ color: {DARK_DISABLED}; background: {DARK_SUNKEN}; }}"
            f" QPushButton {{ background: {DARK_RAISED}; color: {t.text}; border: 1px solid {DARK_LINE};"
            f" border-radius: 3px; padding: 3px 10px; }} QPushButton:hover, QToolButton:hover"
            f" {{ background: #3d4046; }} QMenu {{ border: 1px solid {DARK_LINE}; }}"
            f" QMenu::separator {{ height: 1px; background: {DARK_LINE}; margin: 4px 8px; }}"
            f" QMenuBar::item:selected, QMenu::item:selected {{ background: {t.selection}; }}"
            f" QTabBar::tab {{ background: {DARK_SUNKEN}; color: {t.muted}; padding: 4px 10px;"
            f" border: 1px solid {DARK_LINE}; }} QTabBar::tab:selected {{ background: {DARK_PANEL}; color: {t.text}; }}"
            f" QHeaderView::section {{ background: {DARK_SUNKEN}; color: {t.text}; border: none;"
            f" border-right: 1px solid {DARK_LINE}; padding: 3px 6px; }}"
            f" QToolTip {{ background: {DARK_PANEL}; color: {t.text}; border: 1px solid {DARK_LINE}; }}"
            f" QToolButton:checked {{ background: {t.selection}; border: 1px solid {t.muted}; border-radius: 3px; }}")


def theme_palette(style: ViewStyle, base: QPalette) -> QPalette:
    """Return the window palette for the theme: the panels follow a dark theme, the others keep the system's."""
    theme = style.theme
    if not theme.dark:
        return base
    palette = QPalette(base)
    dark, darker, text = QColor(DARK_PANEL), QColor(theme.background), QColor(theme.text)
    for role, colour in ((QPalette.ColorRole.Window, dark), (QPalette.ColorRole.Base, darker),
                         (QPalette.ColorRole.AlternateBase, dark), (QPalette.ColorRole.Button, dark),
                         (QPalette.ColorRole.WindowText, text), (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, dark),
                         (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, QColor(theme.selection)),
                         (QPalette.ColorRole.HighlightedText, text), (QPalette.ColorRole.PlaceholderText,
                                                                      QColor(theme.muted))):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DARK_DISABLED))
    return palette
