"""Reading themes (light, dark, sepia) and the tone colour scheme, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

# Pleco's tone colours, the scheme most learners know: 1 red, 2 green, 3 blue, 4 purple, neutral grey.
PLECO_TONE_COLOURS = {1: "#e30000", 2: "#02b31c", 3: "#1510f0", 4: "#8900bf", 5: "#777777", 0: "#777777"}
PLECO_TONE_COLOURS_DARK = {1: "#ff5c5c", 2: "#3ddc57", 3: "#6f8bff", 4: "#c77dff", 5: "#9a9a9a", 0: "#9a9a9a"}


@dataclass(frozen=True)
class Theme:
    """The colours of the reading surface."""

    name: str
    background: str
    text: str
    muted: str  # byline, captions
    pinyin: str
    heading: str
    glossary_underline: str
    selection: str
    find_match: str
    find_current: str
    tone_colours: dict[int, str]
    dark: bool = False


THEMES: dict[str, Theme] = {
    "light": Theme("light", "#fbfbf8", "#1b1b1b", "#666666", "#555555", "#111111", "#c0392b",
                   "#b3d4fc", "#fff3a0", "#ffb347", PLECO_TONE_COLOURS),
    "sepia": Theme("sepia", "#f4ecd8", "#3b2f20", "#7a6a55", "#6b5a45", "#2b2015", "#a0522d",
                   "#d9c7a3", "#f3dc7a", "#e9a23b", PLECO_TONE_COLOURS),
    "dark": Theme("dark", "#1e1f22", "#dcdcdc", "#9a9a9a", "#b0b0b0", "#f0f0f0", "#e07a5f",
                  "#3a5a85", "#6b5d1f", "#a0661d", PLECO_TONE_COLOURS_DARK, dark=True),
}


def theme_named(name: str) -> Theme:
    """Return the theme called `name`, or the light theme for an unknown name."""
    return THEMES.get(name, THEMES["light"])
