"""A cleaned page as a flat list of text blocks in reading order.

A block is the run of inline content between two block-level boundaries (`<p>`, `<div>`, `<br>`, `<li>`, headings,
table cells …): links, bold spans and other inline elements stay inside their block, so a link in a paragraph never
breaks it. Each block remembers the element that holds it and a few signals the scoring and the assembly read:
how much of its text is link text, how much is bold, whether it is a heading or a caption and whether an image
stands in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html

BLOCK_TAGS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead",
    "tfoot", "tr", "td", "th", "section", "article", "main", "header", "blockquote", "figure", "figcaption", "pre",
    "center", "address", "hr", "br", "body", "caption", "details", "summary", "fieldset", "legend"))
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
BOLD_TAGS = frozenset(("b", "strong"))
_CAPTION_HINT = re.compile(r"caption|pic_?txt|pic_?info|img_?(?:desc|txt|title|info)|photo_?(?:desc|txt)|"
                           r"pictext|imgtxt|image_?desc|picture_?title|pic_?title|illustration", re.IGNORECASE)
_HEADING_HINT = re.compile(r"(?:^|[-_\s])(?:h[2-6]|subtitle|sub-title|subhead|heading)(?:$|[-_\s])", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\u00a0\u2002\u2003\u2009\u200b]+")


@dataclass
class Block:
    """One run of text between block boundaries, with the signals read about it."""

    text: str
    owner: html.HtmlElement  # the nearest block-level element holding the text
    link_chars: int = 0
    bold_chars: int = 0
    heading: int = 0  # 1–6 for <h1>–<h6>, else 0
    caption_hint: bool = False
    image: bool = False  # an <img> stands in the block
    heading_hint: bool = False  # an element of the block has a heading's class name ("bjh-h3", "subtitle")


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links = 0
        self.bold = 0
        self.image = False
        self.heading_hint = False
        self.owner: html.HtmlElement | None = None

    def text(self, text: str | None, in_link: bool, in_bold: bool) -> None:
        """Add inline text to the block being built, counting link and bold characters."""
        if not text:
            return
        self.parts.append(text)
        size = len(text.strip())
        self.links += size if in_link else 0
        self.bold += size if in_bold else 0

    def flush(self) -> None:
        """End the block being built (kept when it has text or an image)."""
        text = _SPACES.sub(" ", "".join(self.parts)).strip()
        if (text or self.image) and self.owner is not None:
            self.blocks.append(Block(text, self.owner, self.links, self.bold, _heading(self.owner),
                                     _caption_hint(self.owner), self.image, self.heading_hint))
        self.parts, self.links, self.bold, self.image, self.heading_hint = [], 0, 0, False, False


def _heading(element: html.HtmlElement) -> int:
    for node in (element, *element.iterancestors()):
        if node.tag in HEADING_TAGS:
            return int(node.tag[1])
        if node.tag in ("div", "section", "article", "body", "td"):
            return 0
    return 0


def _caption_hint(element: html.HtmlElement) -> bool:
    for node in (element, element.getparent()):
        if node is None:
            continue
        if node.tag in ("figcaption", "center") or _CAPTION_HINT.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def page_blocks(body: html.HtmlElement) -> list[Block]:
    """Return the text blocks of a cleaned body in reading order."""
    builder = _Builder()
    builder.owner = body
    _walk(body, builder, False, False)
    builder.flush()
    return builder.blocks


def _walk(element: html.HtmlElement, builder: _Builder, in_link: bool, in_bold: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in BLOCK_TAGS
    if block:
        builder.flush()
        builder.owner = element
    if tag == "img":
        builder.image = True
    if _HEADING_HINT.search(element.get("class", "")):
        builder.heading_hint = True
    in_link = in_link or tag == "a"
    in_bold = in_bold or tag in BOLD_TAGS or bool(_BOLD_STYLE.search(element.get("style", "")))
    builder.text(element.text, in_link, in_bold)
    for child in element:
        _walk(child, builder, in_link, in_bold)
        builder.text(child.tail, in_link, in_bold)
    if block:
        builder.flush()
        builder.owner = next((a for a in element.iterancestors() if a.tag in BLOCK_TAGS), element)
