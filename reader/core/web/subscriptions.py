"""Subscribing to feeds and refreshing them into the library, in three steps so the network never waits on the
database and the database is only touched from its own thread:

    states = feed_states(store, ids)               # database: what is known (validators, items seen)
    collected = collect(state, limits)             # network only: the feed and its new items' articles
    result = store_collected(store, collected)     # database: articles into the library, items recorded

`refresh_feeds(store)` runs the three for every feed, one after the other (the command line's way).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.errors import DubaoError
from reader.core.model import Article
from reader.core.storage import FeedEntry, Store
from reader.core.web.feeds import MAX_NEW_PAGES, ParsedItem, fetch_feed, item_article
from reader.core.web.fetch import Limits


@dataclass(frozen=True)
class FeedState:
    """What a refresh needs to know about a feed before it goes to the network."""

    id: int
    url: str
    etag: str | None
    last_modified: str | None
    known: frozenset[str]


@dataclass
class Collected:
    """What the network gave for one feed."""

    state: FeedState
    title: str | None = None
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    problem: str | None = None
    items: list[tuple[ParsedItem, Article | None, str | None]] = field(default_factory=list)


@dataclass
class RefreshResult:
    """What one feed's refresh did (plain values for the command line's JSON and the Feeds panel)."""

    feed_id: int
    url: str
    title: str
    new_items: int = 0
    article_ids: list[int] = field(default_factory=list)
    item_problems: list[str] = field(default_factory=list)
    not_modified: bool = False
    problem: str | None = None


def subscribe(store: Store, url: str, limits: Limits = Limits()) -> FeedEntry:
    """Check that an address gives a feed (or a page advertising one) and subscribe to it; FetchProblem if not."""
    feed, address, fetched = fetch_feed(url, limits)
    assert feed is not None
    entry = store.feeds.add(address, feed.title, feed.site_url)
    return entry


def feed_states(store: Store, ids: list[int] | None = None) -> list[FeedState]:
    """Return the state of the chosen feeds (all when `ids` is None)."""
    entries = store.feeds.list() if ids is None else [store.feeds.get(i) for i in ids]
    return [FeedState(e.id, e.url, e.etag, e.last_modified, frozenset(store.feeds.known_guids(e.id))) for e in entries]


def collect(state: FeedState, limits: Limits = Limits()) -> Collected:
    """Fetch a feed (conditionally) and the articles of its new items; never raises for a user-fixable problem."""
    collected = Collected(state)
    try:
        feed, _, fetched = fetch_feed(state.url, limits, state.etag, state.last_modified)
    except DubaoError as problem:
        collected.problem = str(problem)
        return collected
    collected.etag, collected.last_modified = fetched.etag, fetched.last_modified
    if feed is None:
        collected.not_modified = True
        return collected
    collected.title, collected.site_url = feed.title, feed.site_url
    new = [item for item in feed.items if item.guid not in state.known][:MAX_NEW_PAGES]
    for item in new:
        try:
            collected.items.append((item, item_article(item, limits), None))
        except DubaoError as problem:
            collected.items.append((item, None, str(problem)))
    return collected


def store_collected(store: Store, collected: Collected) -> RefreshResult:
    """Add the collected articles to the library and record the items and the feed's validators."""
    state = collected.state
    store.feeds.record_refresh(state.id, title=collected.title, site_url=collected.site_url, etag=collected.etag,
                               last_modified=collected.last_modified, problem=collected.problem)
    result = RefreshResult(state.id, state.url, collected.title or store.feeds.get(state.id).title,
                           not_modified=collected.not_modified, problem=collected.problem)
    for item, article, problem in collected.items:
        article_id = None
        if article is not None:
            article_id = store.library.add(article, item.link or f"feed:{state.id}:{item.guid}").id
            result.article_ids.append(article_id)
        else:
            result.item_problems.append(problem or "")
        store.feeds.add_item(state.id, item.guid, item.link, item.title or (article.title if article else ""),
                             item.published, article_id, problem)
        result.new_items += 1
    return result


def refresh_feeds(store: Store, ids: list[int] | None = None, limits: Limits = Limits()) -> list[RefreshResult]:
    """Refresh the chosen feeds (all when `ids` is None), one after the other."""
    return [store_collected(store, collect(state, limits)) for state in feed_states(store, ids)]
