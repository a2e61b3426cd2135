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
         "reader.core.lang.runs", "reader.core.lang.pinyin_rules", "reader.core.lang.pinyin_data",
         # the learned polyphone layer, its model file's reader, g2pM and numpy (issue 12)
         "reader.core.lang.polyphones", "reader.core.lang.polyphone_model", "reader.core.lang.g2pm_runner", "g2pM",
         "numpy",
         # what opens on first use (issue 18): exports and backups, presenting and handouts, dialogs, corrections
         "reader.ui.exporting", "reader.ui.presenting", "reader.ui.present", "reader.ui.handout_pdf",
         "reader.ui.web_dialogs", "reader.ui.corrections_window",
         # panels in hidden docks: made (and their modules loaded) when first shown
         "reader.ui.panels.library", "reader.ui.panels.feeds",
         # what only a damaged library needs
         "reader.ui.recovery")

# what waits until the reopened article is painted: listening for later launches (Qt's network module) and counting
# the article's words for the learner ("counted")
AFTER_PAINT = ("PySide6.QtNetwork", "counted")

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
def wait(seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
wait(1.5)
bar = window.view.verticalScrollBar()
bar.setValue(bar.value() + 300)  # reading on: the new position is saved
wait(1.5)
saved = window.controller.store.positions.get(window.controller.opened.entry_id)
after_reading = "sqlite_utils" in sys.modules
window.view.wordActivated.emit(window.view.word_at(1, 0))  # a word tapped: its popup may save it
wait(2.0)
print("position-saved" if saved is not None else "position-not-saved",
      "loaded-while-reading" if after_reading else "-",
      "loaded-on-intent" if "sqlite_utils" in sys.modules else "-",
      "on-the-gui-thread" if importers[:1] == [True] else "on-a-worker" if importers else "never")
window.close()
"""


def test_reading_alone_never_loads_sqlite_utils_and_a_tapped_word_loads_it_on_a_worker(tmp_path):
    _start(tmp_path / "data")  # the first start fills the library
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", LATER_PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["position-saved", "-", "loaded-on-intent", "on-a-worker"]


PAINT_PROBE = """
import linecache, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.ui.view import article_view
from reader.core import difficulty
seen = {}
counting = difficulty.WordProfile.of
def count(annotation):
    sys.modules["counted"] = True
    return counting(annotation)
difficulty.WordProfile.of = count
original = article_view.ArticleView.paintEvent
def paint(self, event):
    original(self, event)
    if self.document is not None and self.document.annotated and "painted" not in seen:
        seen["painted"] = [m for m in LATER if m in sys.modules]
        seen["sources"] = len(linecache.cache)
        QTimer.singleShot(1500, QApplication.instance().quit)
article_view.ArticleView.paintEvent = paint
LATER = %r
from reader.ui.launch import main
main([])
print(" ".join(seen.get("painted", ["never-painted"])) or "-", "|", *(m for m in LATER if m in sys.modules), "|",
      seen.get("sources"))
""" % (AFTER_PAINT,)


def test_the_first_picture_comes_before_listening_for_other_launches_and_counting_words_without_module_sources(
        tmp_path):
    _start(tmp_path / "data")  # the first start fills the library and the annotation cache
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(tmp_path / "data"),
               XDG_RUNTIME_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", PAINT_PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    at_paint, after, sources = result.stdout.split("|")
    assert at_paint.split() == ["-"]  # none of them before the article with its pinyin is on screen
    assert after.split() == list(AFTER_PAINT)  # all of them right after
    # the sources PySide read of the ~170 modules imported before the window was built are not kept in memory
    assert int(sources) < 60


GC_PROBE = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.ui.view import article_view
seen = []
original = article_view.ArticleView.paintEvent
def paint(self, event):
    original(self, event)
    if not seen:
        seen.append(gc.get_threshold()[0])
        QTimer.singleShot(1500, lambda: (seen.append(gc.get_threshold()[0]), QApplication.instance().quit()))
article_view.ArticleView.paintEvent = paint
before = gc.get_threshold()[0]
from reader.ui.launch import main
main([])
print(before, *seen)
"""


def test_the_cycle_collector_runs_rarely_while_starting_and_as_usual_once_the_article_settled(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(tmp_path / "data"),
               XDG_RUNTIME_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", GC_PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    before, while_starting, settled = map(int, result.stdout.split())
    assert while_starting > 100 * before and settled == before
