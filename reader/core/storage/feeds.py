"""News feeds and their items. A feed is keyed by its address; an item by its guid within its feed (the item's link
when the feed gives no id). An item points at the library article its page became; opening that article marks the
item read (`mark_article_read`), and a feed's unread count is the number of its items with an article and no
`read_at`. Removing a feed removes its items, never the articles already in the library.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from reader.core.errors import StorageProblem
from reader.core.storage.database import Handle, transaction


@dataclass(frozen=True)
class FeedEntry:
    """A subscribed feed, with its item counts."""

    id: int
    url: str
    title: str
    site_url: str | None
    etag: str | None
    last_modified: str | None
    added_at: float
    refreshed_at: float | None
    problem: str | None
    items: int = 0
    unread: int = 0


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: its page's article in the library (None when the page could not be read)."""

    id: int
    feed_id: int
    guid: str
    link: str | None
    title: str
    published: str | None
    article_id: int | None
    added_at: float
    read_at: float | None
    problem: str | None


_FEED_COLUMNS = "f.id, f.url, f.title, f.site_url, f.etag, f.last_modified, f.added_at, f.refreshed_at, f.problem"
_ITEM_COLUMNS = "id, feed_id, guid, link, title, published, article_id, added_at, read_at, problem"
_COUNTS = ("(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id), "
           "(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.article_id IS NOT NULL "
           "AND i.read_at IS NULL)")


class Feeds:
    """Subscribe, list, remove feeds; record their items and what was read."""

    def __init__(self, handle: Handle) -> None:
        self._conn = handle.conn  # raw SQL: marking an article read is on the reopen path, which must not load
        self._path = handle.path  # sqlite-utils (tests/test_startup_imports.py)

    def add(self, url: str, title: str = "", site_url: str | None = None) -> FeedEntry:
        """Subscribe to a feed (or return the subscription to the same address)."""
        with transaction(self._conn, self._path) as conn:
            conn.execute("INSERT OR IGNORE INTO feeds (url, title, site_url, added_at) VALUES (?, ?, ?, ?)",
                         (url, title, site_url, time.time()))
        found = self.find(url)
        assert found is not None
        return found

    def find(self, url: str) -> FeedEntry | None:
        """Return the feed with this address, or None."""
        row = self._conn.execute(f"SELECT {_FEED_COLUMNS}, {_COUNTS} FROM feeds f WHERE f.url = ?", (url,)).fetchone()
        return FeedEntry(*row) if row else None

    def get(self, feed_id: int) -> FeedEntry:
        """Return the feed with this id; StorageProblem when there is none."""
        row = self._conn.execute(f"SELECT {_FEED_COLUMNS}, {_COUNTS} FROM feeds f WHERE f.id = ?",
                                 (feed_id,)).fetchone()
        if row is None:
            raise StorageProblem(f"no feed {feed_id} (see `feeds list`)", self._path)
        return FeedEntry(*row)

    def list(self) -> list[FeedEntry]:
        """Return every feed with its item and unread counts, by title."""
        rows = self._conn.execute(f"SELECT {_FEED_COLUMNS}, {_COUNTS} FROM feeds f ORDER BY f.title, f.id").fetchall()
        return [FeedEntry(*row) for row in rows]

    def remove(self, feed_id: int) -> None:
        """Unsubscribe (the articles its items brought stay in the library)."""
        self.get(feed_id)
        with transaction(self._conn, self._path) as conn:
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))

    def record_refresh(self, feed_id: int, *, title: str | None = None, site_url: str | None = None,
                       etag: str | None = None, last_modified: str | None = None, problem: str | None = None) -> None:
        """Remember a refresh: the feed's title, its validators for the next conditional GET, or the problem."""
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "UPDATE feeds SET title = coalesce(?, title), site_url = coalesce(?, site_url), "
                "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), refreshed_at = ?, "
                "problem = ? WHERE id = ?",
                (title, site_url, etag, last_modified, time.time(), problem, feed_id))

    def known_guids(self, feed_id: int) -> set[str]:
        """Return the guids of the items already recorded for a feed."""
        rows = self._conn.execute("SELECT guid FROM feed_items WHERE feed_id = ?", (feed_id,)).fetchall()
        return {row[0] for row in rows}

    def add_item(self, feed_id: int, guid: str, link: str | None, title: str, published: str | None,
                 article_id: int | None, problem: str | None = None) -> None:
        """Record an item of a feed (once per guid)."""
        with transaction(self._conn, self._path) as conn:
            conn.execute(
                "INSERT OR IGNORE INTO feed_items (feed_id, guid, link, title, published, article_id, added_at, "
                "problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (feed_id, guid, link, title, published, article_id, time.time(), problem))

    def items(self, feed_id: int) -> list[FeedItem]:
        """Return a feed's items, newest first."""
        rows = self._conn.execute(f"SELECT {_ITEM_COLUMNS} FROM feed_items WHERE feed_id = ? "
                                  "ORDER BY added_at DESC, id DESC", (feed_id,)).fetchall()
        return [FeedItem(*row) for row in rows]

    def mark_article_read(self, article_id: int) -> bool:
        """Mark the feed items whose page is this article as read; return whether any was unread."""
        with transaction(self._conn, self._path) as conn:
            changed = conn.execute("UPDATE feed_items SET read_at = ? WHERE article_id = ? AND read_at IS NULL",
                                   (time.time(), article_id)).rowcount
        return changed > 0
