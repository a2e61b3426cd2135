"""The reader window: the one place where panels' intent signals are wired to the view and the controller."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from reader.ui import lookup, services
from reader.ui.actions import build_actions
from reader.ui.after_paint import after_view_settles
from reader.ui.adaptive import PANEL_ACTIONS, AdaptiveWindowMixin
from reader.ui.chrome import (MessageBanner, PinyinToolbar, build_menus, card_sheet, drawer_sheet, mode_action_name,
                              theme_palette, window_sheet)
from reader.ui.commands import command_handlers
from reader.ui.controller import ReaderController
from reader.ui.icons import apply_action_icons
from reader.ui.lazy_panel import LazyPanel
from reader.ui.panels.findbar import FindBar
from reader.ui.panels.glossary import GlossaryPanel
from reader.ui.panels.sections import SectionsPanel
from reader.ui.popup import WordPopup
from reader.ui.prefs import Preferences
from reader.ui.services import format_readings
from reader.ui.view import style_commands as cmd
from reader.ui.view.article_view import ArticleView
from reader.core.pinyin_display import PinyinMode
from reader.ui.view.style import ViewStyle
from reader.ui.window_find import FindMixin
from reader.ui.window_language import LanguageMixin, dock_title
from reader.ui.window_learner import LearnerWindowMixin
from reader.ui.window_notes import NotesWindowMixin
from reader.ui.window_popup import PopupMixin
from reader.ui.window_speech import SpeechWindowMixin
from reader.ui.window_web import WebWindowMixin

APP_NAME = "Dubao 读报"
POSITION_SAVE_DELAY_MS = 800


class MainWindow(FindMixin, PopupMixin, NotesWindowMixin, LearnerWindowMixin, WebWindowMixin, AdaptiveWindowMixin,
                 SpeechWindowMixin, LanguageMixin, QMainWindow):
    """Article view in the middle; sections, glossary, library, feeds, bookmarks and notes docks; find bar; word
    popup."""

    def __init__(self, controller: ReaderController, prefs: Preferences, style: ViewStyle) -> None:
        super().__init__()
        self._hurried = False  # closing as the session ends (see close_hurried)
        self.controller, self.prefs = controller, prefs
        controller.setParent(self)  # it goes with the window, so late background results find nobody to call
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.view = ArticleView(style=style)
        self.view.set_formatter(format_readings)
        self.banner, self.find_bar = MessageBanner(), FindBar()
        self.find_bar.hide()
        self._build_centre()
        self.popup = WordPopup(self.centralWidget())
        self.sections, self.glossary = SectionsPanel(), GlossaryPanel()
        self.docks = {"sections": self._dock(self.sections, dock_title("sections"), Qt.DockWidgetArea.LeftDockWidgetArea),
                      "glossary": self._dock(self.glossary, dock_title("glossary"), Qt.DockWidgetArea.RightDockWidgetArea),
                      "library": self._lazy_dock("library", "libraryPanel", dock_title("library"),
                                                 Qt.DockWidgetArea.LeftDockWidgetArea)}
        self._build_web_parts()
        self._build_notes_parts()
        self._build_learner_parts()
        self.actions_ = build_actions(self)
        self.menus = build_menus(self, self.actions_)
        self.toolbar = PinyinToolbar(self, self.actions_)
        self.addToolBar(self.toolbar)
        self._build_adaptive()
        self.presentation = None
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it shows the article's title: text, never markup
        self.statusBar().addWidget(self.status, 1)
        self._save_timer = QTimer(self, singleShot=True, interval=POSITION_SAVE_DELAY_MS,
                                  timeout=self.save_position)
        self._wire()
        self._reflect_style()
        self.restore_script()

    def _build_centre(self) -> None:
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.banner, self.view, self.find_bar):
            layout.addWidget(widget)
        self.setCentralWidget(centre)

    def _dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(widget.objectName() + "Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    library = LazyPanel("_make_library")

    def _make_library(self) -> QWidget:
        """Make the Library panel in its dock and wire it (the first time it is shown or asked for)."""
        from reader.ui.panels.library import LibraryPanel

        panel = LibraryPanel()
        self.docks["library"].setWidget(panel)
        panel.articleChosen.connect(self.open_entry)
        panel.searchRequested.connect(self.refresh_library)
        return panel


    # --- wiring: every intent signal is connected here ------------------------------------------------------------
    def _wire(self) -> None:
        c, v = self.controller, self.view
        c.articleOpened.connect(self.show_document)
        c.annotationReady.connect(self.annotation_arrived)
        c.annotationProgressed.connect(lambda doc: v.refresh_annotation() if doc is v.document else None)  # a part
        c.annotationFailed.connect(lambda _doc: self.status.setText(self._status_text()))
        c.problem.connect(self.banner.show_message)
        c.libraryChanged.connect(lambda: self.refresh_library())
        c.libraryChanged.connect(self.refresh_annotations)  # the open article's entry is known from here on
        v.sectionChanged.connect(self.section_changed)
        v.positionChanged.connect(self._save_timer.start)
        v.positionChanged.connect(self._view_moved)
        v.wordActivated.connect(self.open_popup)
        self.sections.sectionChosen.connect(v.go_to_section)
        self.sections.sectionChosen.connect(lambda _i: self.adaptive.close_drawer())
        self.glossary.termChosen.connect(self.step_term)
        self.find_bar.searchChanged.connect(self.find)
        self.find_bar.stepRequested.connect(self.step_match)
        self.find_bar.closed.connect(self.clear_find)
        self.popup.copyRequested.connect(lambda text: QGuiApplication.clipboard().setText(text))
        self.popup.saveWordRequested.connect(self.save_word)
        self.popup.removeWordRequested.connect(self.remove_word)
        self.popup.bookmarkRequested.connect(self.bookmark_word)
        self.popup.noteRequested.connect(self.note_on_word)
        self.popup.speakRequested.connect(self.say_word)
        self._wire_notes()
        self._wire_web()
        self._wire_learner()
        self.toolbar.modeChosen.connect(lambda mode: self.restyle(cmd.with_mode(self.view.style_, PinyinMode(mode))))
        self.toolbar.hskLevelChosen.connect(
            lambda level: self.restyle(cmd.with_mode(self.view.style_, self.view.style_.pinyin.mode, level)))
        for name, dock in self.docks.items():
            dock.visibilityChanged.connect(lambda visible, n=name: self._dock_toggled(n, visible))
        for intent in (v.wordActivated, v.customContextMenuRequested,  # about to save: the storage library loads
                       *(self.docks[n].visibilityChanged for n in ("bookmarks", "notes"))):
            intent.connect(lambda *_: c.expect_writes())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.escape, context=Qt.ShortcutContext.WindowShortcut)
        for name, handler in command_handlers(self).items():
            self.actions_[name].triggered.connect(handler)

    def _wire_notes(self) -> None:
        v, b, n, w = self.view, self.bookmarks, self.notes, self.vocabulary
        v.customContextMenuRequested.connect(self.show_view_menu)
        v.noteActivated.connect(self.show_note_bubble)
        self.note_bubble.saveRequested.connect(self.save_note_in_place)
        self.note_bubble.deleteRequested.connect(self.delete_annotation)
        b.bookmarkChosen.connect(self.jump_to_annotation)
        b.renameRequested.connect(self.rename_bookmark)
        b.deleteRequested.connect(self.delete_annotation)
        b.undoRequested.connect(self.undo_delete)
        for name, panel in (("bookmarks", b), ("notes", n)):
            panel.all_articles.setChecked(self.prefs.all_articles(name))  # before connecting: no refresh yet
            panel.allArticlesToggled.connect(lambda on, p=name: self.prefs.set_all_articles(p, on))
            panel.allArticlesToggled.connect(lambda _on: self.refresh_annotations())
        n.noteChosen.connect(self.jump_to_annotation)
        n.editRequested.connect(self.edit_note)
        n.deleteRequested.connect(self.delete_annotation)
        n.undoRequested.connect(self.undo_delete)
        n.reattachRequested.connect(self.reattach_here)
        w.filtersChanged.connect(self.refresh_vocabulary)
        w.statusChosen.connect(self.set_word_status)
        w.deleteRequested.connect(self.delete_words)
        w.markKnownRequested.connect(self.mark_known_up_to)

    # --- article --------------------------------------------------------------------------------------------------
    def show_document(self, document) -> None:
        """Show a newly opened article (text at once; pinyin follows) and go to its saved position."""
        self.popup.hide()
        self.note_bubble.hide()
        self.clear_find()
        self.banner.clear_passing()  # "Could not open …" was about another article
        if self.controller.store_problem:  # the library is still unusable: keep saying so
            self.banner.show_message(self.controller.store_problem)
        self.view.set_document(document)
        self.sections.set_sections(self.shown_sections(document))
        self.glossary.set_terms(document.glossary_counts())
        saved = self.controller.saved_position()
        if saved is not None:
            self.view.scroll_to(*saved)
        self.section_changed(self.view.current_section())
        self.status.setText(self._status_text() + "  ·  " + self.tr("adding pinyin…"))

    def annotation_arrived(self, document) -> None:
        """Redraw with words, pinyin and glossary terms, keeping the reading position."""
        if document is self.view.document:
            self.view.refresh_annotation()
            self.glossary.set_terms(document.glossary_counts())
            self.status.setText(self._status_text())
            # once the article with its pinyin is on screen and laid out: count its words for the learner, open the
            # dictionary for popups
            after_view_settles(self.view, self.controller.learner.count_words, lambda: lookup.warm_up(self))

    def open_entry(self, entry_id: int) -> None:
        """Open a library article (saving the position in the current one first)."""
        self.adaptive.close_drawer()
        self.save_position()
        self.controller.open_entry(entry_id)

    def open_path(self, path: str | Path) -> bool:
        """Open an article file or a web address (saving the position in the current one first); a bad file shows
        a message."""
        if services.looks_like_address(str(path)):
            self.open_address(str(path))
            return True
        self.save_position()
        return self.controller.open_path(path)  # showing it clears a message about another article

    def choose_file(self) -> None:
        """Ask for an article file and open it."""
        from PySide6.QtWidgets import QFileDialog  # dialogs' Qt types are made when first used, not at start-up

        self.controller.expect_writes()  # the file chosen goes into the library
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Article"), str(Path.home()),
                                              self.tr("Articles (*.txt *.md *.markdown *.text *.html *.htm *.mhtml *.mht *.epub);;All files (*)"))
        if path:
            self.open_path(path)

    def refresh_library(self, query: str | None = None) -> None:
        """Show the library list, or the search hits for `query` (default: what the panel's search box holds);
        nothing while the panel is hidden or not made yet (as at start-up): it is filled when shown."""
        panel = LazyPanel.made(self, "library")
        if panel is not None and panel.isVisible():
            query = panel.search.text().strip() if query is None else query
            panel.set_rows(self.controller.library_rows(query, panel.readable_threshold()))

    def save_position(self) -> None:
        """Store the reading position of the open article."""
        if self.view.document is not None:
            self.controller.save_position(*self.view.top_position())

    # --- sections, status, title ------------------------------------------------------------------------------
    def section_changed(self, index: int) -> None:
        """Mark the current section in the panel, the title bar and the status bar."""
        self.sections.mark_current(index)
        self.status.setText(self._status_text())
        document = self.view.document
        if document is not None:
            section = self.section_label(index)
            self.setWindowTitle(" — ".join(p for p in (section, document.article.title, APP_NAME) if p))

    def section_label(self, index: int) -> str:
        """Return how section `index` is named in the panel (empty when there is none)."""
        document = self.view.document
        if document is None or not (0 <= index < len(document.sections)):
            return ""
        return self.sections.section_label(document.sections[index])

    def _status_text(self) -> str:
        document = self.view.document
        if document is None:
            return ""
        index = self.view.current_section()
        count = len(document.sections)
        where = self.tr("Section {0} of {1}: {2}").format(index + 1, count, self.section_label(index)) if count else ""
        return f"{document.article.title}  ·  {where}"

    def _view_moved(self) -> None:
        if self.popup.isVisible():
            self.popup.hide()
        if self.note_bubble.isVisible():
            self.note_bubble.close_bubble()

    def escape(self) -> None:
        """Esc closes the popup, else the panel drawer, else the find bar, else full-screen reading."""
        if self.popup.isVisible():
            self.popup.hide()
        elif self.note_bubble.isVisible():
            self.note_bubble.close_bubble()
        elif self.adaptive.close_drawer():
            pass
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.isFullScreen():
            self.actions_["full_screen"].setChecked(False)
            self.set_full_screen(False)

    # --- style and window -------------------------------------------------------------------------------------------
    def restyle(self, style: ViewStyle) -> None:
        """Apply a new view style and remember it."""
        self.popup.hide()
        if style.pinyin.mode == PinyinMode.UNKNOWN:
            style = replace(style, pinyin=replace(style.pinyin, known_words=self.controller.learner.known_words()))
        self.view.set_style(style)
        self.prefs.save_view_style(style)
        self._reflect_style()

    def _reflect_style(self) -> None:
        style = self.view.style_
        checks = {"tone_numbers": not style.tone_marks, "tone_colours": style.tone_colours,
                  f"theme_{style.theme.name}": True, f"pinyin_{mode_action_name(style.pinyin.mode)}": True}
        for name, checked in checks.items():
            self.actions_[name].setChecked(checked)
        self.toolbar.show_mode(style.pinyin.mode, style.pinyin.hsk_level)
        if getattr(self, "_icon_colour", None) != style.theme.text:
            self._icon_colour = style.theme.text
            apply_action_icons(self.actions_, style.theme.text)
            self.adaptive.icons = {panel: self.actions_[action].icon() for panel, action in PANEL_ACTIONS.items()}
            self.drawer.set_icons(self.adaptive.icons)
            self.toolbar_changed()
        self.setStyleSheet(window_sheet(style))
        for card in (self.popup, self.note_bubble):
            card.setStyleSheet(card_sheet(style))
        self.drawer.setStyleSheet(drawer_sheet(style))
        self.setPalette(theme_palette(style, QApplication.palette()))
        self.popup.set_text_colour(style.theme.text)
        self.article_info.chart.set_theme(style.theme.text, style.theme.dark)

    def choose_font(self) -> None:
        """Pick the Chinese font family from those installed."""
        from PySide6.QtWidgets import QInputDialog

        from reader.ui.fonts import cjk_families_of_system

        families = cjk_families_of_system()
        current = families.index(self.view.style_.family) if self.view.style_.family in families else 0
        family, ok = QInputDialog.getItem(self, self.tr("Font"), self.tr("Chinese font:"), families, current, False)
        if ok and family:
            self.restyle(replace(self.view.style_, family=family))

    def set_full_screen(self, on: bool) -> None:
        """Enter or leave full-screen reading (toolbar and panels hidden)."""
        if on:
            self.adaptive.close_drawer()
            self.adaptive.held = True
            self._docks_before = [n for n, d in self.docks.items() if d.isVisible()]
            for dock in self.docks.values():
                dock.hide()
            self.toolbar.hide()
            self.showFullScreen()
        else:
            self.showNormal()
            self.toolbar.show()
            for name in getattr(self, "_docks_before", ["sections", "glossary"]):
                self.docks[name].show()
            self.adaptive.held = False
            self.adapt_to_width()

    def show_about(self) -> None:
        """Show the About dialog (version, data sources, data folder)."""
        from reader.ui.about import show_about_dialog

        show_about_dialog(self)

    def report_problem(self) -> None:
        """Help ▸ Report a Problem…: the open article's text is offered, included only when the user ticks it."""
        from reader.core.importer import to_markdown
        from reader.ui.report_problem import show_report_problem_dialog

        document = self.view.document
        show_report_problem_dialog(self, to_markdown(document.article) if document is not None else None)

    def copy_text(self, text: str) -> None:
        """Put `text` on the clipboard (nothing when it is empty)."""
        if text:
            QGuiApplication.clipboard().setText(text)

    # --- drag and drop, closing ---------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept dragged files."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Open the first dropped file."""
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.open_path(files[0])
            event.acceptProposedAction()

    def close_hurried(self) -> None:
        """Close as the session ends (logout, SIGTERM): as `close()`, but the closing backup only for a small library."""
        self._hurried = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Save the position, the look and the window layout; close the library."""
        self.save_position()
        self.controller.learner.count_words()  # an article closed before it was painted is still counted
        self.prefs.save_view_style(self.view.style_)
        if self.adaptive.compact:  # the docks the reader wanted are what a wider start should show
            self.adaptive.leave_compact()
        self.prefs.save_window_state(self.saveGeometry(), self.saveState())
        self.prefs.sync()
        self.controller.close(hurried=self._hurried)
        super().closeEvent(event)
