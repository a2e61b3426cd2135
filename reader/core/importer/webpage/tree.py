"""Parsing a page into a tree that holds only what could be read: no scripts, styles, frames, form controls,
embedded objects, comments or hidden elements. lxml's HTML parser never loads anything (no network, no external
entities); the tree is only walked, never rendered, so nothing in a page is fetched or run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html

# Elements whose content is never article text (removed with their content).
DROPPED = frozenset(("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
                     "svg", "math", "canvas", "template", "select", "textarea", "button", "input", "audio", "video",
                     "map", "link", "meta", "base", "nav", "footer", "aside", "dialog", "form"))
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)


@dataclass
class Page:
    """A parsed page: its cleaned body, the text of its `<title>`, and its `<meta>` name → content pairs."""

    body: html.HtmlElement
    head_title: str = ""
    meta: dict[str, str] = field(default_factory=dict)


def parse_page(text: str) -> Page:
    """Parse a page's text; return its cleaned body with the head's title and metadata."""
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        root = html.document_fromstring("<html><body></body></html>")
    page = Page(body=root.find("body") if root.find("body") is not None else root)
    page.head_title = " ".join((root.findtext(".//title") or "").split())
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if name and content:
            page.meta.setdefault(name, content)
    _clean(page.body)
    return page


def _clean(body: html.HtmlElement) -> None:
    doomed = [el for el in body.iter() if not isinstance(el.tag, str) or el.tag in DROPPED or _hidden(el)]
    for element in doomed:
        if element.getparent() is not None and (element.tag != "form" or _small_form(element)):
            element.drop_tree()


def _small_form(form: html.HtmlElement) -> bool:
    """A search or login form (dropped); some old sites wrap the whole page in one form, which stays."""
    return len(form.text_content()) < 400


def _hidden(element: html.HtmlElement) -> bool:
    return isinstance(element.tag, str) and (
        bool(_HIDDEN.search(element.get("style", ""))) or element.get("hidden") is not None)
