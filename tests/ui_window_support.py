"""Starting the whole reader window in a test (the fixtures it needs, `hand_made_annotation` and `article_file`,
are in conftest.py)."""

from __future__ import annotations

from reader.ui.app import build_window, open_initial_article
from reader.ui.launch import build_parser


def start(qtbot, *argv: str, size: tuple[int, int] = (1000, 600), activate: bool = True):
    """Build the window, open what the command line `argv` asks for, show it and (by default) make it active."""
    window = build_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        open_initial_article(window, build_parser().parse_args(list(argv)))
    window.resize(*size)
    window.show()
    if activate:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts need the active window
    return window
