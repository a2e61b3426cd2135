"""How each view command changes the style: zoom, spacing, theme and pinyin mode steps (Qt-free)."""

from __future__ import annotations

from dataclasses import replace

from reader.ui.themes import THEMES, theme_named
from reader.core.pinyin_display import PinyinMode
from reader.core.settings import LINE_SPACING, POINT_SIZE
from reader.ui.view.style import ViewStyle

ZOOM_STEP = 1.12
SPACING_STEP = 0.1
MODE_ORDER = (PinyinMode.ALL, PinyinMode.GLOSSARY, PinyinMode.ABOVE_HSK, PinyinMode.UNKNOWN, PinyinMode.OFF)
THEME_ORDER = tuple(THEMES)


def zoom_in(style: ViewStyle) -> ViewStyle:
    """Return the style one zoom step larger."""
    return style.zoomed(ZOOM_STEP)


def zoom_out(style: ViewStyle) -> ViewStyle:
    """Return the style one zoom step smaller."""
    return style.zoomed(1 / ZOOM_STEP)


def zoom_reset(style: ViewStyle) -> ViewStyle:
    """Return the style at the default size."""
    return replace(style, point_size=POINT_SIZE.default)


def change_spacing(style: ViewStyle, steps: int) -> ViewStyle:
    """Return the style with line spacing changed by `steps` steps, within bounds."""
    spacing = round(LINE_SPACING.clamp(style.line_spacing + steps * SPACING_STEP), 2)
    return replace(style, line_spacing=spacing)


def with_theme(style: ViewStyle, name: str) -> ViewStyle:
    """Return the style with the named theme."""
    return replace(style, theme=theme_named(name))


def next_theme(style: ViewStyle) -> ViewStyle:
    """Return the style with the next theme (light → sepia → dark → light)."""
    index = THEME_ORDER.index(style.theme.name) if style.theme.name in THEME_ORDER else -1
    return with_theme(style, THEME_ORDER[(index + 1) % len(THEME_ORDER)])


def with_mode(style: ViewStyle, mode: PinyinMode, hsk_level: int | None = None) -> ViewStyle:
    """Return the style with another pinyin mode (and HSK level)."""
    level = style.pinyin.hsk_level if hsk_level is None else hsk_level
    return replace(style, pinyin=replace(style.pinyin, mode=mode, hsk_level=level))


def next_mode(style: ViewStyle) -> ViewStyle:
    """Return the style with the next pinyin mode in the toolbar's order."""
    index = MODE_ORDER.index(style.pinyin.mode)
    return with_mode(style, MODE_ORDER[(index + 1) % len(MODE_ORDER)])
