"""Choosing a Chinese font: a preference list per platform, and a message naming what to install when none is there."""

from __future__ import annotations

import sys
from typing import Iterable

SERIF_PREFERENCES = {
    "linux": ["Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC",
              "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback"],
    "win32": ["SimSun", "NSimSun", "Microsoft YaHei", "DengXian", "SimHei"],
    "darwin": ["Songti SC", "STSong", "PingFang SC", "Heiti SC", "Hiragino Sans GB"],
}
SANS_PREFERENCES = {
    "linux": ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
              "Droid Sans Fallback"],
    "win32": ["Microsoft YaHei", "DengXian", "SimHei"],
    "darwin": ["PingFang SC", "Heiti SC", "Hiragino Sans GB"],
}
INSTALL_HINTS = {
    "linux": "Install a Chinese font, for example the package fonts-noto-cjk (Debian, Ubuntu) "
             "or google-noto-sans-cjk-fonts (Fedora).",
    "win32": "Add the Chinese (Simplified) supplemental fonts in Settings › Apps › Optional features.",
    "darwin": "Chinese fonts come with macOS; reinstall them with Font Book.",
}


def platform_key(platform: str | None = None) -> str:
    """Return the key of the preference tables for `platform` (default: this machine)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "win32"
    return "darwin" if platform == "darwin" else "linux"


def choose_family(available: Iterable[str], serif: bool = True, platform: str | None = None) -> str | None:
    """Return the first preferred CJK family present in `available`, or None when the machine has none."""
    present = set(available)
    table = SERIF_PREFERENCES if serif else SANS_PREFERENCES
    key = platform_key(platform)
    for family in table[key] + [f for t in table.values() for f in t]:
        if family in present:
            return family
    return None


def missing_font_message(platform: str | None = None) -> str:
    """Return the one message the window shows when no Chinese font is installed."""
    return "No Chinese font was found, so characters would show as empty boxes. " + INSTALL_HINTS[platform_key(platform)]


def cjk_families_of_system() -> list[str]:
    """Return the font families Qt knows that can write Simplified Chinese."""
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
