"""`Annotator`: the one owner of article annotation — the language service that reads, the disk cache that keeps
what was read, and the child process that reads for a window.

A paragraph's cache key is its text plus the versions of the reading engine, dictionary, glossary and HSK lists, and
the user's corrections of the words that paragraph contains (`pipeline.cache_keys`): a correction re-reads only the
paragraphs that hold the corrected word, any other change re-reads everything it affects. Serving a fully cached article imports neither jieba nor pypinyin. For a first reading that must not hold the GUI's
interpreter, `annotate_in_subprocess` and `fill_cache_in_subprocess` read in a child process (this module's
`worker_main`) that fills the cache, then load from it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any, Iterator

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph
from reader.core.errors import DubaoError, StorageProblem
from reader.core.lang.pipeline import (CACHE_FILE, AnnotationCache, Unit, annotate_text, assemble, cache_keys,
                                       decode, encode, reading_units)
from reader.core.lang.service import LanguageService
from reader.core.model import Article

STEP_UNITS = 100  # paragraphs looked up in the cache at once while decoding in steps


class Annotator:
    """Annotates articles with one `LanguageService`, through one `AnnotationCache` in the service's cache folder."""

    def __init__(self, service: LanguageService, cache: AnnotationCache | None = None) -> None:
        self.service = service
        self.cache = cache if cache is not None else AnnotationCache(service.cache_dir / CACHE_FILE)

    def _lookup(self, units: list[Unit]) -> tuple[list[str], dict[str, bytes]]:
        """Return the cache key of each unit and the cached values among them (the one place keys are made)."""
        keys = cache_keys([text for _, text, _ in units], self.service)
        return keys, self.cache.get_many(sorted(set(keys)))

    def cached(self, article: Article) -> AnnotatedArticle | None:
        """Return the article's annotation when every paragraph and heading is cached, else None (no jieba, no
        pypinyin)."""
        units = reading_units(article)
        keys, stored = self._lookup(units)
        if any(key not in stored for key in keys):
            return None
        return assemble(units, [decode(unit, stored[key]) for unit, key in zip(units, keys)])

    def is_cached(self, article: Article) -> bool:
        """True when the cache holds the annotation of every paragraph and heading (nothing is decoded)."""
        keys, stored = self._lookup(reading_units(article))
        return all(key in stored for key in keys)

    def annotate(self, article: Article, use_cache: bool = True) -> AnnotatedArticle:
        """Annotate every paragraph and heading in this process, reading only what the cache does not hold."""
        units = reading_units(article)
        keys, stored = self._lookup(units)
        stored = stored if use_cache else {}
        fresh: dict[str, bytes] = {}
        missing = [text for (_, text, _), key in zip(units, keys) if key not in stored]
        if missing:
            self.service.prepare(missing)  # the polyphone layer reads the article's sentences in one batch
        for (_, text, _), key in zip(units, keys):
            if key not in stored and key not in fresh:
                fresh[key] = encode(annotate_text(text, "", self.service))
        if fresh:
            self.cache.put_many(fresh.items())
        values = {**stored, **fresh}
        return assemble(units, [decode(unit, values[key]) for unit, key in zip(units, keys)])

    def annotate_in_subprocess(self, article: Article, timeout: float = 300) -> AnnotatedArticle:
        """Annotate in a child Python process (so this interpreter never loads jieba), then load from the cache."""
        self.fill_cache_in_subprocess(article, timeout)
        cached = self.cached(article)
        if cached is None:
            raise self._problem("the cache lost part of the article's annotation")
        return cached

    def fill_cache_in_subprocess(self, article: Article, timeout: float = 300) -> None:
        """Make sure the cache holds the whole article's annotation, reading what is missing in a child process (in
        this process for a bundled app, which cannot run `python -m`). Nothing is decoded here."""
        if self.is_cached(article):
            return
        if getattr(sys, "frozen", False):
            self.annotate(article)
            return
        result = self._read_in_child(article, timeout)
        if result.returncode != 0 or not self.is_cached(article):
            lines = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise self._problem(f"the article could not be annotated ({lines[0]})")

    def cached_in_steps(self, article: Article, budget: float = 0.004) -> Iterator[AnnotatedArticle | None]:
        """Decode the article's cached annotation about `budget` seconds at a time: yield None after each slice and the
        AnnotatedArticle last (StorageProblem when part of it is not cached). A window drives it from idle moments,
        so a long article's pinyin arrives without holding up scrolling or clicks (no thread competes for the GIL)."""
        units = reading_units(article)
        paragraphs: list[AnnotatedParagraph] = []
        deadline = time.perf_counter() + budget
        for start in range(0, len(units), STEP_UNITS):
            chunk = units[start : start + STEP_UNITS]
            keys, stored = self._lookup(chunk)
            for unit, key in zip(chunk, keys):
                if key not in stored:
                    raise self._problem("part of the article's annotation is missing from the cache")
                paragraphs.append(decode(unit, stored[key]))
                if time.perf_counter() > deadline:
                    yield None
                    deadline = time.perf_counter() + budget
        yield assemble(units, paragraphs)

    def close(self) -> None:
        """Close the cache file."""
        self.cache.close()

    def _problem(self, message: str) -> StorageProblem:
        return StorageProblem(message, self.cache.path)

    def _read_in_child(self, article: Article, timeout: float) -> subprocess.CompletedProcess:
        """Run the child process that reads the article into the cache; return how it ended."""
        payload = json.dumps({"article": article.to_dict(), "user_words": _user_words_payload(self.service)},
                             ensure_ascii=False)
        env = dict(os.environ, DUBAO_CACHE_DIR=str(self.service.cache_dir), DUBAO_DATA_DIR=str(self.service.data_dir))
        return subprocess.run([sys.executable, "-m", "reader.core.lang.annotator"], input=payload.encode("utf-8"),
                              capture_output=True, timeout=timeout, env=env)


def _user_words_payload(service: LanguageService) -> dict[str, Any]:
    words = service.user_words
    return {"merged": sorted(words.merged_words()), "splits": dict(words.splits()),
            "readings": dict(words.reading_overrides())}


def worker_main() -> int:
    """Child-process entry: read {"article", "user_words"} JSON on stdin, annotate into the cache, exit 0."""
    from reader.core.lang.user_words import InMemoryUserWords

    payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    user_words = InMemoryUserWords()
    for word in payload["user_words"].get("merged", []):
        user_words.merge(word)
    for word, parts in payload["user_words"].get("splits", {}).items():
        user_words.split(word, parts)
    for word, syllables in payload["user_words"].get("readings", {}).items():
        user_words.set_reading(word, syllables)
    annotator = Annotator(LanguageService(user_words=user_words))
    try:
        annotator.annotate(Article.from_dict(payload["article"]))
    except DubaoError as error:
        print(f"dubao: {error}", file=sys.stderr)
        return 2
    finally:
        annotator.close()
    return 0


if __name__ == "__main__":
    sys.exit(worker_main())
