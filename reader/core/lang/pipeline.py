"""The pieces of annotating an article: what is read, the cache key, reading one text, and the paragraph cache.

Pure functions and one small SQLite cache; `reader.core.lang.annotator.Annotator` puts them together (it owns the
cache and the language service, and runs the child process). Nothing here imports jieba or pypinyin.
"""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.lang.chars import all_han
from reader.core.model import Article

if TYPE_CHECKING:
    from reader.core.lang.service import LanguageService

CACHE_FILE = "annotations.sqlite3"
_FORMAT = "1"
Unit = tuple[str, str, bool]  # (paragraph id, or the heading's text; the text; whether it is a heading)


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
    return [text for _, text, _ in reading_units(article)]


def reading_units(article: Article) -> list[Unit]:
    """Return (paragraph id or heading text, text, is_heading) for everything of the article that is read."""
    units = [(text, text, True) for text in (article.title, article.subtitle, article.byline) if text]
    units += [(s.heading, s.heading, True) for s in article.sections if s.heading]
    units += [(p.id, p.text, False) for p in article.paragraphs()]
    return units


def reading_order(article: Article) -> list[int]:
    """Return the indices of `reading_units(article)` in the order the article shows them (title block, then each
    section's heading and paragraphs)."""
    titles = sum(1 for text in (article.title, article.subtitle, article.byline) if text)
    headings = sum(1 for s in article.sections if s.heading)
    order, heading, paragraph = list(range(titles)), titles, titles + headings
    for section in article.sections:
        if section.heading:
            order.append(heading)
            heading += 1
        order.extend(range(paragraph, paragraph + len(section.paragraphs)))
        paragraph += len(section.paragraphs)
    return order


def reading_batches(article: Article, from_paragraph: str | None, first_chars: int, chars: int) -> list[list[int]]:
    """Split the article's units (indices of `reading_units`) into batches to read one after the other: first the
    units from paragraph `from_paragraph` on (the top of the article when None or unknown) up to `first_chars`
    characters (the first screen), then the rest below it `chars` at a time, then what lies above it, nearest first."""
    units, order = reading_units(article), reading_order(article)
    start = next((n for n, i in enumerate(order) if not units[i][2] and units[i][0] == from_paragraph), 0)
    first = _runs(order[start:], units, first_chars)[:1]
    rest = order[start + len(first[0]) if first else start:] + order[:start][::-1]
    return first + _runs(rest, units, chars)


def _runs(indices: list[int], units: list[Unit], chars: int) -> list[list[int]]:
    """Cut `indices` into consecutive runs of units, each ending once it holds `chars` characters (the last may
    hold fewer)."""
    runs: list[list[int]] = []
    size = chars
    for index in indices:
        if size >= chars:
            runs.append([])
            size = 0
        runs[-1].append(index)
        size += len(units[index][1])
    return runs


def cache_key(text: str, versions: dict[str, str], corrections: str = "") -> str:
    """Return the cache key of one paragraph text under these component versions and the corrections of its words."""
    stamp = _FORMAT + "|" + "|".join(f"{k}={versions[k]}" for k in sorted(versions) if k != "user_words")
    return hashlib.blake2b(f"{stamp}\0{corrections}\0{text}".encode("utf-8"), digest_size=16).hexdigest()


def cache_keys(texts: list[str], service: "LanguageService") -> list[str]:
    """Return the cache key of each text: the service's versions and the corrections of the words in that text."""
    versions = service.versions()
    words = service.user_words
    corrected = [(w, "m") for w in words.merged_words()] + [(w, f"s{p}") for w, p in words.splits().items()]
    corrected += [(w, f"r{r}") for w, r in words.reading_overrides().items()]
    corrected.sort()
    return [cache_key(text, versions, "|".join(f"{w}{c}" for w, c in corrected if w in text) if corrected else "")
            for text in texts]


def assemble(units: list[Unit], paragraphs: list[AnnotatedParagraph]) -> AnnotatedArticle:
    """Return the article's annotation from its units and their annotated paragraphs, in the same order."""
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


def encode(paragraph: AnnotatedParagraph) -> bytes:
    """Return the cached form of an annotated text."""
    tokens = [(t.start, t.end, t.readings, t.in_dictionary, t.hsk_level) for t in paragraph.tokens]
    hits = [(h.start, h.end, h.term) for h in paragraph.glossary_hits]
    return marshal.dumps((tokens, hits))


def decode(unit: Unit, value: bytes) -> AnnotatedParagraph:
    """Return the annotated paragraph (or heading) of `unit` from its cached form."""
    key, text, is_heading = unit
    tokens, hits = marshal.loads(value)
    return AnnotatedParagraph(
        "" if is_heading else key, text,
        tuple(Token(s, e, text[s:e], tuple(r), d, h) for s, e, r, d, h in tokens),
        tuple(GlossaryHit(s, e, term) for s, e, term in hits),
    )
