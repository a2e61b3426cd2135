"""How hard an article is for this learner: running words, the share they know, a profile by HSK band.

Two steps, so the costly one runs once per annotation and the other every time a word is marked known:

1. `WordProfile.of(annotated)` counts the article's running words (from its cached annotation): word -> count and
   HSK level, how many sentences, which glossary terms. It does not depend on the learner, so it can be stored.
2. `measure(profile, known)` turns a profile and the learner's known words into a `Difficulty`: tokens, distinct,
   known_coverage, unknown_distinct, hsk_profile, avg_sentence_length, glossary_terms, level.

What counts as a running word (token): a word of the annotation that contains at least one Han character. So
punctuation and spaces are not words; Arabic numbers ("2025", "3.5%") and Latin text ("GDP", "5G") are not words
either, as a learner of Chinese reads them without knowing any Chinese (a number written in Chinese, 三 or 二〇二五, is
a word like any other). Names of people and places are words: the reader has to recognise them, they are rarely on
the HSK lists, and a learner who knows one marks it known like any other word. Titles and headings count with the
paragraphs, as they are read too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph

BANDS = ("1", "2", "3", "4", "5", "6", "7-9", "none")  # the keys of hsk_profile, easiest first
SENTENCE_ENDS = frozenset("。！？!?…")
LEVEL_SHARE = 0.9  # an article is "HSK N" when words of levels 1..N make 90 % of its running words on the lists
READABLE_COVERAGE = 0.95  # default threshold of "articles I can read"
LONGEST_KNOWN_PART = 8  # longer known words are not looked for inside an unmarked word


def counts_as_word(text: str, readings: Iterable[str | None]) -> bool:
    """Return True when a token is a running word: it has a Han character (one with a reading)."""
    return bool(text.strip()) and any(r is not None for r in readings)


def band_of(level: int | None) -> str:
    """Return the hsk_profile key of an HSK level (1–6, 7 for the band 7–9, None when off the lists)."""
    if level is None:
        return "none"
    return "7-9" if level >= 7 else str(level)


def is_known(word: str, known: frozenset[str] | set[str]) -> bool:
    """Return True when the learner marked `word` known, or it is made only of words they marked known (两个 = 两 +
    个; 第二个 = 第 + 二 + 个). The one decision of "known" for difficulty and the unknown-words pinyin mode."""
    if word in known:
        return True
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in known
                             for start in range(max(0, end - LONGEST_KNOWN_PART), end))
    return len(word) > 1 and reachable[-1]


@dataclass(frozen=True)
class WordProfile:
    """An article's running words, independent of the learner: counts, levels, sentences and glossary terms."""

    counts: dict[str, int] = field(default_factory=dict)  # word -> occurrences
    levels: dict[str, int | None] = field(default_factory=dict)  # word -> HSK level (None when off the lists)
    sentences: int = 0  # sentences holding at least one running word
    terms: tuple[str, ...] = ()  # distinct glossary terms, in reading order

    @classmethod
    def of(cls, annotated: AnnotatedArticle) -> WordProfile:
        """Count the running words, sentences and glossary terms of an annotated article (title block first)."""
        counts: Counter[str] = Counter()
        levels: dict[str, int | None] = {}
        sentences = 0
        terms: dict[str, None] = {}
        for paragraph in [*annotated.headings.values(), *annotated.paragraphs.values()]:
            sentences += _count_paragraph(paragraph, counts, levels)
            terms.update((hit.term, None) for hit in paragraph.glossary_hits)
        return cls(dict(counts), levels, sentences, tuple(terms))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (for storing)."""
        return {"words": [[w, n, self.levels.get(w)] for w, n in self.counts.items()],
                "sentences": self.sentences, "terms": list(self.terms)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WordProfile:
        """Rebuild a profile from `to_dict` output."""
        words = data.get("words", [])
        return cls({w: int(n) for w, n, _ in words}, {w: level for w, _, level in words},
                   int(data.get("sentences", 0)), tuple(data.get("terms", ())))


def _count_paragraph(paragraph: AnnotatedParagraph, counts: Counter[str], levels: dict[str, int | None]) -> int:
    """Add a paragraph's running words to `counts`/`levels`; return how many sentences with words it has."""
    sentences, words_in_sentence = 0, 0
    for token in paragraph.tokens:
        if counts_as_word(token.text, token.readings):
            counts[token.text] += 1
            levels.setdefault(token.text, token.hsk_level)
            words_in_sentence += 1
        elif words_in_sentence and any(c in SENTENCE_ENDS for c in token.text):
            sentences += 1
            words_in_sentence = 0
    return sentences + (1 if words_in_sentence else 0)


@dataclass(frozen=True)
class Difficulty:
    """What an article asks of this learner."""

    tokens: int  # running words
    distinct: int  # different words
    known_coverage: float  # share of running words the learner knows, 0–1
    unknown_distinct: int  # different words the learner does not know
    hsk_profile: dict[str, int]  # running words by band: "1" … "6", "7-9", "none" (not on the lists)
    avg_sentence_length: float  # running words per sentence
    glossary_terms: int  # different policy terms of the glossary
    level: str | None  # the band a reader needs for 90 % of the words on the lists ("4", "7-9"), None for none
    known_by_band: dict[str, int] = field(default_factory=dict)  # running words the learner knows, by band

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the keys of `python -m reader stats --json`)."""
        return {"tokens": self.tokens, "distinct": self.distinct, "known_coverage": round(self.known_coverage, 4),
                "unknown_distinct": self.unknown_distinct, "hsk_profile": dict(self.hsk_profile),
                "avg_sentence_length": round(self.avg_sentence_length, 2), "glossary_terms": self.glossary_terms,
                "level": self.level, "known_by_band": dict(self.known_by_band)}

    def readable(self, threshold: float = READABLE_COVERAGE) -> bool:
        """Return True when the learner knows at least `threshold` of the running words."""
        return self.tokens > 0 and self.known_coverage >= threshold


def measure(profile: WordProfile, known: frozenset[str] | set[str]) -> Difficulty:
    """Return the difficulty of a profiled article for a learner who knows the words `known`."""
    tokens = sum(profile.counts.values())
    known_tokens = sum(n for w, n in profile.counts.items() if is_known(w, known))
    bands, known_bands = dict.fromkeys(BANDS, 0), dict.fromkeys(BANDS, 0)
    for word, n in profile.counts.items():
        band = band_of(profile.levels.get(word))
        bands[band] += n
        if is_known(word, known):
            known_bands[band] += n
    return Difficulty(
        tokens=tokens,
        distinct=len(profile.counts),
        known_coverage=known_tokens / tokens if tokens else 0.0,
        unknown_distinct=sum(1 for w in profile.counts if not is_known(w, known)),
        hsk_profile=bands,
        avg_sentence_length=tokens / profile.sentences if profile.sentences else 0.0,
        glossary_terms=len(profile.terms),
        level=_level(bands),
        known_by_band=known_bands,
    )


def _level(bands: dict[str, int]) -> str | None:
    listed = sum(n for band, n in bands.items() if band != "none")
    if not listed:
        return None
    running = 0
    for band in BANDS[:-1]:
        running += bands[band]
        if running >= LEVEL_SHARE * listed:
            return band
    return BANDS[-2]


def summary(difficulty: Difficulty) -> str:
    """Return the library's one-line summary: "96 % known · HSK 4" (without a level when no word is listed)."""
    known = f"{int(difficulty.known_coverage * 100)} % known"
    if difficulty.level is None:
        return known
    return f"{known} · HSK {difficulty.level.replace('-', '–')}"
