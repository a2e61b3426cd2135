"""The window backs the library up from a timer (every 30 minutes at most, after changes, off the GUI thread) and at
close; the schedule is the core's (reader.core.storage.session), driven here by a fake clock."""

from __future__ import annotations

import pytest

from reader.core.storage import backups
from reader.core.storage.session import INTERVAL_SECONDS, SessionBackups
from reader.ui import backup_timer

from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


def _session_backups(folder):
    return [b for b in backups.list_backups(folder) if b.reason == "session"]


def test_the_window_backs_up_changes_from_its_timer_and_at_close(qtbot, article_file, isolated_dirs):
    window = start(qtbot, str(article_file))
    controller, backups_of_window = window.controller, window.controller.backups
    assert backups_of_window.timer.isActive() and backups_of_window.timer.interval() == backup_timer.CHECK_EVERY_MS
    clock = [1_000_000.0]
    schedule = backups_of_window.schedule = SessionBackups(controller.store.change_marker, clock=lambda: clock[0])
    clock[0] += INTERVAL_SECONDS
    backups_of_window.timer.timeout.emit()
    assert not schedule.running and _session_backups(isolated_dirs) == []  # nothing changed: no copy
    controller.store.vocab.add("质量")
    backups_of_window.timer.timeout.emit()
    qtbot.waitUntil(lambda: len(_session_backups(isolated_dirs)) == 1 and not schedule.running, timeout=10_000)
    controller.store.vocab.add("发展")
    backups_of_window.timer.timeout.emit()  # changed, but the last backup is younger than the interval
    assert not schedule.running
    window.close()  # changed since the last backup: one more at close
    assert len(_session_backups(isolated_dirs)) == 2
