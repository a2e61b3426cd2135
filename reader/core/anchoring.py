"""Anchors that survive edits: where a bookmark, highlight or note points, and how to find that place again.

An `Anchor` is a W3C TextQuoteSelector with a position hint: the paragraph id and character offsets where the quote
stood, the quoted text (`exact`) and a little text before (`prefix`) and after (`suffix`) it. After a re-import or
an edit, `reanchor` looks for the quote again:
1. *exact*: the quote still stands at the same paragraph and offsets;
2. *moved*: the quote stands verbatim elsewhere (best context match wins when it stands several times);
3. *fuzzy*: a close enough passage (difflib similarity of quote, and of quote with context) is found;
4. *orphan*: nothing matches well enough. The annotation is kept with its old anchor, listed as an orphan and can
   be re-attached by hand. Nothing is ever dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum

from reader.core.model import Article

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.75


class AnchorStatus(StrEnum):
    """How an anchor was found again."""

    EXACT = "exact"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


@dataclass(frozen=True)
class Anchor:
    """A quoted span of one paragraph, with context, as stored with every annotation."""

    paragraph_id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Reanchored:
    """The outcome of re-anchoring: the new anchor (the old one for an orphan), its status and match score."""

    anchor: Anchor
    status: AnchorStatus
    score: float = 1.0


def make_anchor(article: Article, paragraph_id: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Return the anchor of characters [start, end) of a paragraph; raise ValueError for a bad span."""
    paragraph = article.paragraph(paragraph_id)
    if paragraph is None:
        raise ValueError(f"no paragraph {paragraph_id} in this article")
    return anchor_in_text(paragraph_id, paragraph.text, start, end, context)


def anchor_in_text(paragraph_id: str, text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Return the anchor of [start, end) in a paragraph's text (an empty span is a point, used by bookmarks)."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the paragraph (length {len(text)})")
    return Anchor(
        paragraph_id, start, end, text[start:end], text[max(0, start - context) : start], text[end : end + context]
    )


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    scores = []
    if anchor.prefix:
        scores.append(SequenceMatcher(None, anchor.prefix, before, autojunk=False).ratio())
    if anchor.suffix:
        scores.append(SequenceMatcher(None, anchor.suffix, after, autojunk=False).ratio())
    return sum(scores) / len(scores) if scores else 0.0


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _find_verbatim(anchor: Anchor, article: Article) -> Reanchored | None:
    best: tuple[float, Anchor] | None = None
    for paragraph in article.paragraphs():
        for at in _occurrences(paragraph.text, anchor.exact):
            score = _context_score(anchor, paragraph.text, at, at + len(anchor.exact))
            score += 0.5 if paragraph.id == anchor.paragraph_id else 0.0
            score -= min(abs(at - anchor.start), 1000) / 100_000  # nearer the old offset wins a tie
            if best is None or score > best[0]:
                new = anchor_in_text(paragraph.id, paragraph.text, at, at + len(anchor.exact), len(anchor.prefix) or CONTEXT_CHARS)
                best = (score, new)
    return Reanchored(best[1], AnchorStatus.MOVED) if best else None


def _fuzzy_in(anchor: Anchor, paragraph_id: str, text: str) -> tuple[float, Anchor] | None:
    quote = anchor.exact
    matcher = SequenceMatcher(None, text, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    start = max(0, blocks[0].a - blocks[0].b)
    end = min(len(text), blocks[-1].a + blocks[-1].size + (len(quote) - blocks[-1].b - blocks[-1].size))
    if end <= start:
        return None
    similarity = SequenceMatcher(None, quote, text[start:end], autojunk=False).ratio()
    score = 0.8 * similarity + 0.2 * _context_score(anchor, text, start, end)
    return score, anchor_in_text(paragraph_id, text, start, end, len(anchor.prefix) or CONTEXT_CHARS)


def _find_fuzzy(anchor: Anchor, article: Article) -> Reanchored | None:
    best: tuple[float, Anchor] | None = None
    for paragraph in article.paragraphs():
        if not paragraph.text:
            continue
        quick = SequenceMatcher(None, paragraph.text, anchor.exact, autojunk=False).quick_ratio()
        if quick * (len(paragraph.text) + len(anchor.exact)) / 2 < FUZZY_THRESHOLD * len(anchor.exact):
            continue  # too few shared characters to hold a close match
        found = _fuzzy_in(anchor, paragraph.id, paragraph.text)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is None or best[0] < FUZZY_THRESHOLD:
        return None
    return Reanchored(best[1], AnchorStatus.FUZZY, round(best[0], 3))


def reanchor(anchor: Anchor, article: Article) -> Reanchored:
    """Find `anchor` again in a (possibly changed) article; an orphan keeps its old anchor."""
    paragraph = article.paragraph(anchor.paragraph_id)
    if paragraph is not None and paragraph.text[anchor.start : anchor.end] == anchor.exact:
        return Reanchored(anchor_in_text(paragraph.id, paragraph.text, anchor.start, anchor.end, len(anchor.prefix) or CONTEXT_CHARS), AnchorStatus.EXACT)
    if not anchor.exact:  # a point bookmark: keep it at the same offset of its paragraph, or fall back on context
        return _reanchor_point(anchor, article)
    return _find_verbatim(anchor, article) or _find_fuzzy(anchor, article) or Reanchored(anchor, AnchorStatus.ORPHAN, 0.0)


def _reanchor_point(anchor: Anchor, article: Article) -> Reanchored:
    paragraph = article.paragraph(anchor.paragraph_id)
    if paragraph is not None:
        at = min(anchor.start, len(paragraph.text))
        return Reanchored(replace(anchor, start=at, end=at), AnchorStatus.EXACT)
    context = anchor.prefix + anchor.suffix
    if context:
        probe = Anchor(anchor.paragraph_id, anchor.start - len(anchor.prefix), anchor.start + len(anchor.suffix), context)
        found = _find_verbatim(probe, article) or _find_fuzzy(probe, article)
        if found:
            at = found.anchor.start + len(anchor.prefix) if found.status == AnchorStatus.MOVED else found.anchor.start
            text = article.paragraph(found.anchor.paragraph_id).text
            at = min(at, len(text))
            return Reanchored(anchor_in_text(found.anchor.paragraph_id, text, at, at), found.status, found.score)
    return Reanchored(anchor, AnchorStatus.ORPHAN, 0.0)
