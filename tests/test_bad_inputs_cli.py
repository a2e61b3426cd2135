"""Every file of the bad-input corpus through `python -m reader inspect`, in a subprocess, as a user would run it.

A refusal is exit status 2, nothing on stdout, and exactly one stderr line `dubao: <path>: <problem>` (no
traceback); an import is exit status 0 and the exact article the case describes.
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys

import pytest

from bad_inputs import TITLE, BadInput, corpus, generate, inspect_command, verdict
from conftest import PROJECT_ROOT

CASES = {case.name: case for case in corpus()}
@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict:
    """The corpus, written once for this module: case name -> path."""
    return {case.name: path for case, path in generate(tmp_path_factory.mktemp("bad-inputs"))}


def inspect(case: BadInput, path) -> subprocess.CompletedProcess:
    """Run `inspect --json` on the file in a fresh interpreter, with the case's fault injected if it has one."""
    return subprocess.run(inspect_command(case, path), cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if not case.imports])
def test_refused_with_one_line_naming_the_file_and_the_problem(written, name):
    case, path = CASES[name], written[name]
    result = inspect(case, path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr == f"dubao: {path}: {case.refused}\n"
    assert verdict(case, path, result.returncode, result.stdout, result.stderr) is None


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.imports])
def test_imported_exactly(written, name):
    case, path = CASES[name], written[name]
    result = inspect(case, path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    texts = [text for section in data["sections"] for text in section["paragraphs"]]
    assert data["title"] == case.title == TITLE
    assert data["source"]["encoding"] == case.encoding
    assert data["source"]["file_name"] == case.file_name
    if case.paragraphs is not None:
        assert texts == list(case.paragraphs)
    else:
        assert len(texts) == case.paragraph_count
    assert verdict(case, path, result.returncode, result.stdout, result.stderr) is None


def test_the_corpus_covers_every_kind_the_issue_lists():
    assert len(CASES) == len(corpus()) >= 28
    assert {"empty", "whitespace", "png", "zip", "pdf", "nul", "truncated-utf8", "utf16le-no-bom",
            "gb18030-almost-utf8", "mixed-encodings", "50mb", "long-line", "many-paragraphs", "control-characters",
            "bidi-marks", "emoji-rare-cjk", "front-matter-unknown-line", "spaces-and-chinese-name",
            "vanishes-mid-open", "permission-lost-mid-open"} <= set(CASES)


def test_the_generated_files_are_what_they_claim(written):
    assert written["50mb"].stat().st_size >= 50 * 1024 * 1024
    gb = written["gb18030-almost-utf8"].read_bytes()
    first_line_end = gb.index(b"\n\n") + 2
    assert gb[first_line_end:first_line_end + 12].decode("utf-8")  # starts out as valid UTF-8 …
    with pytest.raises(UnicodeDecodeError):
        gb.decode("utf-8")  # … but is not
    assert len(written["long-line"].read_text("utf-8").splitlines()[-1]) == 2_000_000
    assert not written["utf16le-no-bom"].read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))


HOSTILE_ARGUMENTS = [
    (["lookup", ""], 2), (["lookup", "\x07"], 1), (["vocab", "add", ""], 2), (["vocab", "add", " \u3000"], 2),
    (["library", "search", '"NEAR(*'], 0), (["library", "add", "{png}"], 2), (["annotate", "{fifo}"], 2),
    (["glossary", "--import", "{png}"], 2), (["glossary", "--import", "{rare}"], 2), (["restore", "{rare}"], 2),
    (["notes", "export", "--out", "{fifo}", "--force"], 2), (["backup", "--out", "{fifo}", "--force"], 2),
    (["convert", "{rare}", "--out", "{fifo}", "--force"], 2), (["inspect", "{big}"], 2),
]


@pytest.mark.parametrize("args, status", HOSTILE_ARGUMENTS, ids=[" ".join(a) for a, _ in HOSTILE_ARGUMENTS])
def test_hostile_arguments_give_an_answer_or_one_line_never_a_traceback(written, args, status):
    names = {"png": written["png"], "fifo": written["fifo"], "rare": written["emoji-rare-cjk"], "big": written["50mb"]}
    argv = [arg.format(**names) for arg in args]
    result = subprocess.run([sys.executable, "-m", "reader", *argv], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode == status, result.stderr
    if status == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("dubao: ")
    assert stat.S_ISFIFO(written["fifo"].lstat().st_mode)  # nothing replaced the pipe
