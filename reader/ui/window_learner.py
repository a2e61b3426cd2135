"""The reader window's learner parts (a mixin of MainWindow): known words, the article-information panel and the
reader's corrections of readings and word cuts.

The popup, the Ctrl+K action and the vocabulary window ask for words to be marked known; the controller keeps the
known words and measures the open article; this mixin redraws what depends on them. The popup's Correct menu and the
My Corrections window ask for corrections; the controller applies them (reader.core.corrections) and reads the open
article again where they changed it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.panels.article_info import ArticleInfoPanel
from reader.ui.services import format_readings
from reader.ui.window_language import dock_title


class LearnerWindowMixin:
    """Known words and article difficulty, for MainWindow."""

    def _build_learner_parts(self) -> None:
        """Create the article-information dock: hidden until asked for, then a full-height tab beside the glossary."""
        self.article_info = ArticleInfoPanel()
        self.docks["info"] = self._dock(self.article_info, dock_title("info"),
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["glossary"], self.docks["info"])
        self.docks["info"].hide()
        self._corrections_window = None  # the My Corrections window is made when first opened

    @property
    def corrections_window(self):
        """The My Corrections window (reader.ui.corrections_window), made and wired on first use: it is not on the
        start-up path."""
        if self._corrections_window is None:
            from reader.ui.corrections_window import CorrectionsWindow

            c, w = self.controller.learner, CorrectionsWindow(self)
            w.reading_formatter = lambda syllables: " ".join(
                r or "" for r in format_readings(list(syllables), self.view.style_.tone_marks))
            w.editRequested.connect(self.edit_correction)
            w.removeRequested.connect(lambda word, kind: c.correct(lambda corrections: corrections.remove(word, kind)))
            w.undoRequested.connect(self.undo_correction)
            self._corrections_window = w
        return self._corrections_window

    def _wire_learner(self) -> None:
        c = self.controller.learner
        self.popup.knownToggled.connect(lambda word: self.toggle_known(word.text))
        c.knownWordsChanged.connect(self.known_words_changed)
        c.knownWordsChanged.connect(lambda: self.refresh_library())
        c.difficultyChanged.connect(self.article_info.show_difficulty)
        c.measure_wanted = self.article_info.isVisible
        self.article_info.shown.connect(c.measure_open_article)
        self.popup.correctionRequested.connect(self.correct_word)
        c.correctionsChanged.connect(self.refresh_corrections)

    def toggle_known(self, word: str | None = None) -> None:
        """Mark a word known, or not known when it was (the popup's word, else the word at the caret)."""
        if word is None:
            ref = self.popup.word if self.popup.isVisible() else self.view.word_at(*self.view.selection.caret)
            word = ref.text if ref is not None else None
        if not word or not word.strip():
            return
        now_known = not self.controller.learner.is_known(word)
        if self.controller.learner.set_known([word], now_known):
            self._say(self.tr("{0} marked known.").format(word) if now_known
                      else self.tr("{0} is no longer marked known.").format(word))
        if self.popup.isVisible():
            self.popup.set_known(self.controller.learner.is_known(word))

    # --- corrections --------------------------------------------------------------------------------------------
    def correct_word(self, word, kind: str) -> None:
        """The popup's "Correct" menu: fix the reading of `word`, split it, or join it with the next word."""
        self.popup.hide()
        if kind == "reading":
            self.fix_reading(word.text, " ".join(r for r in word.readings if r))
        elif kind == "split":
            self.split_word(word.text)
        else:
            following = self.view.word_at(word.block, word.end)
            if following is None or not following.text.strip():
                self._say(self.tr("There is no word right after {0} to join it with.").format(word.text))
                return
            joined = word.text + following.text
            if self.controller.learner.correct(lambda c: c.merge(joined)):
                self._say(self.tr("{0} is now read as one word everywhere.").format(joined))

    def fix_reading(self, word: str, current: str = "") -> None:
        """Ask for the reading of `word` (the dictionary's readings offered, or typed) and use it everywhere."""
        from reader.core.lang.style import numbered_reading

        from reader.ui.services import language_service

        offered = [r for r in dict.fromkeys([current, *language_service().lookup(word).readings]) if r]
        shown = [" ".join(s or "" for s in format_readings(r.split(), True)) for r in offered]
        from PySide6.QtWidgets import QInputDialog  # dialogs' Qt types are made when first used

        text, ok = QInputDialog.getItem(self, self.tr("Fix Reading"), self.tr(
            "Reading of {0} everywhere (pick one, or type it: zhì liàng or zhi4 liang4):").format(word), shown, 0, True)
        if ok and text.strip() and self.controller.learner.correct(lambda c: c.set_reading(word, numbered_reading(text).split())):
            self._say(self.tr("{0} is now read {1} everywhere. Undo in My Corrections.").format(word, text.strip()))

    def split_word(self, word: str) -> None:
        """Ask where to cut `word` (spaces between the parts) and cut it so everywhere."""
        from PySide6.QtWidgets import QInputDialog

        guess = " ".join(word) if len(word) <= 3 else f"{word[:2]} {word[2:]}"
        text, ok = QInputDialog.getText(self, self.tr("Split Word"), self.tr(
            "Put a space where {0} is to be cut (applies everywhere):").format(word), text=guess)
        parts = text.split()
        if ok and parts and self.controller.learner.correct(lambda c: c.split(word, parts)):
            self._say(self.tr("{0} is now cut as {1} everywhere.").format(word, " | ".join(parts)))

    def open_corrections(self) -> None:
        """Show the My Corrections window (made now the first time)."""
        shown = self.corrections_window
        self.refresh_corrections()
        shown.show()
        shown.raise_()

    def refresh_corrections(self) -> None:
        """List the corrections in the My Corrections window (nothing to do before it was first opened)."""
        if self._corrections_window is None:
            return
        corrections = self.controller.learner.corrections()
        if corrections is None:
            self.corrections_window.set_rows([], False, self.tr("The library could not be opened."))
            return
        self.corrections_window.set_rows(corrections.listed(), bool(corrections.undo_list))

    def edit_correction(self, word: str, kind: str) -> None:
        """Change a correction from the My Corrections window."""
        if kind == "reading":
            self.fix_reading(word)
        elif kind == "split":
            self.split_word(word)

    def undo_correction(self) -> None:
        """Put back what the last correction changed."""
        corrections = self.controller.learner.corrections()
        undone = corrections.undo_list[-1][0] if corrections is not None and corrections.undo_list else None
        if undone is not None and self.controller.learner.correct(lambda c: c.undo()):
            self._say(self.tr("The correction of {0} was undone.").format(undone))
        else:
            self._say(self.tr("No correction to undo."))
