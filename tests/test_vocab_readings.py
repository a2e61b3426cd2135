"""Vocabulary readings have one stored form, numbered syllables, whoever saves them; they are shown as chosen."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from reader.core.lang.style import PinyinStyle, numbered_reading, render_reading
from reader.core.storage import Store, database, migrations

from conftest import PROJECT_ROOT


def test_readings_in_either_form_become_numbered_syllables():
    assert numbered_reading("zhì liàng") == "zhi4 liang4"
    assert numbered_reading("zhi4 liang4") == "zhi4 liang4"
    assert numbered_reading("Xī hǎi àn") == "xi1 hai3 an4"
    assert numbered_reading("lǜ sè") == numbered_reading("lü4 se4") == numbered_reading("lu:4 se4") == "lv4 se4"
    assert numbered_reading("de") == "de5" and numbered_reading("") == ""
    assert render_reading("lv4 se4") == "lǜ sè"
    assert render_reading("zhi4 liang4", PinyinStyle.NUMBERS) == "zhi4 liang4"


def test_the_store_keeps_numbered_readings_whatever_it_is_given(tmp_path):
    with Store.open(tmp_path) as store:
        assert store.vocab.add("质量", "zhì liàng").reading == "zhi4 liang4"
        assert store.vocab.add("首要", "shou3 yao4").reading == "shou3 yao4"
        assert store.vocab.add("发展", "").reading == ""
        assert store.vocab.add("发展", "fā zhǎn").reading == "fa1 zhan3"  # an empty reading is filled in


def test_tone_marked_rows_of_an_older_database_are_migrated(tmp_path):
    conn = database.connect(database.database_path(tmp_path))
    migrations.migrate(conn, target=5)
    rows = [("质量", "zhì liàng"), ("首要", "shou3 yao4"), ("绿色", "lǜ sè"), ("发展", "")]
    conn.executemany("INSERT INTO vocab (word, reading, created_at, updated_at) VALUES (?, ?, 1, 1)", rows)
    conn.close()
    with Store.open(tmp_path) as store:
        assert store.schema_version >= 6
        assert {e.word: e.reading for e in store.vocab.list()} == {
            "质量": "zhi4 liang4", "首要": "shou3 yao4", "绿色": "lv4 se4", "发展": ""}


def _cli(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


def test_the_command_line_stores_numbers_and_shows_what_the_user_chose(tmp_path):
    added = _cli("vocab", "add", "质量", data_dir=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout.split("\t")[:2] == ["质量", "zhì liàng"]
    assert _cli("vocab", "list", data_dir=tmp_path).stdout.split("\t")[1] == "zhì liàng"
    assert _cli("vocab", "list", "--pinyin", "numbers", data_dir=tmp_path).stdout.split("\t")[1] == "zhi4 liang4"
    with sqlite3.connect(database.database_path(tmp_path)) as conn:
        assert conn.execute("SELECT reading FROM vocab WHERE word = '质量'").fetchone()[0] == "zhi4 liang4"
