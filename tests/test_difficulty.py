"""Article difficulty: running words, coverage by known words, HSK profile, sentences and terms, counted by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT
from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.difficulty import WordProfile, measure, summary


def paragraph(pid: str, words: list[tuple[str, int | None]], hits: tuple[str, ...] = ()) -> AnnotatedParagraph:
    """A paragraph made of (word, HSK level) pairs; a word without Han characters gets no readings."""
    tokens, at = [], 0
    for text, level in words:
        han = any("\u4e00" <= c <= "\u9fff" for c in text)
        readings = tuple("x1" if "\u4e00" <= c <= "\u9fff" else None for c in text) if han else (None,) * len(text)
        tokens.append(Token(at, at + len(text), text, readings, han, level))
        at += len(text)
    text = "".join(w for w, _ in words)
    return AnnotatedParagraph(pid, text, tuple(tokens), tuple(GlossaryHit(0, len(h), h) for h in hits))


# 我们 学习 中文 。 我们 在 青岛 学习 2025 年 ！ GDP 增长 3.5% 。
# Running words (Han): 我们 学习 中文 我们 在 青岛 学习 年 增长 = 9; not words: 。 2025 ！ GDP 3.5% 。
# Sentences with words: "我们学习中文。" "我们在青岛学习2025年！" "GDP增长3.5%。" = 3 -> 3.0 words each.
SAMPLE = AnnotatedArticle(
    paragraphs={"p1": paragraph("p1", [("我们", 1), ("学习", 1), ("中文", 1), ("。", None), ("我们", 1), ("在", 1),
                                       ("青岛", None), ("学习", 1), ("2025", None), ("年", 1), ("！", None)],
                                hits=("学习",)),
                "p2": paragraph("p2", [("GDP", None), ("增长", 4), ("3.5%", None), ("。", None)])},
    headings={"新闻": paragraph("", [("新闻", 2)])},
)


def test_running_words_leave_out_punctuation_numbers_and_latin():
    d = measure(WordProfile.of(SAMPLE), frozenset())
    assert d.tokens == 10  # the nine of the paragraphs and the heading's 新闻
    assert d.distinct == 8  # 我们 学习 中文 在 青岛 年 增长 新闻
    assert d.unknown_distinct == 8 and d.known_coverage == 0
    assert d.hsk_profile == {"1": 7, "2": 1, "3": 0, "4": 1, "5": 0, "6": 0, "7-9": 0, "none": 1}
    assert d.avg_sentence_length == pytest.approx(10 / 4)  # the heading is a sentence of its own
    assert d.glossary_terms == 1


def test_known_words_raise_coverage_by_their_running_count():
    profile = WordProfile.of(SAMPLE)
    d = measure(profile, frozenset({"我们", "学习"}))
    assert d.known_coverage == pytest.approx(4 / 10) and d.unknown_distinct == 6
    d = measure(profile, frozenset({"我们", "学习", "中文", "在", "年", "新闻", "增长", "青岛"}))
    assert d.known_coverage == 1 and d.unknown_distinct == 0 and d.readable()


def test_level_is_the_band_that_covers_nine_tenths_of_the_listed_words():
    d = measure(WordProfile.of(SAMPLE), frozenset({"我们"}))
    assert d.level == "4"  # levels 1-2 make 8 of the 9 listed words (89 %), level 4 the ninth
    assert summary(d) == "20 % known · HSK 4"
    lower = AnnotatedArticle(paragraphs={"p": paragraph("p", [("我们", 1)] * 9 + [("增长", 4)])})
    assert measure(WordProfile.of(lower), frozenset()).level == "1"


def test_a_profile_survives_its_json_form_and_an_empty_article_measures_zero():
    profile = WordProfile.of(SAMPLE)
    assert WordProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile
    empty = measure(WordProfile.of(AnnotatedArticle()), frozenset({"我们"}))
    assert (empty.tokens, empty.known_coverage, empty.avg_sentence_length, empty.level) == (0, 0.0, 0.0, None)
    assert not empty.readable() and summary(empty) == "0 % known"


def dubao(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m reader ARGS` with this test's data and cache folders."""
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, env=dict(os.environ), timeout=300)


def test_stats_rise_after_known_add_and_marking_hsk_adds_no_vocabulary(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# 学习\n\n我们学习中文。我们在青岛学习。\n", encoding="utf-8")
    before = json.loads(dubao("stats", article, "--json").stdout)
    assert before["known_coverage"] == 0 and before["unknown_distinct"] == before["distinct"]
    assert dubao("known", "add", "青岛").returncode == 0
    after = json.loads(dubao("stats", article, "--json").stdout)
    assert after["unknown_distinct"] == before["unknown_distinct"] - 1
    assert after["known_coverage"] == pytest.approx(1 / after["tokens"])
    added = dubao("known", "add", "--hsk", "1")
    assert added.returncode == 0 and "newly marked known" in added.stdout
    hsk1 = json.loads(dubao("stats", article, "--json").stdout)
    assert hsk1["known_coverage"] > after["known_coverage"]
    assert dubao("vocab", "list").stdout == ""  # known words are not vocabulary
    assert dubao("known", "remove", "青岛").returncode == 0
    assert "青岛" not in dubao("known", "list").stdout.split()


def test_stats_of_a_missing_file_is_one_line_and_status_2(tmp_path):
    result = dubao("stats", tmp_path / "missing.md")
    assert result.returncode == 2 and "missing.md" in result.stderr and "Traceback" not in result.stderr
    assert dubao("known", "add").returncode == 2
