"""The window backs the library up from a timer (every 30 minutes at most, after changes, off the GUI thread) and at
close; the schedule is the core's (reader.core.storage.session), driven here by a fake clock."""

from __future__ import annotations

import pytest

from reader.core.storage import backups
from reader.core.storage.session import INTERVAL_SECONDS, SessionBackups
from reader.ui import controller as controller_module

from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


def _session_backups(folder):
    return [b for b in backups.list_backups(folder) if b.reason == "session"]


def test_the_window_backs_up_changes_from_its_timer_and_at_close(qtbot, article_file, isolated_dirs):
    window = start(qtbot, str(article_file))
    controller = window.controller
    assert controller._backup_timer.isActive() and controller._backup_timer.interval() == controller_module.BACKUP_CHECK_MS
    clock = [1_000_000.0]
    controller.backups = SessionBackups(controller.store.change_marker, clock=lambda: clock[0])
    clock[0] += INTERVAL_SECONDS
    controller.backup_if_due()
    assert not controller.backups.running and _session_backups(isolated_dirs) == []  # nothing changed: no copy
    controller.store.vocab.add("质量")
    controller.backup_if_due()
    qtbot.waitUntil(lambda: len(_session_backups(isolated_dirs)) == 1 and not controller.backups.running, timeout=10_000)
    controller.store.vocab.add("发展")
    controller.backup_if_due()  # changed, but the last backup is younger than the interval
    assert not controller.backups.running
    window.close()  # changed since the last backup: one more at close
    assert len(_session_backups(isolated_dirs)) == 2
