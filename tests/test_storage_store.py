"""The store's parts: library, positions, annotations with undo, vocabulary, user language, backups and restore."""

from __future__ import annotations

import sqlite3
import time

import pytest

from reader.core.anchoring import make_anchor
from reader.core.errors import ExportProblem, StorageProblem
from reader.core.storage import Store, backups, database
from reader.core.lang.glossary import GlossaryEntry

from test_storage_support import article_with_texts, made_up_article


@pytest.fixture
def store(isolated_dirs):
    opened = Store.open()
    yield opened
    opened.close()


def clock_past(stamp: float) -> None:
    """Wait until the clock reads later than `stamp`, so that the next thing stored is stamped later."""
    while time.time() <= stamp:
        time.sleep(0.001)


def test_library_lists_recent_first_and_updates_by_path(store):
    first = store.library.add(made_up_article(1), "/a.txt")
    second = store.library.add(made_up_article(2), "/b.txt")
    assert [e.id for e in store.library.list()] == [second.id, first.id]
    clock_past(second.opened_at)
    store.library.mark_opened(first.id)
    assert store.library.last_opened().id == first.id
    again = store.library.add(made_up_article(3), "/b.txt")
    assert again.id == second.id and again.title == made_up_article(3).title
    assert store.library.count() == 2
    assert store.library.article(second.id) == made_up_article(3)
    assert made_up_article(3).title in store.library.markdown(second.id)


def test_positions_are_remembered_per_article(store):
    entry = store.library.add(made_up_article(1), "/a.txt")
    paragraph = list(made_up_article(1).paragraphs())[2]
    assert store.positions.get(entry.id) is None
    store.positions.save(entry.id, paragraph.id, 17)
    saved = store.positions.get(entry.id)
    assert (saved.paragraph_id, saved.char_offset) == (paragraph.id, 17)


def test_annotations_update_delete_and_restore(store):
    article = article_with_texts("题", ["高质量发展是主题。"])
    entry = store.library.add(article, "/a.txt")
    pid = next(article.paragraphs()).id
    highlight = store.annotations.add_highlight(entry.id, make_anchor(article, pid, 0, 5), "green", "要点")
    bookmark = store.annotations.add_bookmark(entry.id, make_anchor(article, pid, 3, 3), "这里")
    assert highlight.colour == "green" and highlight.anchor.exact == "高质量发展"
    assert store.annotations.update(highlight.id, note="改过的笔记").note == "改过的笔记"
    store.annotations.delete(highlight.id)
    assert [a.id for a in store.annotations.list(entry.id)] == [bookmark.id]
    assert store.annotations.get(highlight.id).deleted_at is not None
    store.annotations.restore(highlight.id)
    assert [a.id for a in store.annotations.list(entry.id)] == [highlight.id, bookmark.id]
    assert store.annotations.purge_deleted(0) == 0  # nothing deleted any more


def test_removing_an_article_removes_its_notes_but_keeps_words(store):
    article = article_with_texts("题", ["质量第一。"])
    entry = store.library.add(article, "/a.txt")
    store.annotations.add_note(entry.id, make_anchor(article, next(article.paragraphs()).id, 0, 2), "n")
    store.vocab.add("质量", article_id=entry.id)
    store.library.remove(entry.id)
    assert store.annotations.list(include_deleted=True) == []
    assert store.vocab.get("质量").article_id is None
    assert store.library.search("质") == []


def test_vocabulary_statuses_and_known_words(store):
    store.vocab.add("质量", "zhi4 liang4", "quality", "质量第一。")
    again = store.vocab.add("质量", "", "ignored", "另一句。")
    assert (again.meaning, again.sentence) == ("quality", "质量第一。")  # saving again keeps what was filled in
    store.vocab.set_status("质量", "learning")
    assert store.known.add(["发展", "质量", " "], source="hsk 3") == 2
    assert store.known.words() == {"发展", "质量"}
    assert [e.word for e in store.vocab.list()] == ["质量"]  # marking known adds no vocabulary rows
    assert [e.word for e in store.vocab.list(status="known", search="qual")] == ["质量"]
    assert store.vocab.list(status="learning") == []  # one word, one status
    assert store.known.remove(["质量", "从未"]) == 1
    assert store.vocab.get("质量").status == "learning"  # unmarked: back to the status it had
    store.vocab.set_status("质量", "known")
    assert "质量" in store.known and store.vocab.get("质量").status == "known"
    store.vocab.set_status("质量", "new")
    assert store.known.words() == {"发展"}
    with pytest.raises(ValueError):
        store.vocab.set_status("质量", "forgotten")


def test_known_words_list_newest_first_with_their_source(store):
    assert store.known.add(["一", "二"], source="hsk 1") == 2
    assert store.known.add(["一", "质量"]) == 1  # 一 was known already
    listed = store.known.list()
    assert listed[0].word == "质量" and listed[0].source == "word"
    assert {k.word: k.source for k in listed} == {"一": "hsk 1", "二": "hsk 1", "质量": "word"}
    assert store.known.remove([]) == 0 and store.known.add(["", "  "]) == 0


def test_user_language_tables(store):
    store.user_language.set_reading("重庆", ["chong2", "qing4"])
    store.user_language.set_segmentation("高质量发展", ["高质量", "发展"])
    store.user_language.set_glossary_entry(GlossaryEntry("新质生产力", "xīn zhì shēng chǎn lì", "economy",
                                                         "new quality productive forces", explanation_en="…"))
    assert store.user_language.readings() == {"重庆": ("chong2", "qing4")}
    assert store.user_language.segmentations() == {"高质量发展": ("高质量", "发展")}
    assert [(e.term, e.english, e.origin) for e in store.user_language.glossary()] == [
        ("新质生产力", "new quality productive forces", "user")]
    with pytest.raises(ValueError):
        store.user_language.set_segmentation("高质量", ["高", "质"])


def test_backup_and_restore_round_trip(store, tmp_path):
    store.vocab.add("质量")
    target = store.backup_to(tmp_path / "copy.sqlite3")
    with pytest.raises(ExportProblem):
        store.backup_to(target)  # never over an existing file without force
    store.vocab.add("发展")
    safety = store.restore_from(target)
    assert [e.word for e in store.vocab.list()] == ["质量"]
    with sqlite3.connect(safety) as conn:  # the state before the restore was kept
        assert sorted(r[0] for r in conn.execute("SELECT word FROM vocab")) == ["发展", "质量"]
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_problems() == []


def test_restore_refuses_a_file_that_is_not_a_backup(store, tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"hello")
    store.vocab.add("质量")
    with pytest.raises(StorageProblem):
        store.restore_from(bogus)
    assert [e.word for e in store.vocab.list()] == ["质量"]


def test_daily_backup_rotates(isolated_dirs):
    Store.open().close()
    for _ in range(backups.KEEP_RECENT + 3):  # all on one day: the routine rotation keeps the most recent ones
        with Store.open() as store:
            backups.automatic_backup(store.connection, isolated_dirs, "daily")
    assert len([b for b in backups.list_backups(isolated_dirs) if b.reason == "daily"]) == backups.KEEP_RECENT
    assert not backups.daily_backup_due(isolated_dirs)
    assert backups.daily_backup_due(isolated_dirs, now=time.time() + backups.DAILY_SECONDS + 1)


def test_full_disk_is_a_storage_problem_and_loses_nothing(store):
    store.vocab.add("质量")
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageProblem) as caught:
        for number in range(2000):
            store.vocab.add(f"词{number}", meaning="很长的解释" * 50)
    assert "full" in str(caught.value)
    assert store.vocab.get("质量").word == "质量"
    assert database.integrity_problems(store.connection) == []


def test_user_language_is_the_language_layers_user_words(store):
    user_words = pytest.importorskip("reader.core.lang.user_words")
    memory = user_words.InMemoryUserWords()
    for target in (memory, store.user_language):
        target.merge("质量第一")
        target.split("高质量发展", ["高质量", "发展"])
        target.set_reading("重庆", ["chong2", "qing4"])
        target.forget("质量第一")
        target.merge("品质西海岸")
    assert store.user_language.merged_words() == memory.merged_words()
    assert dict(store.user_language.splits()) == dict(memory.splits())
    assert dict(store.user_language.reading_overrides()) == dict(memory.reading_overrides())
    assert store.user_language.version() == user_words.fingerprint(store.user_language) == memory.version()
    with pytest.raises(ValueError):
        store.user_language.set_reading("重庆", ["chong", "qing4"])


def test_sqlite_errors_inside_guarded_blocks_are_storage_problems(store):
    with pytest.raises(StorageProblem) as caught:
        with store.guarded():
            store.connection.execute("SELECT * FROM no_such_table")
    assert str(store.path) in str(caught.value)


def test_daily_backup_of_a_large_database_waits_for_close(isolated_dirs, monkeypatch):
    import reader.core.storage as storage

    Store.open().close()
    monkeypatch.setattr(storage, "SMALL_DATABASE_BYTES", 0)
    store = Store.open()
    assert backups.list_backups(isolated_dirs) == []
    store.close()
    assert [b.reason for b in backups.list_backups(isolated_dirs)] == ["daily"]


def test_a_hurried_close_leaves_the_large_daily_backup_for_the_next_start(isolated_dirs, monkeypatch):
    import reader.core.storage as storage

    Store.open().close()
    monkeypatch.setattr(storage, "SMALL_DATABASE_BYTES", 0)
    Store.open().close(hurried=True)  # logout: no seconds-long copy
    assert backups.list_backups(isolated_dirs) == []
    Store.open().close()
    assert [b.reason for b in backups.list_backups(isolated_dirs)] == ["daily"]


def test_database_locked_longer_than_the_busy_timeout(isolated_dirs):
    Store.open().close()
    holder = sqlite3.connect(database.database_path(isolated_dirs), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(busy_timeout_ms=200) as store:
            with pytest.raises(StorageProblem) as caught:
                store.vocab.add("质量")
            assert "locked" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open() as store:
        assert store.vocab.add("质量").word == "质量"


def test_re_adding_an_unchanged_article_only_marks_it_opened(store):
    first = store.library.add(made_up_article(1), "/a.txt")
    clock_past(store.library.add(made_up_article(2), "/b.txt").opened_at)
    again = store.library.add(made_up_article(1), "/a.txt")
    assert again.id == first.id and again.updated_at == first.updated_at and again.opened_at > first.opened_at
    assert store.library.last_opened().id == first.id
    assert first.id in [h.article_id for h in store.library.search(made_up_article(1).title.split()[1], 100)]


def test_sources_are_keyed_by_absolute_path_and_bundled_articles_by_name(store, tmp_path, monkeypatch):
    from reader.core import paths
    from reader.core.storage.library import source_key

    monkeypatch.chdir(tmp_path)
    entry = store.library.add(made_up_article(1), "relative.txt")
    assert entry.source_path == str(tmp_path / "relative.txt")
    assert store.library.find(tmp_path / "relative.txt").id == entry.id
    bundled = paths.articles_dir() / "seed.md"
    assert source_key(bundled) == "bundled:seed.md"
    seed = store.library.add(made_up_article(2), bundled)
    assert store.library.find("bundled:seed.md").id == seed.id
