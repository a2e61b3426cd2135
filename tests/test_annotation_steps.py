"""A long article's annotation: the cache is filled by a child process, then decoded a slice at a time (so the
window answers scrolling and clicks meanwhile), giving exactly what a one-go load gives."""

from __future__ import annotations

import pytest

from lang_support import article_from_paragraphs
from reader.core.errors import StorageProblem

TEXTS = ["重整行装再出发，推进供给侧结构性改革。", "他把钱还给了银行，２０２５年“10+1”。", "還是長江", "质量第一，效益优先。"]


@pytest.fixture
def annotator(private_annotator):
    """An annotator with its own annotation cache (see conftest)."""
    return private_annotator


def test_stepwise_decoding_gives_what_a_one_go_load_gives(annotator):
    article = article_from_paragraphs(TEXTS, title="高质量发展")
    annotator.annotate(article)
    steps = list(annotator.cached_in_steps(article, budget=0))
    assert all(step is None for step in steps[:-1])
    assert len(steps) >= len(TEXTS)  # with no time budget every paragraph is its own slice
    assert steps[-1] == annotator.cached(article)
    assert set(steps[-1].paragraphs) == {p.id for p in article.paragraphs()}


def test_stepwise_decoding_of_an_uncached_article_is_a_storage_problem(annotator):
    article = article_from_paragraphs(["从未读过的一段。"])
    with pytest.raises(StorageProblem):
        list(annotator.cached_in_steps(article))


def test_filling_the_cache_in_a_child_process_leaves_this_process_without_jieba(annotator):
    import sys

    article = article_from_paragraphs(TEXTS[:2])
    assert annotator.cached(article) is None
    had_jieba = "jieba" in sys.modules
    annotator.fill_cache_in_subprocess(article)
    assert annotator.cached(article) is not None
    assert ("jieba" in sys.modules) == had_jieba
    annotator.fill_cache_in_subprocess(article)  # all cached: nothing to do, nothing raised
