"""Reopening an article whose annotation is cached: pinyin is there before the first paint, and the window's process
never loads jieba or pypinyin (they cost most of a start-up's time and memory; issue 8), nor sqlite-utils (about
100 ms of imports; the reopen path reads and marks the article through the connection itself; issue 13), nor what
only some features need (script conversion, speech), nor the web's modules: lxml, feedparser and urllib.request
load only when a page is imported or fetched (issue 15), nor the polyphone model, g2pM or numpy (issue 12), nor the
commands and windows that open on first use: exports and backups, presentations and handouts, the web address
dialog, My Corrections (issue 18: the start-up path is the article first)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAVY = ("jieba", "pypinyin", "PySide6.QtSvg", "sqlite_utils", "lxml", "feedparser", "urllib.request", "opencc",
         "PySide6.QtTextToSpeech", "reader.ui.speech",
         # the reading engine's own modules: only the child process that reads an article loads them
         "reader.core.lang.pinyin", "reader.core.lang.word_readings", "reader.core.lang.segmenter",
         "reader.core.lang.runs", "reader.core.lang.pinyin_rules",
         # the learned polyphone layer, its model file's reader, g2pM and numpy (issue 12)
         "reader.core.lang.polyphones", "reader.core.lang.polyphone_model", "reader.core.lang.g2pm_runner", "g2pM",
         "numpy",
         # what opens on first use (issue 18): exports and backups, presenting and handouts, dialogs, corrections
         "reader.ui.exporting", "reader.ui.presenting", "reader.ui.present", "reader.ui.handout_pdf",
         "reader.ui.web_dialogs", "reader.ui.corrections_window")

PROBE = """
import subprocess, sys, time
HEAVY = %r
children = []
class Counted(subprocess.Popen):
    def __init__(self, *args, **kwargs):
        children.append(args[0] if args else kwargs.get("args"))
        super().__init__(*args, **kwargs)
subprocess.Popen = Counted
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
      *(name if name in sys.modules else "-" for name in HEAVY), f"children={len(children)}")
window.close()
""" % (HEAVY,)


def _start(data_dir: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


def test_reopening_applies_the_cached_annotation_before_the_first_paint_without_jieba_pypinyin_or_sqlite_utils(tmp_path):
    *first, children = _start(tmp_path / "data")
    assert first[0] in ("annotated-later", "annotated-at-open")  # the seed, read in a child process (or cached)
    assert children in ("children=1", "children=0")  # the seed's reading (none when its annotation was cached)
    assert first[1:4] == ["-", "-", "-"]  # the toolbar's SVG icons go through Qt's image plugin, not QtSvg
    # (the first start stores the seed in the library through sqlite-utils; a reopen must not import it)
    assert first[5:] == ["-"] * (len(HEAVY) - 4)
    second = _start(tmp_path / "data")
    assert second == ["annotated-at-open"] + ["-"] * len(HEAVY) + ["children=0"]  # and no child process started


LATER_PROBE = """
import sys, threading, time
importers = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "sqlite_utils":
            importers.append(threading.current_thread() is threading.main_thread())
        return None
sys.meta_path.insert(0, Watch())
from reader.ui.app import build_window, create_application, open_initial_article
from reader.ui.launch import build_parser
app = create_application()
window = build_window()
open_initial_article(window, build_parser().parse_args([]))
window.show()
at_paint = "sqlite_utils" in sys.modules
deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
print("loaded-at-paint" if at_paint else "-", "loaded-later" if "sqlite_utils" in sys.modules else "-",
      "on-the-gui-thread" if importers[:1] == [True] else "on-a-worker" if importers else "never")
window.close()
"""


def test_sqlite_utils_is_loaded_on_a_worker_after_a_reopen_so_the_first_save_does_not_stop_the_window(tmp_path):
    _start(tmp_path / "data")  # the first start fills the library
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", LATER_PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["-", "loaded-later", "on-a-worker"]
