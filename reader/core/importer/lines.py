"""Line classification: the small facts about one line of text that every layout rule is built from.

Nothing here knows about layouts; it answers questions such as "is this line indented?", "does this text end a
sentence?", "is this a numbered heading?", "is this a dateline?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FULL_WIDTH_SPACE = "\u3000"
SENTENCE_END = "。！？!?；;…"
CLAUSE_PUNCTUATION = "，,、：:" + SENTENCE_END
CLOSERS = "”’」』)）》〉】\"'"
HEADING_MAX_CHARS = 48
CAPTION_MIN_CHARS = 6
CAPTION_MIN_DISTINCT = 4
UNHEADED_LEVEL = 0  # the level of a section without a heading (a lead, a continuation)

_DIGITS = "0-9０-９"
_CN_NUMBERS = "一二三四五六七八九十百零〇"
LEVEL_ONE_NUMBER = re.compile(rf"^[{_CN_NUMBERS}]+、")
LEVEL_TWO_NUMBER = re.compile(rf"^[（(][{_CN_NUMBERS}]+[）)]")
LEVEL_THREE_NUMBER = re.compile(rf"^[{_DIGITS}]{{1,2}}[.．、](?![{_DIGITS}])")
LEVEL_FOUR_NUMBER = re.compile(rf"^[（(][{_DIGITS}]{{1,2}}[）)]")
DASH_RULE = re.compile(r"^[—\-－─━]{2,}\s*")
DATE_LINE = re.compile(rf"^[（(]\s*([{_DIGITS}]{{4}})年([{_DIGITS}]{{1,2}})月([{_DIGITS}]{{1,2}})日\s*[）)]$")
DATE_ONLY = re.compile(rf"^([{_DIGITS}]{{4}})年([{_DIGITS}]{{1,2}})月([{_DIGITS}]{{1,2}})日(\s*星期[一二三四五六日天])?$")
PAGE_LINE = re.compile(rf"^第\s*[{_DIGITS}{_CN_NUMBERS}]+\s*版(\s*[：:].*)?$")
_MONTH_DAY = rf"[{_DIGITS}{_CN_NUMBERS}]{{1,3}}月[{_DIGITS}{_CN_NUMBERS}]{{1,3}}日"
DATELINE = re.compile(
    rf"^(?:(?:本報|本报)[讯訊]|[\u4e00-\u9fff]{{2,14}}?{_MONTH_DAY}[电電讯訊])"
    r"(?:\s*[（(][^（()）]{1,30}[)）])?"
)
CONTINUATION_START = re.compile(r"^[（(]\s*(上接|接上|紧接)[^（()）]{0,12}[)）]")
CONTINUATION_END = re.compile(r"[（(]\s*(下转|下轉|转|轉)第?[^（()）]{0,12}版\s*[)）]$")
BYLINE = re.compile(r"^(?:[□■◎●]\s*)?(?:本报记者|本報記者|本报通讯员|本報通訊員|记者|記者|通讯员|通訊員|文[/／]|撰文)")
BYLINE_MARK = re.compile(r"^[□■◎●]\s*")


def is_blank(line: str) -> bool:
    """True for an empty line or one of only spaces (ASCII or full-width)."""
    return not line.strip(" \t" + FULL_WIDTH_SPACE)


def is_indented(line: str) -> bool:
    """True when a line starts a paragraph by indentation: a full-width space, a tab or two ASCII spaces."""
    return line.startswith((FULL_WIDTH_SPACE, "\t", "  ")) and not is_blank(line)


def strip_line(line: str) -> str:
    """Return a line without its indentation and trailing spaces."""
    return line.strip(" \t" + FULL_WIDTH_SPACE)


def strip_closers(text: str) -> str:
    """Return text without trailing closing quotes and brackets."""
    return text.rstrip(CLOSERS + " ")


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence (after any closing quotes): 。！？；… and their ASCII forms."""
    core = strip_closers(text)
    if not core:
        return bool(text) and text[-1] in "”’」』"
    return core[-1] in SENTENCE_END


def is_heading_like(text: str) -> bool:
    """True for a short line that does not read as a sentence: no 。 or ； in it, no clause mark at its end."""
    text = strip_line(text)
    if not text or len(text) > HEADING_MAX_CHARS:
        return False
    if any(mark in text for mark in "。；;"):
        return False
    core = strip_closers(text)
    if not core or core[-1] in CLAUSE_PUNCTUATION or text.startswith(("——", "“")):
        return False
    if text.startswith(("（", "(")) and text.endswith(("）", ")")):
        return False  # an editor's note such as （完） or （责任编辑：王明）
    return any(char.isalnum() for char in text)


def is_part_heading(text: str) -> bool:
    """True for a top-level part heading of web copy: a short line ending in a dash `——`."""
    text = strip_line(text)
    body = text.rstrip("—")
    return text.endswith("——") and bool(body) and len(body) <= HEADING_MAX_CHARS and "。" not in body


def doubled_caption(text: str) -> str | None:
    """Return X when text is an image caption pasted twice end to end (`XX` or `X X`), else None.

    X must read like a caption: at least `CAPTION_MIN_CHARS` characters, `CAPTION_MIN_DISTINCT` of them different,
    so that a line such as `哈哈哈哈哈哈` or `00000000` is never taken for one.
    """
    text = strip_line(text)
    half, rest = divmod(len(text), 2)
    if rest == 0 and text[:half] == text[half:]:
        caption = text[:half]
    elif rest == 1 and text[half] in " " + FULL_WIDTH_SPACE and text[:half] == text[half + 1:]:
        caption = text[:half]
    else:
        return None
    if len(caption) < CAPTION_MIN_CHARS or len(set(caption)) < CAPTION_MIN_DISTINCT:
        return None
    return caption


@dataclass(frozen=True)
class NumberedHeading:
    """A numbered heading (`一、` 1, `（一）` 2, `1.` 3, `（1）` 4), possibly run in with its body."""

    heading: str
    level: int
    body: str | None


def numbered_heading(text: str, run_in_max: int = 40) -> NumberedHeading | None:
    """Return the numbered heading a line starts with, splitting a run-in heading at its first `。`."""
    text = strip_line(text)
    numbering = ((1, LEVEL_ONE_NUMBER), (2, LEVEL_TWO_NUMBER), (3, LEVEL_THREE_NUMBER), (4, LEVEL_FOUR_NUMBER))
    for level, pattern in numbering:
        match = pattern.match(text)
        if not match or len(text) == match.end():
            continue
        stop = text.find("。")
        if stop == -1:
            return NumberedHeading(text, level, None) if is_heading_like(text) else None
        if stop + 1 == len(text) and stop <= run_in_max and level > 1 and _looks_like_title(text[:stop]):
            return NumberedHeading(text[:stop].rstrip(), level, None)
        if stop + 1 < len(text) and stop <= run_in_max and _looks_like_title(text[:stop]):
            return NumberedHeading(text[:stop].rstrip(), level, text[stop + 1:].strip())
        return None
    return None


def _looks_like_title(text: str) -> bool:
    """True when a run-in heading candidate has no sentence-internal marks other than commas."""
    return not any(mark in text for mark in "！？；：:“”")


def split_dateline(text: str) -> tuple[str, str] | None:
    """Return (dateline, rest) when a paragraph opens with a news dateline (`新华社北京1月2日电`), else None."""
    text = strip_line(text)
    match = DATELINE.match(text)
    if not match:
        return None
    rest = text[match.end():].lstrip(" " + FULL_WIDTH_SPACE + "　:：—-")
    return match.group(0).strip(), rest


def iso_date(year: str, month: str, day: str) -> str:
    """Return an ISO date from (possibly full-width) year, month and day digits."""
    to_ascii = str.maketrans("０１２３４５６７８９", "0123456789")
    year_number, month_number, day_number = (int(part.translate(to_ascii)) for part in (year, month, day))
    return f"{year_number:04d}-{month_number:02d}-{day_number:02d}"
