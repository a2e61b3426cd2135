"""The diagnostic bundle and the log: what a problem report holds, and what it never holds unless the user asks."""

from __future__ import annotations

import logging
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader import __version__
from reader.core import logs
from reader.core.anchoring import make_anchor
from reader.core.diagnostics import BundleOptions, bundle_parts, write_bundle
from reader.core.errors import ExportProblem
from reader.core.importer import to_markdown
from reader.core.storage import Store
from test_storage_support import made_up_article

SECRET_NOTE = "只有我知道的笔记内容"


@pytest.fixture
def data(isolated_dirs) -> Path:
    """The test's data folder with an article, a note, a setting and some log lines."""
    article = made_up_article(21)
    with Store.open(isolated_dirs, daily_backup=False) as store:
        entry = store.library.add(article, "/articles/21.txt")
        paragraph = next(article.paragraphs())
        store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 0, 5), SECRET_NOTE)
    (isolated_dirs / "settings.ini").write_text(
        "[view]\ntheme=sepia\n[window]\ngeometry=@ByteArray(\\x1\\xd9\\xd0\\xcb)\n", encoding="utf-8")
    assert logs.start_logging(isolated_dirs) == isolated_dirs / "logs" / "dubao.log"
    log = logging.getLogger("reader.test")
    for number in range(300):
        log.warning("line %d of the log", number)
    yield isolated_dirs
    logs.stop_logging(isolated_dirs)


def article_markdown() -> str:
    return to_markdown(made_up_article(21))


def test_the_bundle_holds_versions_settings_database_summary_and_the_last_log_lines(data):
    parts = bundle_parts(data_folder=data)
    assert set(parts) == {"report.txt", "log.txt"}
    report = parts["report.txt"]
    assert f"Dubao {__version__}" in report and f"SQLite {sqlite3.sqlite_version}" in report
    assert "jieba " in report and "PySide6-Essentials " in report
    assert "theme=sepia" in report and "@ByteArray" not in report
    assert "annotations: 1" in report and "articles: 1" in report and "quick check: ok" in report
    log = parts["log.txt"].splitlines()
    assert len(log) == 200 and log[-1].endswith("line 299 of the log") and log[0].endswith("line 100 of the log")


def test_no_article_text_or_notes_unless_the_user_asks(data):
    article = article_markdown()
    first_paragraph = next(made_up_article(21).paragraphs()).text
    plain = bundle_parts(BundleOptions(), article=article, data_folder=data)
    assert all(SECRET_NOTE not in text and first_paragraph not in text for text in plain.values())
    asked = bundle_parts(BundleOptions(include_article=True, include_notes=True), article=article, data_folder=data)
    assert asked["article.md"] == article and SECRET_NOTE in asked["notes.md"]
    assert SECRET_NOTE not in asked["report.txt"] + asked["log.txt"]


def test_the_home_folder_is_written_as_a_tilde(data, monkeypatch):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: data.parent))
    report = bundle_parts(data_folder=data)["report.txt"]
    assert f"data: ~/{data.name}" in report and str(data.parent) not in report


def test_a_zip_bundle_and_a_text_bundle_are_written_and_never_overwritten(data, tmp_path):
    archive = write_bundle(tmp_path / "report.zip", BundleOptions(include_notes=True), data_folder=data)
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == ["log.txt", "notes.md", "report.txt"]
        assert SECRET_NOTE in opened.read("notes.md").decode("utf-8")
    text = write_bundle(tmp_path / "report.txt", data_folder=data)
    content = text.read_text(encoding="utf-8")
    assert content.startswith("===== report.txt =====\nDubao problem report") and "===== log.txt =====" in content
    with pytest.raises(ExportProblem) as caught:
        write_bundle(text, data_folder=data)
    assert caught.value.path == text and text.read_text(encoding="utf-8") == content
    write_bundle(text, BundleOptions(include_article=True), article="# 新文章", data_folder=data, force=True)
    assert "===== article.md =====\n# 新文章" in text.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt", "report.zip"]


def test_a_broken_database_is_described_not_fatal(data, tmp_path):
    database = data / "dubao.sqlite3"
    database.write_bytes(b"this is not a database at all" * 100)
    parts = bundle_parts(BundleOptions(include_notes=True), data_folder=data)
    assert "cannot be read: file is not a database" in parts["report.txt"]
    assert parts["notes.md"].startswith("(the notes could not be read: ")
    assert write_bundle(tmp_path / "r.zip", data_folder=data).stat().st_size > 0


def test_the_log_rotates_and_never_grows_past_its_limit(isolated_dirs):
    path = logs.start_logging(isolated_dirs)
    try:
        assert logs.start_logging(isolated_dirs) == path  # a second start adds no second handler
        assert len([h for h in logging.getLogger("reader").handlers if isinstance(h, logs.RotatingLog)]) == 1
        log = logging.getLogger("reader.rotation")
        for number in range(20_000):
            log.info("a long enough line to fill the log quickly %06d %s", number, "x" * 40)
        files = sorted(path.parent.iterdir())
        assert [f.name for f in files] == ["dubao.log", "dubao.log.1", "dubao.log.2", "dubao.log.3"]
        assert all(f.stat().st_size <= logs.MAX_BYTES for f in files)
        assert logs.last_lines(1, isolated_dirs)[0].endswith(f"019999 {'x' * 40}")
    finally:
        logs.stop_logging(isolated_dirs)


def test_logging_into_an_unusable_folder_is_skipped_quietly(tmp_path):
    blocker = tmp_path / "data-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert logs.start_logging(blocker) is None
    assert logs.last_lines(10, tmp_path / "nowhere") == []
