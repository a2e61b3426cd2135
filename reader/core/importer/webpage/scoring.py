"""Finding the element that holds the article: content scoring over text blocks.

Each block earns a score from its own signals: Chinese sentence punctuation (the strongest sign of running text;
navigation, link lists and buttons have none), its length, and how little of it is link text. A block's score goes
to the element that contains its paragraph (the block's owner for text standing directly in a `<div>`, the
owner's parent for a `<p>`), and half of it to the next element up, so the container of many good paragraphs wins
over a long single comment or a list of headlines. The winner's score is discounted by its own link density.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import html

from reader.core.importer.webpage.blocks import Block

SENTENCE_MARKS = frozenset("，。！？；：、“”…")
PARAGRAPH_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
                            "figcaption", "br", "center", "span", "font", "strong", "b"))


def punctuation(text: str) -> int:
    """Return how many Chinese sentence punctuation marks a text holds."""
    return sum(1 for ch in text if ch in SENTENCE_MARKS)


def link_ratio(block: Block) -> float:
    """Return the share of a block's text that is link text."""
    return block.link_chars / max(len(block.text), 1)


def block_score(block: Block) -> float:
    """Return how much a block looks like a paragraph of running text (0 for navigation and buttons)."""
    size = len(block.text)
    marks = punctuation(block.text)
    if size < 8 or marks == 0:
        return 0.0
    return (1.0 + marks + min(size, 400) / 100) * (1.0 - link_ratio(block)) ** 2


def container(block: Block) -> html.HtmlElement:
    """Return the element a block's paragraph belongs to."""
    owner = block.owner
    parent = owner.getparent()
    return parent if owner.tag in PARAGRAPH_TAGS and parent is not None else owner


def best_container(blocks: list[Block]) -> html.HtmlElement | None:
    """Return the element holding the article's paragraphs, or None when nothing reads like text."""
    scores: dict[html.HtmlElement, float] = defaultdict(float)
    for block in blocks:
        score = block_score(block)
        if not score:
            continue
        holder = container(block)
        scores[holder] += score
        parent = holder.getparent()
        if parent is not None:
            scores[parent] += score / 2
    if not scores:
        return None
    return max(scores, key=lambda element: scores[element] * (1.0 - _element_link_density(element)))


def _element_link_density(element: html.HtmlElement) -> float:
    text = len("".join(element.itertext()).strip()) or 1
    links = sum(len("".join(a.itertext()).strip()) for a in element.iter("a"))
    return min(links / text, 1.0)
