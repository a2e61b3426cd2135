"""The annotation pipeline: the contract of reader.core.annotation, the disk cache, the subprocess worker."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT
from lang_support import article_from_paragraphs, seed_paragraphs
from reader.core.lang.annotator import Annotator
from reader.core.lang.pipeline import cache_key
from reader.core.lang.chars import is_han
from reader.core.lang.service import LanguageService
from reader.core.lang.user_words import InMemoryUserWords

TEXTS = ["重整行装再出发，推进供给侧结构性改革。", "他把钱还给了银行(微博)，２０２５年“10+1”。", "還是長江"]


@pytest.fixture
def service(private_language_service):
    """A language service with its own annotation cache (see conftest)."""
    return private_language_service


@pytest.fixture
def annotator(private_annotator):
    """An annotator over `service` (see conftest)."""
    return private_annotator


def test_annotation_fills_the_contract(service, annotator):
    article = article_from_paragraphs(TEXTS, title="标题：高质量发展")
    annotated = annotator.annotate(article)
    assert set(annotated.paragraphs) == {p.id for p in article.paragraphs()}
    assert "标题：高质量发展" in annotated.headings
    for paragraph in article.paragraphs():
        result = annotated.paragraphs[paragraph.id]
        assert "".join(t.text for t in result.tokens) == paragraph.text
        assert all(paragraph.text[t.start : t.end] == t.text for t in result.tokens)
        slots = result.readings()
        assert len(slots) == len(paragraph.text)
        for char, slot in zip(paragraph.text, slots):
            assert (slot is not None) == is_han(char) or "(微博)" in paragraph.text


def test_tokens_carry_dictionary_presence_hsk_and_glossary_hits(service, annotator):
    article = article_from_paragraphs(TEXTS)
    first = annotator.annotate(article).paragraphs[next(article.paragraphs()).id]
    by_text = {t.text: t for t in first.tokens}
    assert by_text["推进"].in_dictionary and by_text["推进"].hsk_level is not None
    assert not by_text["，"].in_dictionary and by_text["，"].readings == (None,)
    assert by_text["供给侧结构性改革"].readings[:3] == ("gong1", "ji3", "ce4")
    assert [(h.term, first.text[h.start : h.end]) for h in first.glossary_hits] == [
        ("重整行装再出发", "重整行装再出发"), ("供给侧结构性改革", "供给侧结构性改革")]


def test_traditional_paragraph_is_read_and_matched(service, annotator):
    article = article_from_paragraphs(["堅持「高質量發展」，還是長江"])
    result = annotator.annotate(article).paragraphs[next(article.paragraphs()).id]
    assert [h.term for h in result.glossary_hits] == ["高质量发展"]
    assert result.readings()[-4:] == ["hai2", "shi4", "chang2", "jiang1"]


def test_second_open_comes_from_the_cache(service, annotator):
    article = article_from_paragraphs(TEXTS)
    assert annotator.cached(article) is None
    first = annotator.annotate(article)
    assert annotator.cached(article).paragraphs == first.paragraphs


def test_cached_reopen_imports_neither_jieba_nor_pypinyin(service, annotator, tmp_path):
    article = article_from_paragraphs(TEXTS)
    annotator.annotate(article)
    (tmp_path / "article.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from reader.core.model import Article\n"
        "from reader.core.lang.service import LanguageService\n"
        "from reader.core.lang.annotator import Annotator\n"
        f"article = Article.from_dict(json.loads(Path({str(tmp_path / 'article.json')!r}).read_text()))\n"
        f"service = LanguageService(cache_dir=Path({str(service.cache_dir)!r}), data_dir=Path({str(tmp_path / 'data')!r}))\n"
        "assert Annotator(service).cached(article) is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba', 'pypinyin')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cache_key_follows_every_version_and_the_corrections_of_its_words():
    versions = {"engine": "a", "dictionary": "b", "glossary": "c", "user_words": "d", "hsk": "e"}
    base = cache_key("文字", versions)
    for name in ("engine", "dictionary", "glossary", "hsk"):
        assert cache_key("文字", {**versions, name: "changed"}) != base
    assert cache_key("文字。", versions) != base
    assert cache_key("文字", {**versions, "user_words": "changed"}) == base  # only its own words' corrections count
    assert cache_key("文字", versions, "文字rwen2 zi4") != base


def test_a_correction_reads_again_only_the_paragraphs_holding_the_word(service, annotator):
    from reader.core.lang import pipeline

    article = article_from_paragraphs(["品质西海岸很好", "今天天气不错"])
    annotator.annotate(article)
    words = InMemoryUserWords()
    words.set_reading("很好", ["hen3", "hao4"])
    corrected = LanguageService(cache_dir=service.cache_dir, data_dir=service.data_dir, user_words=words)
    before = pipeline.cache_keys([p.text for p in article.paragraphs()], service)
    after = pipeline.cache_keys([p.text for p in article.paragraphs()], corrected)
    assert before[0] != after[0] and before[1] == after[1]  # the second paragraph stays cached


def test_user_corrections_apply_everywhere_and_refresh_the_cache(service, annotator):
    article = article_from_paragraphs(["品质西海岸很好", "我们认为品质西海岸"])
    before = annotator.annotate(article)
    words = InMemoryUserWords()
    words.split("品质西海岸", ["品质", "西海岸"])
    words.set_reading("很好", ["hen3", "hao4"])
    corrected = LanguageService(cache_dir=service.cache_dir, data_dir=service.data_dir, user_words=words)
    after = Annotator(corrected, annotator.cache).annotate(article)
    for paragraph in article.paragraphs():
        texts = [t.text for t in after.paragraphs[paragraph.id].tokens]
        assert "品质" in texts and "西海岸" in texts and "品质西海岸" not in texts
        assert "品质西海岸" in [t.text for t in before.paragraphs[paragraph.id].tokens]
    assert after.paragraphs[next(article.paragraphs()).id].readings()[-1] == "hao4"


def test_merged_user_word_is_one_token(service):
    assert "天气很" not in [w.text for w in service.engine.read_words("今天天气很好")]
    words = InMemoryUserWords()
    words.merge("天气很")
    merged = LanguageService(cache_dir=service.cache_dir, data_dir=service.data_dir, user_words=words)
    assert [w.text for w in merged.engine.read_words("今天天气很好")] == ["今天", "天气很", "好"]


def test_user_word_operations_validate_their_input():
    words = InMemoryUserWords()
    with pytest.raises(ValueError):
        words.split("品质西海岸", ["品质", "海岸"])
    with pytest.raises(ValueError):
        words.set_reading("很好", ["hen3"])
    with pytest.raises(ValueError):
        words.merge("好")
    version = words.version()
    words.merge("很好")
    assert words.version() != version
    words.forget("很好")
    assert words.version() == version


def test_annotation_in_a_subprocess_fills_the_cache(annotator, seed_path):
    article = article_from_paragraphs(seed_paragraphs(seed_path)[:3])
    result = annotator.annotate_in_subprocess(article)
    assert set(result.paragraphs) == {p.id for p in article.paragraphs()}
    assert "jieba" not in sys.modules or annotator.cached(article) is not None
    assert result.paragraphs == annotator.annotate(article).paragraphs


def test_a_damaged_annotation_cache_is_replaced(service, annotator):
    (service.cache_dir / "annotations.sqlite3").write_bytes(b"garbage" * 1000)
    article = article_from_paragraphs(TEXTS[:1])
    assert annotator.annotate(article).paragraphs


def test_package_shortcuts_serve_scripts(seed_path):
    from reader.core import lang

    summary = lang.lookup_word("发展")
    assert summary.reading == "fā zhǎn" and "development" in summary.meaning
    assert lang.lookup_word("品质西海岸").meaning == "Quality West Coast"
    assert lang.lookup_word("qqq") is None
    assert lang.load_glossary().get("双碳").term == "碳达峰碳中和"
    article = article_from_paragraphs(["重整行装再出发"])
    assert lang.annotate(article).paragraphs[next(article.paragraphs()).id].readings()[0] == "chong2"
