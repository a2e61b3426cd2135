"""The reader's preferences (look and feel only; data lives in the store), in an INI file in the data folder.

What each setting is, and what values it allows, is declared in `reader.core.settings`; every read goes through its
validating function, so a damaged `settings.ini` gives defaults, never a crash.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from reader.core import paths
from reader.core.pinyin_display import PinyinMode, PinyinOptions
from reader.core.settings import (BOOKMARKS_OF_ALL, FEEDS_AUTO_REFRESH, FONT_FAMILY, HSK_LEVEL, LANGUAGE, LINE_SPACING,
                                  NOTES_OF_ALL, PINYIN_MODE, POINT_SIZE, THEME, TONE_COLOURS, TONE_MARKS, WINDOW_LAYOUT,
                                  Setting, valid_value)
from reader.ui.themes import theme_named
from reader.ui.view.style import ViewStyle

WINDOW_STATE_VERSION = 2  # 2: the Feeds and Info docks. Bump when the docks change, so an old layout is never restored
log = logging.getLogger(__name__)
_ALL_ARTICLES = {"bookmarks": BOOKMARKS_OF_ALL, "notes": NOTES_OF_ALL}


class Preferences:
    """Typed access to the settings file `settings.ini` of the data folder."""

    def __init__(self, settings: QSettings | None = None) -> None:
        path = paths.data_dir() / "settings.ini"
        self.settings = settings or QSettings(str(path), QSettings.Format.IniFormat)
        self._reported: set[str] = set()  # keys whose unusable value was logged already

    def value(self, setting: Setting) -> Any:
        """Return a setting's stored value, or its default when it is missing or unusable (logged once)."""
        return valid_value(setting, self.settings.value(setting.key), self._reported)

    def view_style(self, base: ViewStyle | None = None) -> ViewStyle:
        """Return the saved view style (defaults for anything unset or unusable)."""
        base = base or ViewStyle()
        options = PinyinOptions(PinyinMode(self.value(PINYIN_MODE)), self.value(HSK_LEVEL))
        return replace(base, family=self.value(FONT_FAMILY) or base.family, point_size=self.value(POINT_SIZE),
                       line_spacing=self.value(LINE_SPACING), theme=theme_named(self.value(THEME)),
                       tone_marks=self.value(TONE_MARKS), tone_colours=self.value(TONE_COLOURS), pinyin=options)

    def save_view_style(self, style: ViewStyle) -> None:
        """Remember the view style."""
        chosen = {FONT_FAMILY: style.family, POINT_SIZE: style.point_size, LINE_SPACING: style.line_spacing,
                  THEME: style.theme.name, PINYIN_MODE: style.pinyin.mode.value, HSK_LEVEL: style.pinyin.hsk_level,
                  TONE_MARKS: style.tone_marks, TONE_COLOURS: style.tone_colours}
        for setting, value in chosen.items():
            if value is not None and value != "":
                self.settings.setValue(setting.key, value)

    def language(self) -> str:
        """Return the chosen interface language ("en", "zh_CN"), or "" to follow the system."""
        return self.value(LANGUAGE)

    def set_language(self, language: str) -> None:
        """Choose the interface language for the next start."""
        self.settings.setValue(LANGUAGE.key, language)

    def all_articles(self, panel: str) -> bool:
        """Return whether the "bookmarks" or "notes" panel lists the annotations of all articles."""
        return self.value(_ALL_ARTICLES[panel])

    def set_all_articles(self, panel: str, on: bool) -> None:
        """Remember whether the "bookmarks" or "notes" panel lists the annotations of all articles."""
        self.settings.setValue(_ALL_ARTICLES[panel].key, on)

    def auto_refresh_feeds(self) -> bool:
        """Return whether feeds are refreshed periodically while Dubao runs (off unless the reader turned it on)."""
        return self.value(FEEDS_AUTO_REFRESH)

    def set_auto_refresh_feeds(self, on: bool) -> None:
        """Remember whether feeds are refreshed periodically."""
        self.settings.setValue(FEEDS_AUTO_REFRESH.key, on)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Return the saved (geometry, dock state), or Nones when absent or saved by another layout version."""
        if self.value(WINDOW_LAYOUT) != WINDOW_STATE_VERSION:
            return None, None
        geometry, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        if not (isinstance(geometry, QByteArray) and isinstance(state, QByteArray)):
            log.warning("settings: the saved window layout is unusable; using the default layout")
            return None, None
        return geometry, state

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window geometry and dock layout."""
        self.settings.setValue(WINDOW_LAYOUT.key, WINDOW_STATE_VERSION)
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.settings.sync()
