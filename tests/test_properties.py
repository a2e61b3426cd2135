"""Properties that must hold for any input, found by hypothesis rather than by hand-picked examples.

- The importer never raises anything but ImportProblem, for any text or any bytes.
- No Han character is lost: every Han character of the input stands somewhere in the article (title block, source
  page/date, headings, paragraphs).
- Idempotent: importing our Markdown output gives the same article.
- Anchoring: whatever random edits an article goes through, every note is still there, with its text, and points
  either at its quote in the new text or is listed as an orphan.
- Pinyin alignment: one reading slot per input character, always (astral-plane characters and combining marks too).
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.anchoring import AnchorStatus, make_anchor
from reader.core.errors import ImportProblem
from reader.core.importer import decode_bytes, from_markdown, import_text, load_article, to_markdown
from reader.core.importer.spacing import han_characters
from reader.core.model import Article
from reader.core.storage import Store

from test_storage_support import made_up_article

HAN = "高质量发展西海岸品质建设服务产业创新改革的一是在不了人中国〇"
RARE_HAN = "\U00020000\U0002a700\U0002b740\u3400\u9fa5\uf900"
MARKS = "，。、；：“”《》！？（）—…\u3000"
LATIN = "abcXYZ019 .,-#>*_`\\\"':/"
ODD = "\t\x00\x07\x1b\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u200b\u200d\u202e\u2066\ufeff\u0301\u0308\ue000\U0001f600"
MARKDOWNISH = ["---", "title: 标题", "# 标题", "## 小标题", "> 图片", "<!-- section kind=lead level=0 -->",
               "note: x", "\\转义", "title-inferred: maybe", "source-file: /etc/passwd", ""]

line = st.one_of(
    st.text(alphabet=HAN + MARKS + LATIN, max_size=40),
    st.text(alphabet=HAN + RARE_HAN + MARKS + ODD + LATIN, max_size=30),
    st.sampled_from(MARKDOWNISH),
    st.builds(lambda body: "\u3000\u3000" + body, st.text(alphabet=HAN + MARKS, min_size=1, max_size=30)),
)
article_text = st.builds(lambda lines, end: "\n".join(lines) + end, st.lists(line, max_size=25),
                         st.sampled_from(["", "\n", "\r\n", "\n\n"]))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def article_han(article: Article) -> Counter:
    """Return the Han characters an article holds, in NFC (the title only when it was not inferred from the text)."""
    parts = [article.subtitle, article.byline, article.dateline, article.source.page, article.source.date]
    if not article.source.title_inferred:
        parts.append(article.title)
    parts += [s.heading for s in article.sections] + [p.text for p in article.paragraphs()]
    return Counter(han_characters(unicodedata.normalize("NFC", "".join(p for p in parts if p))))


def import_or_problem(text: str, file_name: str | None = None) -> Article | None:
    """Import `text`; None when the importer refused it with an ImportProblem (anything else propagates)."""
    try:
        return import_text(text, file_name)
    except ImportProblem as problem:
        assert str(problem).strip() and "\n" not in problem.problem
        return None


@SETTINGS
@given(text=article_text)
def test_importing_any_text_gives_an_article_or_an_import_problem(text):
    article = import_or_problem(text)
    if article is not None:
        assert article.title
        assert all(p.text for p in article.paragraphs())


@SETTINGS
@given(data=st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_an_import_problem(data):
    try:
        text, encoding = decode_bytes(data)
    except ImportProblem as problem:
        assert problem.problem
        return
    assert isinstance(text, str) and encoding
    assert "\r" not in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ""]))
def test_loading_any_file_gives_an_article_or_an_import_problem(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        load_article(path)
    except ImportProblem as problem:
        assert problem.path == path


@SETTINGS
@given(text=article_text)
def test_no_han_character_of_plain_text_is_lost(text):
    if text.lstrip("\ufeff").startswith("---\n") or "\ntitle:" in text[:2000]:
        text = "\n" + text.lstrip("\ufeff-")  # plain text here; Markdown has its own test below
    article = import_or_problem(text, "plain.txt")
    if article is not None and article.source.shape != "markdown":
        source = Counter(han_characters(unicodedata.normalize("NFC", text)))  # paragraphs are stored in NFC
        assert article_han(article) == source, (source - article_han(article), article_han(article) - source)


@SETTINGS
@given(text=article_text, file_name=st.sampled_from(["a.txt", "a.md", None]))
def test_our_markdown_imports_back_to_the_same_article(text, file_name):
    article = import_or_problem(text, file_name)
    if article is not None:
        markdown = to_markdown(article)
        again = from_markdown(markdown, article.source.file_name)
        assert again == _as_markdown_import(article)
        assert to_markdown(again) == markdown


def _as_markdown_import(article: Article) -> Article:
    """The article as read back from Markdown: the same, except that its shape is remembered, not re-detected."""
    data = article.to_dict()
    data["source"]["shape"] = article.source.shape
    return Article.from_dict(data)


# --- anchoring: random edits never drop a note -----------------------------------------------------------------
def _edited(article: Article, seed: int) -> Article:
    """Return the article after random deletions, insertions, replacements and paragraph splits and merges."""
    rng = random.Random(seed)
    texts = [p.text for p in article.paragraphs()]
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(texts))
        text, roll = texts[at], rng.random()
        cut = rng.randrange(len(text) + 1)
        if roll < 0.25:
            texts[at] = text[:cut] + text[cut + rng.randint(1, 20):]
        elif roll < 0.5:
            texts[at] = text[:cut] + "新加的字" * rng.randint(1, 3) + text[cut:]
        elif roll < 0.65 and 0 < cut < len(text):
            texts[at:at + 1] = [text[:cut], text[cut:]]
        elif roll < 0.8 and at + 1 < len(texts):
            texts[at:at + 2] = [text + texts[at + 1]]
        elif roll < 0.9 and len(texts) > 1:
            del texts[at]
        else:
            texts[at] = "".join(rng.sample(text, len(text)))
    texts = [t for t in texts if t.strip()] or ["全部删去以后剩下的一句。"]
    from test_storage_support import article_with_texts

    return article_with_texts(article.title, texts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), edits=st.integers(1, 4))
def test_random_edits_never_drop_a_note(tmp_path_factory, seed, edits):
    rng = random.Random(seed)
    article = made_up_article(seed % 1000, rng)
    with Store.open(tmp_path_factory.mktemp("notes"), daily_backup=False) as store:
        entry = store.library.add(article, "edited.txt")
        written = {}
        for number in range(8):
            paragraph = rng.choice(list(article.paragraphs()))
            start = rng.randrange(len(paragraph.text))
            end = min(len(paragraph.text), start + rng.randint(0, 12))
            kind = "bookmark" if end == start else "note"
            note = f"第{number}条笔记 {seed}"
            anchor = make_anchor(article, paragraph.id, start, end)
            stored = store.annotations.add(entry.id, kind, anchor, note=note)
            written[stored.id] = note
        current = article
        for step in range(edits):
            current = _edited(current, seed + step)
            store.reimport(current, "edited.txt")
        kept = {a.id: a for a in store.annotations.list(entry.id)}
        assert {i: a.note for i, a in kept.items()} == written
        for annotation in kept.values():
            if annotation.anchor_status != AnchorStatus.ORPHAN:
                paragraph = current.paragraph(annotation.anchor.paragraph_id)
                assert paragraph is not None
                anchor = annotation.anchor
                assert paragraph.text[anchor.start:anchor.end] == anchor.exact


# --- pinyin alignment ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def engine():
    """One pinyin engine for the alignment properties (jieba loads once)."""
    from reader.core.lang.pinyin import PinyinEngine

    return PinyinEngine()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=HAN + RARE_HAN + MARKS + ODD + LATIN + "重行长乐得地了着还和", max_size=60))
def test_one_reading_slot_per_character(engine, text):
    from reader.core.lang.chars import is_han

    readings = engine.read(text)
    assert len(readings) == len(text)
    for char, reading in zip(text, readings):
        if reading is not None:
            assert is_han(char), (char, reading)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=40))
def test_one_reading_slot_per_character_of_any_unicode(engine, text):
    words = engine.read_words(text)
    assert "".join(w.text for w in words) == text
    assert all(len(w.readings) == len(w.text) for w in words)


# --- hostile search queries -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def searchable(tmp_path_factory):
    """A library of three made-up articles to search."""
    store = Store.open(tmp_path_factory.mktemp("search"), daily_backup=False)
    for number in range(3):
        store.library.add(made_up_article(number), f"/articles/{number}.txt")
    yield store
    store.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(query=st.one_of(st.text(max_size=12), st.text(alphabet=HAN + '"*()^:-+\'%_\\ ANDORNEAR{}[]', max_size=12)))
def test_any_search_query_gives_a_list_of_hits(searchable, query):
    hits = searchable.library.search(query)
    assert isinstance(hits, list)
    assert all(query.strip() and hit.match for hit in hits)
