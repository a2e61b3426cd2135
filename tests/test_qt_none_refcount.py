"""Guard against the PySide6 build that drops a reference to None on every void call (6.12.0 on Python < 3.12).

With that build the interpreter aborts with `Fatal Python error: none_dealloc` after a few hundred repaints. The
dependency is pinned away from it with environment markers; this test fails loudly if an install slips through.
"""

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QStaticText


def paint_frames(count: int) -> None:
    image = QImage(200, 80, QImage.Format.Format_ARGB32)
    pen = QPen(QColor("#333333"))
    font = QFont()
    text = QStaticText("读报 dú bào")
    for index in range(count):
        painter = QPainter(image)
        painter.fillRect(QRect(0, 0, 200, 80), QColor(Qt.GlobalColor.white))
        painter.setPen(pen)
        painter.setFont(font)
        painter.drawStaticText(4, 4 + index % 20, text)
        painter.drawText(QRect(0, 40, 200, 40), 0, "质量")
        painter.end()


def test_painting_keeps_none_refcount_steady(qapp):
    paint_frames(50)  # warm caches so that one-off allocations do not count
    before = sys.getrefcount(None)
    paint_frames(3000)
    drift = before - sys.getrefcount(None)
    # Each frame makes ~6 void calls; a leaking build loses ~18,000 references here.
    assert abs(drift) < 100, f"None lost {drift} references over 3000 painted frames"
