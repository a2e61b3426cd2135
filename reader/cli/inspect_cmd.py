"""`python -m reader inspect PATH [--json]`: show the structure the importer finds in an article file."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reader.core.importer import load_article
from reader.core.model import Article

FIRST_WORDS = 16


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the inspect options to its subparser."""
    parser.add_argument("path", help="an article file: newspaper text, web copy, document, or Dubao Markdown")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of an outline")


def article_structure(article: Article) -> dict[str, Any]:
    """Return the JSON-ready structure of an article: title block, source and sections with paragraph texts."""
    source = article.to_dict()["source"]
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "dateline": article.dateline,
        "source": source,
        "sections": [
            {
                "heading": section.heading,
                "level": section.level,
                "kind": str(section.kind),
                "paragraphs": [p.text for p in section.paragraphs],
                "roles": [p.role for p in section.paragraphs],
                "ids": [p.id for p in section.paragraphs],
            }
            for section in article.sections
        ],
    }


def outline(article: Article) -> str:
    """Return a readable outline: title block, then each section with its paragraph count and first words."""
    lines = [f"title:    {article.title}" + ("  (inferred)" if article.source.title_inferred else "")]
    for label, value in (("subtitle", article.subtitle), ("byline", article.byline), ("dateline", article.dateline)):
        if value:
            lines.append(f"{label + ':':9} {value}")
    source = article.source
    lines.append(f"source:   {source.file_name or '-'} · {source.shape or '-'} · {source.encoding or '-'}")
    for label, value in (("date", source.date), ("from", source.publisher), ("address", source.url)):
        if value:
            lines.append(f"{label + ':':9} {value}")
    lines.append("")
    for number, section in enumerate(article.sections, 1):
        heading = section.heading if section.heading is not None else "(no heading)"
        indent = "  " * max(section.level - 1, 0)
        lines.append(f"{number:>2}. {indent}{heading}  [{section.kind}, level {section.level}, "
                     f"{len(section.paragraphs)} paragraphs]")
        for paragraph in section.paragraphs:
            mark = "caption: " if paragraph.role == "caption" else ""
            words = paragraph.text[:FIRST_WORDS] + ("…" if len(paragraph.text) > FIRST_WORDS else "")
            lines.append(f"    {indent}- {mark}{words}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Import the file and print its structure."""
    article = load_article(args.path)
    if args.json:
        json.dump(article_structure(article), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(outline(article))
    return 0
