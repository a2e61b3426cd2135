"""Rebuilding a hard-wrapped newspaper page dump: paragraphs, blocks, stranded headings, byline, continuations.

How the reconstruction decides:
- A paragraph starts at a line indented with full-width spaces (or at the first line of a block). Every other
  non-blank line continues the paragraph before it, even after a blank line: on a page dump a blank line followed by
  an unindented line is a column break, which can fall inside a word.
- A blank line followed by an indented line starts a new *block* (a run of paragraphs printed together).
- A *heading group* is a run of one to three short, unindented, non-sentence lines standing between blank lines
  right after a finished paragraph; its lines are one heading, joined with a space (`加快形成上下联动 互促共进工作格局`).
- A block that is only a byline (`□本报记者 李涛`) gives the article's byline (the `□` is a layout mark, dropped); the
  block printed after it is the lead. Without a byline, a first block printed before any heading is the lead.
- A block opening with `（上接第X版）` or ending with `（下转第X版）` is a piece continued from or to another page: it is
  kept, marker included, as a `continuation` section at the end.
- Headings are matched to the remaining blocks by shared words (see `matching`); sections follow the blocks' printed
  order. A block left without a heading joins the block printed before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.importer import lines as rules
from reader.core.importer.lines import UNHEADED_LEVEL
from reader.core.importer.matching import match_headings
from reader.core.importer.spacing import join_wrapped
from reader.core.model import SectionDraft, SectionKind

MAX_HEADING_LINES = 3
MAX_BYLINE_CHARS = 30


@dataclass
class Block:
    """Paragraphs printed together, each as its list of raw lines; `order` is its place among printed items."""

    order: int
    paragraphs: list[list[str]] = field(default_factory=list)
    _texts: list[str] | None = field(default=None, repr=False, compare=False)

    def texts(self) -> list[str]:
        """Return the block's paragraphs, lines joined and justification spaces removed (computed once)."""
        if self._texts is None:
            self._texts = [join_wrapped(lines) for lines in self.paragraphs]
        return list(self._texts)

    def drop_first_paragraph(self) -> None:
        """Remove the block's first paragraph (a byline taken out of it)."""
        self.paragraphs.pop(0)
        self._texts = None


@dataclass
class HeadingGroup:
    """A heading printed on its own, possibly on several lines."""

    order: int
    text: str


@dataclass
class PageLayout:
    """What the page dump holds, in printed order."""

    blocks: list[Block] = field(default_factory=list)
    headings: list[HeadingGroup] = field(default_factory=list)


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when indented paragraph starts mix with unindented lines that continue an unfinished line."""
    breaks = 0
    for previous, line in zip(lines, lines[1:]):
        if rules.is_indented(previous) and not rules.is_blank(line) and not rules.is_indented(line):
            breaks += not rules.ends_sentence(rules.strip_line(previous))
    return breaks >= 2


def read_layout(lines: list[str]) -> PageLayout:
    """Split body lines into blocks of paragraphs and heading groups, in printed order."""
    layout = PageLayout()
    groups = HeadingGroupFinder(lines)
    block: Block | None = None
    after_blank = True
    index = 0
    while index < len(lines):
        line = lines[index]
        if rules.is_blank(line):
            after_blank, index = True, index + 1
            continue
        group_end = groups.end_at(index) if after_blank and _paragraph_finished(block) else None
        if group_end is not None:
            text = " ".join(rules.strip_line(item) for item in lines[index:group_end])
            layout.headings.append(HeadingGroup(len(layout.blocks) + len(layout.headings), text))
            block, index = None, group_end
            continue
        if block is None or (after_blank and rules.is_indented(line)):
            block = Block(len(layout.blocks) + len(layout.headings))
            layout.blocks.append(block)
            block.paragraphs.append([line])
        elif rules.is_indented(line):
            block.paragraphs.append([line])
        else:
            block.paragraphs[-1].append(line)
        after_blank, index = False, index + 1
    return layout


def _paragraph_finished(block: Block | None) -> bool:
    """True when no paragraph is open, or the last one ends a sentence (a heading cannot cut a sentence)."""
    return block is None or rules.ends_sentence(rules.strip_line(block.paragraphs[-1][-1]))


class HeadingGroupFinder:
    """Finds heading groups: runs of 1–3 short unindented non-sentence lines between blank lines.

    A heading is followed by its body (an indented paragraph start), by another heading group, or by the end of
    the text. A chain of short fragments that ends in an unindented sentence is a paragraph cut by column breaks.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.verdicts: dict[int, int | None] = {}

    def end_at(self, start: int) -> int | None:
        """Return the end (exclusive) of the heading group starting at `start`, or None when there is none."""
        chain: list[tuple[int, int]] = []
        position: int | None = start
        verdict = True
        while position is not None and not rules.is_indented(self.lines[position]):
            if position in self.verdicts:
                verdict = self.verdicts[position] is not None
                break
            end = self._group_end(position)
            if end is None:
                verdict = False
                self.verdicts[position] = None
                break
            chain.append((position, end))
            position = self._next_non_blank(end)
        for begin, end in chain:
            self.verdicts[begin] = end if verdict else None
        return self.verdicts.get(start)

    def _group_end(self, start: int) -> int | None:
        end = start
        while end < len(self.lines) and not rules.is_blank(self.lines[end]):
            end += 1
        group = [rules.strip_line(line) for line in self.lines[start:end]]
        if len(group) > MAX_HEADING_LINES or any(rules.is_indented(line) for line in self.lines[start:end]):
            return None
        for text in group:
            if not rules.is_heading_like(text) or rules.CONTINUATION_START.match(text) or rules.BYLINE.match(text):
                return None
        return end

    def _next_non_blank(self, start: int) -> int | None:
        return next((i for i in range(start, len(self.lines)) if not rules.is_blank(self.lines[i])), None)


def _is_continuation(block: Block) -> bool:
    texts = block.texts()
    return bool(rules.CONTINUATION_START.match(texts[0]) or rules.CONTINUATION_END.search(texts[-1]))


def _take_byline(block: Block) -> str | None:
    """Remove and return the byline when a block opens with one."""
    first = join_wrapped(block.paragraphs[0])
    if rules.BYLINE.match(first) and len(first) <= MAX_BYLINE_CHARS and not rules.ends_sentence(first):
        block.drop_first_paragraph()
        return rules.BYLINE_MARK.sub("", first).strip()
    return None


@dataclass
class PageSections:
    """The result of reconstructing a page: sections in reading order and the byline found."""

    drafts: list[SectionDraft]
    byline: str | None
    notes: list[str]


def rebuild_page(lines: list[str]) -> PageSections:
    """Reconstruct the sections of a hard-wrapped page dump (the lines after its title block)."""
    layout = read_layout(lines)
    byline, lead = None, None
    blocks: list[Block] = []
    for block in layout.blocks:
        found = _take_byline(block) if byline is None else None
        if found is not None:
            byline = found
            lead = block if block.paragraphs else None
            if lead is None:
                lead = _next_block(layout.blocks, block)
        if block.paragraphs:
            blocks.append(block)
    continuations = [b for b in blocks if _is_continuation(b) and b is not lead]
    candidates = [b for b in blocks if b not in continuations and b is not lead]
    if lead is None and candidates and len(candidates) > len(layout.headings):
        first_heading = min((h.order for h in layout.headings), default=None)
        if first_heading is None or candidates[0].order < first_heading:
            lead = candidates.pop(0)
    drafts, notes = _headed_sections(layout.headings, candidates, lead_found=lead is not None)
    if lead is not None:
        drafts.insert(0, SectionDraft(None, UNHEADED_LEVEL, SectionKind.LEAD, lead.texts()))
    drafts += [SectionDraft(None, UNHEADED_LEVEL, SectionKind.CONTINUATION, b.texts()) for b in continuations]
    return PageSections(drafts, byline, notes)


def _next_block(blocks: list[Block], current: Block) -> Block | None:
    later = [b for b in blocks if b.order > current.order and b.paragraphs and not _is_continuation(b)]
    return later[0] if later else None


def _headed_sections(
    headings: list[HeadingGroup], blocks: list[Block], lead_found: bool
) -> tuple[list[SectionDraft], list[str]]:
    """Match headings to blocks and return body sections in printed order of their blocks.

    A block left without a heading joins the section before it; blocks before every headed block form the lead
    (when no lead was found otherwise).
    """
    chosen = match_headings([(h.order, h.text) for h in headings], [(b.order, "".join(b.texts())) for b in blocks])
    heading_of = {block: heading for heading, block in chosen.items()}
    notes = [f"heading “{headings[h].text}” matched to the block starting “{blocks[b].texts()[0][:12]}”"
             for h, b in sorted(chosen.items()) if headings[h].order + 1 != blocks[b].order]
    placed: list[tuple[int, SectionDraft]] = []
    for index, block in enumerate(blocks):
        if index in heading_of:
            heading = headings[heading_of[index]].text
            placed.append((block.order, SectionDraft(heading, 1, SectionKind.BODY, block.texts())))
        elif placed:
            placed[-1][1].texts.extend(block.texts())
        else:
            kind = SectionKind.BODY if lead_found else SectionKind.LEAD
            placed.append((block.order, SectionDraft(None, UNHEADED_LEVEL, kind, block.texts())))
    for index, heading in enumerate(headings):
        if index not in chosen:
            placed.append((heading.order, SectionDraft(heading.text, 1, SectionKind.BODY, [])))
    placed.sort(key=lambda item: item[0])
    return [draft for _, draft in placed], notes
