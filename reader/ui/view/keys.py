"""Keyboard handling of the article view: caret movement, selection by keyboard, paging, opening a word."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

PAGE_KEYS = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_Space: 1, Qt.Key.Key_PageUp: -1}


def handle_view_key(view, event: QKeyEvent) -> bool:
    """Handle a key press on `view` (an ArticleView); return False to let Qt handle it."""
    if view.document is None or not view.layout_ or not view.layout_.lines:
        return False
    key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier):
        return False
    if event.modifiers() & Qt.KeyboardModifier.ControlModifier and key not in (Qt.Key.Key_Home, Qt.Key.Key_End):
        return False
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return _activate_caret_word(view)
    if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        _move_caret(view, view.selection.caret, -1 if key == Qt.Key.Key_Left else 1, shift)
        return True
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        _move_line(view, -1 if key == Qt.Key.Key_Up else 1, shift)
        return True
    if key in PAGE_KEYS and not (key == Qt.Key.Key_Space and shift):
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + PAGE_KEYS[key] * int(bar.pageStep() * 0.9))
        return True
    if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        bar = view.verticalScrollBar()
        bar.setValue(bar.minimum() if key == Qt.Key.Key_Home else bar.maximum())
        return True
    return False


def _activate_caret_word(view) -> bool:
    block, offset = view.selection.caret
    word = view.word_at(block, offset)
    if word is None:
        return False
    view.ensure_visible(word.block, word.start, word.end)
    view.wordActivated.emit(word)
    return True


def _move_caret(view, position: tuple[int, int], step: int, extend: bool) -> None:
    block, offset = position
    blocks = view.document.blocks
    offset += step
    if offset < 0 and block > 0:
        block, offset = block - 1, len(blocks[block - 1].text)
    elif offset > len(blocks[block].text) and block < len(blocks) - 1:
        block, offset = block + 1, 0
    offset = min(max(offset, 0), len(blocks[block].text))
    _place(view, (block, offset), extend)


def _move_line(view, step: int, extend: bool) -> None:
    block, offset = view.selection.caret
    lines = view.layout_.lines
    index = view.layout_.line_of(block, offset)
    line = lines[index]
    i = offset - line.start
    x = line.xs[i] if i < len(line.xs) else (line.xs[-1] + line.widths[-1] if line.xs else 0.0)
    target = min(max(index + step, 0), len(lines) - 1)
    new_line = lines[target]
    _place(view, (new_line.block, new_line.caret_offset_at_x(x + 0.5)), extend)


def _place(view, position: tuple[int, int], extend: bool) -> None:
    view.selection.move(position, extend)
    block, offset = position
    view.ensure_visible(block, max(offset - 1, 0), max(offset, 1))
    view.viewport().update()
