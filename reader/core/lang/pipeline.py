"""`annotate(article) -> AnnotatedArticle`, cached on disk per paragraph.

A paragraph's cache key is its text plus the versions of the reading engine, dictionary, glossary and HSK lists, and
the user's corrections of the words that paragraph contains: a correction re-reads only the paragraphs (of any
article) that hold the corrected word, any other change re-reads everything it affects. Serving a fully cached article
imports neither jieba nor pypinyin. For a first reading that must not hold the GUI's interpreter, use
`annotate_in_subprocess`, which reads the article in a child process that fills the cache, then loads from it.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.errors import DubaoError, StorageProblem
from reader.core.lang.chars import all_han
from reader.core.model import Article

if TYPE_CHECKING:
    from reader.core.lang.service import LanguageService

CACHE_FILE = "annotations.sqlite3"
_FORMAT = "1"


class AnnotationCache:
    """Per-paragraph annotations in one SQLite file of the cache folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
            try:
                connection.execute("CREATE TABLE IF NOT EXISTS paragraphs (key TEXT PRIMARY KEY, value BLOB)")
                connection.execute("SELECT key, value FROM paragraphs LIMIT 1").fetchall()  # a table of another shape
            except sqlite3.DatabaseError:  # a damaged cache is thrown away and rebuilt
                connection.close()
                self.path.unlink(missing_ok=True)
                connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                connection.execute("CREATE TABLE IF NOT EXISTS paragraphs (key TEXT PRIMARY KEY, value BLOB)")
            self._connection = connection
        return self._connection

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        """Return the stored values of those `keys` that are cached."""
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db().execute(f"SELECT key, value FROM paragraphs WHERE key IN ({marks})", chunk))
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store values under their keys."""
        connection = self._db()
        with connection:
            connection.executemany("INSERT OR REPLACE INTO paragraphs VALUES (?, ?)", items)

    def close(self) -> None:
        """Close the cache file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def article_texts(article: Article) -> list[str]:
    """Return every text of the article that is read: title block, headings, paragraphs."""
    return [text for _, text, _ in _units(article)]


def _units(article: Article) -> list[tuple[str, str, bool]]:
    """Return (paragraph id or heading text, text, is_heading) for everything of the article that is read."""
    units = [(text, text, True) for text in (article.title, article.subtitle, article.byline) if text]
    units += [(s.heading, s.heading, True) for s in article.sections if s.heading]
    units += [(p.id, p.text, False) for p in article.paragraphs()]
    return units


def cache_key(text: str, versions: dict[str, str], corrections: str = "") -> str:
    """Return the cache key of one paragraph text under these component versions and the corrections of its words."""
    stamp = _FORMAT + "|" + "|".join(f"{k}={versions[k]}" for k in sorted(versions) if k != "user_words")
    return hashlib.blake2b(f"{stamp}\0{corrections}\0{text}".encode("utf-8"), digest_size=16).hexdigest()


def _keys(texts: list[str], service: "LanguageService") -> list[str]:
    """Return the cache key of each text: the service's versions and the corrections of the words in that text."""
    versions = service.versions()
    words = service.user_words
    corrected = [(w, "m") for w in words.merged_words()] + [(w, f"s{p}") for w, p in words.splits().items()]
    corrected += [(w, f"r{r}") for w, r in words.reading_overrides().items()]
    corrected.sort()
    return [cache_key(text, versions, "|".join(f"{w}{c}" for w, c in corrected if w in text) if corrected else "")
            for text in texts]


def load_cached(article: Article, service: "LanguageService") -> AnnotatedArticle | None:
    """Return the article's annotation when every paragraph and heading is cached, else None (no jieba, no pypinyin)."""
    units = _units(article)
    keys = _keys([text for _, text, _ in units], service)
    stored = _cache(service).get_many(sorted(set(keys)))
    if any(key not in stored for key in keys):
        return None
    return _assemble(units, [_decode("" if unit[2] else unit[0], unit[1], stored[key]) for unit, key in zip(units, keys)])


def annotate(article: Article, service: "LanguageService", use_cache: bool = True) -> AnnotatedArticle:
    """Annotate every paragraph and heading, reading only what the cache does not hold."""
    units = _units(article)
    keys = _keys([text for _, text, _ in units], service)
    stored = _cache(service).get_many(sorted(set(keys))) if use_cache else {}
    fresh: dict[str, bytes] = {}
    missing = [text for (_, text, _), key in zip(units, keys) if key not in stored]
    if missing:
        service.prepare(missing)
    for (_, text, _), key in zip(units, keys):
        if key not in stored and key not in fresh:
            fresh[key] = _encode(annotate_text(text, "", service))
    if fresh:
        _cache(service).put_many(fresh.items())
    values = {**stored, **fresh}
    return _assemble(units, [_decode("" if unit[2] else unit[0], unit[1], values[key]) for unit, key in zip(units, keys)])


def _assemble(units: list[tuple[str, str, bool]], paragraphs: list[AnnotatedParagraph]) -> AnnotatedArticle:
    result = AnnotatedArticle()
    for (key, _, is_heading), paragraph in zip(units, paragraphs):
        (result.headings if is_heading else result.paragraphs)[key] = paragraph
    return result


def annotate_text(text: str, paragraph_id: str, service: "LanguageService") -> AnnotatedParagraph:
    """Read one text: words with readings, dictionary presence, HSK level, and glossary hits."""
    words = service.read_words(text)
    simplified = service.engine.to_simplified(text)
    tokens = []
    for word in words:
        plain = simplified[word.start : word.start + len(word.text)]
        han = all_han(plain)
        in_dictionary = han and (service.dictionary.contains(plain) or service.dictionary.contains(word.text))
        level = service.hsk.level_of(plain) if han else None
        tokens.append(Token(word.start, word.start + len(word.text), word.text, tuple(word.readings),
                            in_dictionary, level))
    hits = tuple(service.glossary.find(simplified))
    return AnnotatedParagraph(paragraph_id, text, tuple(tokens), hits)


def _encode(paragraph: AnnotatedParagraph) -> bytes:
    tokens = [(t.start, t.end, t.readings, t.in_dictionary, t.hsk_level) for t in paragraph.tokens]
    hits = [(h.start, h.end, h.term) for h in paragraph.glossary_hits]
    return marshal.dumps((tokens, hits))


def _decode(paragraph_id: str, text: str, value: bytes) -> AnnotatedParagraph:
    tokens, hits = marshal.loads(value)
    return AnnotatedParagraph(
        paragraph_id, text,
        tuple(Token(s, e, text[s:e], tuple(r), d, h) for s, e, r, d, h in tokens),
        tuple(GlossaryHit(s, e, term) for s, e, term in hits),
    )


def _cache(service: "LanguageService") -> AnnotationCache:
    cache = service.__dict__.get("_annotation_cache")
    if cache is None:
        cache = service.__dict__["_annotation_cache"] = AnnotationCache(service.cache_dir / CACHE_FILE)
    return cache


def annotate_in_subprocess(article: Article, service: "LanguageService", timeout: float = 300) -> AnnotatedArticle:
    """Annotate in a child Python process (so this interpreter never loads jieba), then load from the cache."""
    cached = load_cached(article, service)
    if cached is not None:
        return cached
    if getattr(sys, "frozen", False):  # a bundled app cannot run `python -m`: read in this process instead
        return annotate(article, service)
    result = _read_in_child(article, service, timeout)
    cached = load_cached(article, service) if result.returncode == 0 else None
    if cached is None:
        raise _child_problem(result, service)
    return cached


def _read_in_child(article: Article, service: "LanguageService", timeout: float) -> subprocess.CompletedProcess:
    """Run the child process that reads the article into the cache; return how it ended."""
    payload = json.dumps({"article": article.to_dict(), "user_words": _user_words_payload(service)}, ensure_ascii=False)
    env = dict(os.environ, DUBAO_CACHE_DIR=str(service.cache_dir))
    if service._data_dir is not None:
        env["DUBAO_DATA_DIR"] = str(service._data_dir)
    return subprocess.run([sys.executable, "-m", "reader.core.lang.pipeline"], input=payload.encode("utf-8"),
                          capture_output=True, timeout=timeout, env=env)


def _child_problem(result: subprocess.CompletedProcess, service: "LanguageService") -> StorageProblem:
    message = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    return StorageProblem(f"the article could not be annotated ({message[0]})", service.cache_dir / CACHE_FILE)


def fill_cache_in_subprocess(article: Article, service: "LanguageService", timeout: float = 300) -> None:
    """Make sure the cache holds the annotation of every paragraph and heading, reading what is missing in a child
    process. Nothing is decoded here: `load_cached_in_steps` then decodes it a slice at a time."""
    if _all_cached(article, service):
        return
    if getattr(sys, "frozen", False):  # a bundled app cannot run `python -m`: read in this process instead
        annotate(article, service)
        return
    result = _read_in_child(article, service, timeout)
    if result.returncode != 0 or not _all_cached(article, service):
        raise _child_problem(result, service)


def _all_cached(article: Article, service: "LanguageService") -> bool:
    keys = sorted(set(_keys([text for _, text, _ in _units(article)], service)))
    return len(_cache(service).get_many(keys)) == len(keys)


def load_cached_in_steps(article: Article, service: "LanguageService",
                         budget: float = 0.004) -> Iterator[AnnotatedArticle | None]:
    """Decode the article's cached annotation about `budget` seconds at a time: yield None after each slice and the
    AnnotatedArticle last (StorageProblem when part of it is not cached). A window drives it from idle moments,
    so a long article's pinyin arrives without holding up scrolling or clicks (no thread competes for the GIL)."""
    units = _units(article)
    all_keys = _keys([text for _, text, _ in units], service)
    paragraphs: list[AnnotatedParagraph] = []
    deadline = time.perf_counter() + budget
    for start in range(0, len(units), 100):
        chunk = units[start : start + 100]
        keys = all_keys[start : start + 100]
        stored = _cache(service).get_many(sorted(set(keys)))
        for (key_or_id, text, is_heading), key in zip(chunk, keys):
            if key not in stored:
                raise StorageProblem("part of the article's annotation is missing from the cache",
                                     service.cache_dir / CACHE_FILE)
            paragraphs.append(_decode("" if is_heading else key_or_id, text, stored[key]))
            if time.perf_counter() > deadline:
                yield None
                deadline = time.perf_counter() + budget
    yield _assemble(units, paragraphs)


def _user_words_payload(service: "LanguageService") -> dict[str, Any]:
    words = service.user_words
    return {"merged": sorted(words.merged_words()), "splits": dict(words.splits()),
            "readings": dict(words.reading_overrides())}


def worker_main() -> int:
    """Child-process entry: read {"article", "user_words"} JSON on stdin, annotate into the cache, exit 0."""
    from reader.core.lang.service import LanguageService
    from reader.core.lang.user_words import InMemoryUserWords

    payload = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    user_words = InMemoryUserWords()
    for word in payload["user_words"].get("merged", []):
        user_words.merge(word)
    for word, parts in payload["user_words"].get("splits", {}).items():
        user_words.split(word, parts)
    for word, syllables in payload["user_words"].get("readings", {}).items():
        user_words.set_reading(word, syllables)
    try:
        LanguageService(user_words=user_words).annotate(Article.from_dict(payload["article"]))
    except DubaoError as error:
        print(f"dubao: {error}", file=sys.stderr)
        return 2
    return 0



if __name__ == "__main__":
    sys.exit(worker_main())
