"""The reader window's learner parts (a mixin of MainWindow): known words and the article-information panel.

The popup, the Ctrl+K action and the vocabulary window ask for words to be marked known; the controller keeps the
known words and measures the open article; this mixin redraws what depends on them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.panels.article_info import ArticleInfoPanel
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

    def _wire_learner(self) -> None:
        c = self.controller
        self.popup.knownToggled.connect(lambda word: self.toggle_known(word.text))
        c.knownWordsChanged.connect(self.known_words_changed)
        c.knownWordsChanged.connect(lambda: self.refresh_library(self.library.search.text().strip()))
        c.difficultyChanged.connect(self.article_info.show_difficulty)

    def toggle_known(self, word: str | None = None) -> None:
        """Mark a word known, or not known when it was (the popup's word, else the word at the caret)."""
        if word is None:
            ref = self.popup.word if self.popup.isVisible() else self.view.word_at(*self.view.selection.caret)
            word = ref.text if ref is not None else None
        if not word or not word.strip():
            return
        now_known = not self.controller.is_known(word)
        if self.controller.set_known([word], now_known):
            self._say(self.tr("{0} marked known.").format(word) if now_known
                      else self.tr("{0} is no longer marked known.").format(word))
        if self.popup.isVisible():
            self.popup.set_known(self.controller.is_known(word))
