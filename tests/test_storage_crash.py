"""Crashes and concurrency: a writer killed with SIGKILL loses nothing it committed; two writers lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from reader.core.storage import Store

from conftest import PROJECT_ROOT
from test_storage_support import article_with_texts

WRITER = """
import sys
from reader.core.anchoring import Anchor
from reader.core.storage import Store
store = Store.open(sys.argv[1], daily_backup=False)
article_id = int(sys.argv[2])
count = int(sys.argv[3])
tag = sys.argv[4]
for number in range(count):
    note = store.annotations.add_note(article_id, Anchor("p", 0, 2, "质量"), f"{tag}-{number}")
    print(note.id, flush=True)
    if number % 7 == 0:
        store.vocab.add(f"{tag}词{number}")
"""


def _prepare(folder) -> int:
    with Store.open(folder) as store:
        return store.library.add(article_with_texts("题", ["质量第一"]), "/a.txt").id


def _writer(folder, article_id: int, count: int, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), str(article_id), str(count), tag],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _kill_loop(folder, rounds: int, rng: random.Random) -> int:
    article_id = _prepare(folder)
    committed: set[int] = set()
    for _ in range(rounds):
        child = _writer(folder, article_id, 1_000_000, "kill")
        first = child.stdout.readline()  # the writer is writing now: kill it at a random moment from here
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        output, _ = child.communicate()
        lines = (first + output).split("\n")
        committed.update(int(line) for line in lines[:-1] if line.strip())  # the last piece may be cut short
        with Store.open(folder, check="full", daily_backup=False) as store:
            assert store.integrity_problems() == []
            present = {row[0] for row in store.connection.execute("SELECT id FROM annotations")}
            missing = committed - present
            assert not missing, f"committed notes lost after SIGKILL: {sorted(missing)[:10]}"
    return len(committed)


def test_sigkill_during_writes_loses_no_committed_note(tmp_path):
    written = _kill_loop(tmp_path, rounds=20, rng=random.Random(1))
    assert written > 100  # the writer really was writing when it was killed


@pytest.mark.slow
def test_sigkill_many_times(tmp_path):
    _kill_loop(tmp_path, rounds=150, rng=random.Random(2))


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    article_id = _prepare(tmp_path)
    writers = [_writer(tmp_path, article_id, 300, tag) for tag in ("a", "b")]
    results = [w.communicate(timeout=120) for w in writers]
    for writer, (output, errors) in zip(writers, results):
        assert writer.returncode == 0, errors
        assert errors == ""
        assert len(output.split()) == 300
    with Store.open(tmp_path, daily_backup=False) as store:
        notes = sorted(a.note for a in store.annotations.list())
        assert notes == sorted(f"{tag}-{n}" for tag in ("a", "b") for n in range(300))
        assert len(store.vocab.list()) == 2 * len(range(0, 300, 7))
        assert store.integrity_problems() == []
