"""The word popup's side of the reader window (a mixin of MainWindow): open it beside a word, and its intents."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from reader.ui import lookup
from reader.ui.view.word import WordRef


class PopupMixin:
    """Open the popup for a word; save, remove, bookmark and annotate the popup's word."""

    def open_popup(self, word: WordRef) -> None:
        """Show the popup for `word`: what the annotation knows at once, the dictionary entry when it is ready."""
        tone_marks = self.view.style_.tone_marks
        self.note_bubble.close_bubble()
        content = lookup.content_for(word, tone_marks)
        self.popup.set_saved(self.controller.is_saved(word.text))
        self.popup.show_for(word, content, self.word_rect(word))
        self.popup.set_known(self.controller.learner.is_known(word.text))
        if content.note:
            lookup.fetch_full(word, tone_marks, self.popup.update_content, self.popup)

    def word_rect(self, word: WordRef) -> QRect:
        """Return the word's rectangle in the coordinates of the popup's parent."""
        rect = self.view.span_rect(word.block, word.start, word.end)
        top_left = self.view.viewport().mapTo(self.centralWidget(), rect.topLeft())
        return QRect(top_left, rect.size())

    def save_word(self, word: WordRef) -> None:
        """Save the popup's word to the vocabulary."""
        saved = self.controller.save_word(word)
        if saved:
            self.popup.set_saved(True)
            self.statusBar().showMessage(self.tr("Saved {0} to your vocabulary.").format(saved), 4000)
            if self.vocabulary.isVisible():
                self.refresh_vocabulary()

    def remove_word(self, word: WordRef) -> None:
        """Take the popup's word out of the vocabulary again."""
        if self.controller.remove_word(word.text):
            self.popup.set_saved(False)
            self.statusBar().showMessage(self.tr("Removed {0} from your vocabulary.").format(word.text), 4000)
            if self.vocabulary.isVisible():
                self.refresh_vocabulary()

    def bookmark_word(self, word: WordRef) -> None:
        """Bookmark the place of the popup's word (named after its section and first words)."""
        self.bookmark_here(word.block, word.start)

    def note_on_word(self, word: WordRef) -> None:
        """Ask for a note and attach it to the popup's word."""
        from PySide6.QtWidgets import QInputDialog  # dialogs' Qt types are made when first used

        self.popup.hide()
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Add Note"), self.tr("Note on {0}:").format(word.text))
        if not (ok and text.strip()):
            return
        if self.controller.bookmark(word, note=text.strip()):
            self.statusBar().showMessage(self.tr("Note added."), 4000)
            self.refresh_annotations()
        else:  # the library refused it (full disk, lock …): the note the user wrote must not vanish
            QGuiApplication.clipboard().setText(text)
            self.banner.show_message(self.banner.text() + "  " + self.tr("Your note was copied to the clipboard."))

    def look_up_caret_word(self) -> None:
        """Open the popup for the word at the caret."""
        word = self.view.word_at(*self.view.selection.caret)
        if word is not None:
            self.view.ensure_visible(word.block, word.start, word.end)
            self.open_popup(word)
