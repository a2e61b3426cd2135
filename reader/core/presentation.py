"""A running presentation as plain data: where it is, what covers the projector, the presenter's clock and notes.

Qt-free; the windows turn keys and clicks into `PresentationState` commands and redraw on a change. The slides
themselves are planned by `reader.core.slides`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Iterable

from reader.core.slides import Slide, first_slide_of_section

if TYPE_CHECKING:
    from reader.core.storage.annotations import Annotation


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
