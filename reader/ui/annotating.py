"""The reader's bookmarks, highlights and notes for the window: view positions in, the library's annotations out.

`AnnotationDesk` turns places in the article view ((block, offset) pairs) into anchors and hands them to
`store.annotations`; it lists what the panels show and the spans the view paints; it keeps the undo list of deletions.
Every change goes through the core (`reader.core.storage`), so a script can do all of it too. Problems from the
library are emitted through the controller's `problem` signal and reported as a False/None result.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.anchoring import Anchor
from reader.core.errors import DubaoError
from reader.core.positions import BOOKMARK_NAME_CHARS, anchor_at, default_bookmark_name
from reader.core.storage import Annotation

# name → colour painted under the text (light enough for black text, dark enough to show on sepia)
HIGHLIGHT_COLOURS: dict[str, str] = {
    "yellow": "#fff176", "green": "#a5d6a7", "blue": "#90caf9", "pink": "#f48fb1", "purple": "#ce93d8",
}
NOTE_COLOUR = "#ffe0b2"  # a note without a highlight colour

Span = tuple[int, int, int]  # (block, start, end) in the view's document


@dataclass(frozen=True)
class BookmarkRow:
    """A bookmark as the Bookmarks panel lists it."""

    id: int
    name: str
    quote: str
    article_title: str = ""  # filled when the bookmarks of all articles are listed


@dataclass(frozen=True)
class NoteRow:
    """A highlight or note as the Notes panel lists it."""

    id: int
    article_id: int
    article_title: str
    kind: str
    quote: str
    note: str
    colour: str | None
    orphan: bool


class AnnotationDesk:
    """Bookmarks, highlights, notes and orphans of the open article, through the controller's library."""

    def __init__(self, controller) -> None:
        self.controller = controller
        self.undo_list: list[int] = []  # ids of deleted annotations, the last deleted last
        self._blocks_of: tuple[object, dict[str, int]] = (None, {})  # (document, paragraph id → block)

    # --- where things are ---------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True when an article from the library is open (annotations can be stored)."""
        c = self.controller
        return c.store is not None and c.opened is not None and c.opened.entry_id is not None and c.document is not None

    def anchor_at(self, block: int, start: int, end: int) -> Anchor | None:
        """Return the anchor of a span of a paragraph block (a heading or title points to the next paragraph)."""
        return anchor_at(self.controller.document.blocks, block, start, end) if self.ready else None

    def block_of(self, paragraph_id: str) -> int | None:
        """Return the view block showing a paragraph, or None."""
        document = self.controller.document
        if document is None:
            return None
        if self._blocks_of[0] is not document:
            self._blocks_of = (document, {b.key: i for i, b in enumerate(document.blocks) if b.is_paragraph})
        return self._blocks_of[1].get(paragraph_id)

    def span_of(self, annotation: Annotation) -> Span | None:
        """Return where an annotation of the open article stands in the view (None for an orphan or elsewhere)."""
        if annotation.is_orphan or self.controller.opened is None or annotation.article_id != self.controller.opened.entry_id:
            return None
        block = self.block_of(annotation.anchor.paragraph_id)
        return None if block is None else (block, annotation.anchor.start, annotation.anchor.end)

    def _call(self, action):
        """Run a library call; on a problem say so through the controller and return None."""
        try:
            return action()
        except DubaoError as error:
            self.controller.problem.emit(str(error))
            return None

    # --- bookmarks ----------------------------------------------------------------------------------------------
    def bookmark_at(self, block: int, offset: int, section: str = "") -> Annotation | None:
        """Bookmark a place, named after its section and first words; return the bookmark (None when refused)."""
        anchor = self.anchor_at(block, offset, offset)
        if anchor is None:
            return None
        paragraph = self.controller.document.blocks[self.block_of(anchor.paragraph_id)].text
        name = default_bookmark_name(section, paragraph, anchor.start)
        return self._call(lambda: self.controller.store.annotations.add_bookmark(self.controller.opened.entry_id,
                                                                                  anchor, name))

    def bookmarks(self, listed: list[Annotation] | None = None, all_articles: bool = False) -> list[BookmarkRow]:
        """Return the open article's bookmarks (from `listed`, else from the library) in reading order; or those of
        all articles, the open one's first, each with its article's title."""
        if all_articles:
            store = self.controller.store
            everyone = (self._call(lambda: store.annotations.list(None)) or []) if store is not None else []
            marks = [a for a in everyone if a.kind == "bookmark"]
            opened = self.controller.opened.entry_id if self.controller.opened else None
            marks.sort(key=lambda a: (a.article_id != opened, a.article_id,
                                      self._reading_order(a) if a.article_id == opened else (0, 0, a.id)))
            titles = self._titles({a.article_id for a in marks})
        else:
            marks = [a for a in (self.listed() if listed is None else listed) if a.kind == "bookmark"]
            marks.sort(key=self._reading_order)
            titles = {}
        return [BookmarkRow(a.id, a.name or a.anchor.suffix[:BOOKMARK_NAME_CHARS], a.anchor.exact or a.anchor.suffix[:BOOKMARK_NAME_CHARS],
                            titles.get(a.article_id, "")) for a in marks]

    def rename(self, annotation_id: int, name: str) -> bool:
        """Rename a bookmark; return success."""
        if not name.strip():
            return False
        return self._call(lambda: self.controller.store.annotations.update(annotation_id, name=name.strip())) is not None

    # --- highlights and notes -----------------------------------------------------------------------------------
    def highlight(self, spans: list[Span], colour: str, note: str | None = None) -> list[Annotation]:
        """Highlight each paragraph piece of a selection in `colour`; the note goes with the first piece."""
        made: list[Annotation] = []
        for block, start, end in spans:
            blocks = self.controller.document.blocks if self.controller.document else []
            if not (0 <= block < len(blocks) and blocks[block].is_paragraph and end > start):
                continue
            anchor = self.anchor_at(block, start, end)
            text = note if not made else None
            added = anchor and self._call(lambda: self.controller.store.annotations.add_highlight(
                self.controller.opened.entry_id, anchor, colour, text or None))
            if added:
                made.append(added)
        return made

    def edit_note(self, annotation_id: int, note: str) -> bool:
        """Replace the note of a highlight or note (an empty text removes it); return success."""
        return self._call(lambda: self.controller.store.annotations.update(annotation_id, note=note)) is not None

    def get(self, annotation_id: int) -> Annotation | None:
        """Return one annotation (None when the library cannot say)."""
        return self._call(lambda: self.controller.store.annotations.get(annotation_id)) if self.controller.store else None

    def notes(self, all_articles: bool = False, listed: list[Annotation] | None = None) -> list[NoteRow]:
        """Return highlights and notes (of the open article, or of all articles), orphans included; `listed` may
        hold the open article's annotations already read."""
        store = self.controller.store
        if store is None or (not all_articles and not self.ready):
            return []
        if all_articles or listed is None:
            article = None if all_articles else self.controller.opened.entry_id
            listed = self._call(lambda: store.annotations.list(article)) or []
        titles = self._titles({a.article_id for a in listed})
        chosen = [a for a in listed if a.kind != "bookmark"]
        if not all_articles:
            chosen.sort(key=self._reading_order)
        return [NoteRow(a.id, a.article_id, titles.get(a.article_id, ""), a.kind, a.anchor.exact, a.note or "",
                        a.colour, a.is_orphan) for a in chosen]

    def _titles(self, ids: set[int]) -> dict[int, str]:
        titles = {}
        for article_id in ids:
            entry = self._call(lambda i=article_id: self.controller.store.library.get(i))
            titles[article_id] = entry.title if entry else ""
        return titles

    def painted_spans(self, listed: list[Annotation] | None = None) -> list[tuple[Span, str]]:
        """Return the open article's highlights and notes as (span, colour) for the view to paint."""
        painted = []
        for annotation in self.listed() if listed is None else listed:
            span = self.span_of(annotation) if annotation.kind != "bookmark" else None
            if span is not None and span[2] > span[1]:
                colour = HIGHLIGHT_COLOURS.get(annotation.colour or "", NOTE_COLOUR)
                painted.append((span, colour))
        return painted

    def noted_spans(self, listed: list[Annotation] | None = None) -> list[tuple[Span, int]]:
        """Return the open article's highlights that carry a note, as (span, annotation id), for the view's marks."""
        noted = []
        for annotation in self.listed() if listed is None else listed:
            span = self.span_of(annotation) if annotation.kind != "bookmark" and annotation.note else None
            if span is not None and span[2] > span[1]:
                noted.append((span, annotation.id))
        return noted

    def reattach(self, annotation_id: int, block: int, start: int, end: int) -> bool:
        """Attach an annotation (an orphan) to a span of the open article chosen by the reader; return success."""
        anchor = self.anchor_at(block, start, end)
        if anchor is None or end <= start:
            return False
        return self._call(lambda: self.controller.store.annotations.reattach(annotation_id, anchor)) is not None

    # --- deleting and undoing -----------------------------------------------------------------------------------
    def delete(self, annotation_id: int) -> bool:
        """Delete a bookmark, highlight or note (undoably); return success."""
        if self._call(lambda: self.controller.store.annotations.delete(annotation_id) or True):
            self.undo_list.append(annotation_id)
            return True
        return False

    def undo_delete(self) -> Annotation | None:
        """Bring back the annotation deleted last; return it (None when there is nothing to undo)."""
        if not self.undo_list or self.controller.store is None:
            return None
        restored = self._call(lambda: self.controller.store.annotations.restore(self.undo_list[-1]))
        if restored is not None:
            self.undo_list.pop()
        return restored

    # --- helpers ---------------------------------------------------------------------------------------------------
    def listed(self) -> list[Annotation]:
        """Return the open article's annotations (empty without a library)."""
        if not self.ready:
            return []
        return self._call(lambda: self.controller.store.annotations.list(self.controller.opened.entry_id)) or []

    def _reading_order(self, annotation: Annotation) -> tuple[int, int, int]:
        block = self.block_of(annotation.anchor.paragraph_id)
        return (len(self.controller.document.blocks) if block is None else block, annotation.anchor.start, annotation.id)
