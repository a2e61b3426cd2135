"""The presentation's keys, as a table: what a key (or a clicker's button) asks for, by command name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

K = Qt.Key
KEY_COMMANDS: dict[Qt.Key, str] = {
    K.Key_Right: "next", K.Key_Down: "next", K.Key_PageDown: "next", K.Key_Space: "next",
    K.Key_Return: "enter", K.Key_Enter: "enter",
    K.Key_Left: "previous", K.Key_Up: "previous", K.Key_PageUp: "previous", K.Key_Backspace: "back",
    K.Key_Home: "first", K.Key_End: "last",
    K.Key_B: "black", K.Key_Period: "black", K.Key_W: "white",
    K.Key_P: "pinyin", K.Key_G: "cards", K.Key_H: "progress",
    K.Key_S: "presenter", K.Key_R: "read", K.Key_Escape: "escape",
}
DIGITS = {getattr(K, f"Key_{n}"): str(n) for n in range(10)}
# Commands the windows handle themselves rather than the presentation state.
WINDOW_COMMANDS = frozenset({"presenter", "read", "escape"})

HELP = ("→ ↓ PgDn Space Enter: next · ← ↑ PgUp Backspace: previous · Home/End · number + Enter: section · "
        "B or .: black · W: white · P: pinyin · G: glossary cards · H: hide n/N · S: presenter view · R: read the paragraph aloud · Esc: leave")


def command_for_key(event: QKeyEvent) -> tuple[str, Any] | None:
    """Return (command, argument) for a key press, or None for a key the presentation does not use."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier):
        return None
    key = Qt.Key(event.key())
    if key in DIGITS:
        return "digit", DIGITS[key]
    command = KEY_COMMANDS.get(key)
    return (command, None) if command else None
