"""Choosing a Chinese font per platform, and the message when the machine has none."""

from __future__ import annotations

from reader.ui.fonts import choose_family, missing_font_message


def test_the_platforms_preferred_serif_font_wins():
    available = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Serif CJK SC"]
    assert choose_family(available, platform="linux") == "Noto Serif CJK SC"
    assert choose_family(available, serif=False, platform="linux") == "Noto Sans CJK SC"
    assert choose_family(["Arial", "SimSun", "Microsoft YaHei"], platform="win32") == "SimSun"
    assert choose_family(["Helvetica", "PingFang SC"], platform="darwin") == "PingFang SC"


def test_a_font_of_another_platform_is_still_used():
    assert choose_family(["WenQuanYi Zen Hei"], platform="darwin") == "WenQuanYi Zen Hei"


def test_no_chinese_font_gives_none_and_a_message_naming_the_package():
    assert choose_family(["DejaVu Sans", "Liberation Serif"], platform="linux") is None
    assert "fonts-noto-cjk" in missing_font_message("linux")


def test_a_machine_without_chinese_fonts_says_so_in_the_window(qtbot, monkeypatch):
    from reader.ui import app

    monkeypatch.setattr(app, "cjk_families_of_system", lambda: ["DejaVu Sans"])
    window = app.build_window()
    qtbot.addWidget(window)
    assert "fonts-noto-cjk" in window.banner.text()
