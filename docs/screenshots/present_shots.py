"""Redraw the presentation screenshots of the README: slide.png, presenter.png and handout.png.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/present_shots.py [section]

The bundled article is presented as on a 1920×1080 projector (pinyin revealed, the given section, 2 by default) and
the slide is saved at 1280×720; the presenter view is saved at 1280×720; the handout's first page (pinyin over the
glossary terms) is rendered by pdftoppm at 90 dpi.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
ARTICLE = ROOT / "articles" / "xihaian-2025-quality-page.md"


def presentation(section: int):
    """Start presenting the bundled article from `section` (1-based), pinyin shown."""
    from reader.core import lang
    from reader.core.handout import glossary_lookup
    from reader.core.importer import load_article
    from reader.ui.present.controller import start_presentation

    article = load_article(ARTICLE)
    controller = start_presentation(article, lang.annotate(article), section - 1,
                                    glossary=glossary_lookup())
    controller.model.apply("pinyin")
    return controller


def shoot_slide(app, controller) -> None:
    """Save the projector's slide, drawn at 1920×1080 and scaled to 1280×720."""
    from PySide6.QtCore import Qt

    controller.window.showNormal()
    controller.window.resize(1920, 1080)
    app.processEvents()
    image = controller.window.canvas.grab().toImage()
    image.scaled(1280, 720, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation) \
        .convertToFormat(image.Format.Format_RGB32).save(str(OUT / "slide.png"))


def shoot_presenter(app, controller) -> None:
    """Save the presenter view at 1280×720."""
    controller.presenter.resize(1280, 720)
    controller.presenter.show()
    app.processEvents()
    controller.presenter.grab().save(str(OUT / "presenter.png"))


def shoot_handout() -> None:
    """Save the first page of the bundled article's handout (all parts, pinyin over glossary terms)."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "handout.pdf"
        subprocess.run([sys.executable, "-m", "reader", "handout", str(ARTICLE), "--out", str(pdf)], check=True,
                       cwd=ROOT)
        subprocess.run(["pdftoppm", "-r", "90", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                        str(OUT / "handout")], check=True)


def main() -> int:
    """Draw the three screenshots."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    controller = presentation(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
    shoot_slide(app, controller)
    shoot_presenter(app, controller)
    controller.stop()
    shoot_handout()
    return 0


if __name__ == "__main__":
    sys.exit(main())
