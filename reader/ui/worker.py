"""The one helper that runs core work off the GUI thread and calls back on it (and, for work that must stay on
the GUI thread, runs it a slice per idle moment).

Rule: the background function touches no widget. It computes a value from plain data and returns it; `on_done`
(on the GUI thread) decides what to redraw.
"""

from __future__ import annotations

import gc
from typing import Any, Callable, Iterator

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from reader.core.errors import DubaoError

_RUNNING: set[_Task] = set()


class _Relay(QObject):
    """Carries a result from the worker thread back to the GUI thread (it lives on the GUI thread)."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.function = function
        self.relay = _Relay()

    def report(self, value: Any) -> None:
        """Hand a partial result to the GUI thread (called by the function, on the worker thread)."""
        self._send(self.relay.progress, value)

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # noqa: BLE001 (handed to on_error on the GUI thread)
            self._send(self.relay.failed, error)
        else:
            self._send(self.relay.done, result)

    @staticmethod
    def _send(signal, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is shutting down: nobody is left to call back
            pass


def run_in_background(function: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None] | None = None, owner: QObject | None = None) -> None:
    """Run `function()` on the thread pool; then call `on_done(result)` or `on_error(exception)` on the GUI thread.

    When `owner` (the widget or object the callbacks belong to) is deleted meanwhile, nothing is called.
    """
    _start(_Task(function), on_done, on_error, None, owner)


def run_with_progress(function: Callable[[Callable[[Any], None]], Any], on_progress: Callable[[Any], None],
                      on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None = None,
                      owner: QObject | None = None) -> None:
    """Like `run_in_background`, for a function that reports partial results: `function(report)` runs on the
    thread pool, and each `report(value)` it makes calls `on_progress(value)` on the GUI thread, in order and
    before `on_done` or `on_error`."""
    task = _Task(lambda: function(task.report))
    _start(task, on_done, on_error, on_progress, owner)


def _start(task: _Task, on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None,
           on_progress: Callable[[Any], None] | None, owner: QObject | None) -> None:
    _RUNNING.add(task)

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _RUNNING.discard(task)
        if callback is not None and alive():
            callback(value)

    queued = Qt.ConnectionType.QueuedConnection
    task.relay.done.connect(lambda result: finish(on_done, result), queued)
    task.relay.failed.connect(lambda error: finish(on_error, error), queued)
    if on_progress is not None:
        task.relay.progress.connect(lambda value: on_progress(value) if alive() else None, queued)
    QThreadPool.globalInstance().start(task)


def run_in_idle_steps(steps: Iterator[Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None], owner: QObject,
                      wanted: Callable[[], bool] = lambda: True) -> None:
    """Advance `steps` once per idle moment of the GUI thread (each step a few milliseconds) until it yields a value
    that is not None: then call `on_done(value)`. A DubaoError it raises goes to `on_error`; once `wanted()` is
    False it is dropped. Python's garbage collector waits meanwhile: the objects a decoding makes live as long as
    the article, and a full collection among them would stall the window 100+ ms (they are frozen out of later
    collections too)."""
    timer = QTimer(owner, interval=0)
    collecting = gc.isenabled()
    gc.disable()

    def step() -> None:
        try:
            result = next(steps) if wanted() else False
        except DubaoError as error:
            result = False
            on_error(error)
        if result is not None:
            timer.stop()
            timer.deleteLater()
            gc.freeze()
            if collecting:
                gc.enable()
            if result is not False:
                on_done(result)

    timer.timeout.connect(step)
    timer.start()


def pending_tasks() -> int:
    """Return how many background tasks have not called back yet."""
    return len(_RUNNING)
