"""The handout plan: chosen sections, pinyin per mode, the glossary rows of those sections."""

from __future__ import annotations

import pytest

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.errors import ExportProblem
from reader.core.handout import (
    GlossaryRow,
    HandoutOptions,
    Paper,
    parse_section_spec,
    plan_handout,
    row_from_entry,
    tone_marks,
)
from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.core.pinyin_display import PinyinMode

PARAGRAPHS = {
    "一、强化质量支撑": ["提升质量是高质量发展的途径。"],
    "二、强化品牌带动": ["发展新质生产力。", "品牌是软实力。"],
    "三、强化标准引领": ["只有高标准。"],
}
READINGS = {"提升": ("ti2", "sheng1"), "质量": ("zhi4", "liang4"), "是": ("shi4",), "高质量发展": (
    "gao1", "zhi4", "liang4", "fa1", "zhan3"), "的": ("de5",), "途径": ("tu2", "jing4"), "发展": ("fa1", "zhan3"),
    "新质生产力": ("xin1", "zhi4", "sheng1", "chan3", "li4"), "品牌": ("pin3", "pai2"), "软实力": ("ruan3", "shi2", "li4"),
    "只有": ("zhi3", "you3"), "高标准": ("gao1", "biao1", "zhun3")}
TERMS = {"高质量发展", "新质生产力"}


def tokenise(text: str) -> AnnotatedParagraph:
    tokens, hits, i = [], [], 0
    while i < len(text):
        word = next((w for w in sorted(READINGS, key=len, reverse=True) if text.startswith(w, i)), text[i])
        readings = READINGS.get(word, (None,) * len(word))
        tokens.append(Token(i, i + len(word), word, tuple(readings), word in READINGS))
        if word in TERMS:
            hits.append(GlossaryHit(i, i + len(word), word))
        i += len(word)
    return AnnotatedParagraph("", text, tuple(tokens), tuple(hits))


@pytest.fixture
def article() -> Article:
    drafts = [SectionDraft(h, 1, SectionKind.BODY, texts) for h, texts in PARAGRAPHS.items()]
    return Article(title="把高质量发展之路走得更有奔头", byline="本报记者", sections=build_sections(drafts))


@pytest.fixture
def annotated(article) -> AnnotatedArticle:
    result = AnnotatedArticle()
    for paragraph in article.paragraphs():
        one = tokenise(paragraph.text)
        result.paragraphs[paragraph.id] = AnnotatedParagraph(paragraph.id, one.text, one.tokens, one.glossary_hits)
    return result


def lookup(term: str) -> GlossaryRow | None:
    return {"新质生产力": GlossaryRow("新质生产力", "xīn zhì shēng chǎn lì", "new quality productive forces",
                                      "Productivity driven by innovation.")}.get(term)


@pytest.mark.parametrize("spec,expected", [("1-3", (0, 1, 2)), ("2", (1,)), ("1,3", (0, 2)), ("3,1-2", (0, 1, 2)),
                                           (" 2 - 3 ", (1, 2)), ("", (0, 1, 2))])
def test_section_specs(spec, expected):
    assert parse_section_spec(spec, 3) == expected


@pytest.mark.parametrize("spec", ["0", "4", "2-1", "a", "1-", "1;2"])
def test_bad_section_specs_are_explained(spec):
    with pytest.raises(ExportProblem) as caught:
        parse_section_spec(spec, 3)
    assert "section" in str(caught.value)


def test_tone_marks():
    assert tone_marks(["zhi4", "de5", "lv4", None]) == ("zhì", "de", "lǜ", None)


def test_glossary_mode_prints_pinyin_only_over_terms(article, annotated):
    plan = plan_handout(article, annotated, HandoutOptions("2", PinyinMode.GLOSSARY), lookup)
    assert [s.number for s in plan.sections] == [2]
    first = plan.sections[0].paragraphs[0]
    assert first.text == "发展新质生产力。"
    ruby = {w.text: w.ruby for w in first.words}
    assert ruby["新质生产力"] == ("xīn", "zhì", "shēng", "chǎn", "lì")
    assert ruby["发展"] == (None, None)
    assert [row.term for row in plan.glossary] == ["新质生产力"]
    assert plan.glossary[0].english == "new quality productive forces"


def test_all_and_none_modes(article, annotated):
    every = plan_handout(article, annotated, HandoutOptions("1", PinyinMode.ALL), lookup)
    words = {w.text: w.ruby for w in every.sections[0].paragraphs[0].words}
    assert words["提升"] == ("tí", "shēng")
    assert words["。"] == (None,)
    bare = plan_handout(article, annotated, HandoutOptions("1", PinyinMode.OFF), lookup)
    assert all(r is None for w in bare.sections[0].paragraphs[0].words for r in w.ruby)


def test_term_missing_from_glossary_keeps_the_reading_from_the_text(article, annotated):
    plan = plan_handout(article, annotated, HandoutOptions("1-2"), lookup)
    assert [row.term for row in plan.glossary] == ["高质量发展", "新质生产力"]
    assert plan.glossary[0] == GlossaryRow("高质量发展", "gāo zhì liàng fā zhǎn", "", "")


def test_without_annotation_the_text_is_kept_without_pinyin(article):
    plan = plan_handout(article, None, HandoutOptions("1-3", PinyinMode.ALL, True, Paper.LETTER))
    assert [p.text for s in plan.sections for p in s.paragraphs] == [t for v in PARAGRAPHS.values() for t in v]
    assert plan.glossary == ()
    assert plan.note_lines and plan.paper.size_mm == (215.9, 279.4)
    assert plan.title_lines == ("本报记者",)


def test_row_from_entry_takes_the_english_rendering_and_explanation():
    from reader.core.lang.glossary import GlossaryEntry

    entry = GlossaryEntry("放管服", "fàng guǎn fú", english="streamline administration", explanation_zh="简政放权",
                          explanation_en="Cutting red tape.")
    assert row_from_entry(entry) == GlossaryRow("放管服", "fàng guǎn fú", "streamline administration",
                                                  "Cutting red tape.", "简政放权")
