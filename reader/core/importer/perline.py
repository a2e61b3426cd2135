"""Texts with one paragraph per line: web copies, government documents, news briefs.

Each non-blank line is one paragraph unless it is:
- a part heading: a short line ending in `——` (level 1);
- a numbered heading: `一、` (level 1), `（一）` (level 2), `1.`/`1．` (level 3), `（1）` (level 4); a run-in
  heading ends at the first `。` of its line, the rest of the line is the section's first paragraph
  (`（一）指导思想。全面贯彻…` gives heading `（一）指导思想`, number kept);
- a subhead: a short line that does not read as a sentence, one level below the current part or numbered heading.
  Two subheads in a row (separated only by blank lines) are the two decks of one heading, joined with a space;
- an image caption pasted twice end to end (`XX`), kept once as a paragraph with role `caption`.
A dateline opening the first paragraph (`新华社北京1月2日电`, `中新网北京12月1日电(记者 张曦)`) is split off into the
article's dateline; the rest of that line is the lead. Paragraphs before the first heading form the lead section.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.importer import lines as rules
from reader.core.importer.lines import UNHEADED_LEVEL
from reader.core.model import SectionDraft, SectionKind


@dataclass
class LineItem:
    """One classified line: a heading (with level and kind of heading) or a paragraph (with role)."""

    kind: str  # "part", "numbered", "subhead", "paragraph"
    text: str
    level: int = 0
    role: str = "text"


def classify(text: str, captions: bool = True) -> list[LineItem]:
    """Classify one stripped line; a run-in numbered heading gives two items (heading, paragraph).

    `captions=False` when lines were joined from several source lines: a caption is doubled within one line only.
    """
    if rules.is_part_heading(text):
        return [LineItem("part", text, 1)]
    numbered = rules.numbered_heading(text)
    if numbered is not None:
        items = [LineItem("numbered", numbered.heading, numbered.level)]
        if numbered.body:
            items.append(LineItem("paragraph", numbered.body))
        return items
    caption = rules.doubled_caption(text) if captions else None
    if caption is not None:
        return [LineItem("paragraph", caption, role="caption")]
    if rules.is_heading_like(text) and rules.split_dateline(text) is None:
        return [LineItem("subhead", text)]
    return [LineItem("paragraph", text)]


def classify_lines(lines: list[str], captions: bool = True) -> list[LineItem]:
    """Classify every non-blank line, merging two-deck subheads."""
    items: list[LineItem] = []
    last_was_subhead_deck = False
    for line in lines:
        if rules.is_blank(line):
            continue
        for item in classify(rules.strip_line(line), captions):
            if item.kind == "subhead" and last_was_subhead_deck:
                items[-1].text += " " + item.text
                last_was_subhead_deck = False
                continue
            items.append(item)
            last_was_subhead_deck = item.kind == "subhead"
    return items


def build_drafts(items: list[LineItem]) -> list[SectionDraft]:
    """Group classified lines into sections, giving subheads a level below the current heading."""
    drafts: list[SectionDraft] = []
    parent_level = 0
    for item in items:
        if item.kind in ("part", "numbered"):
            parent_level = item.level
            drafts.append(SectionDraft(item.text, item.level, SectionKind.BODY))
        elif item.kind == "subhead":
            drafts.append(SectionDraft(item.text, parent_level + 1, SectionKind.BODY))
        else:
            if not drafts:
                drafts.append(SectionDraft(None, UNHEADED_LEVEL, SectionKind.LEAD))
            drafts[-1].texts.append(item.text)
            drafts[-1].roles.append(item.role)
    return drafts

