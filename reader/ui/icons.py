"""The toolbar's icons: Bootstrap Icons (MIT, resources/icons/toolbar with its LICENSE), drawn in the theme's colour.

The SVGs say `fill="currentColor"`; Qt would draw that black, so each icon is recoloured before it is rendered, once
per colour (a dark theme gets light icons). Rendering goes through Qt's SVG image plugin: no QtSvg import at start-up.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

from reader.core.paths import resources_dir

ICON_SIZES = (16, 20)  # menus and the toolbar; Qt scales for other sizes (each size rendered costs ~0.2 ms)

# Which icon each toolbar action shows (file names in resources/icons/toolbar without ".svg").
ACTION_ICONS = {
    "tone_numbers": "123", "tone_colours": "palette", "zoom_out": "zoom-out", "zoom_in": "zoom-in",
    "theme_cycle": "circle-half", "find": "search", "sections_panel": "list-ol", "glossary_panel": "book",
    "library": "bookshelf", "bookmarks_panel": "bookmark", "notes_panel": "journal-text", "open": "folder2-open",
    "present_start": "easel", "print_handout": "printer", "vocabulary": "card-list", "feeds_panel": "feed",
    "info_panel": "info-circle",
}


def icon_folder() -> Path:
    """Return the folder of the toolbar's SVG icons."""
    return resources_dir() / "icons" / "toolbar"


@lru_cache(maxsize=None)
def _svg(name: str) -> str:
    return (icon_folder() / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def themed_icon(name: str, colour: str) -> QIcon:
    """Return the icon `name` drawn in `colour` (e.g. "#dcdcdc"), at the sizes toolbars and menus use."""
    data = _svg(name).replace("currentColor", colour).encode("utf-8")
    icon = QIcon()
    scale = max(1, round(QGuiApplication.instance().devicePixelRatio())) if QGuiApplication.instance() else 1
    for size in (s * scale for s in ICON_SIZES):
        sized = data.replace(b'width="16" height="16"', f'width="{size}" height="{size}"'.encode(), 1)
        pixmap = QPixmap()
        if pixmap.loadFromData(sized, "SVG"):
            icon.addPixmap(pixmap)
    return icon


def apply_action_icons(actions: dict, colour: str) -> None:
    """Give every action of ACTION_ICONS its icon in `colour`."""
    for name, icon_name in ACTION_ICONS.items():
        if name in actions:
            actions[name].setIcon(themed_icon(icon_name, colour))
