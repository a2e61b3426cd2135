"""The reader's learner session (a QObject without widgets, owned by the ReaderController): known words, the open
article's difficulty, and corrections of readings and word cuts.

Signals:
    knownWordsChanged(): words were marked known or unknown (pinyin, vocabulary and difficulty follow).
    difficultyChanged(object): the open article's Difficulty for this learner (None while it is not measured).
    correctionsChanged(): a reading or word cut was corrected (the controller reads the open article again).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from reader.core.errors import DubaoError
from reader.ui import services


class LearnerDesk(QObject):
    """Known words, article difficulty and corrections, over the controller's library."""

    knownWordsChanged = Signal()
    difficultyChanged = Signal(object)
    correctionsChanged = Signal()

    def __init__(self, controller) -> None:
        super().__init__(controller)
        self.controller = controller
        self._profile = None  # the open article's WordProfile, made from its annotation
        self._unread: tuple | None = None  # (annotation, library id) of an article whose words are not counted yet
        self._corrections = None
        self.measure_wanted = lambda: True  # the window measures only while its figures can be seen
        self.knownWordsChanged.connect(self.measure_open_article)

    @property
    def store(self):
        """The controller's library (None when it could not be opened)."""
        return self.controller.store

    # --- known words --------------------------------------------------------------------------------------------
    def known_words(self) -> frozenset[str]:
        """Return the words the reader marked known (none without a library)."""
        if self.store is None:
            return frozenset()
        try:
            return self.store.known.words()
        except DubaoError:
            return frozenset()

    def is_known(self, word: str) -> bool:
        """Return True when the reader marked `word` known."""
        return word in self.known_words()

    def set_known(self, words: list[str], known: bool, source: str = "word") -> int:
        """Mark words known (or not known); return how many changed. Emits knownWordsChanged."""
        if self.store is None:
            self.controller.problem.emit(self.tr("Known words need the library, which could not be opened."))
            return 0
        try:
            changed = self.store.known.add(words, source) if known else self.store.known.remove(words)
        except DubaoError as error:
            self.controller.problem.emit(str(error))
            return 0
        if changed:
            self.knownWordsChanged.emit()
        return changed

    def mark_known_up_to(self, level: int) -> int:
        """Mark every word of HSK levels 1..`level` known (no vocabulary rows); return how many were new."""
        words = services.language_service().hsk.words_up_to(level)
        return self.set_known(words, True, f"hsk {level}")

    # --- difficulty ---------------------------------------------------------------------------------------------
    @property
    def profile(self):
        """The open article's WordProfile (its words counted now if they were not yet), or None."""
        self.count_words()
        return self._profile

    def forget_article(self) -> None:
        """A new article opens: nothing is measured until its annotation arrives (the one before is counted now if
        it was not yet, so the library still learns its words)."""
        self.count_words()
        self._profile = self._unread = None
        self.difficultyChanged.emit(None)

    def article_read(self, annotation, entry_id: int | None) -> None:
        """The open article's annotation arrived: its words are counted when first needed, or by `count_words`
        (which the window calls once the article is on screen, so counting never delays its picture)."""
        self._profile, self._unread = None, (annotation, entry_id)

    def count_words(self) -> None:
        """Count the open article's words, if not done yet (kept in the library for its difficulty column), then
        measure it."""
        if self._unread is None:
            return
        from reader.core.difficulty import WordProfile

        (annotation, entry_id), self._unread = self._unread, None
        self._profile = WordProfile.of(annotation)
        if self.store is not None and entry_id is not None:
            versions = services.annotation_versions()
            try:
                if self.store.profiles.versions(entry_id) != versions:  # a reopen writes nothing
                    self.store.profiles.save(entry_id, self._profile, versions)
                    self.controller.libraryChanged.emit()
            except DubaoError as error:
                self.controller.problem.emit(str(error))
        self.measure_open_article()

    def measure_open_article(self) -> None:
        """Emit the open article's difficulty for the words known now (when `measure_wanted()`: not for a hidden
        panel, so that a start-up does not measure what nobody sees)."""
        if self._unread is None and self._profile is not None and self.measure_wanted():
            from reader.core.difficulty import measure

            self.difficultyChanged.emit(measure(self._profile, self.known_words()))
        elif self._unread is not None and self.measure_wanted():
            self.count_words()  # measures once counted

    def with_difficulty(self, rows: list, readable_at: float | None = None) -> list:
        """Return library rows with how much of each article the reader knows; with `readable_at` (a coverage,
        0–1), only the articles known at least that well."""
        self.count_words()  # the open article's row, too
        try:
            measured = self.store.profiles.difficulties(self.known_words(), [r.article_id for r in rows])
        except DubaoError:
            measured = {}
        rows = [replace(r, difficulty=measured.get(r.article_id)) for r in rows]
        if readable_at is None:
            return rows
        return [r for r in rows if r.difficulty is not None and r.difficulty.readable(readable_at)]

    # --- corrections --------------------------------------------------------------------------------------------
    def corrections(self):
        """Return the reader's corrections (reader.core.corrections.Corrections), or None without a library."""
        if self.store is None:
            return None
        if self._corrections is None:
            from reader.core.corrections import Corrections

            self._corrections = Corrections(self.store, services.language_service())
        return self._corrections

    def correct(self, change):
        """Apply `change(corrections)`, then emit correctionsChanged (the open article is read again where the change
        touched it). Return what the change returned (True for None), or None when it failed (problem emitted)."""
        corrections = self.corrections()
        if corrections is None:
            self.controller.problem.emit(self.tr("Corrections need the library, which could not be opened."))
            return None
        try:
            result = change(corrections)
        except (DubaoError, ValueError) as error:
            self.controller.problem.emit(str(error))
            return None
        corrections.service.reload_corrections()  # a pack may have changed the glossary too
        self.correctionsChanged.emit()
        return True if result is None else result
