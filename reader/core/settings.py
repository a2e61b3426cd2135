"""The reader's preferences, declared once: name, type, default and allowed values; read through one function.

`settings.ini` is a file people edit and programs damage. Every value read from it goes through `valid_value`: a
value of the wrong type, out of range or not among the allowed choices is replaced by the setting's default, with
one warning line in the log naming the key and the value; a missing value is simply the default. So no value in that
file can stop Dubao from starting. The window's `Preferences` stores and loads them; the defaults here are the
defaults of the view's style. No Qt.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

from reader.core.lang.scripts import Script

log = logging.getLogger(__name__)

_TRUE, _FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")
_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a text"}


@dataclass(frozen=True)
class Setting:
    """One preference: its key in the INI file, its type, default, and range (`low`..`high`) or `choices`."""

    key: str
    kind: type
    default: Any
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    def clamp(self, value: float) -> float:
        """Return `value` brought within the setting's range."""
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        return min(max(value, low), high)


FONT_FAMILY = Setting("view/family", str, "")  # "" lets the window choose the best CJK font of the system
POINT_SIZE = Setting("view/point_size", float, 17.0, low=8.0, high=96.0)
LINE_SPACING = Setting("view/line_spacing", float, 1.15, low=1.0, high=2.5)
THEME = Setting("view/theme", str, "light", choices=("light", "sepia", "dark"))
PINYIN_MODE = Setting("pinyin/mode", str, "all", choices=("all", "off", "glossary", "above-hsk", "unknown"))
HSK_LEVEL = Setting("pinyin/hsk_level", int, 4, low=1, high=6)
TONE_MARKS = Setting("pinyin/tone_marks", bool, True)  # False shows tone numbers (gao1)
TONE_COLOURS = Setting("pinyin/tone_colours", bool, False)
LANGUAGE = Setting("ui/language", str, "", choices=("", "en", "zh_CN"))  # "" follows the system
WINDOW_LAYOUT = Setting("window/version", int, 0, low=0)
FEEDS_AUTO_REFRESH = Setting("feeds/auto_refresh", bool, False)  # refresh feeds periodically while Dubao runs
BOOKMARKS_OF_ALL = Setting("panels/bookmarks_all_articles", bool, False)  # the panel lists every article's
NOTES_OF_ALL = Setting("panels/notes_all_articles", bool, False)
SCRIPT = Setting("view/script", str, Script.AS_WRITTEN.value, choices=tuple(s.value for s in Script))
SPEECH_VOICE = Setting("speech/voice", str, "")  # "" lets the speaker choose a Chinese voice

SETTINGS: dict[str, Setting] = {s.key: s for s in (FONT_FAMILY, POINT_SIZE, LINE_SPACING, THEME, PINYIN_MODE,
                                                    HSK_LEVEL, TONE_MARKS, TONE_COLOURS, LANGUAGE, WINDOW_LAYOUT,
                                                    FEEDS_AUTO_REFRESH, BOOKMARKS_OF_ALL, NOTES_OF_ALL, SCRIPT,
                                                    SPEECH_VOICE)}


def valid_value(setting: Setting, raw: object, reported: set[str] | None = None) -> Any:
    """Return `raw` (as read from the settings file; None when absent) converted to the setting's type, or the
    default when it is absent or unusable (then one warning line names the key and the value; once per key when a
    `reported` set is given, which remembers the keys already logged)."""
    if raw is None:
        return setting.default
    value = _converted(setting.kind, raw)
    problem = _problem(setting, value)
    if problem:
        if reported is None or setting.key not in reported:
            log.warning("settings: %s = %r %s; using %r", setting.key, raw, problem, setting.default)
        if reported is not None:
            reported.add(setting.key)
        return setting.default
    return value


def _converted(kind: type, raw: object) -> Any:
    """Return `raw` as `kind`, or None when it cannot be read as one."""
    text = raw.strip() if isinstance(raw, str) else None
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        return True if text and text.lower() in _TRUE else False if text and text.lower() in _FALSE else None
    if kind in (int, float):
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            number: Any = raw
        else:
            try:
                number = kind(text) if text is not None else None
            except ValueError:
                return None
        if kind is int and isinstance(number, float):
            return int(number) if number.is_integer() else None
        return number if number is None or math.isfinite(number) else None
    return raw if isinstance(raw, str) else None


def _problem(setting: Setting, value: Any) -> str:
    """Return why a converted value is unusable ("" when it is fine)."""
    if value is None:
        return f"is not {_KIND_NAMES[setting.kind]}"
    if setting.choices and value not in setting.choices:
        return f"is not one of {', '.join(repr(c) for c in setting.choices)}"
    if setting.kind in (int, float) and setting.clamp(value) != value:
        return f"is outside {setting.low}..{setting.high}"
    return ""
