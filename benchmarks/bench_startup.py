"""Start-up, repaint and popup benchmarks of the reader window, measured beside a reference in the same run.

    .venv/bin/python -m benchmarks.bench_startup [--runs 5]      (part of `python -m benchmarks`)

1. Launch → mapped, launch → settled and peak memory of the whole process tree (benchmarks/xwindow.py, from outside
   the program, under Xvfb), beside a bare PySide6 program showing one window with a label: the reader reopening the
   article read last (library and annotation cache warm), and the reader opening a new seed-size article (the
   dictionary and segmenter caches built, the article's annotation not yet cached; its annotation helper process is
   part of the tree). For the new article, a probe inside the program also times its parts: the window's first
   paint, the child process started, the first screen painted with its pinyin (the child reads it first), and all
   of the article's pinyin in.
2. A 100,000-character article: launch → first screen painted beside the seed's (both new articles), and the longest
   event-loop gap (a 5 ms QTimer heartbeat) while the user scrolls and clicks until the rest is annotated.
3. Repaint of a full 1600×1000 viewport while scrolling the seed (default size, pinyin for all words), with the line
   cache cold (jumping a page) and warm (small steps); popup: click on a word → popup shown and painted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, at_most_ratio, below, skipped, table_text
from benchmarks.xwindow import measure_launch, virtual_display

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "articles" / "xihaian-2025-quality-page.md"
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "xihaian-2025-quality-page.txt"

BARE_PROGRAM = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("读报 Dubao")
label.resize(400, 200)
label.show()
app.exec()
"""

READER_PROBE = """
import json, sys, time
from PySide6.QtCore import QPoint, QTimer, Qt
from PySide6.QtWidgets import QApplication
from reader.ui.view import article_view
from reader.ui.launch import main
seen, gaps, long_gaps, state = {}, [], [], {"last": None, "tick": 0}
original = article_view.ArticleView.paintEvent
def paint(self, event):
    original(self, event)
    if self.layout_ is None or not self.layout_.lines:
        return
    now = time.time()
    if "painted" not in seen:
        seen["painted"] = now
        state["view"] = self
        state["heartbeat"] = QTimer()
        state["heartbeat"].timeout.connect(beat)
        state["heartbeat"].start(5)
    if self.document is not None and self.document.annotated and "settled" not in seen:
        seen["settled"] = now
        QTimer.singleShot(1000, finish)
def beat():
    now = time.perf_counter()
    if state["last"] is not None:
        gaps.append((now - state["last"]) * 1000)
        if gaps[-1] > 50:
            long_gaps.append((round(time.time() - gaps[-1] / 1000, 3), round(gaps[-1]), state.get("did", "")))
    state["did"] = ""
    state["last"] = now
    state["tick"] += 1
    view = state["view"]
    if state["tick"] % 8 == 0:  # the reader scrolls about every 40 ms
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + 40 if bar.value() < bar.maximum() else 0)
        state["did"] = "scroll"
    if state["tick"] % 50 == 0:  # and clicks on the text every quarter second
        from PySide6.QtTest import QTest
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
        state["did"] = "click"
def finish():
    state["heartbeat"].stop()
    print(json.dumps({**seen, "max_gap_ms": max(gaps, default=0), "beats": len(gaps), "long_gaps": long_gaps,
                      "jieba": "jieba" in sys.modules, "pypinyin": "pypinyin" in sys.modules}), flush=True)
    QApplication.instance().quit()
article_view.ArticleView.paintEvent = paint
import os, threading
watchdog = threading.Timer(240, lambda: os._exit(3))  # a probe that never settles must not hang the run
watchdog.daemon = True
watchdog.start()
sys.argv = ["main.py"] + sys.argv[1:]
raise SystemExit(main())
"""


FIRST_OPEN_PROBE = """
import importlib.util, json, subprocess, sys, time
seen = {}
class Timed(subprocess.Popen):
    def __init__(self, *args, **kwargs):
        seen.setdefault("spawned", time.time())
        super().__init__(*args, **kwargs)
subprocess.Popen = Timed
def watch(view_module):  # Qt loads when the program imports it, as without the probe
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    original = view_module.ArticleView.paintEvent
    def paint(self, event):
        original(self, event)
        if self.layout_ is None or not self.layout_.lines or self.document is None:
            return
        now, top = time.time(), self.verticalScrollBar().value()
        seen.setdefault("painted", now)
        shown = self.layout_.visible_lines(top, top + self.viewport().height())
        if all(self.document.blocks[self.layout_.lines[i].block].tokens is not None for i in shown):
            seen.setdefault("screen", now)
        if self.document.annotated and "whole" not in seen:
            seen["whole"] = now
            QTimer.singleShot(300, finish)
    def finish():
        print(json.dumps(seen), flush=True)
        QApplication.instance().quit()
    view_module.ArticleView.paintEvent = paint
class Hook:
    def find_spec(self, name, path=None, target=None):
        if name != "reader.ui.view.article_view":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            watch(module)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Hook())
import os, threading
watchdog = threading.Timer(100, lambda: os._exit(3))  # a probe whose pinyin never comes must not hang the run
watchdog.daemon = True
watchdog.start()
from reader.ui.launch import main
sys.argv = ["main.py"] + sys.argv[1:]
raise SystemExit(main())
"""
FIRST_OPEN_PARTS = ("painted", "spawned", "screen", "whole")


def startup_rows(runs: int) -> list[Row]:
    """Bare window, reader reopening and reader opening a new seed-size article, interleaved, under Xvfb."""
    python = sys.executable
    samples: dict[str, list[float]] = {}
    with virtual_display() as env, tempfile.TemporaryDirectory(prefix="dubao-bench-") as folder:
        env = dict(env, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
        measure_launch([python, "main.py"], env, quiet=2.0, timeout=300, cwd=ROOT)  # first start ever: caches
        for index in range(runs):
            new_article = write_new_article(Path(folder), index)
            for key, command in (("bare", [python, "-c", BARE_PROGRAM]), ("reopen", [python, "main.py"]),
                                 ("first", [python, "main.py", str(new_article)])):
                measure_launch(command, env, quiet=0.5, timeout=120, cwd=ROOT).add_to(samples, key)
            parts = _first_open_parts(env, write_new_article(Path(folder), 1000 + index))
            for part in FIRST_OPEN_PARTS:
                samples.setdefault(f"first_{part}", []).append(parts.get(part, float("nan")))
    return _startup_table(samples)


def _first_open_parts(env: dict, article: Path) -> dict[str, float]:
    """Open a new article with the first-open probe; return its parts in seconds after launch."""
    launched = time.time()
    output = subprocess.run([sys.executable, "-c", FIRST_OPEN_PROBE, str(article)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120).stdout
    lines = [line for line in output.splitlines() if line.startswith("{")]
    return {key: value - launched for key, value in (json.loads(lines[-1]) if lines else {}).items()}


def _startup_table(samples: dict[str, list[float]]) -> list[Row]:
    bare_mapped = Row("bare PySide6 window (one QLabel): launch → mapped", samples["bare_mapped"], "s")
    bare = Row("bare PySide6 window: launch → settled", samples["bare_settled"], "s")
    bare_rss = Row("bare PySide6 window: peak RSS", samples["bare_peak_rss_mib"], "MiB")
    bare_pss = Row("bare PySide6 window: peak PSS", samples["bare_peak_pss_mib"], "MiB")
    return [
        bare_mapped, bare, bare_rss, bare_pss,
        Row("reopening (annotation cached): launch → mapped", samples["reopen_mapped"], "s", bare_mapped),
        Row("reopening (annotation cached): launch → article painted and settled", samples["reopen_settled"], "s",
            bare, at_most_ratio(2)),
        Row("reopening: peak RSS of the process tree", samples["reopen_peak_rss_mib"], "MiB", bare_rss,
            at_most_ratio(2)),
        Row("reopening: peak PSS of the process tree", samples["reopen_peak_pss_mib"], "MiB", bare_pss,
            at_most_ratio(2)),
        Row("first open of a new seed-size article: launch → pinyin painted and settled",
            samples["first_settled"], "s", bare, at_most_ratio(6)),
        Row("first open of a new seed-size article: peak RSS (with the annotation helper)",
            samples["first_peak_rss_mib"], "MiB", bare_rss),
        Row("first open, its parts (probe): launch → window painted (text, no pinyin yet)",
            samples["first_painted"], "s", bare),
        Row("first open, its parts (probe): launch → annotation child process started",
            samples["first_spawned"], "s", bare),
        Row("first open, its parts (probe): launch → first screen painted with its pinyin",
            samples["first_screen"], "s", bare, at_most_ratio(6)),
        Row("first open, its parts (probe): launch → the whole article's pinyin in and painted",
            samples["first_whole"], "s", bare),
    ]


def write_new_article(folder: Path, number: int) -> Path:
    """Write a seed-size article no cache has seen (the seed's paragraphs reshuffled, a fifth of the characters
    swapped) and return its path."""
    from benchmarks.make_library import seed_paragraphs, variant

    title, texts = variant(seed_paragraphs(), 100_000 + number)
    path = folder / f"new-article-{number}.txt"
    path.write_text(title + "\n\n" + "\n\n".join("\u3000\u3000" + text for text in texts) + "\n", encoding="utf-8")
    return path


def long_article_rows(runs: int) -> list[Row]:
    """First screen of a 100,000-character article beside the seed's (both new), and event-loop gaps meanwhile."""
    from benchmarks.bench_language import long_paragraphs

    if not SEED_TEXT.exists():
        return [skipped("100,000-character article", f"{SEED_TEXT.name} is absent (shared material)")]
    results: dict[str, list[dict]] = {"seed": [], "long": []}
    with virtual_display() as env, tempfile.TemporaryDirectory(prefix="dubao-bench-") as folder:
        long_path = Path(folder) / "long-article.txt"
        long_path.write_text("长篇基准文章\n\n" + "\n\n".join("\u3000\u3000" + p for p in long_paragraphs()) + "\n",
                             encoding="utf-8")
        env = dict(env, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
        _probe(env, [], folder)  # builds the dictionary and segmenter caches once
        for index in range(runs):
            cache = f"{folder}/cache-{index}"
            subprocess.run(["cp", "-r", f"{folder}/cache", cache], check=True)  # language caches, no annotation
            Path(cache, "annotations.sqlite3").unlink(missing_ok=True)
            run_env = dict(env, DUBAO_CACHE_DIR=cache, DUBAO_DATA_DIR=f"{folder}/data-{index}")
            results["seed"].append(_probe(run_env, [str(write_new_article(Path(folder), index))], folder))
            results["long"].append(_probe(run_env, [str(long_path)], folder))
    seed = Row("new seed-size article: launch → first screen painted", [r["painted"] for r in results["seed"]], "s")
    return [
        seed,
        Row("new 100,000-character article: launch → first screen painted", [r["painted"] for r in results["long"]],
            "s", seed, at_most_ratio(1.2)),
        Row("new 100,000-character article: launch → all annotated and painted",
            [r["settled"] for r in results["long"]], "s", seed),
        Row("longest event-loop gap while scrolling/clicking during its annotation",
            [r["max_gap_ms"] for r in results["long"]], "ms", target=below(50), statistic="median of maxima"),
    ]


def _probe(env: dict, arguments: list[str], folder: str) -> dict:
    """Run the reader with the paint/heartbeat probe; return its milestones in seconds after launch."""
    launched = time.time()
    output = subprocess.run([sys.executable, "-c", READER_PROBE, *arguments], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300).stdout
    lines = [line for line in output.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    for key in ("painted", "settled"):
        result[key] = result[key] - launched if key in result else float("nan")
    result.setdefault("max_gap_ms", float("nan"))
    return result


def reopen_import_rows() -> list[Row]:
    """Whether jieba or pypinyin is imported on the reopening path (a probe's sys.modules once settled)."""
    with virtual_display() as env, tempfile.TemporaryDirectory(prefix="dubao-bench-") as folder:
        env = dict(env, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
        _probe(env, [], folder)
        result = _probe(env, [], folder)
    imported = [name for name in ("jieba", "pypinyin") if result.get(name, True)]
    return [Row("reopening imports jieba / pypinyin (1 = yes)", [float(bool(imported))], "", target=below(0.5),
                note=", ".join(imported) + " imported" if imported else "neither imported")]


def view_rows(runs: int) -> list[Row]:
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
    reference = Row("repaint of a 1600×1000 widget that fills itself", [_timed(plain.repaint) for _ in range(40)])
    cold, warm = _scroll_times(view, runs)
    paged = _paging_times(view, runs)
    popup = _popup_times(app)
    return [
        reference,
        Row("repaint 1600×1000 of the seed, jumping a page into undrawn lines (worst case)", cold, "ms", reference,
            below(8)),
        Row("repaint 1600×1000 of the seed while scrolling (40 px steps, event loop running)", warm, "ms",
            reference, below(8)),
        Row("repaint 1600×1000 of the seed paging down (a page per key press, event loop running between)", paged,
            "ms", reference, below(8)),
        Row("popup: click on a word → popup shown and painted (dictionary warm)", popup, "ms", reference,
            below(16)),
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
    from reader.core.lang import default_annotator
    from reader.ui import services
    from reader.ui.fonts import choose_family, cjk_families_of_system
    from reader.ui.view.article_view import ArticleView
    from reader.ui.view.document import ViewDocument
    from reader.ui.view.style import ViewStyle

    article = services.load_article_file(SEED)
    document = ViewDocument.from_article(article, default_annotator().annotate_in_subprocess(article))
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


def _paging_times(view, runs: int) -> list[float]:
    """Return repaint times (ms) paging down a page at a time, with the event loop running for 100 ms between two
    key presses as it does for a reader (the view draws the next page while idle)."""
    from PySide6.QtWidgets import QApplication

    bar, times = view.verticalScrollBar(), []
    for _ in range(runs):
        view.renderer.clear()
        bar.setValue(0)
        view.viewport().repaint()
        while bar.value() < bar.maximum():
            until = time.perf_counter() + 0.1
            while time.perf_counter() < until:
                QApplication.processEvents()
            bar.setValue(bar.value() + bar.pageStep())
            times.append(_timed(view.viewport().repaint))
    return times


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


def main() -> int:
    """Run every measurement of this module and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = startup_rows(args.runs) + long_article_rows(max(1, args.runs // 2)) + reopen_import_rows()
    rows += view_rows(max(args.runs, 5))
    print(table_text(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
