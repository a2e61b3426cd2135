"""Print issue 14's typesetting figures for the bundled article: slides at 1920×1080 (count, type size, fill), the
gaps between characters in the reader view's justified lines, and how far pinyin sits from its character's centre
in the view (every pinyin mode) and in the handout PDF (measured with `pdftotext -bbox`).

    QT_QPA_PLATFORM=offscreen python benchmarks/typeset_figures.py
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
ARTICLE = ROOT / "articles" / "xihaian-2025-quality-page.md"
MODES = {"marks": {}, "numbers": {"tone_marks": False}, "colours": {"tone_colours": True},
         "numbers, zoom 0.6": {"tone_marks": False, "zoom": 0.6}, "marks, zoom 1.8": {"zoom": 1.8}}


def slide_figures(article, annotated) -> None:
    """Print the slides of the article at 1920×1080: count, and per slide the type size and the height filled."""
    from PySide6.QtCore import QSizeF

    from reader.core.slides import plan_slides
    from reader.ui.present.controller import _default_family
    from reader.ui.present.deck import Deck
    from reader.ui.present.scene import build_scene, slide_fits

    size = QSizeF(1920, 1080)
    deck = Deck(article, annotated, family=_default_family())
    slides = plan_slides(article, slide_fits(deck, size))
    print(f"slides at 1920×1080: {len(slides)} (title + {len(slides) - 1})")
    for index, slide in enumerate(slides):
        cells = []
        for pinyin in (False, True):
            scene = build_scene(deck, slide, size, pinyin)
            fill = scene.layout.height / size.height()
            cells.append(f"{'pinyin' if pinyin else 'plain '} {scene.pixel:5.1f} px, fills {fill:4.0%}")
        where = "title" if slide.section_index is None else \
            f"section {slide.section_index + 1} ({slide.part}/{slide.parts})"
        print(f"  {index:2d} {where:16s} " + " | ".join(cells))


def view_figures(article, annotated) -> None:
    """Print, per pinyin mode, the largest gap spread inside a word, the largest excess of a gap inside a word over
    the gap at its edge, and the largest pinyin offset, over every justified line of the reader view."""
    from reader.ui.fonts import choose_family, cjk_families_of_system
    from reader.ui.services import format_readings
    from reader.ui.view.article_view import ArticleView
    from reader.ui.view.document import ViewDocument
    from reader.ui.view.style import ViewStyle
    from test_typeset import glyph_gaps

    for name, options in MODES.items():
        options = dict(options)
        zoom = options.pop("zoom", 1.0)
        view = ArticleView()
        view.set_formatter(format_readings)
        view.set_style(ViewStyle(family=choose_family(cjk_families_of_system()), **options).zoomed(zoom))
        view.resize(820, 700)
        view.set_document(ViewDocument.from_article(article, annotated))
        view.reach_block(len(view.document.blocks) - 1)
        spread, excess, offset = _measure_view(view, glyph_gaps)
        print(f"  view, {name:18s} gap spread in a word ≤ {spread:.2f} px; inner gap − edge gap ≤ {excess:+.2f} px; "
              f"pinyin offset ≤ {offset:.2f} px")


def _measure_view(view, glyph_gaps) -> tuple[float, float, float]:
    spread = excess = offset = 0.0
    lines, measure = view.layout_.lines, view.measure
    for number, line in enumerate(lines):
        block = view._builder.blocks[line.block]
        for i in range(len(line.xs)):
            char, reading = block.text[line.start + i], block.ruby[line.start + i]
            if reading:
                width, advance = measure.ruby_width(reading, block.kind), measure.char_width(char, block.kind)
                offset = max(offset, abs(line.ruby_left(i, width) + width / 2
                                         - line.glyph_left(i, char, advance) - advance / 2))
        if number + 1 == len(lines) or lines[number + 1].block != line.block or block.align != "justify":
            continue
        gaps = glyph_gaps(line, block.text, lambda c, kind=block.kind: measure.char_width(c, kind))
        for start, end in block.words:
            inner = [gaps[i - line.start] for i in range(max(start, line.start) + 1, min(end, line.end))
                     if i - line.start in gaps]
            if inner:
                spread = max(spread, max(inner) - min(inner))
                edges = [gaps[i - line.start] for i in (start, end) if i - line.start in gaps]
                excess = max([excess] + [max(inner) - edge for edge in edges])
    return spread, excess, offset


def pdf_figures(article, annotated) -> None:
    """Print the largest pinyin offset in the handout PDF, pinyin over all words and over glossary terms only."""
    from reader.core.handout import HandoutOptions, glossary_lookup, plan_handout
    from reader.core.pinyin_display import PinyinMode
    from reader.ui.handout_pdf import default_font_family, write_handout_pdf
    from test_handout_pdf import pinyin_offsets

    for mode in (PinyinMode.ALL, PinyinMode.GLOSSARY):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "handout.pdf"
            write_handout_pdf(plan_handout(article, annotated, HandoutOptions("", mode), glossary_lookup()), out,
                              default_font_family())
            offsets = pinyin_offsets(out)
        print(f"  PDF, pinyin {mode.value:8s}: {len(offsets)} syllables, offset ≤ {max(map(abs, offsets)):.2f} pt")


def main() -> int:
    """Print every figure."""
    from PySide6.QtWidgets import QApplication

    from reader.core import lang
    from reader.core.importer import load_article

    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive while measuring)
    article = load_article(ARTICLE)
    annotated = lang.annotate(article)
    slide_figures(article, annotated)
    print("pinyin and gaps:")
    view_figures(article, annotated)
    pdf_figures(article, annotated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
