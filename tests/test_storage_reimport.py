"""A re-import stores the new text and re-anchors its notes in one transaction: a fault or a crash between the two
leaves the old text with its notes where they were, never the new text with notes on stale offsets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.anchoring import make_anchor
from reader.core.storage import Store, annotations

from conftest import PROJECT_ROOT
from test_storage_support import article_with_texts

OLD = article_with_texts("题", ["开头的话。供给侧结构性改革。", "别的段落。"])
NEW = article_with_texts("题", ["新加的一句话在最前面。开头的话。供给侧结构性改革。", "别的段落。"])

CRASH_IN_REANCHOR = """
import os, signal, sys
from reader.core.storage import Store, annotations
from test_storage_support import article_with_texts
new = article_with_texts("题", ["新加的一句话在最前面。开头的话。供给侧结构性改革。", "别的段落。"])
annotations.reanchor = lambda anchor, article: os.kill(os.getpid(), signal.SIGKILL)
store = Store.open(sys.argv[1], daily_backup=False)
store.reimport(new, "/a.txt")
"""


def _old_library(folder):
    """Store OLD with a note on 供给侧结构性改革; return (entry id, the note)."""
    with Store.open(folder, daily_backup=False) as store:
        entry = store.library.add(OLD, "/a.txt")
        paragraph = next(OLD.paragraphs())
        start = paragraph.text.index("供给侧")
        note = store.annotations.add_note(entry.id, make_anchor(OLD, paragraph.id, start, start + 9), "改革")
    return entry.id, note


def _assert_old_text_with_its_note(folder, entry_id, note) -> None:
    with Store.open(folder, check="full", daily_backup=False) as store:
        assert store.integrity_problems() == []
        assert store.library.article(entry_id).to_dict() == OLD.to_dict()
        kept = store.annotations.get(note.id)
        assert kept.anchor == note.anchor and kept.anchor_status == note.anchor_status
        paragraph = next(store.library.article(entry_id).paragraphs())
        assert paragraph.text[kept.anchor.start : kept.anchor.end] == "供给侧结构性改革。"[:9]
        assert [h.article_id for h in store.library.search("开头")] == [entry_id]
        assert store.library.search("新加") == []  # the index was rolled back with the text


def test_a_fault_while_reanchoring_leaves_the_old_text_with_its_notes(tmp_path, monkeypatch):
    entry_id, note = _old_library(tmp_path)

    def failing(anchor, article):
        raise RuntimeError("fault injected between storing the text and re-anchoring")

    monkeypatch.setattr(annotations, "reanchor", failing)
    with Store.open(tmp_path, daily_backup=False) as store, pytest.raises(RuntimeError):
        store.reimport(NEW, "/a.txt")
    _assert_old_text_with_its_note(tmp_path, entry_id, note)


def test_a_crash_while_reanchoring_leaves_the_old_text_with_its_notes(tmp_path):
    entry_id, note = _old_library(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", CRASH_IN_REANCHOR, str(tmp_path)], cwd=PROJECT_ROOT / "tests",
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": ""}, capture_output=True, text=True, timeout=120,
    )
    assert child.returncode == -9, child.stderr[-2000:]  # killed in the middle of the re-import
    _assert_old_text_with_its_note(tmp_path, entry_id, note)


def test_a_reimport_commits_the_new_text_and_the_moved_note_together(tmp_path):
    entry_id, note = _old_library(tmp_path)
    with Store.open(tmp_path, daily_backup=False) as store:
        _, report = store.reimport(NEW, "/a.txt")
        assert report.total == 1
        moved = store.annotations.get(note.id)
        paragraph = next(store.library.article(entry_id).paragraphs())
        assert moved.anchor.start > note.anchor.start
        assert paragraph.text[moved.anchor.start : moved.anchor.end] == note.anchor.exact
