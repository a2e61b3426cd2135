"""The headline and the metadata of a page: title, date, source (the publishing outlet) and author.

The headline is the heading-like line above the article that the page's `<title>` (or `og:title`) also holds: the
`<title>` usually adds the site's and the channel's names (`_网易财经`, `|中国芯|芯片_新浪新闻`), and the line on
the page does not. Without such a match the nearest heading above the article is taken, then the first part of the
`<title>`. Date, source and author come from the lines between the headline and the article, and from the head's
`<meta>` tags when the lines say nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.importer.webpage.blocks import Block
from reader.core.importer.webpage.scoring import link_ratio, punctuation

TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|—|-|–)\s*")
DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
SOURCE = re.compile(r"来源\s*[：:|｜]\s*([^\s|｜:：]{2,30})")
AUTHOR = re.compile(r"(?:作者|记者|执笔|撰文|采写|文|编译|通讯员)\s*[：:/／]\s*([^|｜【】]{2,30}?)\s*(?:$|[|｜】]|来源|时间|编辑)")
OUTLET_AFTER_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+([^\s\d:：|｜]{2,20})\s*$")
NAME_SLASH_OUTLET = re.compile(r"^[^\s/／\d]{2,6}\s*[/／]\s*[^\s/／\d]{2,16}$")
BYLINE_WORDS = re.compile(r"来自网络|来源于网络|重新编排|^(?:责编|编辑|校对|审核|监制|统筹)\s*[：:|｜/]|记者|作者|执笔|撰文|采写|通讯员|供稿|摄影|^文\s*[/／]|^【文\s*[/／]|编译|特约|专栏作者|^本报")
_DATE_META = ("article:published_time", "og:time", "og:release_date", "apub:time", "pubdate", "publishdate",
              "publish_date", "datepublished", "dateupdate", "date", "dc.date", "weibo: article:create_at")
_SOURCE_META = ("article:author", "og:article:author", "source", "mediaid")
TITLE_WINDOW = 40
MAX_TITLE_CHARS = 100


@dataclass
class PageMeta:
    """What the page says about the article besides its text."""

    date: str | None = None
    publisher: str | None = None
    author: str | None = None
    lines: list[str] = field(default_factory=list)  # metadata lines as they stood on the page


def iso_date(text: str) -> str | None:
    """Return the first date in a text as YYYY-MM-DD, or None."""
    match = DATE.search(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_metadata_line(text: str) -> bool:
    """True when a short line carries date, source or author rather than article text."""
    if len(text) > 60 or punctuation(text.replace("：", "").replace("、", "")) > 1:
        return False
    text = text.lstrip("（(【[ ")
    return bool(DATE.search(text) or SOURCE.search(text) or BYLINE_WORDS.search(text))


def read_metadata(lines: list[str], meta: dict[str, str]) -> PageMeta:
    """Read date, source and author from metadata lines, then from the head's `<meta>` tags."""
    found = PageMeta(lines=list(lines))
    for line in lines:
        found.date = found.date or iso_date(line)
        source = SOURCE.search(line) or OUTLET_AFTER_TIME.search(line)
        found.publisher = found.publisher or (source.group(1) if source else None)
        author = AUTHOR.search(line)
        found.author = found.author or (author.group(1).strip() if author else None)
    found.author = found.author or next((_byline(line) for line in lines if _is_byline(line)), None)
    found.date = found.date or next((iso_date(meta[key]) for key in _DATE_META if key in meta and iso_date(meta[key])), None)
    found.publisher = found.publisher or next((meta[key] for key in _SOURCE_META if key in meta), None)
    return found


def _is_byline(line: str) -> bool:
    return not DATE.search(line) and not SOURCE.search(line) and "时间" not in line and bool(
        BYLINE_WORDS.search(line) or NAME_SLASH_OUTLET.match(line))


def _byline(line: str) -> str:
    return line.strip("【】[]（）() ")


def is_head_metadata(block: Block) -> bool:
    """True when a line between the headline and the article is metadata (short, no sentence punctuation)."""
    text = block.text
    return bool(text) and len(text) <= 40 and link_ratio(block) < 0.5 and not any(m in text for m in "，。！？；")


def _title_parts(head_title: str) -> list[str]:
    return [part for part in TITLE_SEPARATORS.split(head_title) if part]


def _overlap(candidate: str, references: list[str]) -> int:
    """How much of a candidate line the page's `<title>` confirms (0 when it does not)."""
    best = 0
    for reference in references:
        if len(candidate) >= 4 and candidate in reference:
            best = max(best, len(candidate))
    return best


@dataclass
class TitleChoice:
    """The chosen headline and the index of the block it came from (None when it came from the head)."""

    title: str
    index: int | None


def choose_title(blocks: list[Block], start: int, head_title: str, meta: dict[str, str]) -> TitleChoice | None:
    """Return the headline of an article whose first block is `blocks[start]`."""
    references = [r for r in (head_title, meta.get("og:title", ""), meta.get("twitter:title", "")) if r]
    window = range(max(0, start - TITLE_WINDOW), min(len(blocks), start + 3))
    candidates = [i for i in window if _could_be_title(blocks[i])]
    confirmed = [(i, _overlap(blocks[i].text, references)) for i in candidates]
    confirmed = [(i, size) for i, size in confirmed if size >= min(8, len(blocks[i].text))]
    if confirmed:
        index = max(confirmed, key=lambda pair: (pair[1], blocks[pair[0]].heading > 0, pair[0]))[0]
        return TitleChoice(blocks[index].text, index)
    parts = _title_parts(head_title)
    for i in candidates:  # a line holding the head's first part plus a label ("原创…")
        if parts and len(parts[0]) >= 8 and parts[0] in blocks[i].text:
            return TitleChoice(parts[0], i)
    headed = [i for i in candidates if i < start and (blocks[i].heading or "title" in _classes(blocks[i]))]
    if headed:
        return TitleChoice(blocks[headed[-1]].text, headed[-1])
    opening = [i for i in candidates if i >= start and blocks[i].heading in (1, 2)]  # a copied fragment's <h1>
    if opening:
        return TitleChoice(blocks[opening[0]].text, opening[0])
    if parts:
        return TitleChoice(parts[0], None)
    return None


def _classes(block: Block) -> str:
    return f"{block.owner.get('class', '')} {block.owner.get('id', '')}".lower()


def _could_be_title(block: Block) -> bool:
    text = block.text
    return (4 <= len(text) <= MAX_TITLE_CHARS and link_ratio(block) < 0.3 and not text.endswith(("。", "，", "："))
            and not is_metadata_line(text))
