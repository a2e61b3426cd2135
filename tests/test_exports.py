"""Exports: notes as Markdown/CSV, words as an Anki deck/CSV/TSV; atomic, never over an existing file silently."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from reader.core.anchoring import make_anchor
from reader.core.errors import ExportProblem
from reader.core.files import write_text_atomically as write_text
from reader.core.exports.notes import export_notes, notes_markdown
from reader.core.exports.vocab import export_vocab
from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.core.storage import Store

from conftest import PROJECT_ROOT

WORDS = ["质量", "发展", "西海岸", "品牌", "供给", "消费", "升级", "改革", "创新", "服务"]


@pytest.fixture
def store_with_notes(isolated_dirs):
    article = Article(title="高质量发展", sections=build_sections([
        SectionDraft(None, 1, SectionKind.LEAD, ["导语：质量第一。"]),
        SectionDraft("强化品牌带动", 1, SectionKind.BODY, ["品牌展现的是地方名片。", "既是硬实力，也是软实力。"]),
    ]))
    store = Store.open()
    entry = store.library.add(article, "/a.txt")
    paragraphs = list(article.paragraphs())
    store.annotations.add_note(entry.id, make_anchor(article, paragraphs[2].id, 0, 3), "hard power 硬实力")
    store.annotations.add_highlight(entry.id, make_anchor(article, paragraphs[1].id, 0, 2), "yellow", "brand")
    store.annotations.add_note(entry.id, make_anchor(article, paragraphs[0].id, 3, 5), "quality")
    for word in WORDS:
        store.vocab.add(word, f"reading-{word}", f"meaning-{word}", f"{word}的例句。", entry.id)
    yield store
    store.close()


def test_notes_markdown_has_headings_quotes_and_notes_in_reading_order(store_with_notes):
    text = notes_markdown(store_with_notes)
    assert text.startswith("# 高质量发展\n")
    lead, brand = text.index("## Lead"), text.index("## 强化品牌带动")
    assert lead < text.index("> 质量") < text.index("quality") < brand
    assert brand < text.index("> 品牌") < text.index("brand") < text.index("> 既是硬") < text.index("hard power 硬实力")


def test_notes_csv_has_one_row_per_annotation(store_with_notes, tmp_path):
    path = export_notes(store_with_notes, tmp_path / "notes.csv", "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [r["quote"] for r in rows] == ["质量", "品牌", "既是硬"]
    assert rows[2]["note"] == "hard power 硬实力" and rows[2]["section"] == "强化品牌带动"


def test_anki_deck_holds_every_word(store_with_notes, tmp_path):
    """Read with sqlite3 inside the zip (the `anki` package is not a dependency)."""
    path = export_vocab(store_with_notes, tmp_path / "words.apkg", "apkg")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        collection = next(n for n in names if n.startswith("collection.anki2"))
        (tmp_path / "collection").write_bytes(archive.read(collection))
    with sqlite3.connect(tmp_path / "collection") as conn:
        fields = [row[0].split("\x1f") for row in conn.execute("SELECT flds FROM notes")]
        cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert sorted(f[0] for f in fields) == sorted(WORDS)
    assert cards == len(WORDS)
    assert ["质量", "reading-质量", "meaning-质量", "质量的例句。"] in fields


def test_vocab_csv_and_tsv(store_with_notes, tmp_path):
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        path = export_vocab(store_with_notes, tmp_path / f"words.{fmt}", fmt)
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=delimiter))
        assert [r["word"] for r in rows] == WORDS
        assert rows[0]["meaning"] == "meaning-质量"


def test_exports_never_overwrite_without_force(store_with_notes, tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("the user's own file", encoding="utf-8")
    for call in (lambda: export_notes(store_with_notes, target), lambda: export_vocab(store_with_notes, target, "apkg")):
        with pytest.raises(ExportProblem) as caught:
            call()
        assert str(target) in str(caught.value)
        assert target.read_text(encoding="utf-8") == "the user's own file"
    export_notes(store_with_notes, target, force=True)
    assert target.read_text(encoding="utf-8").startswith("# 高质量发展")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temporary file left behind


def test_failed_export_leaves_no_file(tmp_path):
    target = tmp_path / "out.md"

    def broken(temporary):
        temporary.write_text("half")
        raise OSError(28, "No space left on device")

    from reader.core.files import write_atomically

    with pytest.raises(ExportProblem):
        write_atomically(target, broken)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportProblem):
        write_text(tmp_path / "missing-folder" / "x.md", "x")


def _cli(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


def test_cli_learner_round_trip(tmp_path, seed_path):
    data = tmp_path / "data"
    assert _cli("library", "add", str(seed_path), data_dir=data).returncode == 0
    for word in WORDS:
        result = _cli("vocab", "add", word, "--article", str(seed_path), data_dir=data)
        assert result.returncode == 0, result.stderr
    listed = _cli("vocab", "list", data_dir=data).stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == WORDS
    deck = tmp_path / "words.apkg"
    assert _cli("vocab", "export", "--format", "apkg", "--out", str(deck), data_dir=data).returncode == 0
    again = _cli("vocab", "export", "--format", "apkg", "--out", str(deck), data_dir=data)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and str(deck) in again.stderr
    assert "Traceback" not in again.stderr
    found = _cli("library", "search", "海岸", data_dir=data)
    assert "西【海岸】" in found.stdout
    notes = tmp_path / "notes.md"
    assert _cli("notes", "export", "--format", "md", "--article", str(seed_path), "--out", str(notes), data_dir=data).returncode == 0
    backup = tmp_path / "backup.sqlite3"
    assert _cli("backup", "--out", str(backup), data_dir=data).returncode == 0
    assert _cli("restore", str(backup), data_dir=data).returncode == 0
    assert len(_cli("vocab", "list", data_dir=data).stdout.splitlines()) == len(WORDS)


def test_cli_problems_are_one_line(tmp_path):
    data = tmp_path / "data"
    for args in (("library", "add", str(tmp_path / "missing.txt")), ("restore", str(tmp_path / "missing.sqlite3")),
                 ("notes", "list", "--article", str(tmp_path / "not-added.txt"))):
        result = _cli(*args, data_dir=data)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr


def test_learner_scenario_from_the_issue(tmp_path, seed_path):
    """Ten words and five notes on the seed, quit, re-import a changed copy, export words to Anki and notes."""
    from reader.cli.library_cmd import load_article

    copy = tmp_path / "seed.txt"
    copy.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    article, source = load_article(copy)
    paragraphs = [p for p in article.paragraphs() if len(p.text) > 40][:5]
    with Store.open(tmp_path / "data") as store:
        entry = store.library.add(article, source)
        for word in WORDS:
            store.vocab.add(word, article_id=entry.id)
        quotes = []
        for number, paragraph in enumerate(paragraphs):
            anchor = make_anchor(article, paragraph.id, 5, 15)
            quotes.append(anchor.exact)
            store.annotations.add_note(entry.id, anchor, f"note {number}")
    text = copy.read_text(encoding="utf-8")
    changed = text.replace(quotes[0], "（此处已改写）", 1)  # one quote disappears, the rest of the page stays
    copy.write_text(changed, encoding="utf-8")
    with Store.open(tmp_path / "data") as store:
        new_article, _ = load_article(copy)
        _, report = store.reimport(new_article, source)
        notes = store.annotations.list(entry.id)
        assert len(notes) == 5 and report.total == 5
        for note in notes:
            if not note.is_orphan:
                assert new_article.paragraph(note.anchor.paragraph_id).text[note.anchor.start : note.anchor.end] == note.anchor.exact
        assert sum(not n.is_orphan for n in notes) >= 4
        deck = export_vocab(store, tmp_path / "words.apkg", "apkg")
        markdown = export_notes(store, tmp_path / "notes.md", "md", entry.id).read_text(encoding="utf-8")
    with zipfile.ZipFile(deck) as archive:
        assert any(n.startswith("collection.anki2") for n in archive.namelist())
    for number in range(5):
        assert f"note {number}" in markdown


def test_cli_restore_over_a_damaged_database_keeps_the_damaged_file(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        store.vocab.add("质量")
        store.backup_to(tmp_path / "good.sqlite3")
    database_file = data / "dubao.sqlite3"
    damaged = b"not a database!!" + database_file.read_bytes()[16:]
    database_file.write_bytes(damaged)
    refused = _cli("vocab", "list", data_dir=data)
    assert refused.returncode == 2 and "damaged" in refused.stderr and "Traceback" not in refused.stderr
    restored = _cli("restore", str(tmp_path / "good.sqlite3"), data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert (data / "dubao.sqlite3.damaged").read_bytes() == damaged
    assert _cli("vocab", "list", data_dir=data).stdout.startswith("质量")


def test_exports_follow_the_umask_and_carry_the_article_title(store_with_notes, tmp_path):
    import os
    import stat

    previous = os.umask(0o027)
    try:
        path = export_vocab(store_with_notes, tmp_path / "words.csv", "csv")
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        os.umask(0o022)
        notes = export_notes(store_with_notes, tmp_path / "notes.md")
        assert stat.S_IMODE(notes.stat().st_mode) == 0o644
        notes.chmod(0o600)  # a replaced file keeps the permissions its owner gave it
        assert stat.S_IMODE(export_notes(store_with_notes, notes, force=True).stat().st_mode) == 0o600
    finally:
        os.umask(previous)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    titles = {entry.id: entry.title for entry in store_with_notes.library.list()}
    saved_from = {e.word: e.article_id for e in store_with_notes.vocab.list()}
    assert [r["article"] for r in rows] == [titles.get(saved_from[r["word"]], "") for r in rows]
    assert any(r["article"] for r in rows)
