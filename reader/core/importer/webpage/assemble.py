"""From the blocks of the article's container to an `Article`: where the article starts and ends, which blocks are
headings, captions, metadata or chrome.

- The body runs from the container's first block to its last, stopping early at an end marker (a "related" list
  heading, the editor's credit); chrome lines, the headline repeated and link lists are left out.
- A subheading is a short block that is a heading element or bold all through, and does not end like a sentence.
- A caption is a short block in a caption element, holding an image, or standing right after an image.
- Metadata lines (date, source, author) between the headline and the body, and at the body's two ends, go to the
  article's metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.importer.webpage import chrome
from reader.core.importer.webpage.blocks import Block, page_blocks
from reader.core.importer.webpage.meta import choose_title, is_head_metadata, is_metadata_line
from reader.core.importer.webpage.scoring import article_containers, link_ratio, punctuation
from reader.core.importer.webpage.tree import Page

MAX_HEADING_CHARS = 40
MAX_CAPTION_CHARS = 60
SENTENCE_ENDS = ("。", "，", "；", "：", ".", ",", ";", ":")
CLOSING_QUOTES = "”’」』\"'"


@dataclass
class Piece:
    """One block of the article as the assembly reads it: "text", "heading", "caption" or "meta"."""

    kind: str
    text: str


def classify(block: Block, after_image: bool) -> str:
    """Return what a block of the article's container is: text, heading, caption, meta, chrome or empty."""
    text = block.text
    if not text:
        return "empty"
    if chrome.ends_article(text):
        return "end"
    if chrome.is_chrome(text) or (link_ratio(block) > 0.5 and len(text) < 200) or _link_list(block):
        return "chrome"
    short = len(text) <= MAX_CAPTION_CHARS
    if block.caption_hint and short:
        return "caption"
    if _is_heading(block):
        return "heading"
    if short and (block.image or after_image) and _reads_like_caption(block):
        return "caption"
    return "text"


def _reads_like_caption(block: Block) -> bool:
    """A short line under an image is its caption unless it is bold (an emphasised sentence) or introduces more."""
    text = block.text
    if text.endswith("。") and "，" in text:  # a whole sentence with its clauses: running text
        return False
    return not text.endswith(("：", ":")) and block.bold_chars < len(text) * 0.9


def _link_list(block: Block) -> bool:
    return block.link_chars > 0 and punctuation(block.text) == 0 and link_ratio(block) > 0.3


def _is_heading(block: Block) -> bool:
    text = block.text
    unquoted = text.rstrip(CLOSING_QUOTES)
    if len(text) > MAX_HEADING_CHARS or unquoted.endswith(SENTENCE_ENDS):
        return False
    if unquoted != text and unquoted.endswith(("！", "？", "!", "?", "…")):
        return False  # a quoted exclamation or question is speech, not a subheading
    return 2 <= block.heading <= 6 or block.heading_hint or block.bold_chars >= len(text.replace(" ", "")) * 0.9


def article_pieces(blocks: list[Block], title: str) -> list[Piece]:
    """Return the pieces of the article from its container's blocks (in order), metadata at the ends marked."""
    pieces: list[Piece] = []
    after_image = False
    for block in blocks:
        kind = classify(block, after_image)
        if block.image and len(block.text) < 4:
            after_image = True
        elif kind != "empty":
            after_image = False
        if kind == "end" and pieces:
            break
        if kind in ("empty", "chrome", "end") or _same(block.text, title):
            continue
        pieces.append(Piece(kind, chrome.strip_glued_chrome(block.text)))
    return _mark_edge_metadata(pieces)


def _same(text: str, title: str) -> bool:
    return bool(title) and text.replace(" ", "") == title.replace(" ", "")


def _mark_edge_metadata(pieces: list[Piece]) -> list[Piece]:
    """Mark metadata lines at the start and the end of the body (byline, source, date, credits)."""
    for order in (range(len(pieces)), range(len(pieces) - 1, -1, -1)):
        for index in order:
            piece = pieces[index]
            if piece.kind == "caption":
                continue
            if piece.kind in ("text", "heading") and is_metadata_line(piece.text):
                piece.kind = "meta"
                continue
            break
    return pieces


@dataclass
class Extracted:
    """What a page holds: the headline ("" when none was found), the article's pieces, its metadata lines."""

    title: str = ""
    pieces: list[Piece] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)


def extract(page: Page) -> Extracted:
    """Find the article in a parsed page: its container, headline, metadata lines and pieces."""
    blocks = page_blocks(page.body)
    holders = set(article_containers(blocks))
    inside = [i for i, b in enumerate(blocks) if b.owner in holders or holders & set(b.owner.iterancestors())]
    if not inside:
        return Extracted()
    start, end = inside[0], inside[-1]
    choice = choose_title(blocks, start, page.head_title, page.meta)
    found = Extracted(title=choice.title if choice else "")
    index = choice.index if choice else None
    head_end = index + 1 if index is not None and index < start else start
    found.meta_lines = [b.text for b in blocks[head_end:start] if not _same(b.text, found.title) and (
        is_metadata_line(b.text) or (is_head_metadata(b) and not chrome.is_chrome(b.text)))]
    body_from = index + 1 if index is not None and start <= index <= end else start
    found.pieces = article_pieces([blocks[i] for i in inside if i >= body_from], found.title)
    found.meta_lines += [p.text for p in found.pieces if p.kind == "meta"]
    return found
