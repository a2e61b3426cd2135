"""The reader's session: which article is open, its library entry, annotation and reading position.

A QObject without widgets: it calls the core (through `services`), runs slow work on the worker, and tells the window
what changed through signals. The window decides what to redraw.

Signals:
    articleOpened(object): a new ViewDocument is ready to show (text only, annotation may follow).
    annotationProgressed(object): the open document received part of its annotation (a new article's opening screen
        first, then more; the blocks not annotated yet have no tokens); annotationReady or annotationFailed follows.
    annotationReady(object): the open document received its whole annotation (the ViewDocument).
    annotationFailed(object): no annotation (or none for the rest of the article) could be made; the text stays
        without pinyin where none arrived.
    problem(str): something the user should read (a bad file, an unusable database).
    note(str): a passing state for the status bar ("Fetching …"), empty when it is over.
    libraryChanged(): the library list changed.

Known words, the open article's difficulty and corrections are the `learner` desk's (reader.ui.learner).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.annotation import AnnotatedArticle
from reader.core.errors import DubaoError
from reader.core.model import Article
from reader.core.positions import anchor_at, block_of_position, reading_position
from reader.core.sentences import sentence_around
from reader.core.vocabulary import vocabulary_draft
from reader.ui import services
from reader.ui.backup_timer import BackupTimer
from reader.ui.learner import LearnerDesk
from reader.ui.view.document import ViewDocument
from reader.ui.worker import run_in_background, run_in_idle_steps, run_with_progress

if TYPE_CHECKING:
    from reader.ui.panels.library import LibraryRow

ANNOTATE_AFTER_MS = 60


class ReaderController(QObject):
    """Opens articles, keeps the library and reading positions, and fetches annotations in the background."""

    articleOpened = Signal(object)
    annotationProgressed = Signal(object)
    annotationReady = Signal(object)
    annotationFailed = Signal(object)
    problem = Signal(str)
    note = Signal(str)
    libraryChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = None
        self.store_problem: str | None = None
        self.store_error: DubaoError | None = None  # why the library could not be opened (see reader.ui.recovery)
        self.opened: services.OpenedArticle | None = None
        self.document: ViewDocument | None = None
        self.annotation = None  # the AnnotatedArticle of the open article, once it arrived
        self.learner = LearnerDesk(self)
        self.learner.correctionsChanged.connect(self.read_again)
        self._generation = 0
        self._writes_expected = False
        self._saved_position: tuple[int, str, int] | None = None  # (article, paragraph, offset) stored or restored
        self._reading = None  # the BatchReading (child process) of the open article, while it reads
        self.backups = BackupTimer(self)  # backups while reading: every 30 minutes at most, and at close

    def open_store(self) -> None:
        """Open the library database; on a problem keep reading without it and say why."""
        try:
            self.store = services.open_store()
        except DubaoError as error:
            self.store_error = error
            self.store_problem = self.tr("The library could not be opened, so nothing will be remembered: {0}").format(error)
            self.problem.emit(self.store_problem)
        else:
            self.store_error = self.store_problem = None
            self.backups.start(self.store)

    def expect_writes(self) -> None:
        """The reader is about to save something (a word popup or a context menu opened, a notes panel shown):
        import sqlite-utils on a worker now, so that save does not stop the window for its 100-200 ms import.
        Reading alone never loads it (positions and the opened mark are written through the connection itself)."""
        if self.store is None or self._writes_expected:
            return
        self._writes_expected = True
        from reader.core.storage.database import load_sqlite_utils

        run_in_background(load_sqlite_utils, lambda _none: None, owner=self)

    # --- opening -----------------------------------------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open an article file; on a bad file emit `problem` and keep the current article. Return success."""
        try:
            article = services.load_article_file(path)
        except DubaoError as error:
            self.problem.emit(self.tr("Could not open {0}: {1}").format(Path(path).name, error.problem))
            return False
        self._show(article, str(Path(path).resolve()))
        return True

    def open_text(self, text: str) -> bool:
        """Open pasted text as a new article; emit `problem` when it holds none. Return success."""
        try:
            article = services.import_pasted_text(text)
        except DubaoError as error:
            self.problem.emit(self.tr("The pasted text could not be read as an article: {0}").format(error.problem))
            return False
        self._show(article, services.pasted_source_name())
        return True

    def open_address(self, url: str) -> None:
        """Fetch a web page in the background and open it (stored under its address); `problem` if it fails."""
        self.note.emit(self.tr("Fetching {0}…").format(url))

        def fetched(result) -> None:
            article, address = result
            self.note.emit("")
            self._show(article, address)

        def failed(error: Exception) -> None:
            self.note.emit("")
            if not isinstance(error, DubaoError):
                raise error
            self.problem.emit(self.tr("Could not open {0}").format(error))

        run_in_background(lambda: services.fetch_web_article(url), fetched, failed, owner=self)

    def open_html(self, html_text: str, plain_text: str) -> bool:
        """Open HTML from the clipboard (a browser's copy) as a new article. Return success."""
        try:
            article = services.import_pasted_html(html_text, plain_text)
        except DubaoError as error:
            self.problem.emit(self.tr("The pasted text could not be read as an article: {0}").format(error.problem))
            return False
        self._show(article, services.pasted_source_name())
        return True

    def open_entry(self, entry_id: int) -> bool:
        """Open an article of the library by id. Return success."""
        if self.store is None:
            return False
        try:
            article = self.store.library.article(entry_id)
            source = self.store.library.get(entry_id).source_path
        except DubaoError as error:
            self.problem.emit(str(error))
            return False
        self._show(article, source, entry_id)
        return True

    def open_last_or_seed(self) -> bool:
        """Open the article read last (first run: the bundled seed). Return success."""
        last = self.store.library.last_opened() if self.store is not None else None
        if last is not None and self.open_entry(last.id):
            return True
        seed = services.seed_path()
        if seed is None:
            self.problem.emit(self.tr("The sample article is missing from this installation; open a file instead."))
            return False
        return self.open_path(seed)

    def _show(self, article: Article, source: str, entry_id: int | None = None) -> None:
        self._generation += 1
        self.opened = services.OpenedArticle(article, source, entry_id)
        self.annotation = None
        self.learner.forget_article()
        self.document = ViewDocument.from_article(article)
        first = self._first_annotation(article)  # a new article's child process starts here, before the window works
        self.articleOpened.emit(self.document)
        self._remember(article, source, entry_id)
        self._annotate(article, self._generation, first)

    def _remember(self, article: Article, source: str, entry_id: int | None) -> None:
        if self.store is None:
            return
        try:
            if entry_id is None:
                self.opened.entry_id = self.store.library.add(article, source).id
            else:
                self.store.library.mark_opened(entry_id)
            self.store.feeds.mark_article_read(self.opened.entry_id)  # a feed's item is read once opened
        except DubaoError as error:
            self.problem.emit(str(error))
        self.libraryChanged.emit()

    def _first_annotation(self, article: Article):
        """Return a short article's cached annotation; for a short one not cached, its `BatchReading`, started now
        (the child process reads the screen the article opens at first); None for a long article (read once its
        text painted). Any reading of the article shown before is stopped."""
        self._stop_reading()
        if article.text_length() > services.SHORT_ARTICLE_CHARS:  # a short one's cached annotation: before the paint
            return None
        cached = self._cached_annotation(article)
        if cached is not None:
            return cached
        self._reading = services.start_reading(article, self._opening_paragraph())
        return self._reading

    def _annotate(self, article: Article, generation: int, first) -> None:
        """Give the open document its annotation, by one of three paths (`first`, see `_first_annotation`): a short
        article whose annotation is cached gets it at once (before the first paint); a short one not cached gets it
        part by part from its child process, the opening screen first; a long one is read into the cache once its
        text painted, then decoded a slice per idle moment."""
        arrived, failed, progressed = self._receivers(generation)
        if isinstance(first, AnnotatedArticle):
            arrived(first)
        elif first is not None:
            run_with_progress(first.run, progressed, arrived, failed, self)
        else:
            decode = lambda _: self._decode_in_steps(article, generation, arrived, failed)  # noqa: E731
            QTimer.singleShot(ANNOTATE_AFTER_MS, lambda: run_in_background(
                lambda: services.fill_annotation_cache(article), decode, failed, self))

    def _receivers(self, generation: int):
        """Return (arrived, failed, progressed): what to do with an annotation, its failure, or a part of it, for
        the article of `generation` (anything about an article no longer open is dropped)."""
        def current() -> bool:
            return generation == self._generation and self.document is not None

        parts: list[object] = []

        def progressed(part) -> None:
            if current():
                parts.append(part)
                self.document.apply_annotation(part, complete=False)
                self.annotationProgressed.emit(self.document)

        def arrived(annotation) -> None:
            if current():
                self._reading = None
                self.annotation = annotation
                self.document.apply_annotation(annotation)
                self.annotationReady.emit(self.document)
                self.learner.article_read(annotation, self.opened.entry_id if self.opened else None)

        def failed(error: Exception) -> None:
            if current():
                self._reading = None
                self.annotationFailed.emit(self.document)
                message = (self.tr("Pinyin could not be added to the rest of the article: {0}") if parts
                           else self.tr("Pinyin could not be added: {0}"))
                self.problem.emit(message.format(error))

        return arrived, failed, progressed

    def _opening_paragraph(self) -> str | None:
        """Return the paragraph id of the saved reading position the open article shows first, or None (its top)."""
        if self.store is None or self.opened is None or self.opened.entry_id is None:
            return None
        try:
            saved = self.store.positions.get(self.opened.entry_id)
        except DubaoError:
            return None
        return saved.paragraph_id if saved else None

    def _stop_reading(self) -> None:
        """End the child process still reading an article (its late parts are dropped by the generation check)."""
        if self._reading is not None:
            self._reading.stop()
            self._reading = None

    @staticmethod
    def _cached_annotation(article: Article):
        """Return the article's cached annotation, or None (also when the cache cannot be read)."""
        try:
            return services.cached_annotation(article)
        except DubaoError:
            return None

    def _decode_in_steps(self, article: Article, generation: int, arrived, failed) -> None:
        """Decode a long article's cached annotation a few milliseconds per idle moment on this thread (a worker
        thread decoding it would hold the GIL and freeze scrolling and clicks)."""
        if generation == self._generation:
            run_in_idle_steps(services.cached_annotation_steps(article), arrived, failed, self,
                              lambda: generation == self._generation)

    def read_again(self) -> None:
        """Read the open article again (after a correction: only the paragraphs holding the word miss the cache)."""
        if self.opened is not None:
            self._generation += 1
            self._annotate(self.opened.article, self._generation, self._first_annotation(self.opened.article))

    # --- reading position ------------------------------------------------------------------------------------------
    def save_position(self, block: int, offset: int) -> None:
        """Remember the reading position given as the block and character at the top of the view."""
        if self.store is None or self.opened is None or self.opened.entry_id is None or self.document is None:
            return
        paragraph, char = reading_position(self.document.blocks, block, offset)
        position = (self.opened.entry_id, paragraph, char)
        if paragraph is not None and position != self._saved_position:  # the restored place is not saved again
            try:
                self.store.positions.save(*position)
            except DubaoError as error:
                self.problem.emit(str(error))
            else:
                self._saved_position = position

    def saved_position(self) -> tuple[int, int] | None:
        """Return (block, offset) of the saved reading position of the open article, or None."""
        if self.store is None or self.opened is None or self.opened.entry_id is None or self.document is None:
            return None
        saved = self.store.positions.get(self.opened.entry_id)
        if saved is None:
            return None
        self._saved_position = (self.opened.entry_id, saved.paragraph_id, saved.char_offset)
        return block_of_position(self.document.blocks, saved.paragraph_id, saved.char_offset)

    # --- library ------------------------------------------------------------------------------------------------------
    def library_rows(self, query: str = "", readable_at: float | None = None) -> list[LibraryRow]:
        """Return the library (recent first), or the search hits for `query` with snippets; each with how much of
        it the reader knows (for articles read once, whose words were counted). With `readable_at` (a coverage,
        0–1), only the articles the reader knows at least that share of."""
        from reader.ui.panels.library import LibraryRow  # the panel's module loads when the panel is first shown

        if self.store is None:
            return []
        if not query:
            rows = [LibraryRow(e.id, e.title, self.tr("{0} characters").format(e.char_count))
                    for e in self.store.library.list(limit=500)]
        else:
            rows = [LibraryRow(h.article_id, h.title, h.snippet) for h in self.store.library.search(query, limit=50)]
        return self.learner.with_difficulty(rows, readable_at)

    # --- popup intents: vocabulary, bookmarks, notes ------------------------------------------------------------
    def save_word(self, word) -> str | None:
        """Save a word (a WordRef) to the vocabulary with its reading, meaning and sentence; return the word saved."""
        if self.store is None:
            return None
        sentence = sentence_around(self.document.blocks[word.block].text, word.start, word.end)
        draft = vocabulary_draft(word.text, sentence, word.readings, services.language_service().lookup)
        try:
            self.store.vocab.add(draft.word, draft.reading, draft.meaning, draft.sentence, self.opened.entry_id)
        except (DubaoError, ValueError) as error:
            self.problem.emit(str(error))
            return None
        return word.text

    def is_saved(self, text: str) -> bool:
        """Return whether the word `text` is in the vocabulary (False without a library)."""
        if self.store is None:
            return False
        try:
            self.store.vocab.get(text)
        except DubaoError:
            return False
        return True

    def remove_word(self, text: str) -> bool:
        """Take the word `text` out of the vocabulary; return success."""
        if self.store is None:
            return False
        try:
            self.store.vocab.delete(text)
        except DubaoError as error:
            self.problem.emit(str(error))
            return False
        return True

    def bookmark(self, word, note: str | None = None) -> bool:
        """Bookmark the word's place (or attach `note` to the word); return success."""
        anchor = self._anchor_of(word)
        if anchor is None:
            return False
        try:
            if note is None:
                self.store.annotations.add_bookmark(self.opened.entry_id, anchor)
            else:
                self.store.annotations.add_note(self.opened.entry_id, anchor, note)
        except DubaoError as error:
            self.problem.emit(str(error))
            return False
        return True

    def _anchor_of(self, word):
        if self.store is None or self.opened is None or self.opened.entry_id is None or self.document is None:
            return None
        return anchor_at(self.document.blocks, word.block, word.start, word.end)

    def stored_annotations(self) -> list:
        """Return the bookmarks, highlights and notes stored for the open article."""
        if self.store is None or self.opened is None or self.opened.entry_id is None:
            return []
        try:
            return self.store.annotations.list(self.opened.entry_id)
        except DubaoError:
            return []

    def close(self, hurried: bool = False) -> None:
        """Close the database, backing it up first when it changed since the last backup (`hurried`: the session
        is ending, as at logout, and only a small database is copied; see reader.core.storage.session). A child
        process still reading the article is ended."""
        self._generation += 1  # what is still on its way about the open article is dropped
        self._stop_reading()
        self.backups.finish(hurried)
        if self.store is None:
            return
        self.store.close(hurried=hurried)
        self.store = None


