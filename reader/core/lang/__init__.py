"""The Chinese language layer: words, pinyin read in context, dictionary, HSK levels and the policy glossary.

Nothing here imports Qt. The heavy libraries (jieba, pypinyin) are imported lazily, only when text has to be
segmented or read for the first time; a cached annotation is served without them (see `annotate`).

Entry points: `LanguageService` (segmentation, pinyin, dictionary, HSK, glossary), `Annotator` (an article's
annotation: the service, the disk cache and the child process that reads for a window), and for scripts the
shortcuts below, which share one default service and annotator per process.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.annotation import AnnotatedArticle
    from reader.core.lang.annotator import Annotator
    from reader.core.lang.glossary import Glossary
    from reader.core.lang.service import LanguageService, LookupResult
    from reader.core.model import Article

_DEFAULT: list[Any] = []
_ANNOTATOR: list[Any] = []
_LOCK = threading.Lock()


def default_service() -> "LanguageService":
    """Return this process's shared LanguageService (created on first use)."""
    with _LOCK:
        if not _DEFAULT:
            from reader.core.lang.service import LanguageService

            _DEFAULT.append(LanguageService())
        return _DEFAULT[0]


def default_annotator() -> "Annotator":
    """Return this process's shared Annotator (over the shared service; created on first use)."""
    service = default_service()
    with _LOCK:
        if not _ANNOTATOR:
            from reader.core.lang.annotator import Annotator

            _ANNOTATOR.append(Annotator(service))
        return _ANNOTATOR[0]


def annotate(article: "Article") -> "AnnotatedArticle":
    """Annotate an article with the shared annotator (served from the disk cache when possible)."""
    return default_annotator().annotate(article)


def load_glossary() -> "Glossary":
    """Return the merged glossary (shipped + the user's) of the shared service."""
    return default_service().glossary


def lookup(word: str, reading: str = "") -> "LookupResult":
    """Look a word up with the shared service (`reading`: its numbered reading in context, whose senses come first)."""
    return default_service().lookup(word, reading)


class WordSummary:
    """A word's first reading (tone marks) and its first senses, for cards and lists."""

    def __init__(self, reading: str, meaning: str) -> None:
        self.reading = reading
        self.meaning = meaning


def lookup_word(word: str) -> WordSummary | None:
    """Return the reading and meaning of a dictionary word (or glossary term), or None when neither knows it."""
    from reader.core.lang.style import to_marks

    result = lookup(word)
    if result.in_dictionary:
        reading = " ".join(to_marks(s) for s in result.readings[0].split())
        return WordSummary(reading, "; ".join(result.definitions[:4]))
    if result.glossary is not None:
        return WordSummary(result.glossary.pinyin, result.glossary.english or result.glossary.explanation_en)
    return None


def __getattr__(name: str) -> Any:
    if name == "LanguageService":
        from reader.core.lang.service import LanguageService

        return LanguageService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
