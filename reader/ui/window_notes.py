"""The reader window's bookmarks, highlights, notes, orphans and vocabulary (a mixin of MainWindow).

The panels and the vocabulary window only emit intents; `MainWindow._wire` connects them to the methods here, which
ask the `AnnotationDesk` (annotations) or the library's vocabulary (`store.vocab`) and redraw what changed.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from reader.core.errors import DubaoError
from reader.ui import note_dialog
from reader.ui.annotating import HIGHLIGHT_COLOURS, AnnotationDesk
from reader.ui.note_bubble import NoteBubble
from reader.ui.panels.bookmarks import BookmarksPanel
from reader.ui.panels.notes import NotesPanel
from reader.ui.services import format_readings
from reader.core.pinyin_display import PinyinMode
from reader.ui.vocabulary import VocabularyWindow
from reader.ui.window_language import dock_title

CONTEXT_ACTIONS = ("look_up", "copy", None, "bookmark", "highlight", "highlight_note", *(
    f"highlight_{c}" for c in HIGHLIGHT_COLOURS), None, "reattach")


class NotesWindowMixin:
    """Bookmarks and Notes docks, highlight commands, the vocabulary window, and undo of deletions."""

    def _build_notes_parts(self) -> None:
        """Create the desk, the Bookmarks and Notes docks (hidden) and the vocabulary window."""
        self.desk = AnnotationDesk(self.controller)
        self.highlight_colour = "yellow"
        self.bookmarks, self.notes = BookmarksPanel(), NotesPanel()
        self.docks["bookmarks"] = self._dock(self.bookmarks, dock_title("bookmarks"), Qt.DockWidgetArea.RightDockWidgetArea)
        self.docks["notes"] = self._dock(self.notes, dock_title("notes"), Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["glossary"], self.docks["bookmarks"])  # tabs beside the glossary: full height
        self.tabifyDockWidget(self.docks["bookmarks"], self.docks["notes"])
        for name in ("bookmarks", "notes"):
            self.docks[name].hide()
        self.note_bubble = NoteBubble(self.centralWidget())
        self.vocabulary = VocabularyWindow(self)
        self.vocabulary.reading_formatter = lambda reading: " ".join(
            r or "" for r in format_readings(reading.split(), self.view.style_.tone_marks))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    # --- drawing what is stored ----------------------------------------------------------------------------------
    def refresh_annotations(self) -> None:
        """Show the open article's bookmarks, notes and orphans in the panels and its highlights in the view."""
        listed = self.desk.listed()  # read once for all three
        self.bookmarks.set_rows(self.desk.bookmarks(listed, self.bookmarks.all_articles.isChecked()))
        all_articles = self.notes.all_articles.isChecked()
        self.notes.set_rows(self.desk.notes(all_articles, listed), group_by_article=all_articles)
        self.view.set_highlights(self.desk.painted_spans(listed))
        self.view.set_note_marks(self.desk.noted_spans(listed))
        for panel in (self.bookmarks, self.notes):
            panel.set_undo_available(bool(self.desk.undo_list))

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    # --- bookmarks ---------------------------------------------------------------------------------------------------
    def reading_place(self) -> tuple[int, int]:
        """Return the reader's place: the caret when it is on screen, else the first character at the top."""
        if self.view.document is None:
            return (0, 0)
        if self.view.layout_ is not None and self.view.viewport().rect().intersects(self.view.caret_rect()):
            return self.view.selection.caret
        return self.view.top_position()

    def bookmark_here(self, block: int | None = None, offset: int | None = None) -> bool:
        """Bookmark the reader's place (or block/offset), named after its section and first words."""
        if block is None or offset is None:
            block, offset = self.reading_place()
        if not self.desk.ready:
            self._say(self.tr("Bookmarks need the library, which could not be opened."))
            return False
        section = self.section_label(self.view.document.section_of_block(block))
        made = self.desk.bookmark_at(block, offset, section)
        self.refresh_annotations()
        if made is not None:
            self._say(self.tr("Bookmarked: {0}").format(made.name))
        return made is not None

    def jump_to_annotation(self, annotation_id: int, article_id: int | None = None) -> None:
        """Go to a bookmark, highlight or note (opening its article first when it belongs to another one)."""
        opened = self.controller.opened
        if article_id is None:  # a bookmark listed under another article's title
            known = self.desk.get(annotation_id)
            article_id = known.article_id if known is not None else None
        if article_id is not None and (opened is None or opened.entry_id != article_id):
            self.open_entry(article_id)
        annotation = self.desk.get(annotation_id)
        span = self.desk.span_of(annotation) if annotation is not None else None
        if span is None:
            self._say(self.tr("This note's passage is no longer in the article."))
            return
        block, start, end = span
        self.view.scroll_to(block, start)
        self.view.selection.move((block, start), extend=False)
        self.view.viewport().update()
        self.view.setFocus()

    def rename_bookmark(self, annotation_id: int, name: str) -> None:
        """Give a bookmark a new name (an empty name keeps the old one)."""
        self.desk.rename(annotation_id, name)
        self.refresh_annotations()

    # --- highlights and notes --------------------------------------------------------------------------------------
    def highlight_selection(self, colour: str | None = None, with_note: bool = False) -> bool:
        """Highlight the selected text in `colour` (the last one used when None), asking for a note if wanted."""
        document = self.view.document
        spans = [s for s in self.view.selection.block_ranges(document) if document.blocks[s[0]].is_paragraph] \
            if document else []
        if not spans:
            self._say(self.tr("Select some text of the article first."))
            return False
        colour = colour or self.highlight_colour
        self.highlight_colour = colour
        note = None
        if with_note:
            note = note_dialog.ask_note(self, self.tr("Highlight with Note"), self.view.selected_text())
            if note is None:
                return False
        made = self.desk.highlight(spans, colour, note)
        if not made and note:  # the library refused it: the note the reader wrote must not vanish
            QGuiApplication.clipboard().setText(note)
            self.banner.show_message(self.banner.text() + "  " + self.tr("Your note was copied to the clipboard."))
        self.view.selection.move(self.view.selection.ordered()[1], extend=False)
        self.refresh_annotations()
        return bool(made)

    def edit_note(self, annotation_id: int) -> None:
        """Change the note of a highlight or note."""
        annotation = self.desk.get(annotation_id)
        if annotation is None:
            return
        text = note_dialog.ask_note(self, self.tr("Edit Note"), annotation.anchor.exact, annotation.note or "")
        if text is not None and not self.desk.edit_note(annotation_id, text):
            QGuiApplication.clipboard().setText(text)
            self.banner.show_message(self.banner.text() + "  " + self.tr("Your note was copied to the clipboard."))
        self.refresh_annotations()

    def show_note_bubble(self, annotation_id: int) -> None:
        """Show a highlight's note beside it, editable in place (instead of the word popup)."""
        annotation = self.desk.get(annotation_id)
        span = self.desk.span_of(annotation) if annotation is not None else None
        if span is None:
            return
        self.popup.hide()
        rect = self.view.span_rect(*span)
        top_left = self.view.viewport().mapTo(self.centralWidget(), rect.topLeft())
        self.note_bubble.show_note(annotation_id, annotation.anchor.exact, annotation.note or "",
                                   QRect(top_left, rect.size()))

    def save_note_in_place(self, annotation_id: int, text: str) -> None:
        """Keep a note changed in its bubble (copied to the clipboard if the library refuses it)."""
        if not self.desk.edit_note(annotation_id, text):
            QGuiApplication.clipboard().setText(text)
            self.banner.show_message(self.banner.text() + "  " + self.tr("Your note was copied to the clipboard."))
        else:
            self._say(self.tr("Note saved."))
        self.refresh_annotations()

    def delete_annotation(self, annotation_id: int) -> None:
        """Delete a bookmark, highlight or note (Ctrl+Z brings it back)."""
        if self.desk.delete(annotation_id):
            self._say(self.tr("Deleted. Undo with Ctrl+Z."))
        self.refresh_annotations()

    def undo_delete(self) -> None:
        """Bring back what was deleted last."""
        restored = self.desk.undo_delete()
        self._say(self.tr("Restored.") if restored else self.tr("Nothing to undo."))
        self.refresh_annotations()

    def reattach_here(self, annotation_id: int | None = None) -> bool:
        """Attach an orphan (the one chosen in the Notes panel) to the selected passage."""
        chosen = annotation_id if annotation_id is not None else self.notes.current_id()
        spans = self.view.selection.block_ranges(self.view.document) if self.view.document else []
        if chosen is None or not spans:
            self._say(self.tr("Choose an orphan in the Notes panel and select the passage it belongs to."))
            return False
        done = self.desk.reattach(chosen, *spans[0])
        if done:
            self._say(self.tr("Re-attached."))
        self.refresh_annotations()
        return done

    def show_view_menu(self, point: QPoint) -> None:
        """Show the article's context menu (look up, bookmark, highlight colours, re-attach)."""
        menu = QMenu(self)
        for name in CONTEXT_ACTIONS:
            menu.addSeparator() if name is None else menu.addAction(self.actions_[name])
        menu.popup(self.view.mapToGlobal(point))

    # --- vocabulary --------------------------------------------------------------------------------------------------
    def open_vocabulary(self) -> None:
        """Show the vocabulary window with the saved words."""
        self.refresh_vocabulary()
        self.vocabulary.show()
        self.vocabulary.raise_()

    def refresh_vocabulary(self) -> None:
        """List the saved words that pass the vocabulary window's filter and search."""
        store = self.controller.store
        if store is None:
            self.vocabulary.set_rows([], {}, self.tr("The library could not be opened, so no words are saved."))
            return
        status, search = self.vocabulary.filters()
        try:
            rows = store.vocab.list(status=status, search=search or None)
            titles = {e.id: e.title for e in store.library.list()}
        except DubaoError as error:
            self.vocabulary.set_rows([], {}, str(error))
            return
        self.vocabulary.set_rows(rows, titles)

    def change_words(self, change) -> None:
        """Apply `change(store.vocab)`, then redraw the word list and what depends on known words."""
        store = self.controller.store
        if store is None:
            return
        try:
            change(store.vocab)
        except (DubaoError, ValueError) as error:
            self.banner.show_message(str(error))
        self.controller.learner.knownWordsChanged.emit()  # a status may have put a word in or out of the known words

    def known_words_changed(self) -> None:
        """Redraw the word list and the pinyin of known words (in "unknown words" mode)."""
        self.refresh_vocabulary()
        if self.view.style_.pinyin.mode == PinyinMode.UNKNOWN:
            self.restyle(self.view.style_)  # fed from store.known again: known words lose their pinyin

    def set_word_status(self, words: list[str], status: str) -> None:
        """Set the status (new, learning, known) of saved words."""
        self.change_words(lambda vocab: [vocab.set_status(w, status) for w in words])

    def delete_words(self, words: list[str]) -> None:
        """Remove words from the vocabulary."""
        self.change_words(lambda vocab: [vocab.delete(w) for w in words])

    def mark_known_up_to(self, level: int) -> None:
        """Mark every word of HSK levels 1..`level` known (the vocabulary gets no rows for them)."""
        added = self.controller.learner.mark_known_up_to(level)
        self._say(self.tr("{0} more words of HSK 1–{1} marked known.").format(added, level))
