"""The view's text measure: widths measured in one call per block are exactly Qt's font metrics, character by
character, for characters the font has and for those Qt draws from a fallback font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetricsF

from reader.core.importer import load_article
from reader.ui.view.render import view_measure
from reader.ui.view.style import ViewStyle

SEED = Path(__file__).resolve().parents[1] / "articles" / "xihaian-2025-quality-page.md"


def test_batched_widths_are_the_font_metrics_of_each_character(qapp):
    from reader.ui.fonts import cjk_families_of_system

    families = cjk_families_of_system()
    style = ViewStyle(family=families[0] if families else "")
    article = load_article(SEED)
    text = "".join(p.text for s in article.sections for p in s.paragraphs)
    text += "Netflix 2025-2027 3.5% ——……《》「」ᚠᚢᚦ"  # Latin, dashes, brackets, a script no CJK font has
    for kind in ("paragraph", "title"):
        for sample in (text, "高质量𠀀发展"):  # a character beyond the basic plane (two UTF-16 units) among others
            measure = view_measure(style)
            widths = measure.char_widths(sample, kind)
            metrics = QFontMetricsF(measure.fonts[kind])
            expected = [metrics.horizontalAdvance(c) for c in sample]
            assert widths == expected
            assert measure.char_widths(sample, kind) == expected  # and from the cache


def test_a_syllable_is_as_wide_as_its_letters_in_every_pinyin_font(qapp):
    """Pinyin fonts are set without kerning, so the width counted from its letters is the syllable's own width: in
    the view (drawn letter by letter) and on slides and handouts (drawn as a string)."""
    from reader.core.lang.style import PinyinStyle, render
    from reader.ui.present.ruby_paint import RubyStyle, scaled_font, styles_measure

    syllables = {render(f"{s}{t}", style) for s in ("kuai", "kuo", "kan", "kang", "ke", "ren", "lv", "nve", "zhuang")
                 for t in "12345" for style in (PinyinStyle.MARKS, PinyinStyle.NUMBERS)}
    slides = styles_measure({"paragraph": RubyStyle(scaled_font("", 40), scaled_font("", 40 * 0.45))})
    for measure in (view_measure(ViewStyle()), view_measure(ViewStyle(point_size=30)), slides):
        metrics = QFontMetricsF(measure.ruby_fonts["paragraph"])
        for syllable in syllables:
            assert measure.ruby_width(syllable, "paragraph") == metrics.horizontalAdvance(syllable), syllable
