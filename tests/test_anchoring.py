"""Anchors survive edits: exact where the quote still stands, fuzzy when it changed a little, orphan otherwise."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import FUZZY_THRESHOLD, Anchor, AnchorStatus, make_anchor, reanchor
from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.core.storage import Store

from test_storage_support import article_with_texts, seed_article


def _texts(article: Article) -> list[list[str]]:
    return [[p.text for p in s.paragraphs] for s in article.sections]


def _rebuild(article: Article, sections: list[list[str]]) -> Article:
    drafts = [SectionDraft(s.heading, s.level, s.kind, texts) for s, texts in zip(article.sections, sections)]
    return Article(title=article.title, sections=build_sections(drafts))


def edit_article(article: Article, rng: random.Random) -> Article:
    """Insert, delete and change sentences and re-split paragraphs, as an editor or a better re-import would."""
    sections = _texts(article)
    for texts in sections:
        for index, text in enumerate(texts):
            sentences = [s + "。" for s in text.split("。") if s]
            roll = rng.random()
            if roll < 0.2 and len(sentences) > 1:
                del sentences[rng.randrange(len(sentences))]
            elif roll < 0.4:
                sentences.insert(rng.randrange(len(sentences) + 1), "这是编辑时新加的一句话。")
            elif roll < 0.55 and sentences:
                at = rng.randrange(len(sentences))
                chars = list(sentences[at])
                chars[rng.randrange(len(chars))] = "改"
                sentences[at] = "".join(chars)
            texts[index] = "".join(sentences)
        if len(texts) > 1 and rng.random() < 0.5:  # re-split: split one paragraph in two at a sentence end
            at = rng.randrange(len(texts))
            cut = texts[at].find("。", len(texts[at]) // 2)
            if 0 < cut < len(texts[at]) - 1:
                texts[at : at + 1] = [texts[at][: cut + 1], texts[at][cut + 1 :]]
        if len(texts) > 2 and rng.random() < 0.5:  # and join two others
            at = rng.randrange(len(texts) - 1)
            texts[at : at + 2] = [texts[at] + texts[at + 1]]
    return _rebuild(article, sections)


def _notes_all_over(article: Article, rng: random.Random, per_paragraph: int = 3) -> list[Anchor]:
    anchors = []
    for paragraph in article.paragraphs():
        for _ in range(per_paragraph):
            if len(paragraph.text) < 4:
                continue
            size = rng.randint(2, min(14, len(paragraph.text)))
            start = rng.randrange(0, len(paragraph.text) - size + 1)
            anchors.append(make_anchor(article, paragraph.id, start, start + size))
    return anchors


def _whole_text(article: Article) -> str:
    return "\n".join(p.text for p in article.paragraphs())


def _check_outcome(old: Anchor, new_article: Article, status: AnchorStatus, new: Anchor) -> None:
    if status in (AnchorStatus.EXACT, AnchorStatus.MOVED):
        assert new.exact == old.exact
        assert new_article.paragraph(new.paragraph_id).text[new.start : new.end] == old.exact
    elif status == AnchorStatus.FUZZY:
        assert new_article.paragraph(new.paragraph_id).text[new.start : new.end] == new.exact
        assert SequenceMatcher(None, old.exact, new.exact).ratio() >= FUZZY_THRESHOLD * 0.8
    else:
        assert new == old  # an orphan keeps what it had
    if any(old.exact in p.text for p in new_article.paragraphs()):
        assert status in (AnchorStatus.EXACT, AnchorStatus.MOVED), old  # a quote that still stands is found


def test_unchanged_text_reanchors_exactly():
    article = article_with_texts("题", ["高质量发展是主题。", "质量第一。"])
    anchor = make_anchor(article, next(article.paragraphs()).id, 0, 5)
    outcome = reanchor(anchor, article)
    assert outcome.status == AnchorStatus.EXACT and outcome.anchor == anchor


def test_quote_in_an_edited_paragraph_is_found_with_context():
    old = article_with_texts("题", ["一是质量。二是质量第一，效益优先。"])
    anchor = make_anchor(old, next(old.paragraphs()).id, 7, 9)  # the second of two 质量: context tells them apart
    assert anchor.exact == "质量" and anchor.suffix.startswith("第一")
    new = article_with_texts("题", ["前言。一是质量。二是质量第一，效益优先。"])
    outcome = reanchor(anchor, new)
    assert outcome.status == AnchorStatus.MOVED
    assert outcome.anchor.start == 10


def test_slightly_changed_quote_is_found_fuzzily():
    old = article_with_texts("题", ["要坚持质量第一、效益优先，落实质量强区建设三年行动方案。"])
    anchor = make_anchor(old, next(old.paragraphs()).id, 15, 27)
    new = article_with_texts("题", ["要坚持质量第一、效益优先，落实质量强市建设三年行动方案。"])
    outcome = reanchor(anchor, new)
    assert outcome.status == AnchorStatus.FUZZY
    assert outcome.anchor.exact == "质量强市建设三年行动方案"


def test_vanished_quote_becomes_an_orphan_that_keeps_its_anchor():
    old = article_with_texts("题", ["供给侧结构性改革的重要举措。", "别的段落。"])
    anchor = make_anchor(old, next(old.paragraphs()).id, 0, 9)
    new = article_with_texts("题", ["别的段落。"])
    outcome = reanchor(anchor, new)
    assert outcome.status == AnchorStatus.ORPHAN and outcome.anchor == anchor


def test_seed_notes_survive_edits_and_reimport(isolated_dirs, seed_path):
    rng = random.Random(2025)
    seed = seed_article(seed_path)
    anchors = _notes_all_over(seed, rng)
    assert len(anchors) > 30
    edited = edit_article(seed, rng)
    assert _whole_text(edited) != _whole_text(seed)
    with Store.open() as store:
        entry = store.library.add(seed, seed_path)
        ids = [store.annotations.add_note(entry.id, a, f"笔记{i}").id for i, a in enumerate(anchors)]
        _, report = store.reimport(edited, seed_path)
        kept = {a.id: a for a in store.annotations.list(entry.id)}
        assert sorted(kept) == sorted(ids)  # none lost
        for original, annotation_id in zip(anchors, ids):
            annotation = kept[annotation_id]
            _check_outcome(original, edited, AnchorStatus(annotation.anchor_status), annotation.anchor)
        assert report.total == len(ids)
        assert {o.id for o in store.annotations.orphans(entry.id)} == set(report.orphan_ids)
        share = report.share(AnchorStatus.EXACT, AnchorStatus.MOVED, AnchorStatus.FUZZY)
        print(f"\nre-anchored {share:.1%} of {report.total} notes: {dict(report.counts)}")
        assert share >= 0.7


def test_orphan_can_be_reattached_by_hand(isolated_dirs):
    old = article_with_texts("题", ["供给侧结构性改革。", "别的段落。"])
    new = article_with_texts("题", ["全新的内容。"])
    with Store.open() as store:
        entry = store.library.add(old, "/a.txt")
        note = store.annotations.add_note(entry.id, make_anchor(old, next(old.paragraphs()).id, 0, 5), "改革")
        store.reimport(new, "/a.txt")
        assert [o.id for o in store.annotations.orphans()] == [note.id]
        paragraph = next(new.paragraphs())
        store.annotations.reattach(note.id, make_anchor(new, paragraph.id, 0, 4))
        assert store.annotations.orphans() == []
        assert store.annotations.get(note.id).anchor.exact == "全新的内容"[:4]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_random_edits_never_drop_a_note(seed_number):
    rng = random.Random(seed_number)
    texts = ["".join(rng.choice("质量发展西海岸品质建设。，") for _ in range(rng.randint(5, 80))) for _ in range(5)]
    article = Article(title="题", sections=build_sections([SectionDraft(None, 1, SectionKind.LEAD, texts)]))
    anchors = _notes_all_over(article, rng, 2)
    edited = edit_article(article, rng)
    for old in anchors:
        outcome = reanchor(old, edited)
        _check_outcome(old, edited, outcome.status, outcome.anchor)


def test_bookmark_point_follows_its_context_into_an_edited_paragraph():
    old = article_with_texts("题", ["第一句话。第二句话在这里。第三句。"])
    bookmark = make_anchor(old, next(old.paragraphs()).id, 5, 5)  # between 。 and 第二
    assert bookmark.exact == "" and bookmark.suffix.startswith("第二句话")
    new = article_with_texts("题", ["新的开头。第一句话。第二句话在这里。第三句。"])
    outcome = reanchor(bookmark, new)
    assert outcome.status == AnchorStatus.MOVED
    assert next(new.paragraphs()).text[outcome.anchor.start :].startswith("第二句话")
    gone = article_with_texts("题", ["完全不同的内容。"])
    assert reanchor(bookmark, gone).status == AnchorStatus.ORPHAN


def test_library_add_of_a_changed_text_reanchors_by_itself(isolated_dirs):
    """The window only calls library.add when it opens a file again: notes must follow the new text anyway."""
    old = article_with_texts("题", ["一是质量。二是效益。"])
    new = article_with_texts("题", ["前言。一是质量。二是效益。"])
    with Store.open() as store:
        entry = store.library.add(old, "/a.txt")
        note = store.annotations.add_note(entry.id, make_anchor(old, next(old.paragraphs()).id, 5, 9), "效益")
        store.library.add(new, "/a.txt")
        moved = store.annotations.get(note.id)
        assert moved.anchor_status == AnchorStatus.MOVED
        assert moved.anchor.paragraph_id == next(new.paragraphs()).id and moved.anchor.start == 8
        _, report = store.reimport(new, "/a.txt")  # unchanged now: nothing to do
        assert report.total == 0
