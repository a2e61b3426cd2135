"""Notes in the text: a corner mark on every highlight that carries a note, and finding the note under a place."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF

MARK_PX = 8  # the side of the triangle folded into the top-right corner of a noted highlight
MARK_LIGHT, MARK_DARK = "#d84315", "#ffab40"

Span = tuple[int, int, int]


def note_at(marks: list[tuple[Span, int]], block: int, offset: int) -> int | None:
    """Return the id of the note whose highlighted span holds the character at (block, offset), or None."""
    for (span_block, start, end), annotation_id in marks:
        if span_block == block and start <= offset < end:
            return annotation_id
    return None


def paint_note_marks(view, painter: QPainter, visible: range, top: float, left: float) -> None:
    """Fold a small coloured corner into the end of every noted highlight on screen (after the highlights)."""
    if not view.note_marks or not visible:
        return
    layout = view.layout_
    first, last = layout.lines[visible.start].block, layout.lines[visible.stop - 1].block
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(MARK_DARK if view.style_.theme.dark else MARK_LIGHT))
    for (block, start, end), _id in view.note_marks:
        if not first <= block <= last:
            continue
        pieces = layout.span_rects(block, start, end)
        if pieces:
            index, _x0, x1 = pieces[-1]
            line = layout.lines[index]
            right, y = left + x1, line.top - top + line.ruby_height
            painter.drawPolygon(QPolygonF([QPointF(right - MARK_PX, y), QPointF(right, y),
                                           QPointF(right, y + MARK_PX)]))
    painter.restore()
