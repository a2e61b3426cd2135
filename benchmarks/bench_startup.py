"""Start-up, repaint and popup benchmarks of the reader window, measured beside a reference in the same run.

    python benchmarks/bench_startup.py [--runs 5] [--markdown FILE]

1. Process start → first painted article, beside a bare PySide6 program showing one window with a label (same
   display, same run; ratio = reader / bare). Measured for the reopening path (library and annotation cache warm)
   and for a first run (empty data folder; annotation read in a child process from a cold cache). "settled" is the
   first paint after the pinyin arrived. Peak memory is the child's maximum RSS (the annotation helper process of a
   cold start is not included: it exits after filling the cache).
2. Repaint of a full 1600×1000 viewport while scrolling the seed (default size, pinyin for all words), with the line
   cache cold (jumping a page) and warm (small steps).
3. Popup: click on a word → popup shown and painted, dictionary warm.

Runs on Xvfb when it is installed (closest to a desktop), else on Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "articles" / "xihaian-2025-quality-page.md"

BARE_PROBE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("读报 Dubao")
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
label.installEventFilter(probe)
label.resize(400, 200)
label.show()
app.exec()
"""

READER_PROBE = """
import time
from PySide6.QtCore import QTimer
from reader.ui.view import article_view
from reader.ui.launch import build_parser
from reader.ui.app import run_app
from PySide6.QtWidgets import QApplication
seen = {}
original = article_view.ArticleView.paintEvent
def paint(self, event):
    original(self, event)
    if self.layout_ is None or not self.layout_.lines:
        return
    if "first" not in seen:
        seen["first"] = time.time()
        print(f"painted {seen['first']:.6f}", flush=True)
    if self.document is not None and self.document.annotated and "settled" not in seen:
        seen["settled"] = time.time()
        print(f"settled {seen['settled']:.6f}", flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)
article_view.ArticleView.paintEvent = paint
QTimer.singleShot(120000, lambda: QApplication.instance().quit())
raise SystemExit(run_app(build_parser().parse_args([])))
"""


def start_display() -> tuple[dict, subprocess.Popen | None]:
    """Return the environment for the probes and the Xvfb process (None on the offscreen platform)."""
    env = dict(os.environ)
    if shutil.which("Xvfb") is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return env, None
    number = next(n for n in range(250, 350) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        time.sleep(0.02)
    env.update(DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
    return env, server


def run_probe(code: str, env: dict) -> dict[str, float]:
    """Run one probe process; return its milestones (seconds after launch) and peak RSS in MiB."""
    launched = time.time()
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    output = process.stdout.read()
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    result = {"rss": usage.ru_maxrss / 1024}
    for line in output.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("painted", "settled"):
            result[name] = float(stamp) - launched
    return result


def startup_rows(runs: int) -> list[tuple[str, list[float], str]]:
    """Measure bare window, reader reopening and reader first run, interleaved; return table rows."""
    env, server = start_display()
    samples: dict[str, list[float]] = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            warm = dict(env, DUBAO_DATA_DIR=f"{folder}/warm-data", DUBAO_CACHE_DIR=f"{folder}/warm-cache")
            run_probe(READER_PROBE, warm)  # first run fills the library and the annotation cache
            for index in range(runs):
                bare = run_probe(BARE_PROBE, env)
                reopen = run_probe(READER_PROBE, warm)
                cold = run_probe(READER_PROBE, dict(env, DUBAO_DATA_DIR=f"{folder}/cold-data-{index}",
                                                    DUBAO_CACHE_DIR=f"{folder}/cold-cache-{index}"))
                for key, value in (("bare", bare["painted"]), ("bare_rss", bare["rss"]),
                                   ("reopen", reopen.get("painted")), ("reopen_settled", reopen.get("settled")),
                                   ("reopen_rss", reopen["rss"]), ("cold", cold.get("painted")),
                                   ("cold_settled", cold.get("settled")), ("cold_rss", cold["rss"])):
                    samples.setdefault(key, []).append(value if value is not None else float("nan"))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    platform = env.get("QT_QPA_PLATFORM")
    bare, bare_rss = statistics.median(samples["bare"]), statistics.median(samples["bare_rss"])
    rows = [(f"bare PySide6 window with a label: launch → painted ({platform})", samples["bare"], "1.00×")]
    for key, label in (("reopen", "reader, reopening (cached): launch → article painted"),
                       ("reopen_settled", "reader, reopening (cached): launch → pinyin painted (settled)"),
                       ("cold", "reader, first run (cold caches): launch → article painted"),
                       ("cold_settled", "reader, first run (cold caches): launch → pinyin painted")):
        rows.append((label, samples[key], f"{statistics.median(samples[key]) / bare:.2f}×"))
    rows.append(("bare window peak RSS (MiB)", samples["bare_rss"], "1.00×"))
    for key, label in (("reopen_rss", "reader reopening peak RSS (MiB)"),
                       ("cold_rss", "reader first run peak RSS (MiB, without the annotation helper)")):
        rows.append((label, samples[key], f"{statistics.median(samples[key]) / bare_rss:.2f}×"))
    return rows


def view_rows(runs: int) -> list[tuple[str, list[float], str]]:
    """Measure repaint and popup times in this process (offscreen), beside repainting a plain widget of the same
    size that fills itself with one colour (the least any full repaint costs)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["DUBAO_DATA_DIR"] = tempfile.mkdtemp(prefix="dubao-bench-data-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    view = _seed_view()
    plain = _FilledWidget()
    plain.resize(1600, 1000)
    plain.show()
    app.processEvents()
    reference = [_timed(plain.repaint) for _ in range(40)]
    cold, warm = _scroll_times(view, runs)
    popup = _popup_times(app)
    reference_ms = statistics.median(reference)
    return [
        ("repaint of a 1600×1000 widget that fills itself (reference) ms", reference, "1.00×"),
        ("repaint 1600×1000 of the seed, jumping a page into undrawn lines (worst case) ms", cold,
         f"{statistics.median(cold) / reference_ms:.2f}×"),
        ("repaint 1600×1000 of the seed while scrolling (40 px steps, event loop running) ms", warm,
         f"{statistics.median(warm) / reference_ms:.2f}×"),
        ("popup: click on a word → popup shown and painted (dictionary warm) ms", popup,
         f"{statistics.median(popup) / reference_ms:.2f}×"),
    ]


def _FilledWidget():  # noqa: N802 (builds the reference widget class after Qt is imported)
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QWidget

    class FilledWidget(QWidget):
        """A widget whose paint fills its whole area with one colour."""

        def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
            painter = QPainter(self)
            painter.fillRect(event.rect(), QColor("#fbfbf8"))
            painter.end()

    return FilledWidget()


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _seed_view():
    from reader.ui import services
    from reader.ui.fonts import choose_family, cjk_families_of_system
    from reader.ui.view.article_view import ArticleView
    from reader.ui.view.document import ViewDocument
    from reader.ui.view.style import ViewStyle

    article = services.load_article_file(SEED)
    document = ViewDocument.from_article(article, services.annotate(article))
    view = ArticleView(style=ViewStyle(family=choose_family(cjk_families_of_system())))
    view.set_formatter(services.format_readings)
    view.resize(1600, 1000)
    view.set_document(document)
    view.show()
    return view


def _scroll_times(view, runs: int) -> tuple[list[float], list[float]]:
    """Return repaint times (ms) jumping a page into undrawn text (worst case), and scrolling in 40-pixel steps
    with the event loop running between frames as it does for a reader (lines ahead are drawn while idle)."""
    from PySide6.QtWidgets import QApplication

    bar = view.verticalScrollBar()
    cold, warm = [], []
    for _ in range(runs):
        view.renderer.clear()
        bar.setValue(0)
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            cold.append(_timed(view.viewport().repaint))
        view.renderer.clear()
        bar.setValue(0)
        view.viewport().repaint()
        while bar.value() < bar.maximum():
            for _frame in range(3):  # about 50 ms of a 60 Hz loop between two scroll steps
                QApplication.processEvents()
            bar.setValue(bar.value() + 40)
            warm.append(_timed(view.viewport().repaint))
    return cold, warm


def _popup_times(app) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reader.ui import lookup, services
    from reader.ui.app import build_window, open_initial_article
    from reader.ui.launch import build_parser

    window = build_window()
    window.resize(1600, 1000)
    open_initial_article(window, build_parser().parse_args([]))
    window.show()
    deadline = time.monotonic() + 120
    while window.controller.annotation is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    services.language_service().lookup("的")
    lookup._READY.append(True)
    view, times = window.view, []
    for line in view.layout_.lines[:400]:
        if len(times) >= 40:
            break
        rect = view.span_rect(line.block, line.start, line.start + 1)
        if not line.xs or rect.top() < 0 or rect.bottom() > view.viewport().height():
            continue
        window.popup.hide()
        start = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        window.popup.repaint()
        times.append((time.perf_counter() - start) * 1000)
        if not window.popup.isVisible():
            times.pop()
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 60)
    window.close()
    return times


def print_table(rows: list[tuple[str, list[float], str]], markdown: Path | None) -> None:
    """Print the table (what, median, min–max, ratio) and write it as Markdown when asked."""
    lines = ["| what | median | min–max | ratio to reference |", "|---|---|---|---|"]
    for what, values, ratio in rows:
        unit = "" if "RSS" in what else (" ms" if what.endswith(" ms") else " s")
        fmt = (lambda v: f"{v:.1f}") if unit != " s" else (lambda v: f"{v:.3f}")
        what = what.removesuffix(" ms")
        lines.append(f"| {what} | {fmt(statistics.median(values))}{unit} | {fmt(min(values))}–{fmt(max(values))}"
                     f"{unit} | {ratio} |")
    text = "\n".join(lines)
    print(text)
    if markdown is not None:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(text + "\n", encoding="utf-8")


def main() -> int:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown", type=Path, default=ROOT / "benchmarks" / "results" / "startup.md")
    args = parser.parse_args()
    rows = startup_rows(args.runs)
    rows += view_rows(max(args.runs, 5))
    print_table(rows, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
