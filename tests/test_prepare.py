"""`python -m reader prepare` (run by `make run`'s set-up): the very first start of the window then finds the bundled
article's pinyin ready before its first paint, as a reopen does."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from test_startup_imports import PROBE, ROOT


def test_after_prepare_the_first_start_paints_the_seed_with_its_pinyin_at_once(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(tmp_path / "data"),
               DUBAO_CACHE_DIR=str(tmp_path / "cache"), DUBAO_PREPARED_DIR=str(tmp_path / "prepared"))
    prepared = subprocess.run([sys.executable, "-m", "reader", "prepare", "--json"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
    assert prepared.returncode == 0, prepared.stderr[-2000:]
    report = json.loads(prepared.stdout)
    assert [step["step"] for step in report["steps"]] == ["dictionary", "hsk", "segmenter", "pinyin", "articles"]
    assert report["cache_dir"] == str(tmp_path / "cache")
    assert report["tables_dir"] == str(tmp_path / "prepared")  # the tables in the prepared folder ...
    assert set(report["tables"].values()) == {"built"}
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["annotations.sqlite3"]  # ... not the cache
    first = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=300)
    assert first.returncode == 0, first.stderr[-2000:]
    assert first.stdout.split()[:3] == ["annotated-at-open", "-", "-"]  # no jieba or pypinyin on the first start
