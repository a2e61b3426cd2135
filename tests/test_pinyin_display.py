"""The pinyin display modes, one Qt-free decision for the view, slides and handouts (issue 12, item 5): the HSK
mode judges a word by the level the popup shows, and the unknown-words mode knows a word made of known parts."""

from __future__ import annotations

import pytest

from reader.core.annotation import GlossaryHit, Token
from reader.core.difficulty import is_known
from reader.core.pinyin_display import PinyinMode, PinyinOptions, shown_readings, word_shows_pinyin


def token(text: str, level: int | None, start: int = 0) -> Token:
    return Token(start, start + len(text), text, tuple("x1" for _ in text), True, level)


def test_the_above_hsk_mode_uses_the_words_level():
    options = PinyinOptions(PinyinMode.ABOVE_HSK, hsk_level=4)
    assert not word_shows_pinyin(token("努力", 3), False, options)
    assert word_shows_pinyin(token("实现", 5), False, options)
    assert word_shows_pinyin(token("干字当头", None), False, options)


@pytest.mark.parametrize("word,known", [
    ("两个", True), ("第二个", True), ("个", True), ("第二十三个", False), ("个人", False), ("两国", False),
    ("事", False)])
def test_a_word_made_only_of_known_parts_is_known(word, known):
    assert is_known(word, frozenset({"个", "第", "两", "二"})) is known


def test_the_unknown_mode_shows_pinyin_over_unknown_words_only():
    options = PinyinOptions(PinyinMode.UNKNOWN, known_words=frozenset({"个", "第", "二"}))
    text = "第二个人"
    tokens = [token("第二个", 1), token("人", 1, 3)]
    assert shown_readings(len(text), tokens, [], options) == [None, None, None, "x1"]


def test_the_glossary_mode_and_off():
    tokens = [token("推进", 3), token("改革", 4, 2)]
    hits = [GlossaryHit(2, 4, "改革")]
    assert shown_readings(4, tokens, hits, PinyinOptions(PinyinMode.GLOSSARY)) == [None, None, "x1", "x1"]
    assert shown_readings(4, tokens, hits, PinyinOptions(PinyinMode.OFF)) == [None] * 4
    assert PinyinMode("none") is PinyinMode.OFF  # the handout's older name


def test_an_unlisted_word_has_the_level_of_its_listed_parts_in_annotation_and_popup(private_language_service,
                                                                                  private_annotator):
    from lang_support import article_from_paragraphs

    service = private_language_service
    assert service.hsk.level_of("努力") == 3
    assert service.hsk.level_of("努力实现") == 5  # 努力 3 + 实现 5
    assert service.hsk.level_of("两个") == 1
    assert service.hsk.level_of("干字当头") is not None and service.hsk.level_of("鑫淼") is None
    article = article_from_paragraphs(["我们努力实现目标。"])
    tokens = private_annotator.annotate(article).paragraphs[next(article.paragraphs()).id].tokens
    for t in tokens:
        if t.is_han:
            assert t.hsk_level == service.lookup(t.text).hsk_level, t.text


def test_a_word_made_of_listed_words_shows_pinyin_only_over_its_parts_above_the_level():
    options = PinyinOptions(PinyinMode.ABOVE_HSK, hsk_level=4)
    text = "加倍努力，努力"
    tokens = [Token(0, 4, "加倍努力", ("jia1", "bei4", "nu3", "li4"), False, 6), Token(4, 5, "，", (None,), False, None),
              Token(5, 7, "努力", ("nu3", "li4"), True, 3)]
    assert shown_readings(len(text), tokens, [], options) == ["jia1", "bei4", None, None, None, None, None]
    everything = PinyinOptions(PinyinMode.ALL)
    assert shown_readings(len(text), tokens, [], everything)[:4] == ["jia1", "bei4", "nu3", "li4"]
