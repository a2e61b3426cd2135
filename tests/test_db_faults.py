"""Database and cache faults: each gives a clear message, loses no note, and leaves the reader usable for reading.

Faults: a full disk (SQLite's page limit, and a real 1 MB tmpfs), a read-only data folder (a real read-only bind
mount), a database locked by another process for longer than the busy timeout (while reading and at start-up), a
corrupted page, a database from a newer Dubao, and a missing, corrupt or impossible annotation cache.

The tmpfs and the read-only mount are made in a private mount namespace (`unshare -m`), so nothing outside the test
sees them and they vanish with the process; where that is not allowed the test is skipped and says why. (Tests run
as root, so `chmod` cannot make a folder read-only for them.)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from reader.core.anchoring import make_anchor
from reader.core.errors import StorageProblem
from reader.core.importer import to_markdown
from reader.core.storage import Store, backups, migrations
from test_storage_support import made_up_article

NOTES = 5
LOCKED = "the database is locked by another program for too long (database is locked)"
TESTS = str(PROJECT_ROOT / "tests")


def make_library(folder: Path) -> dict[int, str]:
    """Create a library with one article and some notes in `folder`; return the notes by id."""
    article = made_up_article(7)
    with Store.open(folder, daily_backup=False) as store:
        entry = store.library.add(article, "/articles/seven.txt")
        paragraph = next(article.paragraphs())
        return {store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, n, n + 4), f"笔记 {n}").id:
                f"笔记 {n}" for n in range(NOTES)}


def stored_notes(folder: Path) -> dict[int, str]:
    """Read the notes straight from the database file, read-only (independent of Store)."""
    uri = f"{(folder / 'dubao.sqlite3').resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        return dict(conn.execute("SELECT id, note FROM annotations WHERE deleted_at IS NULL"))


def digest(path: Path) -> str:
    """Return the SHA-256 of a file (to prove it was left untouched)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the real command line on a data folder."""
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(folder), *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)


# --- full disk -------------------------------------------------------------------------------------------------------
def test_full_disk_refuses_the_write_and_keeps_every_note(tmp_path):
    notes = make_library(tmp_path)
    store = Store.open(tmp_path, daily_backup=False)
    entry = store.library.list()[0]
    article = store.library.article(entry.id)
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageProblem) as caught:
        store.library.add(made_up_article(8, paragraphs=200, length=400), "/articles/big.txt")
    assert caught.value.problem == "the disk is full; nothing was changed (database or disk is full)"
    paragraph = next(article.paragraphs())
    with pytest.raises(StorageProblem, match="the disk is full"):
        store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 0, 2), "长" * 200_000)
    assert {a.id: a.note for a in store.annotations.list()} == notes  # nothing lost, nothing half-written
    assert store.library.article(entry.id) == article and len(store.library.list()) == 1  # reading still works
    store.connection.execute("PRAGMA max_page_count = 1073741823")
    store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 0, 2), "空间够了")
    store.close()
    assert len(stored_notes(tmp_path)) == NOTES + 1


def namespace_allowed() -> str | None:
    """Return why private mounts cannot be made here, or None when they can."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True)
    return None if probe.returncode == 0 else f"private mounts are not allowed here ({probe.stderr.strip()})"


needs_mounts = pytest.mark.skipif(namespace_allowed() is not None, reason=str(namespace_allowed()))

FILL_TMPFS = """
import json, sys
sys.path.insert(0, {tests!r})
from reader.core.anchoring import make_anchor
from reader.core.errors import StorageProblem
from reader.core.storage import Store
from test_storage_support import made_up_article
folder = {folder!r}
article = made_up_article(9)
paragraph = next(article.paragraphs())
written, message = {{}}, None
with Store.open(folder) as store:
    entry = store.library.add(article, "/articles/nine.txt")
    try:
        while True:
            note = store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 0, 3), "满" * 3000)
            written[note.id] = note.note
    except StorageProblem as problem:
        message = problem.problem
with Store.open(folder) as store:  # opening again on the full disk (the daily backup cannot be written)
    kept = {{a.id: a.note for a in store.annotations.list()}}
print(json.dumps({{"written": len(written), "kept_all": kept == written, "message": message}}))
"""


@needs_mounts
def test_a_really_full_disk_says_so_and_loses_nothing(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    script = FILL_TMPFS.format(tests=TESTS, folder=str(folder))
    article = tmp_path / "article.txt"
    article.write_text("推进高质量发展\n\n" + "高质量发展是首要任务。\n" * 20000, encoding="utf-8")
    shell = (f"mount -t tmpfs -o size=1m tmpfs {folder} && {sys.executable} -c \"$FILL\" && "
             f"{sys.executable} -m reader --data-dir {folder} library add {article}; echo \"status=$?\"; "
             f"{sys.executable} -m reader --data-dir {folder} notes list | wc -l")
    result = subprocess.run(["unshare", "-m", "sh", "-c", shell], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=300, env={**_environ(), "FILL": script})
    lines = result.stdout.strip().splitlines()
    report = json.loads(lines[0])
    assert report["written"] > 10 and report["kept_all"] is True
    assert report["message"] == "the disk is full; nothing was changed (database or disk is full)"
    assert lines[1] == "status=2"
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"dubao: {folder}/dubao.sqlite3: the disk is full")
    assert int(lines[2]) == report["written"]  # every note is still listed after the failed import


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


# --- read-only data folder -------------------------------------------------------------------------------------------
READ_ONLY_WINDOW = """
import json, sys
sys.path.insert(0, {tests!r})
from reader.ui import services
from test_ui_helpers import hand_made_reading
services.start_reading = hand_made_reading()
from reader.ui.app import build_window, create_application, open_initial_article
from reader.ui.launch import build_parser
app = create_application()
window = build_window()
open_initial_article(window, build_parser().parse_args([{article!r}]))
print(json.dumps({{"banner": window.banner.text(), "title": window.view.document.article.title,
                  "store": window.controller.store is not None}}, ensure_ascii=False))
"""


@needs_mounts
def test_a_read_only_data_folder_says_so_and_the_window_still_reads(tmp_path):
    folder = tmp_path / "data"
    notes = make_library(folder)
    before = digest(folder / "dubao.sqlite3")
    article = tmp_path / "article.md"
    article.write_text(to_markdown(made_up_article(3)), encoding="utf-8")
    script = READ_ONLY_WINDOW.format(tests=TESTS, article=str(article))
    shell = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
             f"{sys.executable} -m reader --data-dir {folder} library list; echo \"status=$?\"; "
             f"DUBAO_DATA_DIR={folder} {sys.executable} -c \"$WINDOW\"")
    result = subprocess.run(["unshare", "-m", "sh", "-c", shell], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=120, env={**_environ(), "WINDOW": script, "QT_QPA_PLATFORM": "offscreen"})
    lines = result.stdout.strip().splitlines()
    problem = (f"{folder}: the data folder is read-only, so nothing can be remembered; make it writable or choose "
               "another with --data-dir (your data in it was left untouched)")
    assert lines[0] == "status=2"
    assert result.stderr.splitlines()[0] == f"dubao: {problem}"
    window = json.loads(lines[1])
    assert window == {"banner": f"The library could not be opened, so nothing will be remembered: {problem}",
                      "title": made_up_article(3).title, "store": False}
    assert digest(folder / "dubao.sqlite3") == before and stored_notes(folder) == notes


# --- locked by another process ---------------------------------------------------------------------------------------
def hold_lock(path: Path, statements: str) -> subprocess.Popen:
    """Start a process that runs `statements` on the database and keeps its lock until its stdin closes."""
    code = (f"import sqlite3, sys\nc = sqlite3.connect({str(path)!r}, isolation_level=None)\n{statements}\n"
            "print('locked', flush=True)\nsys.stdin.read()\n")
    locker = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert locker.stdout.readline().strip() == "locked"
    return locker


def release(locker: subprocess.Popen) -> None:
    """Let the locking process finish."""
    locker.stdin.close()
    locker.wait(timeout=30)
    locker.stdout.close()


def test_a_write_lock_held_past_the_busy_timeout_refuses_the_write_and_keeps_reading(tmp_path):
    notes = make_library(tmp_path)
    store = Store.open(tmp_path, daily_backup=False)
    store.connection.execute("PRAGMA busy_timeout = 300")  # the real one is 10 s; the behaviour is the same
    entry = store.library.list()[0]
    article = store.library.article(entry.id)
    anchor = make_anchor(article, next(article.paragraphs()).id, 0, 2)
    locker = hold_lock(tmp_path / "dubao.sqlite3", "c.execute('BEGIN IMMEDIATE')")
    try:
        started = time.monotonic()
        with pytest.raises(StorageProblem) as caught:
            store.annotations.add_note(entry.id, anchor, "等锁的笔记")
        assert time.monotonic() - started >= 0.3  # it waited for the timeout first
        assert caught.value.problem == LOCKED
        assert {a.id: a.note for a in store.annotations.list()} == notes  # reading goes on meanwhile
        assert store.library.article(entry.id) == article
    finally:
        release(locker)
    store.annotations.add_note(entry.id, anchor, "锁放开了")
    store.close()
    assert len(stored_notes(tmp_path)) == NOTES + 1


def test_an_exclusive_lock_at_start_up_is_refused_clearly(tmp_path, monkeypatch):
    from reader.core.storage import database

    notes = make_library(tmp_path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    locker = hold_lock(tmp_path / "dubao.sqlite3", "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
                       "c.execute('BEGIN EXCLUSIVE')\nc.execute('UPDATE annotations SET note = note')")
    try:
        with pytest.raises(StorageProblem) as caught:
            Store.open(tmp_path, daily_backup=False)
        assert caught.value.problem == "the database is locked by another program (database is locked)"
    finally:
        release(locker)
    assert stored_notes(tmp_path) == notes


# --- a corrupted page, a newer version --------------------------------------------------------------------------------
def corrupt_a_page(path: Path) -> None:
    """Overwrite the b-tree header of the database's second page with garbage."""
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with open(path, "r+b") as handle:
        handle.seek(page_size)
        handle.write(b"\xa5" * 64)


def test_a_corrupted_page_is_refused_untouched_and_the_backup_restores_every_note(tmp_path):
    notes = make_library(tmp_path)
    with Store.open(tmp_path, daily_backup=False) as store:
        backup = backups.automatic_backup(store.connection, tmp_path, "daily").path
    database = tmp_path / "dubao.sqlite3"
    corrupt_a_page(database)
    damaged = digest(database)
    with pytest.raises(StorageProblem) as caught:
        Store.open(tmp_path)
    assert caught.value.problem.startswith("the database is damaged (")
    assert caught.value.problem.endswith(f"; it was left untouched. The newest good backup is {backup} "
                                         "(restore it with `python -m reader restore`)")
    assert digest(database) == damaged
    listed = cli(tmp_path, "notes", "list")
    assert listed.returncode == 2 and listed.stderr == f"dubao: {database}: {caught.value.problem}\n"
    restored = cli(tmp_path, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert stored_notes(tmp_path) == notes
    assert digest(tmp_path / "dubao.sqlite3.damaged") == damaged  # the damaged file is kept, never deleted


def test_a_database_from_a_newer_dubao_is_left_untouched(tmp_path):
    notes = make_library(tmp_path)
    database = tmp_path / "dubao.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = digest(database)
    problem = (f"this database was written by a newer version of Dubao (schema 99, this one knows up to "
               f"{migrations.LATEST_VERSION}); it was left untouched - please update Dubao")
    with pytest.raises(StorageProblem) as caught:
        Store.open(tmp_path)
    assert caught.value.problem == problem
    result = cli(tmp_path, "library", "list")
    assert result.returncode == 2 and result.stderr == f"dubao: {database}: {problem}\n"
    assert digest(database) == before and stored_notes(tmp_path) == notes


@pytest.mark.parametrize("fault", ["corrupt-page", "newer-version"])
def test_the_window_reads_on_with_an_unusable_library(qtbot, tmp_path, monkeypatch, fault):
    from reader.ui import services
    from reader.ui.app import build_window, open_initial_article
    from reader.ui.launch import build_parser
    from test_ui_helpers import hand_made_reading

    monkeypatch.setattr(services, "start_reading", hand_made_reading())
    folder = tmp_path / "data"
    notes = make_library(folder)
    if fault == "corrupt-page":
        corrupt_a_page(folder / "dubao.sqlite3")
    else:
        with sqlite3.connect(folder / "dubao.sqlite3") as conn:
            conn.execute("PRAGMA user_version = 99")
    before = digest(folder / "dubao.sqlite3")
    monkeypatch.setenv("DUBAO_DATA_DIR", str(folder))
    article = tmp_path / "article.md"
    article.write_text(to_markdown(made_up_article(4)), encoding="utf-8")
    window = build_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=10000):
        open_initial_article(window, build_parser().parse_args([str(article)]))
    assert window.controller.store is None
    assert window.banner.text().startswith("The library could not be opened, so nothing will be remembered: ")
    assert str(folder / "dubao.sqlite3") in window.banner.text()
    assert window.view.document.article.title == made_up_article(4).title
    window.close()
    assert digest(folder / "dubao.sqlite3") == before
    if fault == "newer-version":
        assert stored_notes(folder) == notes


# --- the annotation cache ----------------------------------------------------------------------------------------------
@pytest.fixture
def own_cache(tmp_path) -> Path:
    """A cache folder of this test's own, sharing the session's dictionary index and jieba cache (built once)."""
    from reader.core import paths
    from reader.core.lang.service import LanguageService

    shared = paths.cache_dir()
    LanguageService(cache_dir=shared).dictionary.contains("质量")  # make sure the shared index exists
    LanguageService(cache_dir=shared).pinyin("质量")
    own = tmp_path / "cache"
    own.mkdir()
    for name in ("cedict.sqlite3", "jieba-prefix-dict.marshal"):
        if (shared / name).exists():
            (own / name).symlink_to(shared / name)
    return own


def annotation_readings(cache: Path) -> list:
    """Annotate a made-up article with a fresh service over `cache`; return every paragraph's readings."""
    from reader.core.lang.annotator import Annotator
    from reader.core.lang.service import LanguageService

    annotator = Annotator(LanguageService(cache_dir=cache))
    annotated = annotator.annotate(made_up_article(5))
    annotator.close()
    return [annotated.paragraphs[p.id].readings() for p in made_up_article(5).paragraphs()]


@pytest.mark.parametrize("fault", ["missing", "garbage", "empty", "wrong-table"])
def test_a_missing_or_corrupt_annotation_cache_is_rebuilt(own_cache, fault):
    expected = annotation_readings(own_cache)
    cache = own_cache / "annotations.sqlite3"
    if fault == "missing":
        cache.unlink()
    elif fault == "garbage":
        cache.write_bytes(b"\x00garbage, not SQLite" * 500)
    elif fault == "empty":
        cache.write_bytes(b"")
    else:
        cache.unlink()
        with sqlite3.connect(cache) as conn:
            conn.execute("CREATE TABLE paragraphs (something_else INTEGER)")
    assert annotation_readings(own_cache) == expected
    assert all(len(r) == len(p.text) for r, p in zip(expected, made_up_article(5).paragraphs()))


def test_a_cache_folder_that_cannot_exist_is_one_clear_line(tmp_path):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reader", "pinyin", "质量"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=120, env={**_environ(), "DUBAO_CACHE_DIR": str(blocker)})
    assert result.returncode == 2
    assert result.stderr == f"dubao: {blocker}: the cache folder cannot be created (File exists)\n"


def test_a_note_the_library_cannot_store_is_kept_on_the_clipboard(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QInputDialog

    from reader.ui import services
    from reader.ui.app import build_window, open_initial_article
    from reader.ui.launch import build_parser
    from test_ui_helpers import hand_made_reading

    monkeypatch.setattr(services, "start_reading", hand_made_reading())
    article = tmp_path / "article.md"
    article.write_text(to_markdown(made_up_article(6)), encoding="utf-8")
    window = build_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=10000):
        open_initial_article(window, build_parser().parse_args([str(article)]))
    store = window.controller.store
    before = [a.id for a in store.annotations.list()]
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    note = "写了很久的笔记" + "。" * 20_000  # too big for what is left of the "disk"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: (note, True))
    block = next(i for i, b in enumerate(window.view.document.blocks) if b.is_paragraph)
    window.note_on_word(window.view.word_at(block, 0))
    assert QGuiApplication.clipboard().text() == note
    assert "the disk is full" in window.banner.text()
    assert window.banner.text().endswith("Your note was copied to the clipboard.")
    assert [a.id for a in store.annotations.list()] == before
