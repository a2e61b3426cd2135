"""Reopening an article whose annotation is cached: pinyin is there before the first paint, and the window's process
never loads jieba or pypinyin (they cost most of a start-up's time and memory; issue 8), nor the polyphone model,
numpy or g2pM (issue 12)."""

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
model = [m for m in ("numpy", "g2pM", "reader.core.lang.polyphones", "reader.core.lang.polyphone_model") if m in sys.modules]
print("annotated-at-open" if at_open else "annotated-later" if window.controller.annotation else "never-annotated",
      "jieba" if "jieba" in sys.modules else "-", "pypinyin" if "pypinyin" in sys.modules else "-",
      ",".join(model) or "-")
window.close()
"""


def _start(data_dir: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


def test_reopening_applies_the_cached_annotation_before_the_first_paint_without_jieba_or_pypinyin(tmp_path):
    first = _start(tmp_path / "data")
    assert first[0] in ("annotated-later", "annotated-at-open")  # the seed, read in a child process (or cached)
    assert first[1:] == ["-", "-", "-"]  # nor the polyphone model, its module or numpy
    second = _start(tmp_path / "data")
    assert second == ["annotated-at-open", "-", "-", "-"]
