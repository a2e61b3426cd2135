"""An article's parts, as a printed handout numbers them: the preamble, then one part per top-level heading.

The article's sections are flat (a lead, headed sections at several levels, continuations, captions). A reader of
a government document counts its parts 一、二、三…, not every （一）（二） under them, and not the lead before them:
- the preamble is everything before the first top-level heading (the lead); it is part 0 and has no number of its
  own when printed;
- a part starts at each heading of the shallowest level the article uses, and takes every section after it up to
  the next such heading: its sub-items, continuations and captions.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import Article, SectionKind


@dataclass(frozen=True)
class Part:
    """A part of the article: its number (0: the preamble) and the indices of its sections in `article.sections`."""

    number: int
    sections: tuple[int, ...]


def _top_level(article: Article) -> int | None:
    """Return the shallowest level of the article's headed body sections, or None when it has none."""
    levels = [s.level for s in article.sections if s.heading and s.kind is SectionKind.BODY]
    return min(levels) if levels else None


def article_parts(article: Article) -> list[Part]:
    """Return the article's parts in order (the preamble first, when there is one)."""
    top = _top_level(article)
    parts: list[tuple[int, list[int]]] = []
    for index, section in enumerate(article.sections):
        heads = top is not None and bool(section.heading) and section.kind is SectionKind.BODY and section.level <= top
        if heads or not parts:
            number = parts[-1][0] + 1 if parts else (1 if heads or top is None else 0)
            parts.append((number, []))
        parts[-1][1].append(index)
    return [Part(number, tuple(sections)) for number, sections in parts]


def part_of_section(article: Article, section_index: int) -> int:
    """Return the number of the part holding section `section_index` (0-based)."""
    return next((part.number for part in article_parts(article) if section_index in part.sections), 1)
