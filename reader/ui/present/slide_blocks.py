"""Turn one slide into the layout engine's blocks, with the pinyin the reader's modes show (no Qt here).

Each block remembers which paragraph (and which offset in it) it starts at, so that a click can be traced back to
the word and the glossary term under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.handout import tone_marks
from reader.core.model import Article
from reader.core.slides import Slide, SlideKind
from reader.core.layout import LayoutBlock
from reader.core.pinyin_display import PinyinOptions, shown_readings
from reader.ui.view.style import KIND_STYLES

CONTINUED_MARK = "（续）"


@dataclass
class SlideBlock:
    """A layout block plus where its text comes from: the paragraph id and the offset of its first character."""

    layout: LayoutBlock
    paragraph_id: str | None = None
    offset: int = 0
    tokens: tuple[Token, ...] = ()  # offsets relative to the block
    hits: tuple[GlossaryHit, ...] = ()  # offsets relative to the block


def _plain(text: str, kind: str, annotated: AnnotatedArticle | None = None) -> LayoutBlock:
    """A block without pinyin; its words (where the annotation has them) keep a wrapped title or heading whole."""
    style = KIND_STYLES[kind]
    found = annotated.headings.get(text) if annotated else None
    words = [(t.start, t.end) for t in found.tokens] if found and found.text == text else []
    return LayoutBlock(text, kind, words if _covers(words, len(text)) else (), [None] * len(text), style.indent_em,
                       style.space_before, "center" if kind in ("title", "subtitle", "byline") else style.align)


def title_blocks(article: Article, annotated: AnnotatedArticle | None = None) -> list[SlideBlock]:
    """Return the blocks of the title slide: title, subtitle, byline and dateline."""
    blocks = [SlideBlock(_plain(article.title, "title", annotated))]
    if article.subtitle:
        blocks.append(SlideBlock(_plain(article.subtitle, "subtitle", annotated)))
    byline = "　".join(part for part in (article.byline, article.dateline) if part)
    if byline:
        blocks.append(SlideBlock(_plain(byline, "byline")))
    return blocks


def _clip(annotated: AnnotatedParagraph | None, start: int, end: int) -> tuple[tuple[Token, ...], tuple]:
    """Return the tokens and glossary hits of [start, end) of a paragraph, shifted to start at 0."""
    if annotated is None:
        return (), ()
    tokens = tuple(Token(t.start - start, t.end - start, t.text, t.readings, t.in_dictionary, t.hsk_level)
                   for t in annotated.tokens if t.start >= start and t.end <= end)
    hits = tuple(GlossaryHit(h.start - start, h.end - start, h.term)
                 for h in annotated.glossary_hits if h.start >= start and h.end <= end)
    return tokens, hits


def _ruby(text: str, tokens: tuple[Token, ...], hits: tuple[GlossaryHit, ...],
          options: PinyinOptions | None) -> list[str | None]:
    """Return the tone-marked pinyin shown above each character (all None when pinyin is hidden)."""
    if options is None:
        return [None] * len(text)
    return list(tone_marks(shown_readings(len(text), tokens, hits, options)))


def section_blocks(slide: Slide, annotated: AnnotatedArticle | None,
                   options: PinyinOptions | None) -> list[SlideBlock]:
    """Return the heading and text blocks of a section slide; `options` None hides pinyin."""
    blocks = []
    if slide.heading:
        heading = slide.heading + (CONTINUED_MARK if slide.part > 1 else "")
        blocks.append(SlideBlock(_plain(heading, "heading", annotated)))
    paragraphs = annotated.paragraphs if annotated else {}
    for piece in slide.pieces:
        found = paragraphs.get(piece.paragraph_id)
        if found is not None and found.text[piece.start:piece.end] != piece.text:
            found = None
        tokens, hits = _clip(found, piece.start, piece.end)
        kind = "caption" if piece.role == "caption" else "paragraph"
        style = KIND_STYLES[kind]
        words = [(t.start, t.end) for t in tokens]
        indent = style.indent_em if piece.start == 0 else 0.0
        layout = LayoutBlock(piece.text, kind, words if _covers(words, len(piece.text)) else (),
                             _ruby(piece.text, tokens, hits, options), indent, style.space_before, style.align)
        blocks.append(SlideBlock(layout, piece.paragraph_id, piece.start, tokens, hits))
    return blocks


def _covers(words: list[tuple[int, int]], length: int) -> bool:
    """True when word spans tile the text exactly (the layout engine needs that)."""
    position = 0
    for start, end in words:
        if start != position:
            return False
        position = end
    return position == length


def slide_blocks(article: Article, slide: Slide, annotated: AnnotatedArticle | None,
                 options: PinyinOptions | None) -> list[SlideBlock]:
    """Return the blocks of any slide."""
    if slide.kind is SlideKind.TITLE:
        return title_blocks(article, annotated)
    return section_blocks(slide, annotated, options)


def terms_on_slide(blocks: list[SlideBlock]) -> list[str]:
    """Return the glossary terms of the slide, once each, in reading order."""
    return list(dict.fromkeys(hit.term for block in blocks for hit in block.hits))


def term_at(block: SlideBlock, offset: int) -> str | None:
    """Return the glossary term covering character `offset` of the block, or None."""
    return next((hit.term for hit in block.hits if hit.start <= offset < hit.end), None)


def term_readings(blocks: list[SlideBlock]) -> dict[str, str]:
    """Return the tone-marked reading of each glossary term on the slide, as read in its text."""
    readings: dict[str, str] = {}
    for block in blocks:
        for hit in block.hits:
            if hit.term in readings:
                continue
            syllables = [r for t in block.tokens if hit.start <= t.start and t.end <= hit.end for r in t.readings]
            readings[hit.term] = " ".join(s for s in tone_marks(syllables) if s)
    return readings
