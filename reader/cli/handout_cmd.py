"""`python -m reader handout PATH --sections 1-3 --pinyin glossary --out FILE.pdf`: print sections as a PDF handout.

Runs without a screen: Qt draws the PDF offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.core.annotation import AnnotatedArticle
from reader.core.errors import DubaoError
from reader.core.files import check_target
from reader.core.handout import HANDOUT_PINYIN_MODES, HandoutOptions, Paper, glossary_lookup, plan_handout
from reader.core.pinyin_display import PinyinMode
from reader.core.model import Article


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `handout`."""
    parser.add_argument("path", help="the article file (text or Dubao Markdown)")
    parser.add_argument("--sections", default="",
                        help="parts to print: 1-3, 2 or 1,3; 1 is the first top-level heading (its sub-items come "
                             "with it), 0 the lead before it (default: the whole article)")
    parser.add_argument("--pinyin", choices=[*(m.value for m in HANDOUT_PINYIN_MODES), "none"],
                        default=PinyinMode.GLOSSARY.value,
                        help="pinyin above glossary terms only, all words, or none (off); default: glossary")
    parser.add_argument("--paper", choices=[p.value for p in Paper], default=Paper.A4.value, help="paper size")
    parser.add_argument("--note-lines", action="store_true", help="add ruled lines for notes after each section")
    parser.add_argument("--out", required=True, help="the PDF file to write")
    parser.add_argument("--force", action="store_true", help="overwrite the PDF file if it exists")


def run(args: argparse.Namespace) -> int:
    """Write the handout; print where it went and how many pages it has."""
    out = Path(args.out)
    check_target(out, args.force)
    from reader.core.importer import load_article

    article = load_article(args.path)
    options = HandoutOptions(args.sections, PinyinMode(args.pinyin), args.note_lines, Paper(args.paper))
    annotated = annotate_quietly(article)
    plan = plan_handout(article, annotated, options, glossary_lookup() if annotated else None)
    pages = write_pdf(plan, out)
    parts = dict.fromkeys(str(s.number) if s.number else "lead" for s in plan.sections)
    print(f"{out}: {pages} page{'s' if pages != 1 else ''}, {'parts' if len(parts) > 1 else 'part'} {', '.join(parts)}")
    return 0


def annotate_quietly(article: Article) -> AnnotatedArticle | None:
    """Return the article's annotation, or None (with one line on stderr) when it cannot be made."""
    from reader.core import lang

    try:
        return lang.annotate(article)
    except DubaoError as error:
        print(f"dubao: printing without pinyin or glossary: {error}", file=sys.stderr)
        return None


def write_pdf(plan, out: Path) -> int:
    """Draw the plan into `out` (an existing file stays intact if anything fails)."""
    ensure_gui_application()
    from reader.ui.handout_pdf import save_handout_pdf

    return save_handout_pdf(plan, out)


def ensure_gui_application():
    """Return Qt's application object, creating an offscreen one when there is no display."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["dubao-handout"])
