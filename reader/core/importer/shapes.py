"""Turning decoded text into an Article: detect the shape, then apply that shape's layout rules.

Shapes, detected from the text (never from the file name):
- `newspaper`: hard-wrapped page dump, where indented paragraph starts mix with unindented lines continuing an
  unfinished line (see `newspaper`);
- text cut at one width without indents (see `wrapped`): its lines are joined into paragraphs first, then it is
  read as one paragraph per line;
- one paragraph per line (see `perline`), named by what it contains: `document` (numbered headings), `brief`
  (a dateline opens the text), `web` (part headings, subheads or captions), or `plain`.
"""

from __future__ import annotations

from reader.core.errors import ImportProblem
from reader.core.importer import lines as rules
from reader.core.importer import newspaper, perline, wrapped
from reader.core.importer.titleblock import TitleBlock, infer_title, read_title_block
from reader.core.model import Article, SectionDraft, SectionKind, Source, build_sections


def import_plain_text(text: str, file_name: str | None = None) -> Article:
    """Return the Article a plain text holds (any shape but Dubao's Markdown)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if all(rules.is_blank(line) for line in lines):
        problem = "is empty" if not text.strip("\ufeff") else "contains only blank lines and spaces"
        raise ImportProblem(problem, file_name)
    if newspaper.is_hard_wrapped(lines):
        return _import_page(lines, file_name)
    if wrapped.is_width_wrapped(lines):
        article = _import_per_line(wrapped.unwrap(lines), file_name, captions=False)
        article.source.notes.append("lines cut at one width were joined into paragraphs")
        return article
    return _import_per_line(lines, file_name)


def _import_page(lines: list[str], file_name: str | None) -> Article:
    block = read_title_block(lines)
    if block.title is not None and block.used < len(lines) and not rules.is_blank(lines[block.used]):
        block = TitleBlock()
    page = newspaper.rebuild_page(lines[block.used:])
    article = _assemble(block, page.drafts, file_name, "newspaper")
    article.byline = page.byline or block.byline
    article.source.notes += page.notes
    return article


def _import_per_line(lines: list[str], file_name: str | None, captions: bool = True) -> Article:
    block = read_title_block(lines)
    items = perline.classify_lines(lines[block.used:], captions)
    drafts = perline.build_drafts(items)
    kinds = {item.kind for item in items}
    shape = "document" if "numbered" in kinds else "web" if kinds & {"part", "subhead"} else "plain"
    if any(item.role == "caption" for item in items):
        shape = "web" if shape == "plain" else shape
    article = _assemble(block, drafts, file_name, shape)
    if article.dateline and not block.dateline and shape in ("plain", "web"):
        article.source.shape = "brief"
    return article


def _assemble(block: TitleBlock, drafts: list[SectionDraft], file_name: str | None, shape: str) -> Article:
    """Build the Article from a title block and section drafts: dateline split, title inferred when missing."""
    dateline = block.dateline or _split_dateline(drafts)
    source = Source(file_name=file_name, page=block.page, date=block.date, shape=shape, notes=list(block.notes))
    title = block.title
    if title is None:
        first_heading = drafts[0].heading if drafts else None
        first_text = next((text for draft in drafts for text in draft.texts), None)
        title = infer_title(first_heading, first_text)
        source.title_inferred = True
    drafts = [d for d in drafts if d.texts or d.heading is not None]
    return Article(title=title, subtitle=block.subtitle, byline=block.byline, dateline=dateline, source=source,
                   sections=build_sections(drafts))


def _split_dateline(drafts: list[SectionDraft]) -> str | None:
    """Split a news dateline off the first paragraph of a leading lead section, and return it."""
    if not drafts or drafts[0].kind != SectionKind.LEAD or not drafts[0].texts:
        return None
    found = rules.split_dateline(drafts[0].texts[0])
    if found is None:
        return None
    dateline, rest = found
    if rest:
        drafts[0].texts[0] = rest
    else:
        drafts[0].texts.pop(0)
        if drafts[0].roles:
            drafts[0].roles.pop(0)
    return dateline
