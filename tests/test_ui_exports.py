"""File › Export, Back Up, Restore, and a damaged library at start-up, in the reader window (pytest-qt, offscreen)."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.storage import Store, backups
from reader.ui import recovery
from reader.ui.view.selection import Selection

from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def save_dialog_answers(monkeypatch, path: Path, replace: bool | None = None) -> list[str]:
    """Make the save dialog choose `path` and the overwrite question answer `replace`; return the questions."""
    questions: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: questions.append(text) or (Yes if replace else No)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: questions.append(text)))
    return questions


def annotate_some(window) -> None:
    view = window.view
    block = next(i for i, b in enumerate(view.document.blocks) if b.text.startswith("建设“品质西海岸”"))
    view.selection = Selection((block, 0), (block, 9))
    window.highlight_selection("green")
    highlight = window.controller.store.annotations.list(window.controller.opened.entry_id)[0]
    window.controller.store.annotations.update(highlight.id, note="标准引领是重点")
    window.controller.store.vocab.add("质量", "zhi4 liang4", "quality", "高质量发展是首要任务。",
                                      window.controller.opened.entry_id)
    window.controller.store.vocab.add("标准", "biao1 zhun3", "standard")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_notes_export_as_markdown_has_section_quote_and_note_and_asks_before_replacing(qtbot, article_file, tmp_path,
                                                                                      monkeypatch):
    window = start(qtbot, str(article_file))
    annotate_some(window)
    target = tmp_path / "notes.md"
    save_dialog_answers(monkeypatch, target)
    window.actions_["export_notes_md"].trigger()
    text = target.read_text(encoding="utf-8")
    assert "# 推进高质量发展" in text and "## 强化标准引领" in text
    assert "> 建设“品质西海岸”\n" in text and "标准引领是重点" in text
    target.write_text("mine", encoding="utf-8")
    questions = save_dialog_answers(monkeypatch, target, replace=False)
    window.actions_["export_notes_md"].trigger()
    assert questions == ["notes.md exists already. Replace it?"] and target.read_text(encoding="utf-8") == "mine"
    save_dialog_answers(monkeypatch, target, replace=True)
    window.actions_["export_all_notes_md"].trigger()
    assert "标准引领是重点" in target.read_text(encoding="utf-8")
    csv_target = tmp_path / "notes.csv"
    save_dialog_answers(monkeypatch, csv_target)
    window.actions_["export_notes_csv"].trigger()
    lines = csv_target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("article,section,kind,quote,note") and "标准引领是重点" in lines[1]


def test_vocabulary_exports_as_an_anki_deck_and_csv(qtbot, article_file, tmp_path, monkeypatch):
    window = start(qtbot, str(article_file))
    annotate_some(window)
    deck = tmp_path / "words.apkg"
    save_dialog_answers(monkeypatch, deck)
    window.actions_["export_vocab_apkg"].trigger()
    with zipfile.ZipFile(deck) as package:
        collection = next(n for n in package.namelist() if n.startswith("collection.anki2"))
        (tmp_path / "collection").write_bytes(package.read(collection))
    with sqlite3.connect(tmp_path / "collection") as conn:
        fields = sorted(row[0].split("\x1f")[0] for row in conn.execute("SELECT flds FROM notes"))
        cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert fields == ["标准", "质量"] and cards == 2
    table = tmp_path / "words.csv"
    save_dialog_answers(monkeypatch, table)
    window.actions_["export_vocab_csv"].trigger()
    assert table.read_text(encoding="utf-8").splitlines()[:2] == [  # readings as the view shows them: tone marks
        "word,reading,meaning,sentence,status,article", "质量,zhì liàng,quality,高质量发展是首要任务。,new,推进高质量发展"]
    window.actions_["tone_numbers"].trigger()
    save_dialog_answers(monkeypatch, table, replace=True)
    window.actions_["export_vocab_csv"].trigger()
    assert table.read_text(encoding="utf-8").splitlines()[1] == "质量,zhi4 liang4,quality,高质量发展是首要任务。,new,推进高质量发展"


def test_glossary_export_writes_the_glossary_format(qtbot, article_file, tmp_path, monkeypatch):
    window = start(qtbot, str(article_file))
    target = tmp_path / "glossary.tsv"
    save_dialog_answers(monkeypatch, target)
    window.actions_["export_glossary"].trigger()
    from reader.core.lang.glossary import read_glossary_file

    terms = {entry.term for entry in read_glossary_file(target)}
    assert "高质量发展" in terms


def test_backup_then_restore_brings_back_a_deleted_note(qtbot, article_file, tmp_path, monkeypatch):
    window = start(qtbot, str(article_file))
    annotate_some(window)
    backup = tmp_path / "library-backup.sqlite3"
    save_dialog_answers(monkeypatch, backup)
    window.actions_["backup"].trigger()
    assert backups.backup_is_good(backup, 99)
    highlight = window.controller.store.annotations.list()[0]
    window.delete_annotation(highlight.id)
    window.controller.store.annotations.purge_deleted(older_than_seconds=-1)
    assert window.notes.rows_shown() == []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), "")))
    asked = save_dialog_answers(monkeypatch, tmp_path / "unused", replace=False)
    window.actions_["restore"].trigger()  # the reader says No: nothing changes
    assert len(asked) == 1 and window.controller.store.annotations.list() == []
    save_dialog_answers(monkeypatch, tmp_path / "unused", replace=True)
    window.actions_["restore"].trigger()
    notes = window.controller.store.annotations.list()
    assert [n.note for n in notes] == ["标准引领是重点"]
    assert window.notes.rows_shown() == [(notes[0].id, False)] and len(window.view.highlights) == 1


# --- a damaged library at start-up ---------------------------------------------------------------------------------
def library_with_a_note_and_a_backup(folder: Path, article_file: Path) -> Path:
    """Make a library with one note, an automatic backup of it, then damage the database; return the backup."""
    from reader.core.anchoring import make_anchor
    from reader.core.importer import load_article

    article = load_article(article_file)
    with Store.open(folder, daily_backup=False) as store:
        entry = store.library.add(article, str(article_file.resolve()))
        paragraph = next(iter(article.paragraphs()))
        store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 0, 3), "记得这里")
        backup = backups.automatic_backup(store.connection, folder, "daily").path
    database = folder / "dubao.sqlite3"
    page_size = int.from_bytes(database.read_bytes()[16:18], "big")
    with open(database, "r+b") as handle:
        handle.seek(page_size)
        handle.write(b"\xa5" * 64)
    return backup


def test_a_damaged_library_offers_the_backup_and_restores_it_keeping_the_damaged_file(qtbot, article_file,
                                                                                      isolated_dirs, monkeypatch):
    backup = library_with_a_note_and_a_backup(isolated_dirs, article_file)
    damaged = digest(isolated_dirs / "dubao.sqlite3")
    asked: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(recovery, "ask_recovery", lambda parent, text, offered: asked.append((text, offered))
                        or recovery.RESTORE)
    window = start(qtbot, str(article_file))
    assert window.controller.store is None and window.view.document is not None  # the article shows anyway
    assert recovery.offer_recovery(window)
    text, offered = asked[0]
    assert offered == backup and "damaged" in text and "newest good backup" in text
    assert digest(isolated_dirs / "dubao.sqlite3.damaged") == damaged  # kept aside, untouched
    store = window.controller.store
    assert store is not None and [a.note for a in store.annotations.list()] == ["记得这里"]
    assert window.notes.rows_shown() == [(store.annotations.list()[0].id, False)]
    assert window.banner.text() == ""


def test_a_damaged_library_can_be_left_alone_and_reading_goes_on(qtbot, article_file, isolated_dirs, monkeypatch):
    library_with_a_note_and_a_backup(isolated_dirs, article_file)
    damaged = digest(isolated_dirs / "dubao.sqlite3")
    monkeypatch.setattr(recovery, "ask_recovery", lambda parent, text, offered: recovery.CONTINUE)
    window = start(qtbot, str(article_file))
    assert not recovery.offer_recovery(window)
    assert window.controller.store is None and window.view.document.article.title == "推进高质量发展"
    assert "could not be opened" in window.banner.text()
    assert not window.bookmark_here()  # nothing can be saved, and nothing breaks
    window.close()
    assert digest(isolated_dirs / "dubao.sqlite3") == damaged
    assert not (isolated_dirs / "dubao.sqlite3.damaged").exists()


def test_a_library_from_a_newer_dubao_is_explained_and_left_untouched(qtbot, article_file, isolated_dirs, monkeypatch):
    with Store.open(isolated_dirs, daily_backup=False):
        pass
    with sqlite3.connect(isolated_dirs / "dubao.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 99")
    before = digest(isolated_dirs / "dubao.sqlite3")
    told: list[str] = []
    monkeypatch.setattr(recovery, "tell", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(recovery, "ask_recovery", lambda *a: pytest.fail("no backup is offered for a newer library"))
    window = start(qtbot, str(article_file))
    assert not recovery.offer_recovery(window)
    assert told and told[0].startswith("Your library was written by a newer version of Dubao. It was left untouched.")
    assert window.view.document.article.title == "推进高质量发展"
    window.close()
    assert digest(isolated_dirs / "dubao.sqlite3") == before
