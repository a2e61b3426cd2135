"""Render the application icon's PNG sizes from its SVG source: `python packaging/render_icons.py`.

Uses Qt's SVG renderer (part of PySide6-Essentials), so the PNGs match what the app itself draws.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG_NAME = "dubao.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_icons(icon_dir: Path = ICON_DIR, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Render `dubao-<size>.png` beside the SVG for every size; return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(icon_dir / SVG_NAME))
    if not renderer.isValid():
        raise SystemExit(f"{icon_dir / SVG_NAME}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = icon_dir / f"dubao-{size}.png"
        if not image.save(str(target)):
            raise SystemExit(f"{target}: could not be written")
        written.append(target)
    del app
    return written


if __name__ == "__main__":
    for path in render_icons():
        print(path.name)
