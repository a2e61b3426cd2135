"""Helpers for the storage, anchoring and export tests: articles built from the seed or made up, and a store."""

from __future__ import annotations

import random
from pathlib import Path

from reader.core.model import Article, SectionDraft, SectionKind, build_sections

HAN_SAMPLE = "质量发展西海岸品质建设高端服务产业创新改革供给结构消费升级全区新区党建引领动员大会坚持优先"


def seed_article(seed_path: Path) -> Article:
    """Return the seed as an article, through the importer."""
    from reader.core.importer import load_article

    return load_article(seed_path)


def made_up_article(number: int, rng: random.Random | None = None, paragraphs: int = 6, length: int = 60) -> Article:
    """Return an article of random text over a small alphabet (so 1–4 character substrings repeat a lot)."""
    rng = rng or random.Random(number)
    texts = []
    for _ in range(paragraphs):
        chars = [rng.choice(HAN_SAMPLE) for _ in range(length)]
        for at in range(0, length, rng.randint(8, 20)):
            chars.insert(at, rng.choice("，。、“”"))
        texts.append("".join(chars))
    title = f"第{number}篇 " + "".join(rng.choice(HAN_SAMPLE) for _ in range(6))
    return Article(title=title, sections=build_sections([SectionDraft(None, 1, SectionKind.LEAD, texts)]))


def article_with_texts(title: str, texts: list[str]) -> Article:
    """Return a one-section article of these paragraphs."""
    return Article(title=title, sections=build_sections([SectionDraft(None, 1, SectionKind.LEAD, texts)]))
