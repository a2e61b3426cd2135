"""The reader's typographic choices, and how each kind of block is set (Qt-free data)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core.settings import LINE_SPACING, POINT_SIZE, THEME, TONE_COLOURS, TONE_MARKS
from reader.ui.themes import THEMES, Theme
from reader.core.pinyin_display import PinyinOptions

RUBY_SCALE = 0.48  # pinyin size relative to the characters below it
MIN_RUBY_POINT_SIZE = 8.0  # pinyin never smaller: a byline's after three zoom-outs stays readable


def ruby_point_size(text_point_size: float) -> float:
    """Return the pinyin size over characters of `text_point_size` points (RUBY_SCALE of it, never below the
    minimum)."""
    return max(text_point_size * RUBY_SCALE, MIN_RUBY_POINT_SIZE)


@dataclass(frozen=True)
class KindStyle:
    """How one kind of block is set: size relative to body text, weight, alignment, indent and space above."""

    scale: float
    bold: bool = False
    align: str = "justify"
    indent_em: float = 0.0
    space_before: float = 0.0
    muted: bool = False


KIND_STYLES: dict[str, KindStyle] = {
    "title": KindStyle(1.75, bold=True, align="center", space_before=0.2),
    "subtitle": KindStyle(1.15, align="center", space_before=0.2),
    "byline": KindStyle(0.85, align="center", space_before=0.4, muted=True),
    "heading": KindStyle(1.15, bold=True, align="left", space_before=0.9),
    "paragraph": KindStyle(1.0, indent_em=2.0, space_before=0.35),
    "caption": KindStyle(0.85, align="left", space_before=0.35, muted=True),
}


@dataclass
class ViewStyle:
    """Everything that changes how the article is drawn."""

    family: str | None = None  # the CJK font family; None lets Qt choose
    point_size: float = POINT_SIZE.default
    line_spacing: float = LINE_SPACING.default
    theme: Theme = THEMES[THEME.default]
    tone_marks: bool = TONE_MARKS.default  # False shows tone numbers (gao1)
    tone_colours: bool = TONE_COLOURS.default
    pinyin: PinyinOptions = field(default_factory=PinyinOptions)

    def zoomed(self, factor: float) -> ViewStyle:
        """Return a copy with the point size multiplied by `factor`, kept within sensible bounds."""
        return replace(self, point_size=POINT_SIZE.clamp(self.point_size * factor))
