"""Reopening an article whose annotation is cached: pinyin is there before the first paint, and the window's process
never loads jieba or pypinyin (they cost most of a start-up's time and memory; issue 8), nor sqlite-utils (about
100 ms of imports; the reopen path reads and marks the article through the connection itself; issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys, time
from reader.ui.app import build_window, create_application, open_initial_article
from reader.ui.launch import build_parser
app = create_application()
window = build_window()
open_initial_article(window, build_parser().parse_args([]))
at_open = window.controller.annotation is not None
window.show()
deadline = time.monotonic() + 240
while window.controller.annotation is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("annotated-at-open" if at_open else "annotated-later" if window.controller.annotation else "never-annotated",
      "jieba" if "jieba" in sys.modules else "-", "pypinyin" if "pypinyin" in sys.modules else "-",
      "QtSvg" if "PySide6.QtSvg" in sys.modules else "-", "sqlite_utils" if "sqlite_utils" in sys.modules else "-")
window.close()
"""


def _start(data_dir: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


def test_reopening_applies_the_cached_annotation_before_the_first_paint_without_jieba_pypinyin_or_sqlite_utils(tmp_path):
    first = _start(tmp_path / "data")
    assert first[0] in ("annotated-later", "annotated-at-open")  # the seed, read in a child process (or cached)
    assert first[1:4] == ["-", "-", "-"]  # the toolbar's SVG icons go through Qt's image plugin, not QtSvg
    # (the first start stores the seed in the library through sqlite-utils; a reopen must not import it)
    second = _start(tmp_path / "data")
    assert second == ["annotated-at-open", "-", "-", "-", "-"]
