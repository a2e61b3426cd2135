"""Compare our web-page importer with GNE and trafilatura on the 27 development pages of `../shared/corpus/html`.

    python benchmarks/web_extractors.py dubao|gne|trafilatura

A page is fully right when the title is the headline, the text starts with the article's first paragraph, ends
with its last, and holds none of the chrome the tests look for (`tests/test_importer_web.py` holds the facts).
GNE and trafilatura are not dependencies of Dubao: install them in a separate environment to measure them
(`pip install gne==0.4.3 trafilatura lxml_html_clean`), with the project on PYTHONPATH.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_importer_web import CHROME, CHROME_LINES, HTML_DIR, PAGES  # noqa: E402


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def extract(tool: str, data: bytes, name: str) -> tuple[str, list[str]]:
    """Return (title, text lines) of a page as one tool extracts them."""
    if tool == "dubao":
        from reader.core.importer.webpage import import_page

        article = import_page(data, name)
        return article.title, [p.text for p in article.paragraphs() if p.role == "text"]
    html = data.decode("utf-8")
    if tool == "gne":
        from gne import GeneralNewsExtractor

        found = GeneralNewsExtractor().extract(html)
        return found.get("title", ""), [line.strip() for line in found.get("content", "").split("\n") if line.strip()]
    import trafilatura

    found = json.loads(trafilatura.extract(html, output_format="json", with_metadata=True) or "{}")
    return found.get("title") or "", [line.strip() for line in (found.get("text") or "").split("\n") if line.strip()]


def judge(title: str, lines: list[str], expected: tuple[str, str, str]) -> dict[str, bool]:
    """Return which of the four facts a tool's result satisfies."""
    clean = not any(word in line for line in lines for word in CHROME) and not any(
        len(line) <= 60 and word in line for line in lines for word in CHROME_LINES)
    return {"title": _squeezed(title) == _squeezed(expected[0]),
            "first": bool(lines) and _squeezed(lines[0]).startswith(_squeezed(expected[1])),
            "last": bool(lines) and _squeezed(lines[-1]).endswith(_squeezed(expected[2])), "clean": clean}


def main(tool: str) -> None:
    """Print each page's result (t f l c for the facts that hold) and the totals."""
    totals = dict.fromkeys(("title", "first", "last", "clean", "all"), 0)
    for name, expected in sorted(PAGES.items()):
        title, lines = extract(tool, (HTML_DIR / name).read_bytes(), name)
        result = judge(title, lines, expected)
        for key, value in result.items():
            totals[key] += value
        totals["all"] += all(result.values())
        print(f"{name:22} {''.join(k[0] if v else '-' for k, v in result.items())}")
    print(tool, totals)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dubao")
