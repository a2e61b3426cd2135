"""`python -m benchmarks.bench_notes`: what highlights and notes cost the reader window (offscreen, in process).

Rows, each beside a reference measured in the same run:
- repainting the seed with a highlight on every sentence, beside the same repaint without highlights;
- redrawing the panels and highlights (`refresh_annotations`) of an article with many notes, beside only reading those
  notes from the library (`store.annotations.list`, the least a redraw costs).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, at_most_ratio, below, table_text

ROOT = Path(__file__).resolve().parents[1]
NOTES = 1000


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _sentence_spans(document) -> list[tuple[int, int, int]]:
    """Return one (block, start, end) per sentence of every paragraph of the view document."""
    spans = []
    for index, block in enumerate(document.blocks):
        start = 0
        for end, char in enumerate(block.text, 1):
            if char in "。！？" and block.is_paragraph:
                spans.append((index, start, end))
                start = end
    return spans


def paint_rows(window, repeat: int) -> list[Row]:
    """Repaint times of the seed with and without a highlight on every sentence (page by page, lines cached)."""
    from PySide6.QtWidgets import QApplication

    view = window.view
    spans = _sentence_spans(view.document)
    colours = ["#fff176", "#a5d6a7", "#90caf9", "#f48fb1", "#ce93d8"]
    samples: dict[bool, list[float]] = {False: [], True: []}
    bar = view.verticalScrollBar()
    for _ in range(repeat):
        for highlighted in (False, True):
            view.set_highlights([(s, colours[i % 5]) for i, s in enumerate(spans)] if highlighted else [])
            for value in range(0, bar.maximum(), max(bar.pageStep(), 1)):
                bar.setValue(value)
                QApplication.processEvents()  # draw the lines first, so only the highlights differ
                samples[highlighted].append(_timed(view.viewport().repaint))
    reference = Row("repaint of a page of the seed, no highlights", samples[False])
    return [reference, Row(f"the same with {len(spans)} highlights (one per sentence)", samples[True], "ms",
                           reference, at_most_ratio(1.5))]


def refresh_rows(window, repeat: int) -> list[Row]:
    """Times of `refresh_annotations` for the open article with NOTES highlights with notes, beside reading them."""
    from reader.core.anchoring import anchor_in_text

    store, entry = window.controller.store, window.controller.opened.entry_id
    paragraphs = [b for b in window.view.document.blocks if b.is_paragraph and len(b.text) > 4]
    for i in range(NOTES):
        block = paragraphs[i % len(paragraphs)]
        start = (i * 7) % (len(block.text) - 4)
        store.annotations.add_highlight(entry, anchor_in_text(block.key, block.text, start, start + 4), "yellow",
                                        f"note {i}")
    reading = [_timed(lambda: store.annotations.list(entry)) for _ in range(repeat)]
    full = [_timed(window.refresh_annotations) for _ in range(repeat)]
    reference = Row(f"reading {NOTES} highlights with notes from the library", reading)
    return [reference, Row("refresh of the Bookmarks and Notes panels and the view's highlights with them", full, "ms",
                           reference, below(100))]


def measure(repeat: int = 5) -> list[Row]:
    """Build a window on the seed (offscreen, own data folder) and return the rows."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["DUBAO_DATA_DIR"] = tempfile.mkdtemp(prefix="dubao-bench-notes-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import build_window, create_application, open_initial_article
    from reader.ui.launch import build_parser

    app = create_application()
    window = build_window()
    open_initial_article(window, build_parser().parse_args([]))
    window.resize(1600, 1000)
    window.show()
    deadline = time.monotonic() + 120
    while window.controller.annotation is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()
    rows = paint_rows(window, repeat) + refresh_rows(window, repeat)
    window.close()
    return rows


if __name__ == "__main__":
    print(table_text(measure()))
