"""Ending the session when the desktop asks (logout or shutdown send SIGTERM): close the window as the user would, so
the reading position is saved and the database closed, within the two seconds or so a desktop waits.

Python runs a signal handler only between bytecodes, and Qt's event loop may wait in C++ for a long time; SIGTERM
therefore wakes the loop through a socket (`signal.set_wakeup_fd`) watched by a QSocketNotifier.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication


class TerminationWatch(QObject):
    """Closes `window` in a hurry (see `MainWindow.close_hurried`) and quits when the process receives SIGTERM."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._receiver, self._sender = socket.socketpair()
        for end in (self._receiver, self._sender):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._sender.fileno())
        self._previous_handler = signal.signal(signal.SIGTERM, lambda *_: None)  # the notifier does the work
        self._notifier = QSocketNotifier(self._receiver.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._watching = True

    def _woken(self) -> None:
        try:
            received = self._receiver.recv(64)
        except BlockingIOError:
            return
        if signal.SIGTERM in received:
            self.stop()
            self._window.close_hurried()
            QApplication.quit()

    def stop(self) -> None:
        """Give SIGTERM back its previous handling (the window is gone or going); calling it again does nothing."""
        if not self._watching:
            return
        self._watching = False
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        signal.signal(signal.SIGTERM, self._previous_handler)
        self._receiver.close()
        self._sender.close()


def close_on_termination(window) -> TerminationWatch:
    """Watch for SIGTERM on the GUI thread and close `window` in a hurry when it comes; return the watch."""
    return TerminationWatch(window)
