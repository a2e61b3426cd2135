"""The plan of a printed handout: which sections, which pinyin, which glossary rows, which paper.

Qt-free. `plan_handout` turns an article, its annotation and a glossary lookup into plain data that a renderer
(`reader.ui.handout_pdf`) draws: the title block, each chosen section as words with the pinyin to print above each
character (tone marks), a glossary table of the terms those sections contain, optional note lines, the paper size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Callable

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph
from reader.core.errors import ExportProblem
from reader.core.lang.style import PinyinStyle, render
from reader.core.model import Article, Paragraph, SectionKind
from reader.core.outline import article_parts
from reader.core.pinyin_display import PinyinMode, PinyinOptions, shown_readings

if TYPE_CHECKING:
    from reader.core.lang.glossary import GlossaryEntry


# The pinyin modes a handout offers (the reader's own known words and HSK level are not part of a handout's options).
HANDOUT_PINYIN_MODES = (PinyinMode.GLOSSARY, PinyinMode.ALL, PinyinMode.OFF)


class Paper(StrEnum):
    """Paper sizes a handout can be printed on."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def size_mm(self) -> tuple[float, float]:
        """Width and height of the sheet in millimetres (portrait)."""
        return (210.0, 297.0) if self is Paper.A4 else (215.9, 279.4)


@dataclass(frozen=True)
class GlossaryRow:
    """One row of the handout's glossary table."""

    term: str
    pinyin: str
    english: str
    explanation: str  # in English
    explanation_zh: str = ""  # the same in Chinese (shown on slides' cards)


GlossaryLookup = Callable[[str], "GlossaryRow | None"]


@dataclass(frozen=True)
class HandoutWord:
    """A word of the text with the pinyin to print above each of its characters (None where nothing is printed)."""

    text: str
    ruby: tuple[str | None, ...]


@dataclass(frozen=True)
class HandoutParagraph:
    """A paragraph as a run of words."""

    paragraph_id: str
    words: tuple[HandoutWord, ...]

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(word.text for word in self.words)


@dataclass(frozen=True)
class HandoutSection:
    """A section of a chosen part: the part's number (`reader.core.outline`: 0 is the preamble), the section's
    heading (None for a lead or a continuation, printed without one), its heading level and its paragraphs."""

    number: int
    heading: str | None
    paragraphs: tuple[HandoutParagraph, ...]
    level: int = 1
    starts_part: bool = True  # the first section of its part (note lines go before the next part)


@dataclass(frozen=True)
class HandoutOptions:
    """What the user asked for."""

    sections: str = ""  # parts: "1-3", "2", "1,3", "0" for the preamble; empty means the whole article
    pinyin: PinyinMode = PinyinMode.GLOSSARY
    note_lines: bool = False
    paper: Paper = Paper.A4


@dataclass(frozen=True)
class HandoutPlan:
    """Everything a renderer needs to print the handout."""

    title: str
    title_lines: tuple[str, ...]  # subtitle, byline, dateline as present
    sections: tuple[HandoutSection, ...]
    glossary: tuple[GlossaryRow, ...]
    pinyin: PinyinMode
    note_lines: bool
    paper: Paper
    source_name: str | None = field(default=None)


_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def parse_section_spec(spec: str, section_count: int, first: int = 1) -> tuple[int, ...]:
    """Return the 0-based indices of the parts a spec like `1-3`, `2` or `1,3` names (numbers count from `first`:
    1, or 0 when the article has a preamble, part 0).

    An empty spec means every part. Raises `ExportProblem` for a malformed spec or a part that does not exist.
    """
    if not spec.strip():
        return tuple(range(section_count))
    chosen: list[int] = []
    for part in spec.split(","):
        match = _RANGE.match(part)
        if not match:
            raise ExportProblem(f"cannot read the section list {spec!r}: write it like 1-3, 2 or 1,3")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if low < first or high < low or high > section_count - 1 + first:
            raise ExportProblem(f"there is no section {part.strip()}: the article has sections {first} to "
                                f"{section_count - 1 + first}" + (" (0 is the lead)" if first == 0 else ""))
        chosen.extend(n - first for n in range(low, high + 1) if n - first not in chosen)
    return tuple(sorted(chosen))


def tone_marks(readings: list[str | None]) -> tuple[str | None, ...]:
    """Return numbered syllables ("zhi4", "de5", "lv4") written with tone marks ("zhì", "de", "lǜ")."""
    return tuple(render(r, PinyinStyle.MARKS) if r else None for r in readings)


def _paragraph_words(paragraph: Paragraph, annotated: AnnotatedParagraph | None,
                     mode: PinyinMode) -> tuple[HandoutWord, ...]:
    """Split a paragraph into words with the pinyin `mode` prints above them."""
    if annotated is None or annotated.text != paragraph.text or not annotated.tokens:
        return tuple(HandoutWord(char, (None,)) for char in paragraph.text)
    shown = shown_readings(len(paragraph.text), annotated.tokens, annotated.glossary_hits, PinyinOptions(mode))
    return tuple(HandoutWord(token.text, tone_marks(shown[token.start : token.end])) for token in annotated.tokens)


def _glossary_rows(terms: list[tuple[str, str]], lookup: GlossaryLookup | None) -> tuple[GlossaryRow, ...]:
    """Return a row per (term, reading from the text), from the glossary where it has the term."""
    rows = []
    for term, reading in terms:
        row = lookup(term) if lookup else None
        rows.append(row or GlossaryRow(term, reading, "", ""))
    return tuple(rows)


def _terms_in(paragraphs: list[AnnotatedParagraph]) -> list[tuple[str, str]]:
    """Return each glossary term of the paragraphs once, in order of first occurrence, with its reading there."""
    found: dict[str, str] = {}
    for annotated in paragraphs:
        readings = annotated.readings()
        for hit in annotated.glossary_hits:
            if hit.term not in found:
                marks = tone_marks(readings[hit.start:hit.end])
                found[hit.term] = " ".join(r for r in marks if r)
    return list(found.items())


def plan_handout(article: Article, annotated: AnnotatedArticle | None, options: HandoutOptions,
                 lookup: GlossaryLookup | None = None) -> HandoutPlan:
    """Return the handout of the chosen parts of `article` (`reader.core.outline`: the preamble is part 0, sub-items
    belong to their part); `lookup` gives a glossary row for a term."""
    parts = article_parts(article)
    indices = parse_section_spec(options.sections, len(parts), parts[0].number if parts else 1)
    if not indices:
        raise ExportProblem("the article has no sections to print")
    annotations = annotated.paragraphs if annotated else {}
    sections, used = [], []
    for part in (parts[i] for i in indices):
        for position, index in enumerate(part.sections):
            section = article.sections[index]
            paragraphs = []
            for paragraph in section.paragraphs:
                found = annotations.get(paragraph.id)
                if found is not None and found.text == paragraph.text:
                    used.append(found)
                paragraphs.append(HandoutParagraph(paragraph.id, _paragraph_words(paragraph, found, options.pinyin)))
            heading = section.heading if section.kind is not SectionKind.CAPTION else section.heading or "图片说明"
            sections.append(HandoutSection(part.number, heading, tuple(paragraphs), section.level, position == 0))
    title_lines = tuple(line for line in (article.subtitle, article.byline, article.dateline) if line)
    return HandoutPlan(article.title, title_lines, tuple(sections), _glossary_rows(_terms_in(used), lookup),
                       options.pinyin, options.note_lines, options.paper, article.source.file_name)


def row_from_entry(entry: "GlossaryEntry") -> GlossaryRow:
    """Make a glossary table row from a glossary entry (term, pinyin, English, both explanations)."""
    return GlossaryRow(entry.term, entry.pinyin, entry.english, entry.explanation_en, entry.explanation_zh)


def glossary_lookup() -> GlossaryLookup:
    """Return a term → glossary row lookup over the language layer's merged glossary (loaded on first use)."""
    from reader.core import lang

    def lookup(term: str) -> GlossaryRow | None:
        entry = lang.load_glossary().get(term)
        return row_from_entry(entry) if entry is not None else None

    return lookup
