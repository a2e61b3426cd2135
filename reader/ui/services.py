"""The core services the window uses, behind one small adapter (imports are lazy to keep start-up fast).

Nothing here touches a widget: these functions may run on the worker thread.
"""

from __future__ import annotations

import atexit
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from reader.core import paths
from reader.core.annotation import AnnotatedArticle
from reader.core.model import Article

SEED_NAME = "xihaian-2025-quality-page"
SHORT_ARTICLE_CHARS = 20_000  # up to this size an article's annotation is applied whole (cached) or read in parts
_EARLY: dict = {}  # the file `read_early` read: its "path", the "article" (until loaded again), the "reading"


@dataclass
class OpenedArticle:
    """An article ready to show: the model, where it came from, and its library entry id (None without a store)."""

    article: Article
    source: str
    entry_id: int | None = None


def seed_path() -> Path | None:
    """Return the bundled seed article (Markdown), or the workplace's source text beside a checkout, or None."""
    bundled = paths.articles_dir() / f"{SEED_NAME}.md"
    if bundled.exists():
        return bundled
    beside = paths.articles_dir().parents[1] / "shared" / "seeds" / f"{SEED_NAME}.txt"
    return beside if beside.exists() else None


def load_article_file(path: str | Path) -> Article:
    """Read an article file through the importer (ImportProblem on bad input); the file `read_early` read at launch
    is not read again (once)."""
    from reader.core.importer import load_article

    if "article" in _EARLY and _EARLY["path"] == os.path.abspath(path):
        return _EARLY.pop("article")
    return load_article(path)


def read_early(path: str) -> None:
    """At launch, before Qt is imported: when `path` (from the command line) is a short article file whose annotation
    is not cached, start its reading now (from its top, where a file from the command line opens), for the window's
    controller to take over (`start_reading`); the child's tables load while the window is built. Any problem is
    left for opening the file to report."""
    from reader.core.errors import DubaoError
    from reader.core.lang import default_annotator

    if looks_like_address(path):
        return
    try:
        article = load_article_file(path)
        if article.text_length() <= SHORT_ARTICLE_CHARS and not default_annotator().is_cached(article):
            _EARLY["reading"] = default_annotator().start_reading(article)
            atexit.register(_discard_early_reading)
    except (DubaoError, OSError):
        return
    _EARLY.update(path=os.path.abspath(path), article=article, of=article)


def _early_reading(article: Article, from_paragraph: str | None):
    """Return (once) the reading `read_early` started for this very article from its top, else None."""
    if from_paragraph is None and _EARLY.get("of") is article:
        del _EARLY["of"]
        return _EARLY.pop("reading", None)
    return None


def _discard_early_reading() -> None:
    """At exit: end the early reading if no window took it over (another Dubao was given the file)."""
    reading = _EARLY.pop("reading", None)
    if reading is not None:
        reading.discard()


def import_pasted_text(text: str) -> Article:
    """Import pasted text as a new article (ImportProblem when it holds no article)."""
    from reader.core.importer import import_text

    return import_text(text)


def pasted_source_name() -> str:
    """Return the library key of a pasted article (pasted texts have no file)."""
    return f"pasted:{time.strftime('%Y-%m-%d %H:%M:%S')}"


def start_reading(article: Article, from_paragraph: str | None = None):
    """Start reading the article's annotation in a child process (its tables load at once), the screen that opens at
    paragraph `from_paragraph` (the top when None) first; return the `BatchReading` to follow on the worker (`run`)
    and to `stop`. The reading `read_early` started for it at launch is taken over instead."""
    from reader.core.lang import default_annotator

    return _early_reading(article, from_paragraph) or default_annotator().start_reading(article, from_paragraph)


def cached_annotation(article: Article) -> AnnotatedArticle | None:
    """Return the article's annotation when the cache holds all of it, else None (never loads jieba or pypinyin)."""
    from reader.core.lang import default_annotator

    return default_annotator().cached(article)


def annotation_versions() -> str:
    """Return one fingerprint of everything an annotation depends on (dictionary, glossary, corrections …)."""
    from reader.core.lang import default_service

    return "|".join(f"{k}={v}" for k, v in sorted(default_service().versions().items()))


def fill_annotation_cache(article: Article) -> None:
    """Make sure the annotation cache holds the whole article (reading what is missing in a child process)."""
    from reader.core.lang import default_annotator

    default_annotator().fill_cache_in_subprocess(article)


def cached_annotation_steps(article: Article) -> Iterator[AnnotatedArticle | None]:
    """Return an iterator that decodes the cached annotation a few milliseconds per step (None until the last)."""
    from reader.core.lang import default_annotator

    return default_annotator().cached_in_steps(article)


def language_service():
    """Return the process's shared language service (dictionary, HSK lists, glossary)."""
    from reader.core.lang import default_service

    return default_service()


def format_readings(readings: list[str | None], tone_marks: bool) -> list[str | None]:
    """Return numbered syllables as tone-marked pinyin (chóng) or tone numbers (chong2)."""
    from reader.core.lang.style import PinyinStyle, render

    style = PinyinStyle.MARKS if tone_marks else PinyinStyle.NUMBERS
    return [render(r, style) if r else None for r in readings]


def open_store():
    """Open the library database of the data folder (StorageProblem when it cannot be used safely)."""
    from reader.core.storage import Store

    return Store.open()


def fetch_web_article(url: str) -> tuple[Article, str]:
    """Fetch and import a web page; return the article and the address it is kept under (FetchProblem if not)."""
    from reader.core.web.articles import fetch_article

    return fetch_article(url)


def looks_like_address(text: str) -> bool:
    """True when what the user gave (a command-line argument, a dropped text) is a web address."""
    from reader.core.web import looks_like_address as is_address

    return is_address(text)


def import_pasted_html(html_text: str, plain_text: str) -> Article:
    """Import the HTML a browser put on the clipboard (headings and paragraphs kept); its plain text when the HTML
    holds no article (a few words copied from a menu)."""
    from reader.core.errors import ImportProblem
    from reader.core.importer import import_page, import_text

    try:
        return import_page(html_text)
    except ImportProblem:
        return import_text(plain_text)
