"""Bookmarks, highlights (with colour and an optional note) and notes, each anchored to a quoted span.

Deleting is undoable: `delete` only stamps `deleted_at`, `restore` clears it, `purge_deleted` removes for good what
was deleted long enough ago. Re-anchoring after an article changed never drops anything: what cannot be found again
is kept as an orphan with its old anchor, listed by `orphans()` and re-attached with `reattach()`.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.anchoring import Anchor, AnchorStatus, reanchor
from reader.core.errors import StorageProblem
from reader.core.model import Article
from reader.core.storage.database import transaction

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


def _from_row(row: tuple) -> Annotation:
    anchor = Anchor(row[3], row[4], row[5], row[6], row[7], row[8])
    return Annotation(row[0], row[1], row[2], anchor, row[9], row[10], row[11], row[12], row[13], row[14], row[15])


class Annotations:
    """Create, change, delete (undoably) and re-anchor annotations."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path) -> None:
        self._conn = conn
        self._path = db_path

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
        with transaction(self._conn, self._path) as conn:
            new_id = conn.execute(
                "INSERT INTO annotations (article_id, kind, paragraph_id, start, end, exact, prefix, suffix, "
                "anchor_status, name, colour, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (article_id, kind, anchor.paragraph_id, anchor.start, anchor.end, anchor.exact, anchor.prefix,
                 anchor.suffix, AnchorStatus.EXACT.value, name, colour, note, now, now),
            ).lastrowid
        return self.get(new_id)

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
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise StorageProblem(f"no annotation {annotation_id}", self._path)
        return _from_row(row)

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
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM annotations {where} ORDER BY article_id, id", values)
        return [_from_row(row) for row in rows.fetchall()]

    def orphans(self, article_id: int | None = None) -> list[Annotation]:
        """Return the annotations whose quote could not be found again."""
        return [a for a in self.list(article_id) if a.is_orphan]

    def update(self, annotation_id: int, *, name: str | None = None, colour: str | None = None, note: str | None = None) -> Annotation:
        """Change the name, colour or note of an annotation (None leaves a field as it is)."""
        changes = {key: value for key, value in (("name", name), ("colour", colour), ("note", note)) if value is not None}
        if changes:
            assignments = ", ".join(f"{key} = ?" for key in changes)
            with transaction(self._conn, self._path) as conn:
                conn.execute(
                    f"UPDATE annotations SET {assignments}, updated_at = ? WHERE id = ?",
                    (*changes.values(), time.time(), annotation_id),
                )
        return self.get(annotation_id)

    def delete(self, annotation_id: int) -> None:
        """Delete an annotation, undoably (see `restore`)."""
        self._set_deleted(annotation_id, time.time())

    def restore(self, annotation_id: int) -> Annotation:
        """Undo the deletion of an annotation."""
        self._set_deleted(annotation_id, None)
        return self.get(annotation_id)

    def _set_deleted(self, annotation_id: int, when: float | None) -> None:
        with transaction(self._conn, self._path) as conn:
            conn.execute("UPDATE annotations SET deleted_at = ? WHERE id = ?", (when, annotation_id))

    def purge_deleted(self, older_than_seconds: float = 30 * 24 * 3600) -> int:
        """Remove for good what was deleted more than `older_than_seconds` ago; return how many."""
        limit = time.time() - older_than_seconds
        with transaction(self._conn, self._path) as conn:
            return conn.execute("DELETE FROM annotations WHERE deleted_at IS NOT NULL AND deleted_at < ?", (limit,)).rowcount

    def reattach(self, annotation_id: int, anchor: Anchor) -> Annotation:
        """Attach an annotation (typically an orphan) to a new span chosen by the user."""
        with transaction(self._conn, self._path):
            self._write_anchor(annotation_id, anchor, AnchorStatus.EXACT.value)
        return self.get(annotation_id)

    def _write_anchor(self, annotation_id: int, anchor: Anchor, status: str) -> None:
        """Store an anchor and its status (inside the caller's transaction)."""
        self._conn.execute(
            "UPDATE annotations SET paragraph_id = ?, start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, "
            "anchor_status = ? WHERE id = ?",
            (anchor.paragraph_id, anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, status,
             annotation_id),
        )

    def reanchor_article(self, article_id: int, article: Article) -> ReanchorReport:
        """Re-anchor every annotation of an article (deleted ones too) to its new text, in one transaction."""
        report = ReanchorReport()
        annotations = self.list(article_id, include_deleted=True)
        outcomes = [(a.id, reanchor(a.anchor, article)) for a in annotations]
        with transaction(self._conn, self._path):
            for annotation_id, outcome in outcomes:
                self._write_anchor(annotation_id, outcome.anchor, outcome.status.value)
                report.counts[outcome.status] += 1
                if outcome.status == AnchorStatus.ORPHAN:
                    report.orphan_ids.append(annotation_id)
        return report
