"""The prepared language tables (issue 18): built at set-up into the installation's prepared folder, found there by
a process whose cache folder is empty, each checked against the version of the library and data it came from; a
stale or damaged one is passed over and built again into the cache folder, never a traceback; the engine fingerprint
does not depend on them; pypinyin given its tables from one reads exactly as plain pypinyin."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from reader.core import paths
from reader.core.lang import fingerprint
from reader.core.lang.tables import MAGIC, TableFolders, read_table

SEED_ARTICLE = PROJECT_ROOT / "articles" / "xihaian-2025-quality-page.md"
TABLES = ("cedict.sqlite3", "hsk-levels-default.marshal", "jieba-prefix-dict.marshal", "pypinyin-tables.marshal")
POLYPHONES = "重整行装再出发，银行行长还了还款。长大了得到快乐的音乐，为人民服务，和面和诗，朝阳朝代。"


def run(args: list[str], prepared: Path, cache: Path, data: Path, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, DUBAO_PREPARED_DIR=str(prepared), DUBAO_CACHE_DIR=str(cache), DUBAO_DATA_DIR=str(data))
    return subprocess.run([sys.executable, *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=600, **kwargs)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """A prepared folder built by `python -m reader prepare --tables-only`, as `make`'s set-up builds it."""
    folder = tmp_path_factory.mktemp("install") / "prepared"
    scratch = tmp_path_factory.mktemp("scratch")
    result = run(["-m", "reader", "prepare", "--tables-only", "--json"], folder, scratch / "cache", scratch / "data")
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["tables_dir"] == str(folder)
    assert report["tables"] == dict.fromkeys(TABLES, "built")
    assert sorted(p.name for p in folder.iterdir()) == sorted(TABLES)
    return folder


def copy_of(prepared: Path, tmp_path: Path) -> Path:
    target = tmp_path / "prepared"
    shutil.copytree(prepared, target)
    return target


def test_a_process_with_an_empty_cache_folder_reads_from_the_prepared_tables_and_builds_nothing(prepared, tmp_path):
    cache = tmp_path / "cache"
    result = run(["-m", "reader", "annotate", str(SEED_ARTICLE), "--json"], prepared, cache, tmp_path / "data")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stderr == ""
    assert sorted(p.name for p in cache.iterdir()) == ["annotations.sqlite3"]  # only the article's annotation
    tokens = [t for p in json.loads(result.stdout)["paragraphs"] for t in p["tokens"]]
    assert {"text": "高质量", "readings": ["gao1", "zhi4", "liang4"]}.items() <= next(
        t for t in tokens if t["text"] == "高质量").items()
    again = run(["-m", "reader", "prepare", "--tables-only", "--json"], prepared, cache, tmp_path / "data")
    assert json.loads(again.stdout)["tables"] == dict.fromkeys(TABLES, "current")


def test_the_same_readings_with_and_without_prepared_tables(prepared, tmp_path):
    args = ["-m", "reader", "pinyin", POLYPHONES]
    with_tables = run(args, prepared, tmp_path / "cache1", tmp_path / "data1")
    without = run(args, tmp_path / "no-prepared-folder", tmp_path / "cache2", tmp_path / "data2")
    assert with_tables.returncode == without.returncode == 0, without.stderr[-2000:]
    assert with_tables.stdout == without.stdout and "zhǎng" in with_tables.stdout
    built = sorted(p.name for p in (tmp_path / "cache2").iterdir())
    assert built == ["cedict.sqlite3", "jieba-prefix-dict.marshal", "pypinyin-tables.marshal"]  # no HSK to read


def rewrite_key(table: Path, key: str) -> None:
    with open(table, "rb") as handle:
        handle.readline()
        handle.readline()
        payload = handle.read()
    table.write_bytes(MAGIC + key.encode() + b"\n" + payload)


def test_a_table_of_another_library_version_is_passed_over_and_built_again_in_the_cache(prepared, tmp_path):
    folder = copy_of(prepared, tmp_path)
    for name in ("jieba-prefix-dict.marshal", "pypinyin-tables.marshal", "hsk-levels-default.marshal"):
        rewrite_key(folder / name, "made from an older version")
    cache = tmp_path / "cache"
    for command in (["pinyin", POLYPHONES], ["lookup", "还款"]):  # jieba and pypinyin; HSK
        result = run(["-m", "reader", *command], folder, cache, tmp_path / "data")
        assert result.returncode == 0, result.stderr[-2000:]
        reference = run(["-m", "reader", *command], prepared, tmp_path / "cache2", tmp_path / "data2")
        assert result.stdout == reference.stdout and "huán" in result.stdout
    for name in ("jieba-prefix-dict.marshal", "pypinyin-tables.marshal", "hsk-levels-default.marshal"):
        assert (cache / name).read_bytes() == (prepared / name).read_bytes(), name  # the same table, rebuilt
        assert read_table(folder / name, "made from an older version") is not None  # the stale one left alone


def test_damaged_tables_are_rebuilt_with_no_traceback(prepared, tmp_path):
    folder = copy_of(prepared, tmp_path)
    jieba_table = folder / "jieba-prefix-dict.marshal"
    jieba_table.write_bytes(jieba_table.read_bytes()[: 4096])  # cut off after its key
    pinyin_table = folder / "pypinyin-tables.marshal"
    pinyin_table.write_bytes(pinyin_table.read_bytes()[:200] + b"\xff" * 300)
    (folder / "hsk-levels-default.marshal").write_bytes(b"not a table at all")
    index = folder / "cedict.sqlite3"
    index.write_bytes(index.read_bytes()[: index.stat().st_size // 2])
    cache = tmp_path / "cache"
    result = run(["-m", "reader", "pinyin", POLYPHONES], folder, cache, tmp_path / "data")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    reference = run(["-m", "reader", "pinyin", POLYPHONES], prepared, tmp_path / "cache2", tmp_path / "data2")
    assert result.stdout == reference.stdout
    assert sorted(p.name for p in cache.iterdir() if p.name in TABLES) == [  # every one read is rebuilt
        "cedict.sqlite3", "jieba-prefix-dict.marshal", "pypinyin-tables.marshal"]
    assert "jieba-prefix-dict.marshal is passed over (damaged)" in result.stderr  # named in the log


def test_a_damaged_table_in_the_cache_folder_is_replaced(tmp_path):
    folders = TableFolders(tmp_path, use_prepared=False)
    folders.write("numbers.marshal", "key 1", {"一": 1})
    (tmp_path / "numbers.marshal").write_bytes(MAGIC + b"key 1\n" + b"\x00garbage")
    assert folders.read("numbers.marshal", "key 1") is None
    folders.write("numbers.marshal", "key 1", {"一": 1})
    assert folders.read("numbers.marshal", "key 1") == {"一": 1}
    assert folders.read("numbers.marshal", "key 2") is None


def test_the_prepared_folder_is_read_before_the_cache_folder_and_tables_are_built_into_the_cache(tmp_path):
    prepared_folder, cache = tmp_path / "prepared", tmp_path / "cache"
    TableFolders(prepared_folder, use_prepared=False).write("t.marshal", "k", "from the prepared folder")
    TableFolders(cache, use_prepared=False).write("t.marshal", "k", "from the cache")
    folders = TableFolders(cache, prepared=prepared_folder)
    assert folders.read("t.marshal", "k") == "from the prepared folder"
    assert folders.target("t.marshal") == cache / "t.marshal"


def test_the_engine_fingerprint_does_not_depend_on_the_prepared_tables(prepared, tmp_path):
    probe = "from reader.core.lang.fingerprint import engine_version; print(engine_version())"
    empty = tmp_path / "empty-prepared"
    empty.mkdir()
    with_tables = run(["-c", probe], prepared, tmp_path / "cache", tmp_path / "data")
    without = run(["-c", probe], empty, tmp_path / "cache", tmp_path / "data")
    assert with_tables.returncode == 0, with_tables.stderr
    assert with_tables.stdout == without.stdout
    checkout_folder = paths.prepared_target()
    if checkout_folder is not None and "DUBAO_PREPARED_DIR" not in os.environ:  # the checkout's own prepared/
        code = Path(fingerprint.__file__).parent
        for hashed in (paths.resources_dir(), code):
            assert not checkout_folder.resolve().is_relative_to(hashed.resolve())


PYPINYIN_PROBE = """
import json, sys
from pathlib import Path
from reader.core.lang.pinyin_data import import_pypinyin
from reader.core.lang.tables import TableFolders
pypinyin = import_pypinyin(TableFolders(Path(sys.argv[1]), prepared=Path(sys.argv[2])))
import pypinyin.phrases_dict as data
text = sys.argv[3]
print(json.dumps({
    "injected": not hasattr(data, "_load_phrases_dict"),
    "phrases": len(pypinyin.constants.PHRASES_DICT),
    "tone3": pypinyin.lazy_pinyin(text, style=pypinyin.Style.TONE3, neutral_tone_with_five=True),
    "heteronyms": pypinyin.pinyin(text, heteronym=True),
    "words": [pypinyin.pinyin(w) for w in ("银行", "行长", "还款", "快乐", "音乐", "和面", "朝阳", "重新")],
}, ensure_ascii=False))
"""

PLAIN_PROBE = """
import json, sys
import pypinyin
text = sys.argv[1]
print(json.dumps({
    "phrases": len(pypinyin.constants.PHRASES_DICT),
    "tone3": pypinyin.lazy_pinyin(text, style=pypinyin.Style.TONE3, neutral_tone_with_five=True),
    "heteronyms": pypinyin.pinyin(text, heteronym=True),
    "words": [pypinyin.pinyin(w) for w in ("银行", "行长", "还款", "快乐", "音乐", "和面", "朝阳", "重新")],
}, ensure_ascii=False))
"""

TABLE_EQUALITY_PROBE = """
import json, sys
from pathlib import Path
from reader.core.lang.pinyin_data import import_pypinyin
from reader.core.lang.tables import TableFolders
pypinyin = import_pypinyin(TableFolders(Path(sys.argv[1]), prepared=Path(sys.argv[2])))
folder = Path(pypinyin.__file__).parent
phrases = json.loads((folder / "phrases_dict.json").read_text(encoding="utf-8"))
singles = {int(k): v for k, v in json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8")).items()}
print(pypinyin.constants.PHRASES_DICT == phrases, pypinyin.constants.PINYIN_DICT == singles)
"""


def test_pypinyin_given_the_prepared_tables_reads_exactly_as_plain_pypinyin(prepared, tmp_path, seed_path):
    text = POLYPHONES + seed_path.read_text(encoding="utf-8")[:3000]
    ours = run(["-c", PYPINYIN_PROBE, str(tmp_path / "cache"), str(prepared), text], prepared, tmp_path, tmp_path)
    plain = run(["-c", PLAIN_PROBE, text], prepared, tmp_path, tmp_path)
    assert ours.returncode == plain.returncode == 0, ours.stderr + plain.stderr
    found, reference = json.loads(ours.stdout), json.loads(plain.stdout)
    assert found.pop("injected") is True
    assert found == reference
    assert not (tmp_path / "cache").exists()  # nothing built: the table was current
    same = run(["-c", TABLE_EQUALITY_PROBE, str(tmp_path / "cache"), str(prepared)], prepared, tmp_path, tmp_path)
    assert same.stdout.split() == ["True", "True"], same.stderr


def test_pypinyin_with_a_table_of_another_version_reads_its_own_files_and_the_table_is_rebuilt(prepared, tmp_path):
    folder = copy_of(prepared, tmp_path)
    rewrite_key(folder / "pypinyin-tables.marshal", "pypinyin-data:1:pypinyin-0.1.dist-info:old")
    cache = tmp_path / "cache"
    ours = run(["-c", PYPINYIN_PROBE, str(cache), str(folder), POLYPHONES], folder, tmp_path, tmp_path)
    plain = run(["-c", PLAIN_PROBE, POLYPHONES], folder, tmp_path, tmp_path)
    assert ours.returncode == 0, ours.stderr
    found = json.loads(ours.stdout)
    assert found.pop("injected") is False  # pypinyin read its JSON files itself
    assert found == json.loads(plain.stdout)
    assert (cache / "pypinyin-tables.marshal").read_bytes() == (prepared / "pypinyin-tables.marshal").read_bytes()


JIEBA_PROBE = """
import sys
from reader.core.lang.segmenter import import_jieba
jieba = import_jieba()
import jieba.finalseg
print("pkg_resources" in sys.modules, sys.modules.get("pkg_resources", "absent") is None,
      len(jieba.finalseg.emit_P), "/".join(jieba.lcut("推进供给侧结构性改革，李守晟说")))
"""


def test_jieba_is_imported_without_pkg_resources_and_reads_its_own_files(tmp_path):
    ours = run(["-c", JIEBA_PROBE], tmp_path, tmp_path, tmp_path)
    assert ours.returncode == 0, ours.stderr
    loaded, blocked, states, words = ours.stdout.split()
    assert (loaded, blocked, states) == ("False", "False", "4")  # not imported, and importable again afterwards
    plain = run(["-c", "import jieba; print('/'.join(jieba.lcut('推进供给侧结构性改革，李守晟说')))"],
                tmp_path, tmp_path, tmp_path)
    assert words == plain.stdout.strip()
