"""Opening the database: migrations from empty and from every earlier version, refusal of newer and damaged files."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.errors import StorageProblem
from reader.core.storage import Store, backups, database, migrations, search
from reader.core.storage.packing import pack_text

from test_storage_support import article_with_texts


def _database_at(folder, version: int) -> None:
    """Build a database at an earlier schema version, with an article, a note and a word in it."""
    path = database.database_path(folder)
    conn = database.connect(path)
    migrations.migrate(conn, target=version)
    now = 1.0
    conn.execute(
        "INSERT INTO articles (id, source_path, title, char_count, added_at, opened_at, updated_at) "
        "VALUES (1, '/a.txt', '旧文章', 4, ?, ?, ?)",
        (now, now, now),
    )
    article = article_with_texts("旧文章", ["质量第一"])
    import json

    body = json.dumps(article.to_dict(), ensure_ascii=False)
    if version >= 4:  # texts are stored compressed from version 4 on
        conn.execute("INSERT INTO article_texts VALUES (1, ?, ?)", (pack_text("# 旧文章"), pack_text(body)))
    else:
        conn.execute("INSERT INTO article_bodies VALUES (1, '# 旧文章', ?)", (body,))
    if version >= 2:  # from version 2 on, the app indexes every article it stores
        search.index_document(conn, 1, search.document_text("旧文章", ["质量第一"]))
    paragraph = next(article.paragraphs())
    conn.execute(
        "INSERT INTO annotations (article_id, kind, paragraph_id, start, end, exact, created_at, updated_at, note) "
        "VALUES (1, 'note', ?, 0, 2, '质量', ?, ?, '旧笔记')",
        (paragraph.id, now, now),
    )
    conn.execute("INSERT INTO vocab (word, created_at, updated_at) VALUES ('质量', ?, ?)", (now, now))
    conn.close()


def test_empty_folder_gets_the_latest_schema(isolated_dirs):
    with Store.open() as store:
        assert store.schema_version == migrations.LATEST_VERSION
        recorded = [r[0] for r in store.connection.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert recorded == list(range(1, migrations.LATEST_VERSION + 1))
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert backups.list_backups(isolated_dirs) == []  # nothing to back up in a new database


@pytest.mark.parametrize("version", range(1, migrations.LATEST_VERSION))
def test_each_earlier_version_migrates_keeping_data(isolated_dirs, version):
    _database_at(isolated_dirs, version)
    with Store.open() as store:
        assert store.schema_version == migrations.LATEST_VERSION
        assert [e.title for e in store.library.list()] == ["旧文章"]
        assert [a.note for a in store.annotations.list()] == ["旧笔记"]
        assert store.vocab.get("质量").status == "new"
        assert [h.article_id for h in store.library.search("质")] == [1]  # the index was built for old articles
    made = backups.list_backups(isolated_dirs)
    assert {b.reason for b in made} >= {f"before-v{v}" for v in range(version + 1, migrations.LATEST_VERSION + 1)}
    for backup in made:
        with sqlite3.connect(backup.path) as conn:
            assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1


def test_known_vocabulary_rows_become_known_words_and_blank_ones_leave_the_vocabulary(isolated_dirs):
    _database_at(isolated_dirs, 6)  # the version before known words had a table of their own
    with sqlite3.connect(database.database_path(isolated_dirs)) as conn:
        conn.execute("UPDATE vocab SET status = 'known', reading = 'zhi4 liang4', meaning = 'quality'")
        conn.executemany("INSERT INTO vocab (word, status, created_at, updated_at) VALUES (?, 'known', 1, 1)",
                         [("我们",), ("发展",)])  # what "Mark All Known" used to add
        conn.execute("INSERT INTO vocab (word, status, created_at, updated_at) VALUES ('标准', 'learning', 1, 1)")
    with Store.open() as store:
        assert store.known.words() == {"质量", "我们", "发展"}
        assert [(e.word, e.status) for e in store.vocab.list()] == [("质量", "known"), ("标准", "learning")]
        store.known.remove(["质量"])
        assert store.vocab.get("质量").status == "learning"  # a filled-in word stays saved when unmarked


def test_a_failing_step_leaves_the_database_at_its_version(isolated_dirs, monkeypatch):
    _database_at(isolated_dirs, 1)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken, *migrations.STEPS[2:]))
    with pytest.raises(RuntimeError):
        Store.open()
    conn = sqlite3.connect(database.database_path(isolated_dirs))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_newer_database_is_refused_and_left_byte_for_byte(isolated_dirs):
    with Store.open() as store:
        store.vocab.add("质量")
        store.connection.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    path = database.database_path(isolated_dirs)
    before = path.read_bytes()
    with pytest.raises(StorageProblem) as caught:
        Store.open()
    assert "newer version" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == before


def test_damaged_database_is_never_overwritten_and_the_good_backup_is_named(isolated_dirs):
    with Store.open() as store:
        store.vocab.add("质量")
        good = backups.automatic_backup(store.connection, isolated_dirs, "daily")
    path = database.database_path(isolated_dirs)
    data = bytearray(path.read_bytes())
    data[:16] = b"not a database!!"
    path.write_bytes(bytes(data))
    with pytest.raises(StorageProblem) as caught:
        Store.open()
    assert str(good.path) in str(caught.value)
    assert path.read_bytes() == bytes(data)


def test_corrupt_page_is_detected_at_open(isolated_dirs):
    with Store.open() as store:
        for number in range(300):
            store.vocab.add(f"词{number}", meaning="x" * 200)
    path = database.database_path(isolated_dirs)
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 3 * page] = b"\xff" * page  # an interior page of some table
    path.write_bytes(bytes(data))
    with pytest.raises(StorageProblem) as caught:
        Store.open(check="full")
    assert "damaged" in str(caught.value) or "cannot" in str(caught.value)
    assert path.read_bytes() == bytes(data)


def test_large_database_is_checked_once_a_day(isolated_dirs, monkeypatch):
    import reader.core.storage as storage

    Store.open().close()
    checks = []
    real = database.inspect_existing
    monkeypatch.setattr(database, "inspect_existing", lambda path, newest, check: checks.append(check) or real(path, newest, check))
    monkeypatch.setattr(storage, "SMALL_DATABASE_BYTES", 0)
    Store.open().close()
    Store.open().close()
    assert checks == ["quick", "none"]
    stamp = database.database_path(isolated_dirs).with_name("dubao.sqlite3.checked")
    old = stamp.stat().st_mtime - storage.CHECK_INTERVAL_SECONDS - 1
    import os

    os.utime(stamp, (old, old))
    Store.open().close()
    assert checks == ["quick", "none", "quick"]
    monkeypatch.setattr(storage, "SMALL_DATABASE_BYTES", 10**12)
    Store.open().close()
    assert checks[-1] == "quick"  # a small database is checked every time
