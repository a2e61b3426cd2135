"""The title block: title, subtitle, page and date lines at the top of a text, and a title for texts without one.

A title is a short first line that does not read as a sentence and is not a part heading, a numbered heading, a
dateline or a caption. A line that opens with a dash rule (`———`) is the subtitle; the rule is a layout mark and
is dropped. Date lines (`（2018年1月2日）`, `2025年2月6日 星期四`) and page lines (`第3版`) go to the source
metadata (a bracketed date line also becomes the dateline). When the text has no title, the first heading (if the
text starts with one) or the main clause of the first sentence is used (see `infer_title`), and
`source.title_inferred` is set.
"""

from __future__ import annotations

import re
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
    byline: str | None = None
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
    index = _absorb_run(block, lines, 0, subtitle=False)
    start = index
    while start < len(lines) and rules.is_blank(lines[start]):
        start += 1
    if start >= len(lines) or not is_title_candidate(lines[start]) or rules.is_indented(lines[start]):
        block.used = index  # metadata lines before an untitled text are still metadata, never its title or text
        return block
    block.title = rules.strip_line(lines[start])
    block.used = _absorb_run(block, lines, start + 1)
    return block


def _absorb_run(block: TitleBlock, lines: list[str], index: int, subtitle: bool = True) -> int:
    """Absorb metadata lines from `index` on (blank lines between them included); return the index after the last."""
    end = index
    while index < len(lines):
        if rules.is_blank(lines[index]):
            index += 1
            continue
        if rules.is_indented(lines[index]) or not _absorb_meta_line(block, lines[index], subtitle):
            break  # an indented line starts a paragraph of a page (its byline is the page reader's)
        index += 1
        end = index
    return end


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
    return len(text) <= META_LINE_CHARS and _absorb_labelled_line(block, text)


META_LINE_CHARS = 60
_LABELLED = re.compile(r"^(作者|记者|撰文|文|通讯员|来源|出处|编辑|责任编辑|责编|摄影|发布时间|发布日期|时间|日期|栏目|"
                       r"专栏|版次|版面|字数|阅读|浏览)\s*[：:]\s*(.{0,40})$")
_AUTHOR_LABELS = ("作者", "记者", "撰文", "文", "通讯员")
_DATE_TIME = re.compile(r"^((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?"
                        r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$")
# What an export or a copy from a page leaves around a text: rules, tags, image placeholders, print buttons.
_MARKUP = re.compile(r"^(?:[=*#~_\-·•.]{3,}|<[^<>]{1,80}>|\[(?:图片|图|image|img|photo)[^\]]{0,40}\]|"
                     r"!\[[^\]]*\]\([^)]*\)|【\s*(?:打印|关闭|字号|字体|大|中|小|默认|\s)+】.*|(?:【[^【】]{1,6}】\s*){2,})$",
                     re.IGNORECASE)
_COLUMN = re.compile(r"^[【\[［]([^【】\[\]［］]{1,10})[】\]］]$")


def _absorb_labelled_line(block: TitleBlock, text: str) -> bool:
    """Take an author, source, date-and-time, column or export-markup line into the block's metadata."""
    labelled = _LABELLED.match(text)
    date_time = _DATE_TIME.match(text)
    if labelled and labelled.group(1) in _AUTHOR_LABELS and block.byline is None:
        block.byline = labelled.group(2).strip() or None
    elif date_time:
        block.date = block.date or rules.iso_date(*date_time.groups())
    elif rules.BYLINE.match(text) and block.byline is None:
        block.byline = text
    elif not (labelled or _MARKUP.match(text) or _COLUMN.match(text)):
        return False
    block.notes.append(f"metadata line: {text}")
    return True


def infer_title(first_heading: str | None, first_paragraph: str | None) -> str:
    """Return a short title for a text without one: its opening heading, else the main clause of its first
    sentence (leading time, place and source phrases such as 30日晚 or 据BI消息 left out), never the cut-off
    sentence that the lead repeats anyway."""
    if first_heading:
        return first_heading.rstrip("—").strip() or first_heading
    if not first_paragraph:
        return "无标题"
    sentence = re.split(r"[。！？!?；;]", first_paragraph, maxsplit=1)[0]
    clauses = [c.strip() for c in re.split(r"[，,：:、]", sentence) if c.strip()]
    if not clauses:
        return "无标题"
    clause = next((c for c in clauses if not _ADVERBIAL.match(c)), clauses[0])
    if len(clause) <= INFERRED_TITLE_CHARS:
        return clause
    work = re.search(r"《[^《》]{1,20}》", clause)
    if work:
        subject = _SUBJECT.match(clause)
        return (subject.group(0).strip() if subject else "") + work.group(0)
    return clause[:INFERRED_TITLE_CHARS].rstrip("，、：,: ") + "…"


# A clause that only says when, where from or by whom (it opens a lead, it does not say what happened).
_ADVERBIAL = re.compile(
    r"^(?:据.{0,12}(?:消息|报道|介绍|了解|统计|悉)|.{0,10}[讯电]|[0-9０-９一二三四五六七八九十]+[年月日号](?:.{0,3})|"
    r"今天|昨天|今日|昨日|近日|日前|目前|当天|当晚|近年来|此前|随后|同时|据悉|记者.{0,8}|.{1,3})$")
# Who a long opening clause is about: a Latin name, or a short Han name before the verb.
_SUBJECT = re.compile(r"^[A-Za-z0-9·.\- ]+|^[\u4e00-\u9fff]{2,6}?(?=正|将|已|在|于|准备|宣布|计划)")
