"""Where a reopen's CPU time goes, phase by phase, beside a bare PySide6 window in the same run.

    .venv/bin/python -m benchmarks.startup_parts [--runs 7]

Each run starts a fresh process on Qt's offscreen platform and notes the process's CPU time (all threads) at the end
of each phase: Qt imported; the reader's modules imported; the QApplication made; the window built (library opened);
the article opened with its cached annotation; the first paint with pinyin; the rest of the article laid out (the
last drawing that changes pixels: the scroll bar's range; what waits until then is not counted). CPU time rather than wall time, so that other work on the
machine moves the figures less. The medians of each phase are printed. The reader reopens what a first start in a
temporary data folder stored.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import time
from PySide6.QtWidgets import QApplication, QLabel
from PySide6.QtCore import QTimer
marks = {"qt imported": time.process_time()}
app = QApplication([])
class Label(QLabel):
    def paintEvent(self, event):
        super().paintEvent(event)
        marks.setdefault("first paint", time.process_time())
        QTimer.singleShot(0, app.quit)
label = Label("读报 Dubao")
label.resize(400, 200)
label.show()
app.exec()
print(repr({k: v * 1000 for k, v in marks.items()}))
"""

READER = """
import time, sys
try:
    from reader.ui.launch import collect_less_while_starting
    restore = collect_less_while_starting()  # as `dubao` does before anything else
except ImportError:  # an older tree, measured for comparison
    restore = None
marks = {}
mark = lambda what: marks.setdefault(what, time.process_time() * 1000)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
mark("qt imported")
from reader.ui.view import article_view
import reader.ui.app as app
mark("modules imported")
from reader.core import layout
extending = layout.LayoutBuilder.extend_for
def extend_for(builder, seconds):
    extending(builder, seconds)
    if builder.complete and "first paint with pinyin" in marks:
        mark("article laid out")  # before the view tells anyone (work deferred until then is not counted)
        QTimer.singleShot(0, QApplication.instance().quit)
layout.LayoutBuilder.extend_for = extend_for
painting = article_view.ArticleView.paintEvent
def paint(view, event):
    painting(view, event)
    if view.document is not None and view.document.annotated and view.layout_ and view.layout_.lines:
        mark("first paint with pinyin")
        if view._builder is None or view._builder.complete:
            mark("article laid out")
            QTimer.singleShot(0, QApplication.instance().quit)
article_view.ArticleView.paintEvent = paint
for name, label in (("create_application", "application made"), ("build_window", "window built"),
                    ("open_initial_article", "article opened")):
    def wrapped(*args, _original=getattr(app, name), _label=label, **kwargs):
        result = _original(*args, **kwargs)
        mark(_label)
        return result
    setattr(app, name, wrapped)
from argparse import Namespace
arguments = Namespace(path=None, present=None, section=1)
app.run_app(arguments, restore) if restore is not None else app.run_app(arguments)
print(repr(marks))
"""


def run(program: str, env: dict) -> dict[str, float]:
    """Run one probe in a fresh process; return its marks (CPU ms)."""
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1:])
    return eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 (our own probe's dict of floats)


def phases(marks: list[dict[str, float]]) -> list[tuple[str, float, float]]:
    """Return (phase, median CPU ms spent in it, median CPU ms at its end) for the marks of several runs."""
    names = list(marks[0])
    rows, before = [], "start"
    for name in names:
        spent = statistics.median(m[name] - (m[before] if before != "start" else 0.0) for m in marks)
        rows.append((f"{before} → {name}", spent, statistics.median(m[name] for m in marks)))
        before = name
    return rows


def main() -> int:
    """Measure bare and reader runs, interleaved, and print each phase's median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", "reader"], cwd=ROOT, check=False)
    with tempfile.TemporaryDirectory(prefix="dubao-parts-") as folder:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=f"{folder}/data",
                   DUBAO_CACHE_DIR=f"{folder}/cache", XDG_RUNTIME_DIR=folder, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "reader", "prepare"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=600)
        run(READER, env)  # the first start stores the article and its position
        bare, reader = [], []
        for _ in range(args.runs):
            bare.append(run(BARE, env))
            reader.append(run(READER, env))
    for title, marks in (("bare PySide6 window", bare), ("Dubao reopening", reader)):
        print(f"\n{title} (CPU ms, median of {args.runs})")
        for phase, spent, at in phases(marks):
            print(f"  {phase:<50} {spent:7.1f}   (at {at:6.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
