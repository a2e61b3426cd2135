"""`python -m reader convert PATH --out FILE.md [--script S] [--force]`: write an article file in Dubao's Markdown
format, optionally in another script (simplified, traditional, tw, hk)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.core.files import write_text_atomically
from reader.core.importer import load_article, to_markdown
from reader.core.lang.scripts import Script, convert_text


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the convert options to its subparser."""
    parser.add_argument("path", help="the article file to convert")
    parser.add_argument("--out", required=True, help="the Markdown file to write")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument("--script", default=Script.AS_WRITTEN.value, choices=[s.value for s in Script],
                        help="write the text in this script (default: as written)")


def run(args: argparse.Namespace) -> int:
    """Import the file and write it as Dubao Markdown."""
    script = Script(args.script)
    article = load_article(args.path)
    target = Path(args.out)
    write_text_atomically(target, convert_text(to_markdown(article), script), force=args.force)
    print(f"wrote {target} ({len(article.sections)} sections, {sum(1 for _ in article.paragraphs())} paragraphs)")
    return 0
