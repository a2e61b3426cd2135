"""`python -m reader annotate PATH [--json]`: an article's words, readings and glossary terms."""

from __future__ import annotations

import argparse
import json
from typing import Any


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the annotate command's options."""
    parser.add_argument("path", help="an article file")
    parser.add_argument("--json", action="store_true", help="print every paragraph's tokens and terms as JSON")
    parser.add_argument("--no-cache", action="store_true", help="read everything afresh (and refresh the cache)")


def run(args: argparse.Namespace) -> int:
    """Annotate the article and print it."""
    from reader.core.importer import load_article
    from reader.core.lang import default_annotator

    article = load_article(args.path)
    annotated = default_annotator().annotate(article, use_cache=not args.no_cache)
    units = [(text, annotated.headings[text]) for text in annotated.headings]
    units += [(p.id, annotated.paragraphs[p.id]) for p in article.paragraphs()]
    if args.json:
        print(json.dumps({"title": article.title, "paragraphs": [_paragraph_json(k, p) for k, p in units]},
                         ensure_ascii=False, indent=1))
        return 0
    from reader.core.lang.style import to_marks

    for _, paragraph in units:
        words = [t.text + ("/" + " ".join(to_marks(r) for r in t.readings if r) if t.is_han else "")
                 for t in paragraph.tokens if t.text.strip()]
        print(" ".join(words))
        terms = ", ".join(dict.fromkeys(hit.term for hit in paragraph.glossary_hits))
        if terms:
            print(f"  [{terms}]")
    return 0


def _paragraph_json(key: str, paragraph: Any) -> dict[str, Any]:
    return {
        "id": paragraph.paragraph_id or None,
        "heading": key if not paragraph.paragraph_id else None,
        "text": paragraph.text,
        "tokens": [{"start": t.start, "end": t.end, "text": t.text, "readings": list(t.readings),
                    "in_dictionary": t.in_dictionary, "hsk_level": t.hsk_level} for t in paragraph.tokens],
        "glossary": [{"start": h.start, "end": h.end, "term": h.term} for h in paragraph.glossary_hits],
    }
