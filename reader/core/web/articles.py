"""Web pages into the library: fetch an address, import its page, store the article under its address so it reads
offline afterwards (and opening the same address again updates the same entry)."""

from __future__ import annotations

from reader.core.model import Article

from reader.core.web.fetch import PAGE_TYPES, Fetched, Limits, check_address, fetch


def article_from(fetched: Fetched) -> Article:
    """Import the page a fetch brought back (its address kept in the article's source)."""
    from reader.core.importer import import_page
    from reader.core.errors import FetchProblem, ImportProblem

    try:
        return import_page(fetched.body, url=fetched.url, content_type=fetched.content_type)
    except ImportProblem as problem:
        raise FetchProblem(f"not an article: the page {problem.problem}", fetched.url) from None


def fetch_article(url: str, limits: Limits = Limits()) -> tuple[Article, str]:
    """Fetch and import one web page; return the article and the address it is stored under."""
    address = check_address(url)
    return article_from(fetch(address, PAGE_TYPES, limits)), address
