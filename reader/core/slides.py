"""Split an article into presentation slides: a title slide, then one section per slide.

Whether a slide's text fits is asked of a `Fits` callable: the presentation window lays the slide out at the
smallest type that is still readable from the back of a room (`characters_fit` is a plain character budget, for
scripts and tests). A section that fits is one slide. One that does not continues on further slides, split between
paragraphs; a paragraph that does not fit a whole slide is split between sentences (after 。！？；… and any
closing quotes that follow), never inside a sentence. Every paragraph, or every sentence piece of a split
paragraph, lands on exactly one slide. Sections are numbered from 1 (0 is the title slide), the same numbers the
counter shows, number+Enter jumps to and the reader's sections panel lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Callable

from reader.core.model import Article, Paragraph, Section
from reader.core.sentences import sentence_spans

MIN_BUDGET = 20


class SlideKind(StrEnum):
    """What a slide shows."""

    TITLE = "title"
    SECTION = "section"


@dataclass(frozen=True)
class SlidePiece:
    """A paragraph, or a run of its whole sentences, shown on one slide; `start`/`end` are offsets in the paragraph."""

    paragraph_id: str
    text: str
    start: int
    end: int
    paragraph_length: int
    role: str = "text"

    @property
    def is_whole_paragraph(self) -> bool:
        """True when the piece is the paragraph from its first to its last character."""
        return self.start == 0 and self.end == self.paragraph_length


@dataclass(frozen=True)
class Slide:
    """One screen of a presentation.

    `section_index` is the 0-based index into `article.sections` (None on the title slide); `part` counts from 1
    among the slides of the same section, out of `parts`.
    """

    kind: SlideKind
    heading: str | None
    pieces: tuple[SlidePiece, ...] = ()
    section_index: int | None = None
    part: int = 1
    parts: int = 1

    @property
    def paragraph_ids(self) -> tuple[str, ...]:
        """The ids of the paragraphs with text on this slide, in order, without repeats."""
        return tuple(dict.fromkeys(piece.paragraph_id for piece in self.pieces))

    def char_count(self) -> int:
        """The number of characters this slide shows (heading included)."""
        return len(self.heading or "") + sum(len(piece.text) for piece in self.pieces)


Fits = Callable[["Slide"], bool]  # True when the slide's text fits its screen at a readable size


def characters_fit(char_budget: int) -> Fits:
    """Return a `Fits` that allows `char_budget` characters per slide (at least MIN_BUDGET besides the heading)."""
    budget = int(char_budget)
    return lambda slide: slide.char_count() <= max(budget, MIN_BUDGET + len(slide.heading or ""))


@dataclass(frozen=True)
class _Sentence:
    """A sentence of a section: its paragraph, its span there, and whether it ends the paragraph."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def ends_paragraph(self) -> bool:
        return self.end == len(self.paragraph.text)


def _pieces(sentences: list[_Sentence]) -> list[SlidePiece]:
    """Join consecutive sentences of one paragraph into one piece each."""
    pieces: list[SlidePiece] = []
    for sentence in sentences:
        paragraph, start = sentence.paragraph, sentence.start
        if pieces and pieces[-1].paragraph_id == paragraph.id and pieces[-1].end == start:
            start = pieces.pop().start
        pieces.append(SlidePiece(paragraph.id, paragraph.text[start:sentence.end], start, sentence.end,
                                 len(paragraph.text), paragraph.role))
    return pieces


class _SectionSplitter:
    """Splits one section into the fewest slides that fit, breaking at paragraph ends wherever that costs no slide
    (the paragraph end that shares the text most evenly among the slides left).

    `reach(i)` is how far a slide starting at sentence i extends (binary search: fitting is monotone), and `needed(i)`
    how many slides the rest takes from there; both are remembered, so each layout question is asked once.
    """

    def __init__(self, section: Section, fits_pieces: Callable[[list[SlidePiece]], bool]) -> None:
        self.sentences = [_Sentence(p, a, b) for p in section.paragraphs for a, b in sentence_spans(p.text) or [(0, 0)]]
        self.fits_pieces = fits_pieces
        self._reach: dict[int, int] = {}
        self._needed: dict[int, int] = {len(self.sentences): 0}

    def fits(self, start: int, end: int) -> bool:
        """True when sentences [start, end) fit one slide."""
        return self.fits_pieces(_pieces(self.sentences[start:end]))

    def reach(self, start: int) -> int:
        """Return the end of the longest run of sentences from `start` that fits (at least one sentence)."""
        if start not in self._reach:
            low, high = start + 1, len(self.sentences)
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (middle, high) if self.fits(start, middle) else (low, middle - 1)
            self._reach[start] = low
        return self._reach[start]

    def needed(self, start: int) -> int:
        """Return how many slides the sentences from `start` take at the fewest."""
        while start not in self._needed:
            chain, position = [], start
            while position not in self._needed:
                chain.append(position)
                position = self.reach(position)
            for index in reversed(chain):
                self._needed[index] = 1 + self._needed[self.reach(index)]
        return self._needed[start]

    def pages(self) -> list[list[SlidePiece]]:
        """Return the pieces of each slide."""
        if not self.sentences or self.fits(0, len(self.sentences)):
            return [_pieces(self.sentences)]
        sizes = [0]
        for sentence in self.sentences:
            sizes.append(sizes[-1] + sentence.end - sentence.start)
        pages, start = [], 0
        while start < len(self.sentences):
            far, left = self.reach(start), self.needed(start) - 1
            share = (sizes[-1] - sizes[start]) / (left + 1)  # the characters each remaining slide would get if even
            ends = [end for end in range(far, start, -1)
                    if self.sentences[end - 1].ends_paragraph and self.needed(end) <= left]
            end = min(ends, key=lambda end: abs(sizes[end] - sizes[start] - share)) if ends else far
            pages.append(_pieces(self.sentences[start:end]))
            start = end
        return pages


def _section_pages(section: Section, fits_pieces: Callable[[list[SlidePiece]], bool]) -> list[list[SlidePiece]]:
    """Return the pieces of each slide of one section: all on one when they fit, else as few slides as fit, split at
    paragraph ends where that adds no slide, else at sentence ends."""
    pages = _SectionSplitter(section, fits_pieces).pages()
    return [page for page in pages if page] or [[]]


def title_slide(article: Article) -> Slide:
    """Return the opening slide: the article's title (its subtitle, byline and dateline are shown with it)."""
    return Slide(kind=SlideKind.TITLE, heading=article.title)


def plan_slides(article: Article, fits: Fits) -> list[Slide]:
    """Split `article` into slides: the title slide, then each section on as few slides as `fits` allows.

    A single sentence that fits no slide gets a slide of its own rather than being cut.
    """
    slides = [title_slide(article)]
    for section_index, section in enumerate(article.sections):
        def fits_pieces(pieces: list[SlidePiece], section=section, index=section_index) -> bool:
            return fits(Slide(SlideKind.SECTION, section.heading, tuple(pieces), index))

        pages = _section_pages(section, fits_pieces)
        for part, pieces in enumerate(pages, start=1):
            slides.append(Slide(SlideKind.SECTION, section.heading, tuple(pieces), section_index, part, len(pages)))
    return slides


def slide_counter(slide: Slide, section_count: int) -> str:
    """Return the projector's counter: `n / N` for section n of N, with `(k/m)` for part k of m of a split section;
    empty on the title slide (section 0)."""
    if slide.section_index is None:
        return ""
    counter = f"{slide.section_index + 1} / {section_count}"
    return f"{counter} ({slide.part}/{slide.parts})" if slide.parts > 1 else counter


def slide_position(slide: Slide, section_count: int) -> str:
    """Return where a slide is, in words: `section n of N` (and `part k of m`), or `title`."""
    if slide.section_index is None:
        return "title (section 0)"
    where = f"section {slide.section_index + 1} of {section_count}"
    return f"{where}, part {slide.part} of {slide.parts}" if slide.parts > 1 else where


def first_slide_of_section(slides: list[Slide], section_index: int) -> int:
    """Return the index of the first slide of section `section_index` (0-based), clamped to the existing sections."""
    candidates = [i for i, slide in enumerate(slides) if slide.section_index is not None]
    if not candidates:
        return 0
    for index in candidates:
        if slides[index].section_index >= section_index:
            return index
    return candidates[-1]
