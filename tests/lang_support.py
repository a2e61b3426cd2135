"""Helpers shared by the language-layer tests: the seed's paragraphs, the reference rows, the golden file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.model import Article, SectionDraft, SectionKind, build_sections

PINYIN_LETTERS = re.compile(r"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$")


def seed_paragraphs(seed: Path) -> list[str]:
    """Paragraphs of the seed page: lines joined, a new paragraph at each full-width-indented line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("\u3000\u3000") and current:
            paragraphs.append("".join(current))
            current = []
        current.append(line.strip().strip("\u3000"))
    if current:
        paragraphs.append("".join(current))
    return [p for p in paragraphs if p]


def article_from_paragraphs(paragraphs: list[str], title: str = "测试文章") -> Article:
    """Build an Article with one section holding `paragraphs`."""
    draft = SectionDraft(heading=None, level=1, kind=SectionKind.LEAD, texts=list(paragraphs))
    return Article(title=title, sections=build_sections([draft]))


@dataclass(frozen=True)
class ReferenceRow:
    """One row of the polyphone reference: a context and the syllables of the whole context."""

    context: str
    syllables: tuple[str, ...]
    note: str
    count: int


def reference_rows(path: Path) -> list[ReferenceRow]:
    """Read seed-polyphones.tsv (comment lines and the header skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("context\t"):
            continue
        context, _index, pinyin, note, count = line.split("\t")
        rows.append(ReferenceRow(context, tuple(pinyin.split()), note, int(count)))
    return rows


def golden_lines(path: Path) -> list[tuple[str, list[str]]]:
    """Parse the golden pinyin file into (text, expected syllables with tone marks)."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, syllables = "", []
        for part in line.split():
            if "/" in part:
                word, first = part.split("/")
                text += word
                syllables.append(first)
            elif PINYIN_LETTERS.match(part):
                syllables.append(part)
            else:
                text += part
        cases.append((text, syllables))
    return cases
