"""The window's side of backups while reading: a timer that asks the core's schedule (reader.core.storage.session)
every minute and makes the periodic copy off the GUI thread, and the closing copy. No policy lives here."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from reader.core.errors import DubaoError
from reader.core.storage.session import SessionBackups
from reader.ui.worker import run_in_background

CHECK_EVERY_MS = 60_000  # how often the schedule is asked (it backs up every 30 minutes at most)


class BackupTimer(QObject):
    """Backs the open library up when its `SessionBackups` schedule says so: from a timer, and at close."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = None
        self.schedule: SessionBackups | None = None
        self.timer = QTimer(self, interval=CHECK_EVERY_MS, timeout=self.back_up_if_due)

    def start(self, store) -> None:
        """Begin the session's schedule for `store` (a `reader.core.storage.Store`)."""
        self.store = store
        self.schedule = SessionBackups(store.change_marker)
        self.timer.start()

    def back_up_if_due(self) -> None:
        """Make the periodic backup, off the GUI thread (the copy uses a connection of its own), when it is due."""
        schedule = self.schedule
        if self.store is None or schedule is None or not schedule.due():
            return
        schedule.started()
        run_in_background(self.store.session_backup, lambda _path: schedule.finished(),
                          lambda error: _failed(schedule, error), owner=self)

    def finish(self, hurried: bool = False) -> None:
        """Stop the timer and make the closing backup when the library changed since the last one (`hurried`:
        the session is ending, as at logout; see reader.core.storage.session)."""
        self.timer.stop()
        store, schedule, self.store = self.store, self.schedule, None
        if store is None or schedule is None or not schedule.due_at_close(store.path.stat().st_size, hurried):
            return
        try:
            store.session_backup()
        except DubaoError as error:
            _failed(schedule, error)


def _failed(schedule: SessionBackups, error: Exception) -> None:
    """Note a failed backup (a full disk): logged, tried again an interval later; reading goes on."""
    logging.getLogger(__name__).warning("the session backup failed: %s", error)
    schedule.failed()
