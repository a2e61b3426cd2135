"""Pinyin in context: the seed reference score, the golden sentences, alignment on any input, styles and sandhi."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT_ROOT, _session_cache
from lang_support import golden_lines, reference_rows, seed_paragraphs
from reader.core.lang.chars import is_han
from reader.core.lang.pinyin import PinyinEngine
from reader.core.lang.segmenter import Segmenter
from reader.core.lang.style import PinyinStyle, apply_sandhi, render, to_marks, tone_number


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> PinyinEngine:
    """One engine for the module, its jieba cache in the session's cache folder."""
    return PinyinEngine(Segmenter(cache_file=_session_cache(tmp_path_factory) / "jieba-prefix-dict.marshal"))


def marks(engine: PinyinEngine, text: str) -> list[str | None]:
    return [to_marks(s) if s else None for s in engine.read(text)]


def score_reference(read, seed_path, reference_dir) -> tuple[int, int, list[str]]:
    """Return (fully right rows, scored rows, descriptions of the misses) over the seed's paragraphs."""
    paragraphs = [(p, read(p)) for p in seed_paragraphs(seed_path)]
    right, scored, misses = 0, 0, []
    for row in reference_rows(reference_dir / "seed-polyphones.tsv"):
        if "UNSURE" in row.note:
            continue
        scored += 1
        found = [(p, m.start()) for p, _ in paragraphs for m in re.finditer(re.escape(row.context), p)]
        wrong = []
        for text, readings in paragraphs:
            for match in re.finditer(re.escape(row.context), text):
                got = tuple(readings[match.start() : match.end()])
                if got != row.syllables:
                    wrong.append(" ".join(str(g) for g in got))
        if found and not wrong:
            right += 1
        else:
            misses.append(f"{row.context}: want {' '.join(row.syllables)}, got {wrong or 'no occurrence'}")
    return right, scored, misses


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """The full pipeline (glossary terms known to the segmenter, traditional forms), isolated folders."""
    from reader.core.lang.service import LanguageService

    return LanguageService(cache_dir=_session_cache(tmp_path_factory), data_dir=tmp_path_factory.mktemp("data"))


def test_seed_reference_score_reaches_99_percent(service, seed_path, reference_dir):
    right, scored, misses = score_reference(service.pinyin, seed_path, reference_dir)
    assert scored > 300
    assert right / scored >= 0.99, "\n".join(misses)


def test_seed_reference_score_on_the_importers_paragraphs(service, seed_path, reference_dir, monkeypatch):
    """The same score when the article is split by the real importer (titles and headings included)."""
    importer = pytest.importorskip("reader.core.importer")
    from reader.core.lang.pipeline import article_texts

    texts = article_texts(importer.load_article(seed_path))
    monkeypatch.setattr(sys.modules[__name__], "seed_paragraphs", lambda _path: texts)
    right, scored, misses = score_reference(service.pinyin, seed_path, reference_dir)
    assert right / scored >= 0.99, "\n".join(misses)


def test_traditional_characters_read_like_simplified(service):
    assert service.pinyin("還是重慶長江", ) == service.pinyin("还是重庆长江")
    assert service.pinyin("銀行行長說") == ["yín", "háng", "háng", "zhǎng", "shuō"]


def test_plain_pypinyin_misses_the_reference_target(seed_path, reference_dir, tmp_path_factory):
    """The measurement is not trivially met: jieba + pypinyin out of the box stays well below 99%."""
    import jieba
    import pypinyin

    jieba.dt.tmp_dir = str(_session_cache(tmp_path_factory))

    def plain(text: str) -> list[str | None]:
        return [s[0] for word in jieba.lcut(text) for s in pypinyin.pinyin(word, errors=lambda x: [None] * len(x))]

    right, scored, _ = score_reference(plain, seed_path, reference_dir)
    assert right / scored < 0.95


@pytest.mark.parametrize("text,expected", golden_lines(PROJECT_ROOT / "tests" / "golden" / "pinyin.txt"))
def test_golden_sentence(service, text, expected):
    assert [s for s in service.pinyin(text) if s is not None] == expected


@pytest.mark.parametrize("text,expected", golden_lines(PROJECT_ROOT / "tests" / "golden" / "pinyin.txt")[:30])
def test_golden_sentence_without_glossary_words(engine, text, expected):
    """The rules hold without the glossary's words in the segmenter too (simplified lines)."""
    assert [s for s in marks(engine, text) if s is not None] == expected


def test_issue_example(engine):
    assert marks(engine, "重整行装再出发") == ["chóng", "zhěng", "xíng", "zhuāng", "zài", "chū", "fā"]


def test_non_han_gets_none_and_never_fails(engine):
    text = "Ａ１２３(微博)abc，2025年“10+1”"
    readings = engine.read(text)
    assert len(readings) == len(text)
    assert readings[:8] == [None] * 8  # full-width letters/digits and the (微博) link remnant
    assert readings[text.index("年")] == "nian2"
    assert all(r is None for c, r in zip(text, readings) if not is_han(c))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("中文重行长为得地上一不还abc１２，。 \u3000“”(微博)𠀀")), max_size=30))
def test_one_slot_per_character_for_any_text(engine, text):
    readings = engine.read(text)
    assert len(readings) == len(text)
    for char, reading in zip(text, readings):
        assert (reading is not None) == is_han(char) or "(微博)" in text


def test_to_marks_places_the_mark_by_the_rules():
    assert [to_marks(s) for s in ("chong2", "lv4", "de5", "gou4", "hui4", "liu2", "xue2", "er4")] == [
        "chóng", "lǜ", "de", "gòu", "huì", "liú", "xué", "èr"]


def test_render_styles_and_tone_numbers():
    assert render("zhong1", PinyinStyle.NUMBERS) == "zhong1"
    assert render("lv4", PinyinStyle.PLAIN) == "lü"
    assert render(None) is None
    assert [tone_number(s) for s in ("ma1", "ma2", "ma3", "ma4", "ma5")] == [1, 2, 3, 4, 5]


def test_sandhi_only_on_request(engine):
    text = "一起进一步，不要第一，统一"
    citation = engine.read(text)
    assert citation[text.index("一起")] == "yi1"
    spoken = apply_sandhi(text, citation)
    assert spoken[0] == "yi4"  # 一起: before a third tone
    assert spoken[text.index("一步")] == "yi2"  # before a fourth tone
    assert spoken[text.index("不要")] == "bu2"
    assert spoken[text.index("第一") + 1] == "yi1"  # ordinal
    assert spoken[-1] == "yi1"  # at the end
