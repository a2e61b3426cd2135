"""A new article read part by part in a child process: the batches (the opening screen first), the child's protocol
(one line per batch cached), a child that dies or is stopped halfway, and nothing left running."""

from __future__ import annotations

import sys

import pytest

from lang_support import article_from_paragraphs
from reader.core.errors import StorageProblem
from reader.core.lang import annotator as annotator_module
from reader.core.lang.pipeline import reading_batches, reading_order, reading_units
from reader.core.model import Article, SectionDraft, SectionKind, build_sections

TEXTS = ["重整行装再出发，推进供给侧结构性改革。", "他把钱还给了银行。", "還是長江", "质量第一，效益优先。",
         "建设品质西海岸。", "我们要坚持高质量发展。"]

# The child, made to end after its first batch: killed (`os._exit`) or hanging until it is stopped.
FIRST_BATCH_THEN = """
import os, sys, time
from reader.core.lang import annotator
original = annotator.Annotator.annotate_in_batches
def first_only(self, article, batches, done):
    def then(number):
        done(number)
        {action}
    original(self, article, batches, then)
annotator.Annotator.annotate_in_batches = first_only
sys.exit(annotator.worker_main())
"""


@pytest.fixture
def annotator(private_annotator, monkeypatch):
    """An annotator with its own cache, whose readings come in batches of a paragraph or two."""
    monkeypatch.setattr(annotator_module, "FIRST_BATCH_CHARS", 20)
    monkeypatch.setattr(annotator_module, "BATCH_CHARS", 30)
    return private_annotator


def sectioned_article() -> Article:
    drafts = [SectionDraft(None, 0, SectionKind.LEAD, TEXTS[:2]),
              SectionDraft("第一部分", 1, SectionKind.BODY, TEXTS[2:4]),
              SectionDraft("第二部分", 1, SectionKind.BODY, TEXTS[4:])]
    return Article(title="高质量发展", byline="本报记者", sections=build_sections(drafts))


def test_reading_order_is_the_order_the_article_shows():
    article = sectioned_article()
    units = reading_units(article)
    shown = [units[i][1] for i in reading_order(article)]
    assert shown == ["高质量发展", "本报记者", *TEXTS[:2], "第一部分", *TEXTS[2:4], "第二部分", *TEXTS[4:]]


def test_the_first_batch_starts_at_the_opening_paragraph_and_the_rest_follow_below_then_above():
    article = sectioned_article()
    units = reading_units(article)
    opening = list(article.paragraphs())[3]  # 质量第一 …
    batches = reading_batches(article, opening.id, first_chars=10, chars=20)
    texts = [[units[i][1] for i in batch] for batch in batches]
    assert texts[0] == [opening.text]
    flat = [text for batch in texts for text in batch]
    assert sorted(i for batch in batches for i in batch) == list(range(len(units)))  # each unit once
    assert flat[:4] == [opening.text, "第二部分", TEXTS[4], TEXTS[5]]  # what lies below the screen comes next
    assert flat[4:] == [TEXTS[2], "第一部分", TEXTS[1], TEXTS[0], "本报记者", "高质量发展"]  # then above, nearest first
    assert all(sum(len(units[i][1]) for i in batch[:-1]) < 20 for batch in batches[1:])


def test_without_a_saved_position_the_first_batch_is_the_top_of_the_article():
    article = sectioned_article()
    units = reading_units(article)
    for opening in (None, "no-such-paragraph"):
        first = reading_batches(article, opening, first_chars=15, chars=1000)[0]
        assert [units[i][1] for i in first] == ["高质量发展", "本报记者", TEXTS[0]]


def test_a_reading_reports_each_batch_in_order_then_returns_the_whole_annotation(annotator):
    article = article_from_paragraphs(TEXTS)
    opening = list(article.paragraphs())[2]
    reading = annotator.start_reading(article, opening.id)
    assert reading.pid is not None  # the child started at once
    parts = []
    whole = reading.run(parts.append)
    assert len(parts) == len(reading.batches) - 1 >= 2  # the last batch arrives as the whole
    assert list(parts[0].paragraphs)[0] == opening.id and not parts[0].headings  # the opening screen first
    seen = [key for part in parts for key in [*part.paragraphs, *part.headings]]
    assert len(seen) == len(set(seen))
    assert whole == annotator.cached(article) == annotator.annotate(article)
    assert "jieba" not in sys.modules or annotator.cached(article) is not None


def test_a_child_dying_halfway_keeps_the_first_part_and_says_the_rest_failed(annotator, monkeypatch):
    script = FIRST_BATCH_THEN.format(action="sys.stdout.flush(); os._exit(3)")
    monkeypatch.setattr(annotator_module, "_CHILD_COMMAND", [sys.executable, "-c", script])
    article = article_from_paragraphs(TEXTS)
    reading = annotator.start_reading(article)
    parts = []
    with pytest.raises(StorageProblem, match="could not be annotated"):
        reading.run(parts.append)
    assert len(parts) == 1 and parts[0].headings  # the title block and first paragraph were shown
    assert annotator.cached(article) is None  # the rest was never read
    _keys, stored = annotator._lookup(reading_units(article))
    assert len(stored) == len(parts[0].paragraphs) + len(parts[0].headings)  # the first part stays cached


def test_stopping_a_reading_ends_its_child(annotator, monkeypatch):
    script = FIRST_BATCH_THEN.format(action="time.sleep(60)")
    monkeypatch.setattr(annotator_module, "_CHILD_COMMAND", [sys.executable, "-c", script])
    reading = annotator.start_reading(article_from_paragraphs(TEXTS))
    with pytest.raises(StorageProblem, match="stopped"):
        reading.run(lambda part: reading.stop())  # the reader opened another article meanwhile
    assert reading._process.poll() is not None  # ended (and reaped): the autouse check sees no child left


def test_a_child_that_breaks_the_protocol_is_a_failed_reading(annotator, monkeypatch):
    script = "import sys; sys.stdin.read(); print('hello'); sys.stdout.flush()"
    monkeypatch.setattr(annotator_module, "_CHILD_COMMAND", [sys.executable, "-c", script])
    reading = annotator.start_reading(article_from_paragraphs(TEXTS))
    parts = []
    with pytest.raises(StorageProblem):
        reading.run(parts.append)
    assert parts == []
