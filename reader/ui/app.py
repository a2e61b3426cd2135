"""Start the reader: application, translations, fonts, window; then the article (text first, pinyin after)."""

from __future__ import annotations

import linecache
import sys
from argparse import Namespace
from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.core import logs, paths
from reader.ui import services
from reader.ui.after_paint import after_view_settles
from reader.ui.controller import ReaderController
from reader.ui.fonts import choose_family, cjk_families_of_system, missing_font_message
from reader.ui.i18n import install_translator
from reader.ui.main_window import MainWindow
from reader.ui.prefs import Preferences
from reader.ui.termination import close_on_termination

LISTEN_AT_THE_LATEST_MS = 3000  # later launches are handed to this window even if it has not painted by then


def create_application() -> QApplication:
    """Return the QApplication (creating it with Dubao's names when there is none yet)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dubao")
    app.setApplicationDisplayName("Dubao 读报")
    app.setOrganizationName("Dubao")
    app.setDesktopFileName("dubao")
    app.setWindowIcon(_application_icon())
    return app


def _application_icon() -> QIcon:
    """Return the bundled icon sizes (read lazily by Qt) without importing the About dialog's data sources."""
    icon = QIcon()
    for path in sorted((paths.resources_dir() / "icons").glob("dubao-*.png")):
        icon.addFile(str(path))
    return icon


def build_window(prefs: Preferences | None = None) -> MainWindow:
    """Build the reader window over a controller with the library opened; no article shown yet."""
    prefs = prefs or Preferences()
    style = prefs.view_style()
    families = cjk_families_of_system()
    font_problem = None
    if style.family not in families:
        chosen = choose_family(families)
        style = replace(style, family=chosen)
        font_problem = None if chosen else missing_font_message()
    controller = ReaderController()
    window = MainWindow(controller, prefs, style)
    window.show_language(prefs.language() or QLocale.system().name())
    controller.open_store()
    if font_problem:
        window.banner.show_message(font_problem, lasting=True)
    geometry, state = prefs.window_state()
    if geometry is not None:
        window.restoreGeometry(geometry)
        window.restoreState(state)
    else:
        window.resize(1280, 860)
        window.resizeDocks([window.docks["sections"], window.docks["glossary"]], [230, 210], Qt.Orientation.Horizontal)
    return window


def open_initial_article(window: MainWindow, args: Namespace) -> None:
    """Open the article the command line names, else the last one read (first run: the bundled seed)."""
    path = getattr(args, "present", None) or getattr(args, "path", None)
    if path and services.looks_like_address(path):  # read something at once; the page replaces it when fetched
        window.controller.open_last_or_seed()
        window.open_address(path)
        return
    if path and window.open_path(path):
        return
    if path:  # a bad file: its message stays in the window, and the reader still gets an article
        message = window.banner.text()
        window.controller.open_last_or_seed()
        window.banner.show_message(message)
        return
    window.controller.open_last_or_seed()


def start_presentation_if_asked(window: MainWindow, args: Namespace) -> None:
    """With `--present`, present the opened article from `--section` once its annotation is in (or failed)."""
    if getattr(args, "present", None) and window.controller.opened is not None:
        present_when_ready(window, max(getattr(args, "section", 1), 1) - 1)


def present_when_ready(window: MainWindow, section_index: int) -> None:
    """Present the open article from `section_index` (0-based) once its annotation is in (or failed)."""
    started: list[bool] = []

    def begin(*_: object) -> None:
        if not started:
            started.append(True)
            window.controller.annotationReady.disconnect(begin)
            window.controller.annotationFailed.disconnect(begin)
            from reader.ui.presenting import present

            present(window, section_index)

    window.controller.annotationReady.connect(begin)
    window.controller.annotationFailed.connect(begin)
    if window.controller.annotation is not None:
        begin()


def present_path(window: MainWindow, path: str, section: int) -> None:
    """Open `path` and present it from section `section` (1-based), ending a presentation already running."""
    running = getattr(window, "presentation", None)
    if running is not None and running.running:
        running.stop()
    if window.open_path(path):
        present_when_ready(window, max(section, 1) - 1)


def wire_hand_offs(window: MainWindow, instance) -> None:
    """Let a second launch open a file, present one from a section (`--present FILE --section N`), or just bring
    the window to the front."""
    instance.open_requested.connect(window.open_path)
    instance.present_requested.connect(lambda path, section: present_path(window, path, section))
    instance.activation_requested.connect(lambda: _bring_to_front(window))


def forget_module_sources() -> None:
    """Drop the source text of the modules imported so far from Python's line cache.

    PySide reads the source of every module imported after it (looking for its `__feature__` switches) and the line
    cache keeps it: some 6 MB of text that only a traceback would ever read again (and would read from the file).
    Dropped before the window is built, that memory is reused for the window and the article."""
    linecache.clearcache()


def run_app(args: Namespace, after_start: Callable[[], object] = lambda: None) -> int:
    """Run the reader until its window closes; return the exit status. `after_start` runs once the article is on
    screen and laid out."""
    forget_module_sources()
    app = create_application()
    logs.start_logging()  # a rotating log in the data folder, for Help ▸ Report a Problem…
    sys.excepthook = logs.log_uncaught
    prefs = Preferences()
    install_translator(app, prefs.language() or QLocale.system().name())
    handoff = _single_instance(args)
    if handoff is None:
        return 0
    window = build_window(prefs)
    termination = close_on_termination(window)  # logout: position saved, library closed, then quit
    wire_hand_offs(window, handoff)
    open_initial_article(window, args)
    window.show()
    # once the article is on screen and laid out: later launches hand their files to this window
    after_view_settles(window.view, handoff.listen, after_start, forget_module_sources)
    QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, handoff.listen)  # a window started minimised paints nothing yet
    if window.controller.store_error is not None:  # a damaged library: say so, offer the newest good backup
        from reader.ui.recovery import offer_recovery

        offer_recovery(window)  # (the article is shown already)
    start_presentation_if_asked(window, args)
    status = app.exec()
    termination.stop()
    handoff.close()
    return status


def _single_instance(args: Namespace):
    """Return the single-instance guard (not listening yet), or None when a running Dubao took the file (and, with
    `--present`, the presentation) over."""
    from reader.ui.single_instance import SingleInstance

    present = getattr(args, "present", None)
    path = present or getattr(args, "path", None)
    section = max(getattr(args, "section", 1) or 1, 1) if present else None
    instance = SingleInstance()
    if path and not services.looks_like_address(path):
        path = str(Path(path).resolve())
    if instance.try_hand_off(path, present_section=section):
        return None
    return instance


def _bring_to_front(window: MainWindow) -> None:
    from reader.ui.single_instance import bring_to_front

    bring_to_front(window)
