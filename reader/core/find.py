"""Find in an article: Chinese text, or toneless pinyin (`gaozhiliang` finds 高质量). No Qt.

The article is searched as the view shows it: a list of blocks, each with its `text` and `readings()` (one numbered
syllable or None per character). A match is (block, start, end).
"""

from __future__ import annotations

import unicodedata
from typing import Protocol, Sequence

from reader.core.lang.scripts import query_forms

Match = tuple[int, int, int]  # (block, start, end)


class SearchableBlock(Protocol):
    """A block of text with one numbered reading (or None) per character."""

    text: str

    def readings(self) -> list[str | None]:
        """Return one numbered syllable or None per character."""


def toneless(syllable: str) -> str:
    """Return a pinyin syllable without tone number or tone mark, ü written v ("lv4", "lǜ" → "lv")."""
    text = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v").replace("u:", "v")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.rstrip("012345")


def normalise_pinyin_query(query: str) -> str:
    """Return the query as one run of toneless letters ("Gāo zhì-liàng" → "gaozhiliang")."""
    return "".join(toneless(part) for part in query.replace("'", " ").replace("-", " ").split())


def find_text(blocks: Sequence[SearchableBlock], query: str) -> list[Match]:
    """Return every occurrence of `query` in the blocks' text, in reading order."""
    matches: list[Match] = []
    if not query:
        return matches
    for index, block in enumerate(blocks):
        start = block.text.find(query)
        while start >= 0:
            matches.append((index, start, start + len(query)))
            start = block.text.find(query, start + len(query))
    return matches


def find_pinyin(blocks: Sequence[SearchableBlock], query: str) -> list[Match]:
    """Return every run of characters whose readings spell `query` without tones, syllable for syllable."""
    wanted = normalise_pinyin_query(query)
    matches: list[Match] = []
    if not wanted:
        return matches
    for index, block in enumerate(blocks):
        syllables = [toneless(r) if r else None for r in block.readings()]
        start = 0
        while start < len(syllables):
            end = _match_from(syllables, start, wanted)
            if end is not None:
                matches.append((index, start, end))
                start = end
            else:
                start += 1
    return matches


def _match_from(syllables: list[str | None], start: int, wanted: str) -> int | None:
    rest, i = wanted, start
    while rest and i < len(syllables):
        syllable = syllables[i]
        if not syllable or not rest.startswith(syllable):
            return None
        rest, i = rest[len(syllable):], i + 1
    return i if not rest and i > start else None


def find_matches(blocks: Sequence[SearchableBlock], query: str, pinyin: bool = False) -> list[Match]:
    """Return the matches of `query`: as text, plus as toneless pinyin when `pinyin` is set."""
    found = set(find_text(blocks, query.strip()))
    if pinyin:
        found.update(find_pinyin(blocks, query))
    return sorted(found)


def find_in_either_script(blocks: Sequence[SearchableBlock], query: str, pinyin: bool = False) -> list[Match]:
    """Return the matches of `query` as typed and, for Chinese text, of its simplified or traditional form."""
    if pinyin or query.isascii():
        return find_matches(blocks, query, pinyin)
    return sorted({match for form in query_forms(query) for match in find_matches(blocks, form, False)})


def first_from(matches: list[Match], position: tuple[int, int]) -> int:
    """Return the index of the first match at or after (block, offset) `position`, wrapping to 0; -1 when none."""
    if not matches:
        return -1
    return next((i for i, (block, start, _end) in enumerate(matches) if (block, start) >= position), 0)
