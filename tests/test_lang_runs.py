"""Words a reader can click: numbers, Latin runs, 〇 years and unknown foreign names are never cut into single
characters (issue 12, item 3)."""

from __future__ import annotations

import pytest

from conftest import _session_cache
from reader.core.lang.runs import join_transliterations, split_runs
from reader.core.lang.segmenter import Segmenter


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory) -> Segmenter:
    return Segmenter(cache_file=_session_cache(tmp_path_factory) / "jieba-prefix-dict.marshal")


def words(segmenter: Segmenter, text: str) -> list[str]:
    return [w.text for w in segmenter.cut(text)]


@pytest.mark.parametrize("text,run,tag", [
    ("２０２５年", "２０２５", "m"),
    ("1-10月增长", "1-10", "m"),
    ("增长3.5%，", "3.5%", "m"),
    ("占９０％的", "９０％", "m"),
    ("共1,000元", "1,000", "m"),
    ("2019—2020年", "2019—2020", "m"),
    ("于2025/10/01开幕", "2025/10/01", "m"),
    ("二○○一年", "二○○一", "m"),
    ("二〇〇一年", "二〇〇一", "m"),
    ("ＣＣＴＶ报道", "ＣＣＴＶ", "eng"),
    ("GDP增长", "GDP", "eng"),
    ("5G网络和G20峰会", "5G", "eng"),
    ("5G网络和G20峰会", "G20", "eng"),
    ("COVID-19疫情", "COVID-19", "eng"),
])
def test_a_run_is_one_word_with_its_tag(segmenter, text, run, tag):
    cut = segmenter.cut(text)
    assert "".join(w.text for w in cut) == text
    assert (run, tag) in [(w.text, w.tag) for w in cut]


def test_the_words_around_a_run_are_still_cut_by_the_dictionary(segmenter):
    assert words(segmenter, "２０２５年1-10月，全省GDP增长3.5%。") == [
        "２０２５", "年", "1-10", "月", "，", "全省", "GDP", "增长", "3.5%", "。"]


def test_a_blanked_name_or_a_lone_circle_is_not_a_number(segmenter):
    assert "○○" not in words(segmenter, "○○公司")
    assert [part for part, tag in split_runs("○ 要点", lambda s, e: True) if tag] == []


def test_a_known_word_holding_a_run_stays_whole(segmenter):
    segmenter.add_words(["A股市场"])
    assert "A股市场" in words(segmenter, "今天A股市场上涨")


def test_an_unknown_foreign_name_stays_whole(segmenter):
    assert "布亚诺瓦茨" in words(segmenter, "布亚诺瓦茨说，比赛很精彩。")
    assert "克里斯蒂亚诺" in words(segmenter, "克里斯蒂亚诺·罗纳尔多进球了")


def test_ordinary_words_made_of_name_characters_are_not_joined():
    known = {"东西", "安全", "海南"}
    groups = join_transliterations(["东西", "安全", "海南"], lambda w: w not in known)
    assert groups == [["东西"], ["安全"], ["海南"]]
    assert join_transliterations(["布", "亚诺", "瓦茨", "说"], lambda w: w in ("亚诺", "瓦茨")) == [
        ["布", "亚诺", "瓦茨"], ["说"]]
