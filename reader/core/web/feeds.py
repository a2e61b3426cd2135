"""News feeds (RSS and Atom, through feedparser): reading a feed, finding the feed a page advertises, and refreshing
a subscription into the library.

A feed is never trusted: it is fetched with the same limits as a page, always handed to feedparser as bytes (a
string would be taken for an address or a file name), and cut after `MAX_ITEMS` items before it is parsed, so a
feed of 100,000 items costs no more than one of 200. feedparser neither expands entity declarations nor loads
external entities (`tests/test_web_feeds.py` proves both). Each new item's page is fetched and imported; when the
page cannot be read, the item's own content in the feed is imported instead; when neither gives an article the
item is recorded with its problem, so it is not tried again at every refresh.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from reader.core.errors import DubaoError, FetchProblem, ImportProblem
from reader.core.model import Article
from reader.core.web.fetch import FEED_TYPES, Limits, check_address, fetch

MAX_ITEMS = 200  # items read from one feed
MAX_NEW_PAGES = 20  # pages fetched for new items in one refresh of one feed
_ITEM_END = re.compile(rb"</(?:item|entry)\s*>", re.IGNORECASE)
_ALTERNATE = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?alternate[^>]*>""", re.IGNORECASE)


@dataclass
class ParsedItem:
    """One item of a feed."""

    guid: str
    link: str | None
    title: str
    published: str | None
    content: str  # the item's HTML or text in the feed (summary or full content)


@dataclass
class ParsedFeed:
    """A feed's title, site and items (at most MAX_ITEMS)."""

    title: str
    site_url: str | None
    items: list[ParsedItem] = field(default_factory=list)


def parse_feed(body: bytes, url: str) -> ParsedFeed:
    """Read a feed's bytes; FetchProblem when they hold no feed."""
    import feedparser

    cut = list(_ITEM_END.finditer(body[: 64 << 20]))
    if len(cut) > MAX_ITEMS:
        body = body[: cut[MAX_ITEMS - 1].end()]
    parsed = feedparser.parse(bytes(body), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        raise FetchProblem("is not a news feed (no RSS or Atom items in it)", url)
    feed = ParsedFeed(title=_clean(parsed.feed.get("title", "")) or url, site_url=parsed.feed.get("link"))
    for entry in parsed.entries[:MAX_ITEMS]:
        link = entry.get("link")
        link = urljoin(url, link) if link else None
        guid = entry.get("id") or link or entry.get("title")
        if not guid:
            continue
        content = entry.get("content", [{}])[0].get("value") if entry.get("content") else None
        feed.items.append(ParsedItem(guid=str(guid), link=link, title=_clean(entry.get("title", "")),
                                     published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                                     content=content or entry.get("summary", "")))
    return feed


def _clean(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", text or "").split())


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def advertised_feed(page: bytes, url: str) -> str | None:
    """Return the address of the RSS or Atom feed a web page advertises (`<link rel="alternate">`), or None."""
    head = page[:262144].decode("utf-8", errors="replace")
    for tag in _ALTERNATE.findall(head):
        kind = re.search(r"""type\s*=\s*["']([^"']+)""", tag, re.IGNORECASE)
        href = re.search(r"""href\s*=\s*["']([^"']+)""", tag, re.IGNORECASE)
        if kind and href and ("rss" in kind.group(1).lower() or "atom" in kind.group(1).lower()):
            return urljoin(url, href.group(1))
    return None


def fetch_feed(url: str, limits: Limits = Limits(), etag: str | None = None,
               last_modified: str | None = None) -> tuple[ParsedFeed | None, str, object]:
    """Fetch and parse a feed (following a page's advertised feed); return (feed or None when not modified, the
    feed's address, the fetch result)."""
    address = check_address(url)
    fetched = fetch(address, FEED_TYPES, limits, etag, last_modified)
    if fetched.not_modified:
        return None, address, fetched
    if "html" in fetched.content_type.lower() and b"<rss" not in fetched.body[:4096]:
        advertised = advertised_feed(fetched.body, fetched.url)
        if advertised is None:
            raise FetchProblem("is a web page that advertises no news feed", address)
        address = advertised
        fetched = fetch(address, FEED_TYPES, limits)
    return parse_feed(fetched.body, address), address, fetched


def item_article(item: ParsedItem, limits: Limits) -> Article:
    """Return the article of a feed item: its page, or else its own content in the feed."""
    from reader.core.importer import import_page
    from reader.core.web.articles import fetch_article

    problem: DubaoError | None = None
    if item.link:
        try:
            return fetch_article(item.link, limits)[0]
        except (FetchProblem, ImportProblem) as error:
            problem = error
    if item.content.strip():
        title = html.escape(item.title)
        page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div>{item.content}</div></body></html>"
        try:
            article = import_page(page, url=item.link)
            article.title = item.title or article.title
            return article
        except ImportProblem as error:
            problem = problem or error
    raise problem or FetchProblem("the item has neither a page nor any text", item.link or item.guid)
