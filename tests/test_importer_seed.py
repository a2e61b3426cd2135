"""The seed newspaper page comes out with the structure a reader expects (the acceptance test of the importer)."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import PROJECT_ROOT
from reader.core.importer import load_article, to_markdown
from reader.core.importer.spacing import han_characters
from reader.core.model import SectionKind

SHIPPED = PROJECT_ROOT / "articles" / "xihaian-2025-quality-page.md"

EXPECTED_SECTIONS = [
    # heading with spaces removed, kind, paragraph count, first words, last words
    (None, SectionKind.LEAD, 7, "乙巳蛇年春节后第二个工作日", "正奋力把高质量发展之路走得更有奔头、更有劲头。"),
    ("建设“品质西海岸”背后的战略考量", SectionKind.BODY, 5, "“只有更新，才能更新。", "局长徐春亮说。"),
    ("做好四篇文章塑造竞争新优势", SectionKind.BODY, 4, "品质是事物优劣的系统衡量。", "区供电公司总经理刘洋说。"),
    ("加快形成上下联动互促共进工作格局", SectionKind.BODY, 4, "一分部署，九分落实。", "奋力谱写中国式现代化西海岸新区新篇章。"),
    (None, SectionKind.CONTINUATION, 6, "（上接第一版）城乡环境更优美", "创造下一个十年的崭新业绩、品质西海岸的精彩华章。"),
]


@pytest.fixture
def seed_article(seed_path):
    return load_article(seed_path)


def test_title_block(seed_article):
    assert seed_article.title == "把高质量发展之路走得更有奔头、更有劲头"
    assert seed_article.subtitle == "全区2025年党建引领高质量发展暨品质西海岸建设动员大会侧记"
    assert seed_article.byline == "本报记者 李涛"
    assert seed_article.dateline is None
    assert seed_article.source.shape == "newspaper"
    assert seed_article.source.title_inferred is False


def test_sections_in_reading_order(seed_article):
    found = [
        (s.heading.replace(" ", "") if s.heading else None, s.kind, len(s.paragraphs),
         s.paragraphs[0].text, s.paragraphs[-1].text)
        for s in seed_article.sections
    ]
    assert len(found) == len(EXPECTED_SECTIONS)
    for (heading, kind, count, first, last), expected in zip(found, EXPECTED_SECTIONS):
        assert (heading, kind, count) == expected[:3]
        assert first.startswith(expected[3]), first[:30]
        assert last.endswith(expected[4]), last[-30:]


def test_two_line_headings_are_joined_with_one_space(seed_article):
    headings = [s.heading for s in seed_article.sections if s.heading]
    assert "做好四篇文章 塑造竞争新优势" in headings
    assert "加快形成上下联动 互促共进工作格局" in headings


def test_lone_ellipsis_is_its_own_paragraph(seed_article):
    assert [p.text for p in seed_article.sections[0].paragraphs][4] == "……"


def test_column_breaks_inside_words_do_not_split_paragraphs(seed_article):
    texts = [p.text for p in seed_article.paragraphs()]
    assert any("方能确保“品质西海岸”建设行稳致远" in t for t in texts)
    assert any("才能建立起质量竞争新优势，才能提升全区经济发展质量。" in t for t in texts)
    assert any("《青岛西海岸新区质量强区建设三年行动方案（2025-2027年）》" in t for t in texts)
    assert not any("\n" in t for t in texts)


def test_justification_spaces_removed_real_spaces_kept(seed_article):
    text = "".join(p.text for p in seed_article.paragraphs())
    assert "面对不断涌现的新需求、新挑战" in text
    assert "持续强化‘服务链’" in text
    assert "擦亮‘红色绣花针 绣美西海岸’党建品牌" in text
    assert "不 断" not in text and "服 务" not in text


def test_paragraph_ids_are_unique_and_stable(seed_path, seed_article):
    ids = [p.id for p in seed_article.paragraphs()]
    assert len(ids) == len(set(ids)) == 26
    assert ids == [p.id for p in load_article(seed_path).paragraphs()]


def test_no_han_character_lost_or_duplicated(seed_path, seed_article):
    source = Counter(han_characters(seed_path.read_text(encoding="utf-8")))
    parts = [seed_article.title, seed_article.subtitle, seed_article.byline]
    parts += [s.heading or "" for s in seed_article.sections]
    parts += [p.text for p in seed_article.paragraphs()]
    output = Counter(han_characters("".join(part for part in parts if part)))
    assert output == source, (source - output, output - source)


def test_shipped_markdown_is_what_the_importer_writes(seed_article):
    assert SHIPPED.read_text(encoding="utf-8") == to_markdown(seed_article)


def test_shipped_markdown_loads_back_to_the_same_article(seed_article):
    assert load_article(SHIPPED) == seed_article
