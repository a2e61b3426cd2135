"""An article's parts as handouts number them: the lead is the preamble (0), sub-items belong to their part."""

from __future__ import annotations

from reader.core.handout import HandoutOptions, plan_handout
from reader.core.pinyin_display import PinyinMode
from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.core.outline import article_parts, part_of_section

from conftest import SHARED, need_shared


def government_document() -> Article:
    drafts = [SectionDraft(None, 0, SectionKind.LEAD, ["实施乡村振兴战略，是重大决策部署。"]),
              SectionDraft("一、重大意义", 1, SectionKind.BODY, ["农业农村农民问题是根本性问题。"]),
              SectionDraft("二、总体要求", 1, SectionKind.BODY, []),
              SectionDraft("（一）指导思想", 2, SectionKind.BODY, ["全面贯彻精神。"]),
              SectionDraft("（二）目标任务", 2, SectionKind.BODY, ["到2020年取得重要进展。"]),
              SectionDraft("三、提升质量", 1, SectionKind.BODY, ["产业兴旺是重点。"]),
              SectionDraft("（一）夯实基础", 2, SectionKind.BODY, ["严守耕地红线。"])]
    return Article(title="关于实施乡村振兴战略的意见", sections=build_sections(drafts))


def test_the_lead_is_part_zero_and_sub_items_belong_to_their_part():
    parts = article_parts(government_document())
    assert [(p.number, p.sections) for p in parts] == [(0, (0,)), (1, (1,)), (2, (2, 3, 4)), (3, (5, 6))]
    assert part_of_section(government_document(), 4) == 2


def test_an_article_without_headings_is_one_part_and_without_a_lead_starts_at_one():
    plain = Article(title="短文", sections=build_sections([SectionDraft(None, 0, SectionKind.LEAD, ["一段。"])]))
    assert [(p.number, p.sections) for p in article_parts(plain)] == [(1, (0,))]


def test_a_handout_of_part_two_prints_its_sub_items_under_it():
    plan = plan_handout(government_document(), None, HandoutOptions("2", PinyinMode.OFF))
    assert [(s.number, s.heading, s.level, s.starts_part) for s in plan.sections] == [
        (2, "二、总体要求", 1, True), (2, "（一）指导思想", 2, False), (2, "（二）目标任务", 2, False)]
    lead = plan_handout(government_document(), None, HandoutOptions("0", PinyinMode.OFF))
    assert [(s.number, s.heading) for s in lead.sections] == [(0, None)]


def test_the_government_document_has_five_parts_after_its_preamble():
    from reader.core.importer import load_article

    article = load_article(need_shared(SHARED / "corpus" / "03_gov_doc_xiangcun_zhenxing.txt"))
    assert len(article.sections) == 22  # what the handout used to number
    parts = article_parts(article)
    assert [p.number for p in parts] == [0, 1, 2, 3, 4, 5]
    assert [article.sections[p.sections[0]].heading[:2] for p in parts[1:]] == ["一、", "二、", "三、", "四、", "五、"]
