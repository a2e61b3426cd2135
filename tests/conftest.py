"""Shared test fixtures: paths to the project's and the workplace's test material, and isolated data folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SEED = SHARED / "seeds" / "xihaian-2025-quality-page.txt"
CORPUS = SHARED / "corpus"
REFERENCE = SHARED / "reference"


def need_shared(path: Path) -> Path:
    """Return `path`, or skip the test when the workplace's shared folder is not beside the project."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared test material is not beside this checkout")
    return path


@pytest.fixture
def seed_path() -> Path:
    """The source newspaper page the project is built around."""
    return need_shared(SEED)


@pytest.fixture
def corpus_dir() -> Path:
    """The folder of third-party articles of other shapes (read by path, never copied)."""
    return need_shared(CORPUS)


@pytest.fixture
def reference_dir() -> Path:
    """Hand-checked reference data for the seed (polyphone readings, policy terms)."""
    return need_shared(REFERENCE)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    """Give every test its own data folder; share one cache folder per session (dictionary index, jieba cache)."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DUBAO_DATA_DIR", str(data))
    monkeypatch.setenv("DUBAO_CACHE_DIR", str(_session_cache(tmp_path_factory)))
    return data


_CACHE: list[Path] = []


def _session_cache(factory) -> Path:
    if not _CACHE:
        _CACHE.append(factory.mktemp("cache"))
    return _CACHE[0]


@pytest.fixture
def hand_made_annotation(monkeypatch):
    """Annotate with the tests' small word list instead of the language layer (fast and deterministic)."""
    from reader.ui import services
    from test_ui_helpers import hand_made_reading

    monkeypatch.setattr(services, "start_reading", hand_made_reading())


@pytest.fixture
def article_file(tmp_path) -> Path:
    """The tests' small article, saved in our Markdown format."""
    from reader.core.importer import to_markdown
    from test_ui_helpers import make_article

    path = tmp_path / "test-article.md"
    path.write_text(to_markdown(make_article()), encoding="utf-8")
    return path


@pytest.fixture
def private_language_service(tmp_path, tmp_path_factory):
    """A LanguageService with this session's dictionary caches but its own annotation cache and data folder."""
    from reader.core.lang.service import LanguageService

    cache = tmp_path / "cache"
    cache.mkdir()
    shared = _session_cache(tmp_path_factory)
    from reader.core.lang.tables import table_names

    for name in table_names():
        if (shared / name).exists():
            (cache / name).symlink_to(shared / name)
    return LanguageService(cache_dir=cache, data_dir=tmp_path / "data")


@pytest.fixture
def private_annotator(private_language_service):
    """An Annotator over `private_language_service` (its own annotation cache), closed after the test."""
    from reader.core.lang.annotator import Annotator

    annotator = Annotator(private_language_service)
    yield annotator
    annotator.close()


# --- nothing left running ---------------------------------------------------------------------------------------------
# How long a test's background work may take to finish after the test, before it fails.
BACKGROUND_GRACE_S = float(os.environ.get("DUBAO_TEST_BACKGROUND_GRACE", "10"))


def _child_processes() -> list[str]:
    """Return 'pid command' of this process's live (non-zombie) child processes (Linux; empty elsewhere)."""
    found = []
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if stat.rpartition(")")[2].split()[0] != "Z":
                found.append(f"{pid} {command.strip()[:120]}")
    return found


def _background_work(threads_before: set, children_before: set) -> list[str]:
    """Return what still runs: threads and child processes the test started, busy Qt pool threads."""
    import threading

    running = [f"thread {t.name}" for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        busy = QThreadPool.globalInstance().activeThreadCount()
        running += [f"{busy} task(s) of the Qt thread pool"] if busy else []
    return running + [f"child process {child}" for child in _child_processes() if child not in children_before]


@pytest.fixture(autouse=True)
def no_background_work_left():
    """Fail a test that leaves threads, Qt pool tasks or child processes running (waiting a little for them first)."""
    import threading
    import time

    before, children_before = set(threading.enumerate()), set(_child_processes())
    yield
    deadline = time.monotonic() + BACKGROUND_GRACE_S
    while (left := _background_work(before, children_before)) and time.monotonic() < deadline:
        if "PySide6.QtCore" in sys.modules:
            from PySide6.QtCore import QCoreApplication

            if QCoreApplication.instance() is not None:
                QCoreApplication.processEvents()
        time.sleep(0.02)
    if left:
        pytest.fail("the test left background work running: " + "; ".join(left), pytrace=False)


# --- CI: the end-to-end test must run -----------------------------------------------------------------------------
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skipped end-to-end test fails the run: a machine that cannot run it is a broken CI machine."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and item.get_closest_marker("e2e") and os.environ.get("CI", "").lower() == "true":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"the end-to-end test was skipped under CI=true ({reason}); .ci/run should install its tools"
