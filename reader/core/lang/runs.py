"""Stretches of text a reader clicks as one word, which jieba would cut into single characters.

- numbers in half- or full-width digits, with decimals, thousands separators, percentages and ranges or dates
  (3.5%, ２０２５, 1,000, 1-10, 2019—2020, 2025/10/01);
- Latin runs in half- or full-width letters, with the digits and joiners inside them (GDP, ＣＣＴＶ, 5G, COVID-19);
- years and numbers written with the zero 〇 or ○ (二○○一);
- transliterated foreign names jieba does not know (布亚诺瓦茨), recognised by being made only of the characters
  used to write foreign sounds, three or more of them, and not the words of the dictionary (see `join_transliterations`).
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

_DIGIT = "0-9０-９"
_LETTER = "A-Za-zＡ-Ｚａ-ｚ"
_NUMBER = rf"[{_DIGIT}]+(?:,[{_DIGIT}]{{3}}(?![{_DIGIT}]))*(?:[.．][{_DIGIT}]+)?[%％‰]?"
_NUMBER_RUN = rf"{_NUMBER}(?:[-－~～–—/／:]{_NUMBER})*"
_LATIN_RUN = rf"[{_DIGIT}]*[{_LETTER}][{_LETTER}{_DIGIT}]*(?:[-.·'&＆][{_LETTER}{_DIGIT}]+)*"
_ZERO_RUN = r"(?=[〇○零一二三四五六七八九十]*[一二三四五六七八九])[〇○零一二三四五六七八九十]*[〇○][〇○零一二三四五六七八九十]*"
RUNS = re.compile(f"(?P<eng>{_LATIN_RUN})|(?P<m>{_NUMBER_RUN}|{_ZERO_RUN})")

# Characters that write foreign sounds in names (布什, 诺瓦茨, 斯基, 维奇 …); many are also ordinary words.
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拔邦包保贝本比彼毕别宾波伯勃博布查达戴丹道德迪蒂丁东杜多厄恩尔法菲费芬丰佛弗福盖甘冈高戈格"
    "哥根古瓜圭哈海汉豪赫黑亨胡华霍基吉加伽贾杰金卡凯坎康考柯科克肯库夸奎拉莱兰朗劳勒雷蕾里利莉连林琳隆卢鲁路"
    "伦罗洛马迈曼芒梅门蒙米密明摩莫姆穆纳娜奈南内尼宁纽努诺欧帕潘佩蓬皮普齐奇恰乔切钦琼丘萨塞桑瑟森沙莎舍什"
    "施史舒斯松苏索塔泰坦汤特提图托瓦万旺威韦维温沃乌伍西希锡席夏谢辛休雅亚扬耶伊因英尤于约泽扎詹兹茨佐"
)
MIN_TRANSLITERATION = 3


def split_runs(text: str, keep_whole: Callable[[int, int], bool]) -> Iterator[tuple[str, str | None]]:
    """Yield (piece, tag) over `text`: a run as one piece with its tag ("m" number, "eng" Latin), and the text
    between runs with tag None (for jieba to cut). A run for which `keep_whole(start, end)` is False (it lies inside
    a known word such as the glossary's 10+1创新型产业体系) stays with the text around it."""
    position = 0
    for match in RUNS.finditer(text):
        if not keep_whole(match.start(), match.end()):
            continue
        if match.start() > position:
            yield text[position : match.start()], None
        yield match.group(), match.lastgroup
        position = match.end()
    if position < len(text):
        yield text[position:], None


def join_transliterations(words: list[str], is_name_part: Callable[[str], bool]) -> list[list[str]]:
    """Group consecutive words into one where together they spell an unknown foreign name: every character one used
    for foreign sounds, at least `MIN_TRANSLITERATION` of them, and at least two words of two or more characters that
    `is_name_part` (jieba's guesses, or its pieces of transliterated names): 布 + 亚诺 + 瓦茨. Returns the groups in
    order (most of one word)."""
    groups: list[list[str]] = []
    start = 0
    while start < len(words):
        end = start
        while end < len(words) and words[end] and all(c in TRANSLITERATION for c in words[end]):
            end += 1
        stretch = words[start:end]
        guesses = sum(1 for w in stretch if len(w) > 1 and is_name_part(w))
        if sum(map(len, stretch)) >= MIN_TRANSLITERATION and guesses >= 2:
            groups.append(stretch)
            start = end
        else:
            groups.append([words[start]])
            start += 1
    return groups
