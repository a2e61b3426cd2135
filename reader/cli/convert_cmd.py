"""`python -m reader convert PATH --out FILE.md [--script S] [--force]`: write an article file in Dubao's Markdown
format, optionally in another script (simplified, traditional, tw, hk)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from reader.core.errors import ExportProblem
from reader.core.importer import load_article, to_markdown
from reader.core.lang.scripts import Script, convert_text


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the convert options to its subparser."""
    parser.add_argument("path", help="the article file to convert")
    parser.add_argument("--out", required=True, help="the Markdown file to write")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument("--script", default=Script.AS_WRITTEN.value, choices=[s.value for s in Script],
                        help="write the text in this script (default: as written)")


def write_text_atomically(target: Path, text: str, force: bool = False) -> None:
    """Write text to target through a temporary file and a rename; never overwrite unless `force`."""
    if target.is_dir():
        raise ExportProblem("is a folder; give a file name for the output", target)
    if target.exists() and not force:
        raise ExportProblem("already exists; add --force to replace it", target)
    if target.exists() and not target.is_file():  # --force must never replace a device or a pipe with a file
        raise ExportProblem("is not a regular file (a device, pipe or socket); choose a file name", target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportProblem("cannot be written: its folder does not exist", target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        if "temporary" in locals() and os.path.exists(temporary):
            os.unlink(temporary)
        raise ExportProblem(f"cannot be written ({error.strerror or error})", target) from None


def run(args: argparse.Namespace) -> int:
    """Import the file and write it as Dubao Markdown."""
    script = Script(args.script)
    article = load_article(args.path)
    target = Path(args.out)
    write_text_atomically(target, convert_text(to_markdown(article), script), force=args.force)
    print(f"wrote {target} ({len(article.sections)} sections, {sum(1 for _ in article.paragraphs())} paragraphs)")
    return 0
