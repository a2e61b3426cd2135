"""Finding the element that holds the article: content scoring over text blocks.

Each block earns a score from its own signals: Chinese sentence punctuation (the strongest sign of running text;
navigation, link lists and buttons have none), its length, and how little of it is link text. A block's score goes
to the element that contains its paragraph (the block's owner for text standing directly in a `<div>`, the
owner's parent for a `<p>`), and half of it to the next element up, so the container of many good paragraphs wins
over a long single comment or a list of headlines. The winner's score is discounted by its own link density;
containers named like comments, related lists or a sidebar (a general naming habit of sites, never a particular
site's names) are passed over while any other container holds running text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from lxml import html

from reader.core.importer.webpage.blocks import Block

SENTENCE_MARKS = frozenset("，。！？；：、“”…")
# Class and id names of the page parts that hold running text but not the article: readers' comments, related
# and recommended lists, sidebars. A container so named (or inside one) is passed over while another holds text.
TWIN_SHARE = 0.2  # a sibling part of the article holds at least this share of the best part's score
UNLIKELY = re.compile(r"comment|reply|replies|discuss|remark|feedback|recommend|related|sidebar|side-bar|"
                      r"(?:^|[-_\s])(?:hot|rank|aside|footer|nav|menu)(?:$|[-_\s\d])", re.IGNORECASE)
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


def article_containers(blocks: list[Block]) -> list[html.HtmlElement]:
    """Return the element holding the article's paragraphs (empty when nothing reads like text); when the article
    is split into parts of one kind (same tag, class and paragraph markup: a long WeChat post in sections, a page
    cut by an ad), every sibling from its first part to its last (what stands between, a subheading or a photo,
    belongs to it)."""
    scores = _scores(blocks)
    best = best_container(blocks, scores)
    parent = best.getparent() if best is not None else None
    if parent is None:
        return [] if best is None else [best]
    shape = _paragraph_shape(blocks, best)
    parts = [i for i, sibling in enumerate(parent) if sibling is best or (
        sibling.tag == best.tag and sibling.get("class") == best.get("class")
        and scores.get(sibling, 0) >= scores[best] * TWIN_SHARE and _element_link_density(sibling) < 0.3
        and _paragraph_shape(blocks, sibling) == shape)]
    return list(parent)[parts[0]:parts[-1] + 1]


def _paragraph_shape(blocks: list[Block], element: html.HtmlElement) -> tuple[str, str] | None:
    """The most common (paragraph tag, its parent's tag) of the running text inside an element."""
    shapes = Counter((b.owner.tag, b.owner.getparent().tag) for b in blocks if block_score(b)
                     and b.owner.getparent() is not None and (b.owner is element or element in b.owner.iterancestors()))
    return max(shapes, key=shapes.__getitem__) if shapes else None


def best_container(blocks: list[Block], scores: dict | None = None) -> html.HtmlElement | None:
    """Return the element holding the article's paragraphs, or None when nothing reads like text."""
    scores = _scores(blocks) if scores is None else scores
    if not scores:
        return None
    likely = [element for element in scores if not _unlikely(element)] or list(scores)
    return max(likely, key=lambda element: scores[element] * (1.0 - _element_link_density(element)))


def _scores(blocks: list[Block]) -> dict[html.HtmlElement, float]:
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
    return scores


def _unlikely(element: html.HtmlElement) -> bool:
    """True when an element or one of its ancestors is named like comments, related lists or a sidebar."""
    for node in (element, *element.iterancestors()):
        if UNLIKELY.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def _element_link_density(element: html.HtmlElement) -> float:
    text = len("".join(element.itertext()).strip()) or 1
    links = sum(len("".join(a.itertext()).strip()) for a in element.iter("a"))
    return min(links / text, 1.0)
