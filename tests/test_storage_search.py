"""Full-text search is correct for queries of any length: compared with a brute-force scan of every article."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.storage import Store, search

from test_storage_support import HAN_SAMPLE, made_up_article, seed_article

SEED_QUERIES = ["质", "质量", "西海岸", "高质量发展", "海岸", "品质西海岸", "。", "2025", "不存在的词"]


def _brute_force(texts: dict[int, str], query: str, limit: int = 20) -> list[int]:
    terms = query.split()
    found = [i for i, text in texts.items() if terms and all(term in text for term in terms)]
    return sorted(found, reverse=True)[:limit]


def _texts(store: Store) -> dict[int, str]:
    result = {}
    for entry in store.library.list():
        article = store.library.article(entry.id)
        result[entry.id] = search.document_text(article.title, [p.text for p in article.paragraphs()])
    return result


@pytest.fixture
def made_up_library(isolated_dirs):
    store = Store.open()
    for number in range(60):
        store.library.add(made_up_article(number), f"/articles/{number}.txt")
    yield store
    store.close()


def test_queries_of_one_to_four_characters_match_brute_force(made_up_library):
    texts = _texts(made_up_library)
    rng = random.Random(7)
    queries = list(HAN_SAMPLE) + ["质量", "西海岸", "高质量发展", "。“", "质 量", "量质量质量质"]
    for _ in range(200):
        text = rng.choice(list(texts.values()))
        size = rng.randint(1, 5)
        at = rng.randrange(0, len(text) - size)
        queries.append(text[at : at + size])
    for query in queries:
        for limit in (3, 20, 100):
            hits = made_up_library.library.search(query, limit=limit)
            assert [h.article_id for h in hits] == _brute_force(texts, query, limit), query


def test_every_hit_has_a_snippet_around_a_real_occurrence(made_up_library):
    for query in ["质", "海岸", "西海岸", "高质量发展"]:
        for hit in made_up_library.library.search(query):
            assert hit.match == query
            article = made_up_library.library.article(hit.article_id)
            text = article.title if hit.paragraph_id is None else article.paragraph(hit.paragraph_id).text
            assert hit.before + hit.match + hit.after in text
            assert len(hit.before) <= search.SNIPPET_CONTEXT and len(hit.after) <= search.SNIPPET_CONTEXT


def test_seed_queries_match_brute_force(isolated_dirs, seed_path):
    seed = seed_article(seed_path)
    with Store.open() as store:
        seed_id = store.library.add(seed, seed_path).id
        for number in range(20):
            store.library.add(made_up_article(number), f"/articles/{number}.txt")
        texts = _texts(store)
        for query in SEED_QUERIES:
            assert [h.article_id for h in store.library.search(query)] == _brute_force(texts, query), query
        assert seed_id in [h.article_id for h in store.library.search("海岸", 100)]  # inside 西海岸: jieba would miss it


def test_index_follows_updates_and_removals(made_up_library):
    store = made_up_library
    entry = store.library.find("/articles/5.txt")
    store.library.add(made_up_article(1000), "/articles/5.txt")  # new text for the same file
    store.library.remove(store.library.find("/articles/6.txt").id)
    texts = _texts(store)
    assert entry.id in texts and len(texts) == 59
    for query in list(HAN_SAMPLE[:10]) + ["质量", "品质建"]:
        assert [h.article_id for h in store.library.search(query, limit=100)] == _brute_force(texts, query, 100)
    store.connection.execute(f"INSERT INTO {search.INDEX_TABLE}({search.INDEX_TABLE}) VALUES ('integrity-check')")


def test_title_is_searchable_and_empty_query_finds_nothing(made_up_library):
    title = made_up_library.library.find("/articles/3.txt").title
    assert made_up_library.library.find("/articles/3.txt").id in [h.article_id for h in made_up_library.library.search(title.split()[0], 100)]
    assert made_up_library.library.search("   ") == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="质量发展西海岸 ,。ab\n😀", min_size=0, max_size=30), min_size=1, max_size=6),
       st.text(alphabet="质量发展西海岸,。ab😀", min_size=1, max_size=4))
def test_any_text_and_query_match_brute_force(tmp_path_factory, paragraphs, query):
    from test_storage_support import article_with_texts

    with Store.open(tmp_path_factory.mktemp("search")) as store:
        for number, text in enumerate(paragraphs):
            store.library.add(article_with_texts(f"t{number}", [text]), f"/p/{number}")
        texts = _texts(store)
        assert [h.article_id for h in store.library.search(query, 100)] == _brute_force(texts, query, 100)


def test_a_snippet_marks_only_the_ends_where_the_text_was_cut(made_up_library):
    for query in ["质", "海岸", "高质量发展"]:
        for hit in made_up_library.library.search(query):
            article = made_up_library.library.article(hit.article_id)
            text = article.title if hit.paragraph_id is None else article.paragraph(hit.paragraph_id).text
            assert hit.snippet.startswith("…") == (not text.startswith(hit.before + hit.match))
            assert hit.snippet.endswith("…") == (not text.endswith(hit.match + hit.after))
