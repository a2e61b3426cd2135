"""What both presentation windows share: the article, its annotation, the glossary, and one state with a notifier.

`PresentationModel` is the thin Qt side of `reader.core.presentation.PresentationState`: every command goes through
`apply`, and `changed` fires when the state moved, so the projector and the presenter view redraw in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from PySide6.QtCore import QObject, Signal

from reader.core.annotation import AnnotatedArticle
from reader.core.handout import GlossaryLookup, GlossaryRow
from reader.core.model import Article
from reader.core.pinyin_display import PinyinMode, PinyinOptions
from reader.core.presentation import Blank, PresentationState


@dataclass
class Deck:
    """The material of a presentation (read-only while it runs)."""

    article: Article
    annotated: AnnotatedArticle | None = None
    glossary: GlossaryLookup | None = None
    annotations: Sequence[Any] = ()  # stored bookmarks/highlights/notes of this article (see trainer_notes)
    pinyin: PinyinOptions = field(default_factory=PinyinOptions)
    family: str | None = None
    scenes: dict[tuple, Any] = field(default_factory=dict, repr=False)  # laid-out slides, shared by all canvases

    def cached_scene(self, key: tuple, build: Callable[[], Any], keep: int = 12) -> Any:
        """Return the laid-out slide for `key`, building it once; the oldest are dropped beyond `keep`."""
        if key not in self.scenes:
            self.scenes[key] = build()
            while len(self.scenes) > keep:
                self.scenes.pop(next(iter(self.scenes)))
        return self.scenes[key]

    @property
    def section_count(self) -> int:
        """How many sections the article has (the N of "section n of N")."""
        return len(self.article.sections)

    def shown_pinyin(self, visible: bool) -> PinyinOptions | None:
        """Return the reader's pinyin options when pinyin is revealed (OFF counts as all), else None."""
        if not visible:
            return None
        if self.pinyin.mode is PinyinMode.OFF:
            return PinyinOptions(PinyinMode.ALL, self.pinyin.hsk_level, self.pinyin.known_words)
        return self.pinyin

    def card(self, term: str, reading: str = "") -> GlossaryRow:
        """Return the glossary card of `term` (term and reading only when the glossary does not have it)."""
        row = self.glossary(term) if self.glossary else None
        return row or GlossaryRow(term, reading, "", "")


COMMANDS: dict[str, Callable[[PresentationState, Any], bool]] = {
    "next": lambda s, _: s.next(),
    "previous": lambda s, _: s.previous(),
    "first": lambda s, _: s.go_to(0),
    "last": lambda s, _: s.go_to(len(s.slides) - 1),
    "go": lambda s, index: s.go_to(int(index)),
    "digit": lambda s, digit: s.type_digit(str(digit)),
    "back": lambda s, _: s.erase_digit() if s.typed_number else s.previous(),
    "enter": lambda s, _: s.enter(),
    "black": lambda s, _: s.toggle_blank(Blank.BLACK),
    "white": lambda s, _: s.toggle_blank(Blank.WHITE),
    "pinyin": lambda s, _: s.toggle_pinyin(),
    "progress": lambda s, _: s.toggle_progress(),
    "cards": lambda s, _: s.toggle_cards(),
    "card": lambda s, term: s.show_card(term),
    "focus": lambda s, paragraph_id: s.focus_paragraph(paragraph_id),
}


class PresentationModel(QObject):
    """One presentation state for every window; `changed` fires after each command that changed something.

    Signals:
        changed(): redraw.
    """

    changed = Signal()

    def __init__(self, state: PresentationState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state

    def apply(self, command: str, argument: Any = None) -> bool:
        """Run a state command by name; return True (and emit `changed`) when it changed something."""
        if COMMANDS[command](self.state, argument):
            self.changed.emit()
            return True
        return False

    def close_overlay(self) -> bool:
        """Close what Esc closes first (a card, the cards, the focus, a typed number); False when there was none."""
        if self.state.close_overlay():
            self.changed.emit()
            return True
        return False
