"""The window part of `python -m reader self-test --gui`: build the reader window offscreen and paint it once."""

from __future__ import annotations

import time
from argparse import Namespace

from reader.core.errors import DubaoError

POLL_SECONDS = 0.01


def paint_reader_window(timeout_seconds: float) -> str:
    """Build the window as the app does, open the seed, wait for its annotation, paint; return a one-line summary.

    Raises DubaoError when the window reports a problem, the annotation does not arrive in time, or nothing is drawn.
    """
    from reader.ui.app import build_window, create_application, open_initial_article

    app = create_application()
    window = build_window()
    problems: list[str] = []
    outcome: list[str] = []
    window.controller.problem.connect(problems.append)
    window.controller.annotationReady.connect(lambda document: outcome.append("ready"))
    window.controller.annotationFailed.connect(lambda document: outcome.append("failed"))
    try:
        open_initial_article(window, Namespace(path=None, present=None, section=1))
        window.show()
        _process_events_until(app, lambda: bool(outcome or problems), timeout_seconds)
        if problems:
            raise DubaoError(f"the window reported: {problems[0]}")
        if not outcome:
            raise DubaoError(f"the article's annotation did not arrive within {timeout_seconds:.0f} s")
        image = window.grab().toImage()
        if image.isNull() or _distinct_colours(image) < 3:
            raise DubaoError("the window painted nothing")
        return f"{image.width()}×{image.height()} window painted: {window.windowTitle()}"
    finally:
        window.close()
        window.controller.close()
        app.processEvents()


def _process_events_until(app, done, timeout_seconds: float) -> None:
    """Run the event loop in small steps until `done()` is true or the time is up."""
    deadline = time.monotonic() + timeout_seconds
    app.processEvents()
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(POLL_SECONDS)


def _distinct_colours(image, samples: int = 4096) -> int:
    """Return how many distinct colours a grid of samples of the image holds (1 means a blank window)."""
    step = max(1, int((image.width() * image.height() / samples) ** 0.5))
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})
