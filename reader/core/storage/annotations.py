"""Bookmarks, highlights (with colour and an optional note) and notes, each anchored to a quoted span.

Deleting is undoable: `delete` only stamps `deleted_at`, `restore` clears it, `purge_deleted` removes for good what
was deleted long enough ago. Re-anchoring after an article changed never drops anything: what cannot be found again
is kept as an orphan with its old anchor, listed by `orphans()` and re-attached with `reattach()`.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.anchoring import Anchor, AnchorStatus, reanchor
from reader.core.errors import StorageProblem
from reader.core.model import Article
from reader.core.storage.database import Handle

KINDS = ("bookmark", "highlight", "note")
DEFAULT_COLOUR = "yellow"


@dataclass(frozen=True)
class Annotation:
    """A stored bookmark, highlight or note."""

    id: int
    article_id: int
    kind: str
    anchor: Anchor
    anchor_status: str
    name: str | None
    colour: str | None
    note: str | None
    created_at: float
    updated_at: float
    deleted_at: float | None

    @property
    def is_orphan(self) -> bool:
        """True when the annotation's quote could not be found in the current text of its article."""
        return self.anchor_status == AnchorStatus.ORPHAN


@dataclass
class ReanchorReport:
    """How the annotations of one article fared after it changed: counts per status and the orphans' ids."""

    counts: Counter = field(default_factory=Counter)
    orphan_ids: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many annotations were re-anchored."""
        return sum(self.counts.values())

    def share(self, *statuses: AnchorStatus) -> float:
        """Return the share of annotations that ended with one of `statuses` (1.0 for none at all)."""
        return sum(self.counts[s] for s in statuses) / self.total if self.total else 1.0


_COLUMNS = (
    "id, article_id, kind, paragraph_id, start, end, exact, prefix, suffix, anchor_status, name, colour, note, "
    "created_at, updated_at, deleted_at"
)


_INSERTED = ("article_id", "kind", "paragraph_id", "start", "end", "exact", "prefix", "suffix", "anchor_status", "name",
             "colour", "note", "created_at", "updated_at")
_INSERT = f"INSERT INTO annotations ({', '.join(_INSERTED)}) VALUES ({', '.join('?' * len(_INSERTED))})"


def _from_row(row: tuple) -> Annotation:
    anchor = Anchor(row[3], row[4], row[5], row[6], row[7], row[8])
    return Annotation(row[0], row[1], row[2], anchor, row[9], row[10], row[11], row[12], row[13], row[14], row[15])


class Annotations:
    """Create, change, delete (undoably) and re-anchor annotations."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self._path = handle.path

    def add(
        self,
        article_id: int,
        kind: str,
        anchor: Anchor,
        *,
        name: str | None = None,
        colour: str | None = None,
        note: str | None = None,
    ) -> Annotation:
        """Store a new annotation and return it (committed when this returns)."""
        if kind not in KINDS:
            raise ValueError(f"unknown annotation kind {kind!r}")
        if kind == "highlight" and colour is None:
            colour = DEFAULT_COLOUR
        now = time.time()
        row = {"article_id": article_id, "kind": kind, **_anchor_fields(anchor), "anchor_status": AnchorStatus.EXACT.value,
               "name": name, "colour": colour, "note": note, "created_at": now, "updated_at": now}
        # db.execute, not table("annotations").insert(row): insert() rebuilds its statement from the dict at every
        # call, enough new objects for a full garbage collection every ~100 notes (save p99 4 -> 12 ms, measured).
        with self._handle.transaction():
            new_id = self._handle.db.execute(_INSERT, [row[column] for column in _INSERTED]).lastrowid
        return Annotation(new_id, article_id, kind, anchor, row["anchor_status"], name, colour, note, now, now, None)

    def add_bookmark(self, article_id: int, anchor: Anchor, name: str = "") -> Annotation:
        """Store a named bookmark."""
        return self.add(article_id, "bookmark", anchor, name=name)

    def add_highlight(self, article_id: int, anchor: Anchor, colour: str = DEFAULT_COLOUR, note: str | None = None) -> Annotation:
        """Store a highlight with a colour and an optional note."""
        return self.add(article_id, "highlight", anchor, colour=colour, note=note)

    def add_note(self, article_id: int, anchor: Anchor, note: str) -> Annotation:
        """Store a note on a quoted span."""
        return self.add(article_id, "note", anchor, note=note)

    def get(self, annotation_id: int) -> Annotation:
        """Return one annotation (also a deleted one); StorageProblem when there is none."""
        rows = self._handle.db.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", [annotation_id]).fetchall()
        if not rows:
            raise StorageProblem(f"no annotation {annotation_id}", self._path)
        return _from_row(rows[0])

    def list(self, article_id: int | None = None, kind: str | None = None, include_deleted: bool = False) -> list[Annotation]:
        """Return annotations (of one article and/or kind), in article then creation order."""
        clauses, values = [], []
        if article_id is not None:
            clauses.append("article_id = ?")
            values.append(article_id)
        if kind is not None:
            clauses.append("kind = ?")
            values.append(kind)
        if not include_deleted:
            clauses.append("deleted_at IS NULL")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._handle.conn.execute(  # raw read: the reopen path lists the open article's annotations
            f"SELECT {_COLUMNS} FROM annotations {where} ORDER BY article_id, id", values
        )
        return [_from_row(row) for row in rows.fetchall()]

    def orphans(self, article_id: int | None = None) -> list[Annotation]:
        """Return the annotations whose quote could not be found again."""
        return [a for a in self.list(article_id) if a.is_orphan]

    def update(self, annotation_id: int, *, name: str | None = None, colour: str | None = None, note: str | None = None) -> Annotation:
        """Change the name, colour or note of an annotation (None leaves a field as it is)."""
        changes = {key: value for key, value in (("name", name), ("colour", colour), ("note", note)) if value is not None}
        if changes:
            self._change(annotation_id, {**changes, "updated_at": time.time()})
        return self.get(annotation_id)

    def delete(self, annotation_id: int) -> None:
        """Delete an annotation, undoably (see `restore`)."""
        self._change(annotation_id, {"deleted_at": time.time()})

    def restore(self, annotation_id: int) -> Annotation:
        """Undo the deletion of an annotation."""
        self._change(annotation_id, {"deleted_at": None})
        return self.get(annotation_id)

    def _change(self, annotation_id: int, fields: dict) -> None:
        """Write some fields of an annotation in one transaction (an unknown id changes nothing)."""
        from sqlite_utils.db import NotFoundError

        with self._handle.transaction():
            try:
                self._handle.table("annotations").update(annotation_id, fields)
            except NotFoundError:
                pass  # as SQL's UPDATE: nothing to change; `get` says so where the caller needs the annotation

    def purge_deleted(self, older_than_seconds: float = 30 * 24 * 3600) -> int:
        """Remove for good what was deleted more than `older_than_seconds` ago; return how many."""
        limit = time.time() - older_than_seconds
        table = self._handle.table("annotations")
        with self._handle.transaction():
            count = table.count_where("deleted_at IS NOT NULL AND deleted_at < ?", [limit])
            table.delete_where("deleted_at IS NOT NULL AND deleted_at < ?", [limit])
        return count

    def reattach(self, annotation_id: int, anchor: Anchor) -> Annotation:
        """Attach an annotation (typically an orphan) to a new span chosen by the user."""
        self._change(annotation_id, {**_anchor_fields(anchor), "anchor_status": AnchorStatus.EXACT.value})
        return self.get(annotation_id)

    def reanchor_article(self, article_id: int, article: Article) -> ReanchorReport:
        """Re-anchor every annotation of an article (deleted ones too) to its new text, in one transaction.

        Called inside a transaction (as `Library.add` does for a changed text), it becomes part of that one.
        """
        report = ReanchorReport()
        with self._handle.transaction():
            annotations = self.list(article_id, include_deleted=True)
            table = self._handle.table("annotations")
            for annotation in annotations:
                outcome = reanchor(annotation.anchor, article)
                table.update(annotation.id, {**_anchor_fields(outcome.anchor), "anchor_status": outcome.status.value})
                report.counts[outcome.status] += 1
                if outcome.status == AnchorStatus.ORPHAN:
                    report.orphan_ids.append(annotation.id)
        return report


def _anchor_fields(anchor: Anchor) -> dict:
    """Return the columns that store an anchor."""
    return {"paragraph_id": anchor.paragraph_id, "start": anchor.start, "end": anchor.end, "exact": anchor.exact,
            "prefix": anchor.prefix, "suffix": anchor.suffix}
