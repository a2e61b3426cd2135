"""Each article's word profile (`reader.core.difficulty.WordProfile`), kept so the library can show difficulty.

A profile is made from an article's annotation when the article is read, and stored compressed, one row per article;
the difficulty for the learner is then measured against the known words whenever they change, without reading the
article again. A profile made under other annotation versions (a correction, a new dictionary) is replaced the next
time the article is read.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from reader.core.difficulty import Difficulty, WordProfile, measure
from reader.core.storage.database import Handle
from reader.core.storage.packing import pack_text, unpack_text

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLE = "article_profiles"


def create_table(db: Database) -> None:
    """Create the profiles table (a migration step calls this inside its transaction)."""
    from sqlite_utils.db import ForeignKey

    db[TABLE].create(
        {"article_id": int, "versions": str, "profile": bytes, "updated_at": float}, pk="article_id",
        not_null={"versions", "profile", "updated_at"},
        foreign_keys=[ForeignKey(TABLE, "article_id", "articles", "id", on_delete="CASCADE")])


class Profiles:
    """Store and read article profiles; measure them for a learner."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self._decoded: dict[int, tuple[float, WordProfile]] = {}

    def save(self, article_id: int, profile: WordProfile, versions: str = "") -> None:
        """Store (or replace) an article's profile, made under annotation `versions` (a fingerprint)."""
        updated_at = time.time()
        packed = pack_text(json.dumps(profile.to_dict(), ensure_ascii=False))
        # Raw SQL: every article read for the first time is counted, and reading alone never loads sqlite-utils
        # (see Positions.save).
        with self._handle.transaction() as conn:
            conn.execute(f"INSERT OR REPLACE INTO {TABLE} (article_id, versions, profile, updated_at) VALUES (?, ?, ?, ?)",
                         (article_id, versions, packed, updated_at))
        self._decoded[article_id] = (updated_at, profile)

    def versions(self, article_id: int) -> str | None:
        """Return the annotation versions an article's stored profile was made under (None when it has none)."""
        row = self._handle.conn.execute(f"SELECT versions FROM {TABLE} WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def get(self, article_id: int) -> WordProfile | None:
        """Return an article's stored profile, or None."""
        return self.all([article_id]).get(article_id)

    def all(self, article_ids: list[int] | None = None) -> dict[int, WordProfile]:
        """Return the stored profiles (of these articles, or all), decoding each stored version only once."""
        stamps = self._stamps(article_ids)
        stale = [a for a, stamp in stamps.items() if self._decoded.get(a, (None,))[0] != stamp]
        for start in range(0, len(stale), 500):
            chunk = stale[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for article_id, stamp, packed in self._handle.conn.execute(
                    f"SELECT article_id, updated_at, profile FROM {TABLE} WHERE article_id IN ({marks})", chunk):
                self._decoded[article_id] = (stamp, WordProfile.from_dict(json.loads(unpack_text(packed))))
        return {a: self._decoded[a][1] for a in stamps}

    def _stamps(self, article_ids: list[int] | None) -> dict[int, float]:
        if article_ids is None:
            return dict(self._handle.conn.execute(f"SELECT article_id, updated_at FROM {TABLE}").fetchall())
        found: dict[int, float] = {}
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._handle.conn.execute(
                f"SELECT article_id, updated_at FROM {TABLE} WHERE article_id IN ({marks})", chunk).fetchall())
        return found

    def difficulties(self, known: frozenset[str], article_ids: list[int] | None = None) -> dict[int, Difficulty]:
        """Return the difficulty of every profiled article (of these, or all) for a learner knowing `known`."""
        return {a: measure(p, known) for a, p in self.all(article_ids).items()}
