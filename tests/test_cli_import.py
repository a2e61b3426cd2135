"""`python -m reader inspect|convert`: the structure as JSON or an outline, Markdown output, and bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
import sys

import pytest

from conftest import PROJECT_ROOT
from reader.cli import main as cli_main
from reader.core.importer import MAX_FILE_BYTES, decoding, load_article


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=60)


def assert_one_clear_line(result: subprocess.CompletedProcess, path, words: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and words in lines[0], lines[0]


def test_inspect_json_gives_the_seed_structure(seed_path):
    result = run_cli("inspect", str(seed_path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "把高质量发展之路走得更有奔头、更有劲头"
    assert data["byline"] == "本报记者 李涛" and data["dateline"] is None
    assert [(s["kind"], len(s["paragraphs"])) for s in data["sections"]] == [
        ("lead", 7), ("body", 5), ("body", 4), ("body", 4), ("continuation", 6)]
    assert [s["heading"] for s in data["sections"]][1:4] == [
        "建设“品质西海岸” 背后的战略考量", "做好四篇文章 塑造竞争新优势", "加快形成上下联动 互促共进工作格局"]
    assert all(isinstance(s["level"], int) for s in data["sections"])


def test_inspect_outline_shows_counts_and_first_words(seed_path):
    result = run_cli("inspect", str(seed_path))
    assert result.returncode == 0, result.stderr
    assert "做好四篇文章 塑造竞争新优势  [body, level 1, 4 paragraphs]" in result.stdout
    assert "乙巳蛇年春节后" in result.stdout


def test_convert_writes_markdown_that_loads_back(seed_path, tmp_path):
    target = tmp_path / "seed.md"
    result = run_cli("convert", str(seed_path), "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert load_article(target) == load_article(seed_path)
    assert [p.name for p in tmp_path.iterdir()] == ["seed.md"]


def test_convert_never_overwrites_without_force(seed_path, tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("my own notes", encoding="utf-8")
    result = run_cli("convert", str(seed_path), "--out", str(target))
    assert_one_clear_line(result, target, "--force")
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert run_cli("convert", str(seed_path), "--out", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: 把高质量发展")


def test_convert_into_a_missing_folder_is_refused(seed_path, tmp_path):
    target = tmp_path / "nowhere" / "out.md"
    assert_one_clear_line(run_cli("convert", str(seed_path), "--out", str(target)), target, "folder")


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    spaces = tmp_path / "spaces.txt"
    spaces.write_text(" \n\u3000\u3000\n\t\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"abc\x00def")
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes("Réunion générale: élève déménagement.\n".encode("latin-1"))
    large = tmp_path / "large.txt"
    with open(large, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    front = tmp_path / "broken.md"
    front.write_text("---\ntitle: 标题\nno colon here\n---\n\n正文。\n", encoding="utf-8")
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: 标题\n\n正文。\n", encoding="utf-8")
    return [
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "folder"),
        (empty, "empty"),
        (spaces, "blank"),
        (binary, "PNG"),
        (nul, "binary"),
        (undecodable, "cannot be decoded"),
        (large, "too large"),
        (front, "front matter"),
        (unclosed, "never closed"),
        (Path("/dev/null"), "not a regular file"),
    ]


@pytest.mark.parametrize("command", ["inspect", "convert"])
def test_bad_inputs_give_one_line_and_status_2(tmp_path, command):
    for path, words in _bad_inputs(tmp_path):
        extra = ["--out", str(tmp_path / "out.md")] if command == "convert" else []
        assert_one_clear_line(run_cli(command, str(path), *extra), path, words)
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize(
    "error, words",
    [(PermissionError(13, "Permission denied"), "permission denied"), (FileNotFoundError(2, "gone"), "disappeared")],
)
def test_unreadable_or_vanishing_file_is_refused(tmp_path, monkeypatch, capsys, error, words):
    path = tmp_path / "article.txt"
    path.write_text("标题\n\n正文。\n", encoding="utf-8")

    def failing_open(*args, **kwargs):
        raise error

    monkeypatch.setattr(decoding, "open", failing_open, raising=False)
    assert cli_main(["inspect", str(path)]) == 2
    message = capsys.readouterr().err.strip()
    assert message.count("\n") == 0 and str(path) in message and words in message
