"""Dubao's Markdown format: lossless round trip, hand-written files, and malformed front matter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import ImportProblem
from reader.core.importer import from_markdown, import_text, load_article, to_markdown
from reader.core.model import Article, SectionDraft, SectionKind, Source, build_sections

_LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"),
    min_size=1, max_size=40,
).map(str.strip).filter(bool)
_HEADED_LEVEL = st.integers(min_value=1, max_value=5)


@st.composite
def drafts(draw) -> SectionDraft:
    heading = draw(st.one_of(st.none(), _LINE))
    level = draw(_HEADED_LEVEL) if heading is not None else draw(st.integers(min_value=0, max_value=5))
    texts = draw(st.lists(_LINE, max_size=4))
    roles = [draw(st.sampled_from(["text", "caption"])) for _ in texts]
    return SectionDraft(heading, level, draw(st.sampled_from(list(SectionKind))), texts, roles)


@st.composite
def articles(draw) -> Article:
    optional = st.one_of(st.none(), st.text(max_size=20))
    source = Source(
        file_name=draw(optional), page=draw(optional), date=draw(optional), encoding=draw(optional),
        shape=draw(st.sampled_from(["newspaper", "web", "document", "brief", "plain"])),
        title_inferred=draw(st.booleans()), notes=draw(st.lists(st.text(max_size=20), max_size=3)),
    )
    return Article(title=draw(_LINE), subtitle=draw(optional), byline=draw(optional), dateline=draw(optional),
                   source=source, sections=build_sections(draw(st.lists(drafts(), max_size=5))))


@settings(max_examples=300)
@given(articles())
def test_any_article_round_trips(article):
    assert from_markdown(to_markdown(article)) == article


def test_seed_round_trips(seed_path):
    article = load_article(seed_path)
    assert from_markdown(to_markdown(article)) == article


def test_corpus_round_trips(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        article = load_article(path)
        assert from_markdown(to_markdown(article)) == article, path.name


def test_markdown_is_recognised_by_front_matter_and_by_name(seed_path, tmp_path):
    text = to_markdown(load_article(seed_path))
    assert import_text(text).source.shape == "newspaper"
    plain_name = tmp_path / "article.txt"
    plain_name.write_text(text, encoding="utf-8")
    assert load_article(plain_name) == load_article(seed_path)


def test_hand_written_file_for_trainers(tmp_path):
    path = tmp_path / "lesson.md"
    path.write_text(
        "# 质量强区\n\n开头一段，\n接着写。\n\n## 第一部分\n\n正文 English words\nstay apart。\n\n"
        "> 图片说明\n\n### 小标题 {kind=caption}\n\n\\# 不是标题。\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.title == "质量强区" and article.source.shape == "markdown"
    lead, part, sub = article.sections
    assert (lead.heading, lead.kind, [p.text for p in lead.paragraphs]) == (None, SectionKind.LEAD, ["开头一段，接着写。"])
    assert (part.heading, part.level) == ("第一部分", 1)
    assert [(p.text, p.role) for p in part.paragraphs] == [
        ("正文 English words stay apart。", "text"), ("图片说明", "caption")]
    assert (sub.heading, sub.level, sub.kind, sub.paragraphs[0].text) == ("小标题", 2, SectionKind.CAPTION, "# 不是标题。")


def test_file_without_title_gets_an_inferred_one():
    article = from_markdown("## 第一部分\n\n正文。\n", "x.md")
    assert article.title == "第一部分" and article.source.title_inferred is True


@pytest.mark.parametrize(
    "text, words",
    [
        ("---\ntitle: 标题\n\n正文。\n", "never closed"),
        ("---\ntitle: 标题\n没有冒号的一行\n---\n正文。\n", "line 3"),
        ("---\ntitel: 标题\n---\n正文。\n", "not a known"),
        ('---\ntitle: "没有结束的引号\n---\n正文。\n', "broken quoted value"),
        ("---\ntitle: 标题\ntitle-inferred: maybe\n---\n正文。\n", "true or false"),
    ],
)
def test_malformed_front_matter_is_an_import_problem(text, words):
    with pytest.raises(ImportProblem, match=words) as problem:
        from_markdown(text, "lesson.md")
    assert str(problem.value).startswith("lesson.md: ")
