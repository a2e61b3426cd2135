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
from typing import Any, Callable, Iterable

from reader.core.model import Article, Section

SENTENCE_ENDS = frozenset("。！？；…!?;")
CLOSING_MARKS = frozenset("”’」』）)》〉】\"'")
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of `text`, covering it entirely, split only after sentence ends.

    A sentence ends after a run of 。！？；… (and ASCII !?;), together with the closing quotes or brackets that follow.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    index = 0
    while index < len(text):
        if text[index] in SENTENCE_ENDS:
            index += 1
            while index < len(text) and (text[index] in SENTENCE_ENDS or text[index] in CLOSING_MARKS):
                index += 1
            spans.append((start, index))
            start = index
        else:
            index += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


Fits = Callable[["Slide"], bool]  # True when the slide's text fits its screen at a readable size


def characters_fit(char_budget: int) -> Fits:
    """Return a `Fits` that allows `char_budget` characters per slide (at least MIN_BUDGET besides the heading)."""
    budget = int(char_budget)
    return lambda slide: slide.char_count() <= max(budget, MIN_BUDGET + len(slide.heading or ""))


@dataclass(frozen=True)
class _Sentence:
    """A sentence of a section: its paragraph, its span there, and whether it ends the paragraph."""

    paragraph: Any
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
    """Splits one section into the fewest slides that fit, breaking at paragraph ends wherever that costs no slide.

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
        pages, start = [], 0
        while start < len(self.sentences):
            far, left = self.reach(start), self.needed(start) - 1
            ends = [end for end in range(far, start, -1) if self.sentences[end - 1].ends_paragraph]
            end = next((end for end in ends if self.needed(end) <= left), far)
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


class Blank(StrEnum):
    """What covers the projector instead of the slide."""

    NONE = "none"
    BLACK = "black"
    WHITE = "white"


@dataclass
class PresentationState:
    """Where a presentation is and what the projector shows; every command returns True when something changed.

    Plain data, no Qt: the windows turn keys and clicks into these commands and redraw on a change.
    """

    slides: list[Slide]
    index: int = 0
    blank: Blank = Blank.NONE
    pinyin: bool = False
    progress_visible: bool = True
    cards_visible: bool = False  # the glossary cards of the terms on this slide
    card_term: str | None = None  # one term's card, shown large
    focused_paragraph: str | None = None  # the others are dimmed
    typed_number: str = ""  # digits typed before Enter, to jump to a section

    @property
    def slide(self) -> Slide:
        """The slide being shown."""
        return self.slides[self.index]

    @property
    def next_slide(self) -> Slide | None:
        """The slide after this one, or None at the end."""
        return self.slides[self.index + 1] if self.index + 1 < len(self.slides) else None

    @property
    def section_index(self) -> int:
        """The 0-based section being shown (0 on the title slide)."""
        return self.slide.section_index or 0

    def go_to(self, index: int) -> bool:
        """Show slide `index` (clamped); a blank screen comes back first, without moving."""
        self.typed_number = ""
        if self.blank is not Blank.NONE:
            self.blank = Blank.NONE
            return True
        index = min(max(index, 0), len(self.slides) - 1)
        if index == self.index:
            return self._clear_overlays()
        self.index = index
        self._clear_overlays()
        return True

    def next(self) -> bool:
        """Go to the next slide."""
        return self.go_to(self.index + 1)

    def previous(self) -> bool:
        """Go to the previous slide."""
        return self.go_to(self.index - 1)

    def type_digit(self, digit: str) -> bool:
        """Add a digit to the section number being typed."""
        self.typed_number = (self.typed_number + digit)[-4:]
        return True

    def erase_digit(self) -> bool:
        """Take back the last typed digit."""
        self.typed_number = self.typed_number[:-1]
        return True

    def enter(self) -> bool:
        """Jump to the typed section number (1-based; 0 is the title), or go to the next slide when none is typed."""
        if not self.typed_number:
            return self.next()
        number = int(self.typed_number)
        target = 0 if number == 0 else first_slide_of_section(self.slides, number - 1)
        return self.go_to(target)

    def toggle_blank(self, blank: Blank) -> bool:
        """Cover the projector with black or white, or show the slide again."""
        self.blank = Blank.NONE if self.blank is blank else blank
        return True

    def toggle_pinyin(self) -> bool:
        """Show or hide pinyin."""
        self.pinyin = not self.pinyin
        return True

    def toggle_progress(self) -> bool:
        """Show or hide the `n / N` indicator."""
        self.progress_visible = not self.progress_visible
        return True

    def toggle_cards(self) -> bool:
        """Show or hide the glossary cards of the terms on this slide."""
        self.cards_visible = not self.cards_visible
        self.card_term = None
        return True

    def show_card(self, term: str | None) -> bool:
        """Show one term's card large (None closes it)."""
        self.card_term = term
        return True

    def focus_paragraph(self, paragraph_id: str | None) -> bool:
        """Dim every paragraph but this one; focusing the focused one again (or None) lights them all."""
        self.focused_paragraph = None if paragraph_id == self.focused_paragraph else paragraph_id
        return True

    def paragraph_to_read(self) -> str | None:
        """Return the id of the paragraph to read aloud: the focused one, else the first on this slide."""
        ids = self.slide.paragraph_ids
        return self.focused_paragraph if self.focused_paragraph in ids else ids[0] if ids else None

    def close_overlay(self) -> bool:
        """Close a card, the cards, the focus or a typed number; False when there was none (Esc then leaves)."""
        had = bool(self.typed_number)
        self.typed_number = ""
        return self._clear_overlays() or had

    def _clear_overlays(self) -> bool:
        had = self.cards_visible or self.card_term is not None or self.focused_paragraph is not None
        self.cards_visible, self.card_term, self.focused_paragraph = False, None, None
        return had


@dataclass
class ElapsedClock:
    """The presenter's elapsed-time counter: runs, pauses, resets. `now` is a monotonic time in seconds."""

    started_at: float | None = None
    banked: float = 0.0

    def start(self, now: float) -> None:
        """Start (or resume) counting."""
        if self.started_at is None:
            self.started_at = now

    def pause(self, now: float) -> None:
        """Stop counting, keeping the time so far."""
        if self.started_at is not None:
            self.banked += now - self.started_at
            self.started_at = None

    def toggle(self, now: float) -> None:
        """Pause when running, resume when paused."""
        if self.running:
            self.pause(now)
        else:
            self.start(now)

    def reset(self, now: float) -> None:
        """Go back to zero, still running if it was."""
        self.banked = 0.0
        self.started_at = now if self.started_at is not None else None

    @property
    def running(self) -> bool:
        """True while counting."""
        return self.started_at is not None

    def elapsed(self, now: float) -> float:
        """Seconds counted so far."""
        return self.banked + (now - self.started_at if self.started_at is not None else 0.0)


def format_elapsed(seconds: float) -> str:
    """Return `m:ss`, or `h:mm:ss` from one hour on."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def trainer_notes(annotations: Iterable[Any], paragraph_ids: Iterable[str]) -> list[str]:
    """Return one line per bookmark, highlight or note anchored in `paragraph_ids`, in reading order.

    `annotations` are stored annotations (`reader.core.storage.annotations.Annotation`): kind, name, note and an
    anchor with paragraph_id, start and exact (the quoted text). Deleted ones are left out.
    """
    order = {pid: n for n, pid in enumerate(paragraph_ids)}
    chosen = [a for a in annotations if a.anchor.paragraph_id in order and not getattr(a, "deleted_at", None)]
    chosen.sort(key=lambda a: (order[a.anchor.paragraph_id], a.anchor.start))
    lines = []
    for item in chosen:
        quote = f"「{item.anchor.exact}」" if item.anchor.exact else ""
        if item.kind == "bookmark":
            lines.append(f"🔖 {item.name or ''} {quote}".strip())
        elif item.note:
            lines.append(f"✎ {quote} {item.note}".strip())
        else:
            lines.append(f"▍{quote}")
    return lines
