"""Settings that cannot crash the app: each value of `settings.ini` is checked against its declaration; a wrong or
missing one gives the default (one log line for a wrong one), and the window starts with a garbled file."""

from __future__ import annotations

import logging

import pytest

from reader.core.settings import (HSK_LEVEL, LANGUAGE, LINE_SPACING, PINYIN_MODE, POINT_SIZE, SETTINGS, SPEECH_VOICE,
                                  THEME, TONE_MARKS, valid_value)
from reader.ui.themes import THEMES
from reader.core.pinyin_display import PinyinMode
from reader.ui.view.style import ViewStyle

# Every declared key with a value of the wrong type, out of range, or not among its choices.
GARBLED = """[view]
family=Noto Serif CJK SC, Noto Sans CJK SC
script=cyrillic
point_size=big
line_spacing=-3
theme=purple
[pinyin]
mode=loud
hsk_level=4.5
tone_marks=perhaps
tone_colours=17
[ui]
language=klingon
[speech]
voice=a, b
[feeds]
auto_refresh=sometimes
[panels]
bookmarks_all_articles=2
notes_all_articles=all
[window]
version=first
geometry=not a geometry
state=@Invalid()
"""


def test_the_declared_choices_are_those_the_window_knows():
    assert set(THEME.choices) == set(THEMES)
    assert set(PINYIN_MODE.choices) == {mode.value for mode in PinyinMode}
    assert set(LANGUAGE.choices) - {""} <= set(__import__("reader.ui.i18n", fromlist=["LANGUAGES"]).LANGUAGES)


def test_the_view_style_defaults_are_the_declared_ones():
    style = ViewStyle()
    assert (style.point_size, style.line_spacing, style.theme.name, style.tone_marks, style.pinyin.hsk_level,
            style.pinyin.mode.value) == (POINT_SIZE.default, LINE_SPACING.default, THEME.default, TONE_MARKS.default,
                                         HSK_LEVEL.default, PINYIN_MODE.default)


@pytest.mark.parametrize("setting, raw, expected", [
    (POINT_SIZE, "21.5", 21.5), (POINT_SIZE, 30, 30), (POINT_SIZE, "big", 17.0), (POINT_SIZE, "500", 17.0),
    (POINT_SIZE, "nan", 17.0), (POINT_SIZE, ["1", "2"], 17.0), (HSK_LEVEL, "5", 5), (HSK_LEVEL, "4.5", 4),
    (HSK_LEVEL, "0", 4), (TONE_MARKS, "false", False), (TONE_MARKS, True, True), (TONE_MARKS, "perhaps", True),
    (THEME, "dark", "dark"), (THEME, "purple", "light"), (LANGUAGE, "zh_CN", "zh_CN"), (LANGUAGE, 3, ""),
])
def test_a_value_is_converted_or_replaced_by_the_default(setting, raw, expected):
    assert valid_value(setting, raw) == expected


def test_a_wrong_value_is_logged_once_and_a_missing_one_is_not(caplog):
    reported: set[str] = set()
    with caplog.at_level(logging.WARNING, logger="reader.core.settings"):
        assert valid_value(POINT_SIZE, None, reported) == POINT_SIZE.default
        assert caplog.records == []
        valid_value(POINT_SIZE, "big", reported)
        valid_value(POINT_SIZE, "big", reported)
    assert [r.getMessage() for r in caplog.records] == ["settings: view/point_size = 'big' is not a number; using 17.0"]


@pytest.mark.usefixtures("hand_made_annotation")
def test_the_window_starts_with_every_setting_garbled_and_shows_the_article(qtbot, isolated_dirs, article_file, caplog):
    from ui_window_support import start

    (isolated_dirs / "settings.ini").write_text(GARBLED, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        window = start(qtbot, str(article_file))
        assert window.prefs.language() == ""  # read again: not logged again
        assert window.prefs.value(SPEECH_VOICE) == ""  # read when the speaker is first made
    assert window.view.document.article.title == "推进高质量发展"
    assert next(b for b in window.view.document.blocks if b.is_paragraph).tokens  # with its annotation
    style = window.view.style_
    assert (style.point_size, style.line_spacing, style.theme.name, style.pinyin.mode, style.pinyin.hsk_level,
            style.tone_marks, style.tone_colours) == (17.0, 1.15, "light", PinyinMode.ALL, 4, True, False)
    warned = [r.getMessage() for r in caplog.records if r.getMessage().startswith("settings:")]
    for key in SETTINGS:
        assert sum(f" {key} = " in line for line in warned) == 1, (key, warned)


def test_a_damaged_window_layout_is_not_restored(isolated_dirs, caplog):
    from PySide6.QtCore import QSettings

    from reader.ui.prefs import WINDOW_STATE_VERSION, Preferences

    (isolated_dirs / "settings.ini").write_text(f"[window]\nversion={WINDOW_STATE_VERSION}\ngeometry=garbage\n")
    prefs = Preferences(QSettings(str(isolated_dirs / "settings.ini"), QSettings.Format.IniFormat))
    with caplog.at_level(logging.WARNING, logger="reader.ui.prefs"):
        assert prefs.window_state() == (None, None)
    assert [r.getMessage() for r in caplog.records] == [
        "settings: the saved window layout is unusable; using the default layout"]
