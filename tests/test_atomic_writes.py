"""Every export and backup is written atomically and never replaces a file silently.

For each writer of the command line (notes as Markdown and CSV, vocabulary as an Anki deck and CSV, convert, backup,
handout PDF, glossary export, and the diagnostic bundle):
- without --force an existing file is refused with one line and left byte for byte as it was;
- killed (SIGKILL) at the last moment before the finished file is moved into place, the target is still the old
  file (or still absent), never a partial one; run again, the file is complete;
- on a full disk (a real 4 KB tmpfs (one page, taken by the old file) in a private mount namespace) the write fails with one line and the old file
  stays as it was.
"""

from __future__ import annotations

import os
import signal
import stat
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from reader.core.anchoring import make_anchor
from reader.core.importer import load_article
from reader.core.storage import Store
from test_db_faults import needs_mounts
from test_storage_support import made_up_article

OLD = b"the user's own file, which must survive\n"
WRITERS: dict[str, list[str]] = {
    "notes-md": ["notes", "export", "--format", "md", "--out", "{out}"],
    "notes-csv": ["notes", "export", "--format", "csv", "--out", "{out}"],
    "vocab-apkg": ["vocab", "export", "--format", "apkg", "--out", "{out}"],
    "vocab-csv": ["vocab", "export", "--format", "csv", "--out", "{out}"],
    "convert": ["convert", "{article}", "--out", "{out}"],
    "backup": ["backup", "--out", "{out}"],
    "handout": ["handout", "{article}", "--sections", "1", "--pinyin", "none", "--out", "{out}"],
    "glossary": ["glossary", "--export", "{out}"],
    "diagnostics": ["diagnostics", "{out}", "--notes"],
}
SUFFIX = {"notes-md": ".md", "notes-csv": ".csv", "vocab-apkg": ".apkg", "vocab-csv": ".csv", "convert": ".md",
          "backup": ".sqlite3", "handout": ".pdf", "glossary": ".tsv", "diagnostics": ".txt"}
RUNNER = """
import os, sys, time
if os.environ.get("PAUSE_BEFORE_RENAME"):
    real_replace, target = os.replace, os.environ["PAUSE_BEFORE_RENAME"]
    def paused(source, destination, *args, **kwargs):
        if os.path.abspath(os.fspath(destination)) == target:
            print("RENAMING", flush=True)
            time.sleep(600)
        return real_replace(source, destination, *args, **kwargs)
    os.replace = paused
argv = sys.argv[1:]
if argv[0] == "diagnostics":
    from reader.core.diagnostics import write_bundle
    from reader.core.errors import DubaoError
    try:
        from reader.core.diagnostics import BundleOptions
        write_bundle(argv[1], BundleOptions(include_notes="--notes" in argv), force="--force" in argv)
    except DubaoError as error:
        print(f"dubao: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(0)
from reader.cli import main
sys.exit(main(argv))
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> dict[str, Path]:
    """A data folder with an article, notes and vocabulary, and the article's file."""
    folder = tmp_path_factory.mktemp("atomic")
    article_file = folder / "article.md"
    from reader.core.importer import to_markdown

    article_file.write_text(to_markdown(made_up_article(11, paragraphs=40, length=200)), encoding="utf-8")
    article = load_article(article_file)
    data = folder / "data"
    with Store.open(data, daily_backup=False) as store:
        entry = store.library.add(article, article_file.resolve())
        for number, paragraph in enumerate(list(article.paragraphs())[:30]):
            store.annotations.add_note(entry.id, make_anchor(article, paragraph.id, 2, 12), f"第{number}条笔记" * 10)
        for word in ("质量", "发展", "品质", "建设", "服务", "产业", "创新", "改革"):
            store.vocab.add(word, "zhi4 liang4", "quality " * 20, article.sections[0].paragraphs[0].text, entry.id)
    return {"data": data, "article": article_file}


def command(name: str, out: Path, library: dict[str, Path], force: bool) -> list[str]:
    """Return the runner's command line for one writer."""
    args = [a.format(out=out, article=library["article"]) for a in WRITERS[name]] + (["--force"] if force else [])
    return [sys.executable, "-c", RUNNER, *args]


def environment(library: dict[str, Path], **extra: str) -> dict[str, str]:
    """The environment of a writer run: the library's data folder, offscreen Qt."""
    return {**os.environ, "DUBAO_DATA_DIR": str(library["data"]), "QT_QPA_PLATFORM": "offscreen", **extra}


def assert_complete(name: str, path: Path, library: dict[str, Path]) -> None:
    """The written file is whole: it parses as what it claims to be."""
    data = path.read_bytes()
    if name == "vocab-apkg":
        assert zipfile.ZipFile(path).testzip() is None
    elif name == "backup":
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 30
    elif name == "handout":
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    elif name == "convert":
        source = load_article(library["article"])
        converted = load_article(path)
        assert (converted.title, converted.sections) == (source.title, source.sections)
    else:
        text = data.decode("utf-8")
        assert text.endswith("\n") and len(text.splitlines()) >= 9


def others_in(folder: Path, *keep: Path) -> list[str]:
    """Return the visible files of a folder other than `keep` (a partial file would show up here)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".") and p not in keep)


@pytest.mark.parametrize("name", list(WRITERS))
def test_an_existing_file_is_never_overwritten_without_force(library, tmp_path, name):
    out = tmp_path / f"mine{SUFFIX[name]}"
    out.write_bytes(OLD)
    result = subprocess.run(command(name, out, library, force=False), cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=300, env=environment(library))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"dubao: {out}: ")
    assert out.read_bytes() == OLD


@pytest.mark.parametrize("existing", [True, False], ids=["over-an-old-file", "new-file"])
@pytest.mark.parametrize("name", list(WRITERS))
def test_killed_before_the_rename_leaves_the_old_file_or_nothing(library, tmp_path, name, existing):
    out = tmp_path / f"export{SUFFIX[name]}"
    if existing:
        out.write_bytes(OLD)
    writer = subprocess.Popen(command(name, out, library, force=True), cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env=environment(library, PAUSE_BEFORE_RENAME=str(out.resolve())))
    try:
        line = writer.stdout.readline()
        while line and line.strip() != "RENAMING":
            line = writer.stdout.readline()
        assert line.strip() == "RENAMING", writer.stderr.read()
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()
        writer.stderr.close()
    assert out.read_bytes() == OLD if existing else not out.exists()
    assert others_in(tmp_path, out) == []
    finished = subprocess.run(command(name, out, library, force=True), cwd=PROJECT_ROOT, capture_output=True,
                              text=True, timeout=300, env=environment(library))
    assert finished.returncode == 0, finished.stderr
    assert_complete(name, out, library)


@needs_mounts
@pytest.mark.parametrize("name", list(WRITERS))
def test_a_full_disk_fails_with_one_line_and_keeps_the_old_file(library, tmp_path, name):
    folder = tmp_path / "tiny"
    folder.mkdir()
    out = folder / f"export{SUFFIX[name]}"
    args = " ".join(f"'{a}'" for a in command(name, out, library, force=True)[3:])
    shell = (f"mount -t tmpfs -o size=4k tmpfs {folder} && printf '%s' \"$OLD\" > {out} && "
             f"{sys.executable} -c \"$RUNNER\" {args}; echo \"status=$?\"; cat {out}; ls -A {folder}")
    result = subprocess.run(["unshare", "-m", "sh", "-c", shell], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            errors="replace", timeout=300, env=environment(library, OLD=OLD.decode(), RUNNER=RUNNER))
    lines = result.stdout.splitlines()
    assert "status=2" in lines, result.stdout + result.stderr
    after = lines[lines.index("status=2") + 1:]
    assert after == [OLD.decode().strip(), out.name]  # the old file, unchanged, and nothing else left behind
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"dubao: {out}") or result.stderr.startswith(f"dubao: {folder}")


@pytest.mark.parametrize("name", list(WRITERS))
def test_force_never_replaces_something_that_is_not_a_file(library, tmp_path, name):
    out = tmp_path / f"pipe{SUFFIX[name]}"
    os.mkfifo(out)
    result = subprocess.run(command(name, out, library, force=True), cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=300, env=environment(library))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"dubao: {out}: ")
    assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(out.lstat().st_mode)
