"""The one helper that runs core work off the GUI thread and calls back on it.

Rule: the background function touches no widget. It computes a value from plain data and returns it; `on_done`
(on the GUI thread) decides what to redraw.
"""

from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

_RUNNING: set[_Task] = set()


class _Relay(QObject):
    """Carries a result from the worker thread back to the GUI thread (it lives on the GUI thread)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.function = function
        self.relay = _Relay()

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
    task = _Task(function)
    _RUNNING.add(task)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _RUNNING.discard(task)
        if callback is not None and (owner is None or shiboken6.isValid(owner)):
            callback(value)

    task.relay.done.connect(lambda result: finish(on_done, result), Qt.ConnectionType.QueuedConnection)
    task.relay.failed.connect(lambda error: finish(on_error, error), Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(task)


def pending_tasks() -> int:
    """Return how many background tasks have not called back yet."""
    return len(_RUNNING)
