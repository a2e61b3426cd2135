"""Split an article into presentation slides: a title slide, then one section per slide.

A section longer than one slide's character budget continues on further slides, split between paragraphs; a
paragraph longer than a whole slide is split between sentences (after 。！？；… and any closing quotes that follow),
never inside a sentence. Every paragraph, or every sentence piece of a split paragraph, lands on exactly one slide.
The budget is a character count that the window computes from the screen size and the type size.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Iterable

from reader.core.model import Article, Section
from reader.core.sentences import sentence_spans

if TYPE_CHECKING:
    from reader.core.storage.annotations import Annotation

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


def _sentence_groups(text: str, first_room: int, budget: int) -> tuple[bool, list[tuple[int, int]]]:
    """Pack the sentences of a too-long paragraph into runs: the first fits `first_room`, the others `budget`.

    Returns whether the first run must start on a fresh slide (its first sentence does not fit `first_room`), and
    the (start, end) span of each run. A sentence longer than `budget` is a run on its own.
    """
    spans = sentence_spans(text)
    fresh = spans[0][1] > first_room
    room = budget if fresh else first_room
    groups: list[tuple[int, int]] = []
    run_start = run_end = 0
    for _, end in spans:
        if end - run_start > room and run_end > run_start:
            groups.append((run_start, run_end))
            run_start, room = run_end, budget
        run_end = end
    groups.append((run_start, run_end))
    return fresh, groups


def _section_pages(section: Section, budget: int) -> list[list[SlidePiece]]:
    """Return the pieces of each slide of one section, filled greedily.

    Every slide of the section repeats its heading, so the room for text is the budget less the heading.
    """
    room = max(MIN_BUDGET, budget - len(section.heading or ""))
    pages: list[list[SlidePiece]] = [[]]
    used = 0
    for paragraph in section.paragraphs:
        size = len(paragraph.text)
        if used + size <= room:
            pages[-1].append(SlidePiece(paragraph.id, paragraph.text, 0, size, size, paragraph.role))
            used += size
            continue
        if size <= room:
            pages.append([SlidePiece(paragraph.id, paragraph.text, 0, size, size, paragraph.role)])
            used = size
            continue
        fresh, groups = _sentence_groups(paragraph.text, room - used, room)
        for number, (start, end) in enumerate(groups):
            if (number > 0 or fresh) and pages[-1]:
                pages.append([])
                used = 0
            pages[-1].append(SlidePiece(paragraph.id, paragraph.text[start:end], start, end, size, paragraph.role))
            used += end - start
    return [page for page in pages if page] or [[]]


def title_slide(article: Article) -> Slide:
    """Return the opening slide: the article's title (its subtitle, byline and dateline are shown with it)."""
    return Slide(kind=SlideKind.TITLE, heading=article.title)


def plan_slides(article: Article, char_budget: int) -> list[Slide]:
    """Split `article` into slides: the title slide, then each section on one or more slides of <= `char_budget`.

    A single sentence longer than the budget gets a slide of its own rather than being cut.
    """
    budget = max(MIN_BUDGET, int(char_budget))
    slides = [title_slide(article)]
    for section_index, section in enumerate(article.sections):
        pages = _section_pages(section, budget)
        for part, pieces in enumerate(pages, start=1):
            slides.append(Slide(SlideKind.SECTION, section.heading, tuple(pieces), section_index, part, len(pages)))
    return slides


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


def trainer_notes(annotations: Iterable["Annotation"], paragraph_ids: Iterable[str]) -> list[str]:
    """Return one line per bookmark, highlight or note anchored in `paragraph_ids`, in reading order.

    `annotations` are stored annotations (`reader.core.storage.annotations.Annotation`): kind, name, note and an
    anchor with paragraph_id, start and exact (the quoted text). Deleted ones are left out.
    """
    order = {pid: n for n, pid in enumerate(paragraph_ids)}
    chosen = [a for a in annotations if a.anchor.paragraph_id in order and a.deleted_at is None]
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
