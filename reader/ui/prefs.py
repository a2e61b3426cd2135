"""The reader's preferences (look and feel only; data lives in the store), in an INI file in the data folder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings

from reader.core import paths
from reader.ui.themes import theme_named
from reader.core.pinyin_display import PinyinMode, PinyinOptions
from reader.ui.view.style import DEFAULT_POINT_SIZE, ViewStyle

WINDOW_STATE_VERSION = 2  # 2: the Feeds and Info docks. Bump when the docks change, so an old layout is never restored


class Preferences:
    """Typed access to the settings file `settings.ini` of the data folder."""

    def __init__(self, settings: QSettings | None = None) -> None:
        path = paths.data_dir() / "settings.ini"
        self.settings = settings or QSettings(str(path), QSettings.Format.IniFormat)

    def view_style(self, base: ViewStyle | None = None) -> ViewStyle:
        """Return the saved view style (defaults for anything unset)."""
        s = self.settings
        base = base or ViewStyle()
        mode = str(s.value("pinyin/mode", PinyinMode.ALL.value))
        options = PinyinOptions(PinyinMode(mode) if mode in PinyinMode._value2member_map_ else PinyinMode.ALL,
                                int(s.value("pinyin/hsk_level", 4)))
        return replace(base, family=s.value("view/family", base.family) or base.family,
                       point_size=float(s.value("view/point_size", DEFAULT_POINT_SIZE)),
                       line_spacing=float(s.value("view/line_spacing", 1.15)),
                       theme=theme_named(str(s.value("view/theme", "light"))),
                       tone_marks=_bool(s.value("pinyin/tone_marks", True)),
                       tone_colours=_bool(s.value("pinyin/tone_colours", False)), pinyin=options)

    def save_view_style(self, style: ViewStyle) -> None:
        """Remember the view style."""
        s = self.settings
        if style.family:
            s.setValue("view/family", style.family)
        s.setValue("view/point_size", style.point_size)
        s.setValue("view/line_spacing", style.line_spacing)
        s.setValue("view/theme", style.theme.name)
        s.setValue("pinyin/mode", style.pinyin.mode.value)
        s.setValue("pinyin/hsk_level", style.pinyin.hsk_level)
        s.setValue("pinyin/tone_marks", style.tone_marks)
        s.setValue("pinyin/tone_colours", style.tone_colours)

    def language(self) -> str:
        """Return the chosen interface language ("en", "zh_CN"), or "" to follow the system."""
        return str(self.settings.value("ui/language", ""))

    def set_language(self, language: str) -> None:
        """Choose the interface language for the next start."""
        self.settings.setValue("ui/language", language)

    def all_articles(self, panel: str) -> bool:
        """Return whether the panel ("notes", "bookmarks") lists all articles (its tick, kept across starts)."""
        return _bool(self.settings.value(f"panels/{panel}_all_articles", False))

    def set_all_articles(self, panel: str, on: bool) -> None:
        """Remember the "All articles" tick of a panel."""
        self.settings.setValue(f"panels/{panel}_all_articles", on)

    def auto_refresh_feeds(self) -> bool:
        """Return whether feeds are refreshed periodically while Dubao runs (off unless the reader turned it on)."""
        return _bool(self.settings.value("feeds/auto_refresh", False))

    def set_auto_refresh_feeds(self, on: bool) -> None:
        """Remember whether feeds are refreshed periodically."""
        self.settings.setValue("feeds/auto_refresh", on)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Return the saved (geometry, dock state), or Nones when absent or saved by another layout version."""
        if int(self.settings.value("window/version", 0)) != WINDOW_STATE_VERSION:
            return None, None
        return self.settings.value("window/geometry"), self.settings.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window geometry and dock layout."""
        self.settings.setValue("window/version", WINDOW_STATE_VERSION)
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.settings.sync()


def _bool(value: object) -> bool:
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
