"""A window that adapts to its width: side panels as docks when there is room, as a drawer over the text when not.

The reading column keeps at least MIN_COLUMN_CHARS characters of body text. When the window is too narrow for that
beside the panels the reader wants, the panels move into one drawer with a tab each, which slides over the text's
left side when a panel is asked for and closes again with ✕, Esc or a choice made in it. The toolbar drops its labels
(icons with tooltips) when they no longer fit, so it never spills into a "»" menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QTabWidget, QToolButton, QVBoxLayout, QWidget

from reader.ui.lazy_panel import LazyPanel

MIN_COLUMN_CHARS = 20
DEFAULT_PANEL_WIDTH = 220
DRAWER_SHARE, DRAWER_MIN, DRAWER_MAX = 0.5, 240, 360


class PanelDrawer(QFrame):
    """The panels of a narrow window, one tab each, over the left side of the text.

    Signals:
        closed(): the reader closed the drawer (✕).
        panelShown(str): the tab of this panel became the current one.
        panelWanted(str): the tab of a panel not made yet became the current one (answer with `fill_panel`).
    """

    closed = Signal()
    panelShown = Signal(str)
    panelWanted = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("panelDrawer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        close = QToolButton(self, text="✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_drawer)
        self.tabs.setCornerWidget(close, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.tabBar().setExpanding(False)
        self.names: list[str] = []
        self.titles: dict[str, str] = {}
        self.icons: dict[str, QIcon | None] = {}
        self.waiting: set[str] = set()  # panels not made yet: an empty page holds their tab
        self.title = QLabel(self)
        self.title.setObjectName("panelDrawerTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setContentsMargins(8, 4, 8, 0)
        layout.insertWidget(0, self.title)
        self.tabs.currentChanged.connect(self._current_changed)
        self.hide()

    def add_panel(self, name: str, widget: QWidget | None, title: str, icon: QIcon | None = None) -> None:
        """Put a panel in a tab of its own (an icon alone when there is one, its name in the tooltip and the title);
        a panel not made yet (None) gets an empty page until its tab is chosen (see `panelWanted`)."""
        if widget is None:
            widget = QWidget()
            self.waiting.add(name)
        self.names.append(name)
        self.titles[name], self.icons[name] = title, icon
        self._insert_tab(len(self.names) - 1, widget)
        self._show_title()

    def fill_panel(self, name: str, widget: QWidget) -> None:
        """Put the panel just made for `name` in place of its empty page."""
        if name not in self.waiting:
            return
        self.waiting.discard(name)
        index = self.names.index(name)
        current = self.tabs.currentIndex() == index
        page = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self._insert_tab(index, widget)
        if current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        page.deleteLater()

    def _insert_tab(self, index: int, widget: QWidget) -> None:
        name = self.names[index]
        icon, title = self.icons.get(name), self.titles[name]
        index = self.tabs.insertTab(index, widget, icon, "") if icon is not None and not icon.isNull() \
            else self.tabs.insertTab(index, widget, title)
        self.tabs.setTabToolTip(index, title)

    def retitle(self, titles: dict[str, str]) -> None:
        """Name the tabs again (another interface language)."""
        for index, name in enumerate(self.names):
            if name in titles:
                self.titles[name] = titles[name]
                self.tabs.setTabToolTip(index, titles[name])
                if self.tabs.tabIcon(index).isNull():
                    self.tabs.setTabText(index, titles[name])
        self._show_title()

    def set_icons(self, icons: dict[str, QIcon]) -> None:
        """Give the tabs new icons (another theme's colour)."""
        for index, name in enumerate(self.names):
            if name in icons:
                self.icons[name] = icons[name]
                self.tabs.setTabIcon(index, icons[name])

    def _current_changed(self, index: int) -> None:
        self._show_title()
        if 0 <= index < len(self.names):
            if self.names[index] in self.waiting:
                self.panelWanted.emit(self.names[index])
            self.panelShown.emit(self.names[index])

    def _show_title(self) -> None:
        index = self.tabs.currentIndex()
        self.title.setText(self.titles.get(self.names[index], "") if 0 <= index < len(self.names) else "")

    def take_panels(self) -> list[tuple[str, QWidget]]:
        """Remove every panel (to give it back to its dock); return them with their names (not the empty pages of
        panels never made)."""
        taken = [(name, self.tabs.widget(i)) for i, name in enumerate(self.names)]
        self.tabs.blockSignals(True)
        self.tabs.clear()
        self.tabs.blockSignals(False)
        for name, page in taken:
            if name in self.waiting:
                page.deleteLater()
        taken = [(name, widget) for name, widget in taken if name not in self.waiting]
        self.names, self.titles, self.icons, self.waiting = [], {}, {}, set()
        return taken

    def show_panel(self, name: str) -> None:
        """Open the drawer on this panel's tab."""
        self.tabs.setCurrentIndex(self.names.index(name))
        self.place()
        self.show()
        self.raise_()
        self.tabs.currentWidget().setFocus()

    def current(self) -> str | None:
        """Return the name of the panel shown, or None when the drawer is closed."""
        index = self.tabs.currentIndex()
        return self.names[index] if self.isVisible() and 0 <= index < len(self.names) else None

    def close_drawer(self) -> None:
        """Hide the drawer and tell the window."""
        self.hide()
        self.closed.emit()

    def place(self) -> None:
        """Cover the left part of the parent, full height."""
        area = self.parentWidget().rect()
        width = int(min(max(area.width() * DRAWER_SHARE, DRAWER_MIN), DRAWER_MAX, area.width() - 24))
        self.setGeometry(0, 0, width, area.height())


class AdaptiveLayout(QObject):
    """Decides between docks and the drawer from the window's width, and routes "show panel" to the one in use.

    Signals:
        panelVisibilityChanged(str, bool): a panel was shown or hidden (for the actions' check marks).
    """

    panelVisibilityChanged = Signal(str, bool)

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget], drawer: PanelDrawer,
                 needed_width, panel_of=None) -> None:
        super().__init__(window)
        self.window, self.docks, self.drawer = window, docks, drawer
        # (name, make) -> the panel of a dock; None when it is not made yet and `make` is False
        self.panel_of = panel_of or (lambda name, make=True: docks[name].widget())
        self.needed_width = needed_width  # () -> pixels the central widget needs for MIN_COLUMN_CHARS characters
        self.compact = False
        self.held = False  # full-screen reading: panels stay as they are
        self.wanted: set[str] = set()  # the panels the reader wants beside the text (kept while compact)
        self.widths: dict[str, int] = {}
        self.moving = False  # docks hidden or shown by this class, not by the reader
        self.icons: dict[str, QIcon] = {}  # the drawer's tab icons, by panel name
        drawer.closed.connect(self._drawer_closed)
        drawer.panelWanted.connect(lambda name: drawer.fill_panel(name, self.panel_of(name)))
        drawer.panelShown.connect(lambda name: self._report_drawer())

    def wide_enough(self) -> bool:
        """Return whether the window has room for the wanted panels beside a column of MIN_COLUMN_CHARS."""
        wanted = self.wanted if self.compact else self.visible_docks()
        sides: dict[Qt.DockWidgetArea, int] = {}
        for name in wanted:
            area = self.window.dockWidgetArea(self.docks[name])
            sides[area] = max(sides.get(area, 0), self.widths.get(name, DEFAULT_PANEL_WIDTH))
        return self.window.width() >= self.needed_width() + sum(sides.values())

    def visible_docks(self) -> set[str]:
        """Return the names of the docks shown (or to be shown with the window)."""
        return {name for name, dock in self.docks.items() if dock.isVisibleTo(self.window)}

    def adapt(self) -> None:
        """Switch between docks and drawer when the width asks for it; keep the drawer placed."""
        if self.held:
            return
        if not self.compact:
            for name in self.visible_docks():
                self.widths[name] = max(self.docks[name].width(), 120)
        if self.compact and self.wide_enough():
            self.leave_compact()
        elif not self.compact and not self.wide_enough():
            self.enter_compact()
        if self.drawer.isVisible():
            self.drawer.place()

    def enter_compact(self) -> None:
        """Move every panel into the drawer (closed); remember which docks were shown."""
        self.wanted = self.visible_docks()
        self.moving = True
        for name, dock in self.docks.items():
            widget = self.panel_of(name, make=False)  # a panel not made yet is made when its tab is chosen
            dock.hide()
            self.drawer.add_panel(name, widget, dock.windowTitle(), self.icons.get(name))
        self.moving = False
        self.compact = True
        for name in self.docks:
            self.panelVisibilityChanged.emit(name, False)

    def leave_compact(self) -> None:
        """Give the panels back to their docks and show the ones the reader wanted."""
        self.drawer.hide()
        self.moving = True
        for name, widget in self.drawer.take_panels():
            self.docks[name].setWidget(widget)
            widget.show()
        for name in self.wanted:
            self.docks[name].show()
        self.moving = False
        self.compact = False
        for name in self.docks:
            self.panelVisibilityChanged.emit(name, name in self.wanted)

    def show_panel(self, name: str, on: bool) -> None:
        """Show or hide a panel: its dock in a wide window, its tab of the drawer in a narrow one."""
        if not self.compact:
            self.docks[name].setVisible(on)
            if on:
                self.docks[name].raise_()
            return
        if on:
            self.drawer.show_panel(name)
        elif self.drawer.current() == name:
            self.drawer.hide()
        self._report_drawer()

    def is_shown(self, name: str) -> bool:
        """Return whether a panel is on screen (its dock, or its tab of the open drawer)."""
        return self.drawer.current() == name if self.compact else self.docks[name].isVisible()

    def close_drawer(self) -> bool:
        """Close the drawer if it is open; return whether it was."""
        if self.compact and self.drawer.isVisible():
            self.drawer.close_drawer()
            return True
        return False

    def _drawer_closed(self) -> None:
        self._report_drawer()

    def _report_drawer(self) -> None:
        current = self.drawer.current()
        for name in self.docks:
            self.panelVisibilityChanged.emit(name, name == current)



PANEL_ACTIONS = {"sections": "sections_panel", "glossary": "glossary_panel", "library": "library", "feeds": "feeds_panel",
                 "bookmarks": "bookmarks_panel", "notes": "notes_panel", "info": "info_panel"}


class AdaptiveWindowMixin:
    """The main window's side of the adaptation (a mixin of MainWindow): build, show panels, react to resizes."""

    def _build_adaptive(self) -> None:
        """Create the drawer over the text and the layout that decides between it and the docks."""
        self.drawer = PanelDrawer(self.centralWidget())
        self.adaptive = AdaptiveLayout(self, self.docks, self.drawer, self.needed_central_width, self.panel)
        self.adaptive.panelVisibilityChanged.connect(self._panel_visibility)
        self._labelled_toolbar_width = 0

    def _lazy_dock(self, name: str, panel_name: str, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        """Return a hidden dock whose panel (the LazyPanel `name`) is made when the dock is first shown."""
        dock = QDockWidget(title, self)
        dock.setObjectName(panel_name + "Dock")
        self.addDockWidget(area, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda visible: visible and getattr(self, name))
        return dock

    def panel(self, name: str, make: bool = True) -> QWidget | None:
        """Return the panel of the dock `name`, making a lazily made one (or, with `make=False`, None for it)."""
        attribute = {"info": "article_info"}.get(name, name)
        return getattr(self, attribute) if make else LazyPanel.made(self, attribute)

    def needed_central_width(self) -> int:
        """Return the central widget's width that gives the text column MIN_COLUMN_CHARS characters."""
        view = self.view
        em = view.measure.char_width("中", "paragraph")
        chrome = view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth()
        return int(MIN_COLUMN_CHARS * em + 2 * view.margin() + chrome + 2)

    def show_dock(self, name: str, on: bool) -> None:
        """Show (in front of its tabs) or hide a panel, as a dock or in the drawer of a narrow window."""
        self.adaptive.show_panel(name, on)
        if on:
            self._panel_shown(name)

    def _panel_shown(self, name: str) -> None:
        if name in ("bookmarks", "notes"):
            self.refresh_annotations()
        elif name == "library":
            self.refresh_library()
        elif name == "feeds":
            self.refresh_feeds_panel()

    def _panel_visibility(self, name: str, visible: bool) -> None:
        action = self.actions_.get(PANEL_ACTIONS.get(name, ""))
        if action is not None:
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)
        if visible and self.adaptive.compact:
            self._panel_shown(name)

    def _dock_toggled(self, name: str, visible: bool) -> None:
        if self.adaptive.moving or self.adaptive.compact:
            return
        self._panel_visibility(name, visible)
        if visible:
            self._panel_shown(name)

    def adapt_to_width(self) -> None:
        """Docks or drawer, toolbar labels or icons alone: whatever the width allows."""
        self.adaptive.adapt()
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        if not self._labelled_toolbar_width:
            self.toolbar.set_compact(False)
            self._labelled_toolbar_width = self.toolbar.labelled_width()
        self.toolbar.set_compact(self._labelled_toolbar_width > self.width() - 8)

    def toolbar_changed(self) -> None:
        """Measure the toolbar's labels again (another language or icon colour) and fit it to the width."""
        self._labelled_toolbar_width = 0
        self._fit_toolbar()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Adapt the panels and the toolbar to the new width."""
        super().resizeEvent(event)
        self.adapt_to_width()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Adapt once the window (and its restored docks) is shown."""
        super().showEvent(event)
        self.adapt_to_width()
