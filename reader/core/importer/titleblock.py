"""The title block: title, subtitle, page and date lines at the top of a text, and a title for texts without one.

A title is a short first line that does not read as a sentence and is not a part heading, a numbered heading, a
dateline or a caption. A line that opens with a dash rule (`———`) is the subtitle; the rule is a layout mark and
is dropped. Date lines (`（2018年1月2日）`, `2025年2月6日 星期四`) and page lines (`第3版`) go to the source
metadata (a bracketed date line also becomes the dateline). When the text has no title, the first heading (if the
text starts with one) or the first words of the first paragraph are used, and `source.title_inferred` is set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.importer import lines as rules

INFERRED_TITLE_CHARS = 24


@dataclass
class TitleBlock:
    """What the top of a text says about the article, and how many lines it used."""

    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    date: str | None = None
    page: str | None = None
    used: int = 0
    notes: list[str] = field(default_factory=list)


def is_title_candidate(line: str) -> bool:
    """True when a line could be an article title."""
    text = rules.strip_line(line)
    return (
        rules.is_heading_like(text)
        and not rules.is_part_heading(text)
        and rules.numbered_heading(text) is None
        and rules.split_dateline(text) is None
        and rules.doubled_caption(text) is None
        and not rules.CONTINUATION_START.match(text)
        and not rules.BYLINE_MARK.match(text)
    )


def read_title_block(lines: list[str]) -> TitleBlock:
    """Read the title block from the first non-blank lines of a text (each line one entry of `lines`)."""
    block = TitleBlock()
    index = 0
    while index < len(lines) and rules.is_blank(lines[index]):
        index += 1
    while index < len(lines) and block.title is None and _absorb_meta_line(block, lines[index], subtitle=False):
        index += 1
    if index >= len(lines) or not is_title_candidate(lines[index]) or rules.is_indented(lines[index]):
        return TitleBlock()
    block.title = rules.strip_line(lines[index])
    index += 1
    while index < len(lines) and _absorb_meta_line(block, lines[index]):
        index += 1
    block.used = index
    return block


def _absorb_meta_line(block: TitleBlock, line: str, subtitle: bool = True) -> bool:
    """Take a subtitle, date or page line into the block; return False at the first line that is none of them."""
    text = rules.strip_line(line)
    if subtitle and rules.DASH_RULE.match(text) and rules.DASH_RULE.sub("", text) and block.subtitle is None:
        block.subtitle = rules.DASH_RULE.sub("", text).strip()
        return True
    date_line = rules.DATE_LINE.match(text)
    if date_line:
        block.dateline = text.strip("（()） ")
        block.date = rules.iso_date(*date_line.groups())
        return True
    date_only = rules.DATE_ONLY.match(text)
    if date_only:
        block.date = rules.iso_date(*date_only.groups()[:3])
        block.notes.append(f"date line: {text}")
        return True
    if rules.PAGE_LINE.match(text):
        block.page = text
        return True
    return False


def infer_title(first_heading: str | None, first_paragraph: str | None) -> str:
    """Return a title for a text without one: its opening heading, else the first words of its first paragraph."""
    if first_heading:
        return first_heading.rstrip("—").strip() or first_heading
    if not first_paragraph:
        return "无标题"
    sentence = first_paragraph
    for mark in "。！？!?；":
        cut = sentence.find(mark)
        if cut > 0:
            sentence = sentence[:cut]
    if len(sentence) > INFERRED_TITLE_CHARS:
        sentence = sentence[:INFERRED_TITLE_CHARS].rstrip("，、：,: ") + "…"
    return sentence
