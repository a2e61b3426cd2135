"""Build an Article from plain paragraphs for the benchmarks (one section, stable ids)."""

from __future__ import annotations

from reader.core.model import Article, SectionDraft, SectionKind, build_sections


def article_of(texts: list[str]) -> Article:
    """Return an article whose only section holds `texts` as paragraphs."""
    draft = SectionDraft(heading=None, level=1, kind=SectionKind.LEAD, texts=list(texts))
    return Article(title="基准测试", sections=build_sections([draft]))
