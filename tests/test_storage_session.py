"""Backups during a reading session: every 30 minutes at most and at close, only after changes, in a bounded
rotation (the schedule with a fake clock; the rotation with made-up dates; the store's change marker for real)."""

from __future__ import annotations

import datetime
import os
import sqlite3
from pathlib import Path

from reader.core.anchoring import Anchor
from reader.core.storage import Store, backups, database
from reader.core.storage.backups import BackupFile, routine_backups_to_keep
from reader.core.storage.session import HURRIED_CLOSE_BYTES, INTERVAL_SECONDS, SessionBackups

from test_storage_support import article_with_texts


class FakeLibrary:
    """A change marker and a clock the test moves by hand."""

    def __init__(self) -> None:
        self.commits = 0
        self.now = 1_000_000.0

    def marker(self) -> int:
        return self.commits


def _schedule(fake: FakeLibrary) -> SessionBackups:
    return SessionBackups(fake.marker, clock=lambda: fake.now)


def _back_up(schedule: SessionBackups) -> None:
    schedule.started()
    schedule.finished()


def test_nothing_changed_means_no_backup_however_long_the_session():
    fake = FakeLibrary()
    schedule = _schedule(fake)
    fake.now += 10 * INTERVAL_SECONDS
    assert not schedule.due() and not schedule.due_at_close(1000)


def test_a_change_is_backed_up_within_the_interval_and_not_sooner():
    fake = FakeLibrary()
    schedule = _schedule(fake)
    fake.commits += 1
    fake.now += INTERVAL_SECONDS - 1
    assert not schedule.due()
    fake.now += 1
    assert schedule.due()
    _back_up(schedule)
    assert not schedule.due() and not schedule.due_at_close(1000)
    fake.commits += 1  # a note one minute after the backup: kept by the next one, 30 minutes after the last
    fake.now += 60
    assert not schedule.due() and schedule.due_at_close(1000)
    fake.now += INTERVAL_SECONDS - 60
    assert schedule.due()


def test_a_change_made_while_copying_counts_for_the_next_backup():
    fake = FakeLibrary()
    schedule = _schedule(fake)
    fake.commits += 1
    fake.now += INTERVAL_SECONDS
    schedule.started()
    assert not schedule.due()  # one copy at a time
    fake.commits += 1
    schedule.finished()
    assert schedule.changed()
    fake.now += INTERVAL_SECONDS
    assert schedule.due()


def test_a_failed_backup_is_tried_again_an_interval_later():
    fake = FakeLibrary()
    schedule = _schedule(fake)
    fake.commits += 1
    fake.now += INTERVAL_SECONDS
    schedule.started()
    schedule.failed()
    fake.now += 60
    assert not schedule.due()
    fake.now += INTERVAL_SECONDS
    assert schedule.due()


def test_a_hurried_close_copies_only_a_small_library():
    fake = FakeLibrary()
    schedule = _schedule(fake)
    fake.commits += 1
    assert schedule.due_at_close(HURRIED_CLOSE_BYTES, hurried=True)
    assert not schedule.due_at_close(HURRIED_CLOSE_BYTES + 1, hurried=True)
    assert schedule.due_at_close(HURRIED_CLOSE_BYTES + 1, hurried=False)


def test_the_change_marker_moves_with_our_commits_and_with_another_process(tmp_path):
    with Store.open(tmp_path) as store:
        entry = store.library.add(article_with_texts("题", ["质量第一"]), "/a.txt")
        before = store.change_marker()
        assert store.change_marker() == before  # reading changes nothing
        store.annotations.add_note(entry.id, Anchor("p", 0, 2, "质量"), "笔记")
        ours = store.change_marker()
        assert ours != before
        other = sqlite3.connect(database.database_path(tmp_path))
        other.execute("INSERT INTO vocab (word, created_at, updated_at) VALUES ('词', 1, 1)")
        other.commit()
        other.close()
        assert store.change_marker() != ours


def test_the_session_backup_is_a_routine_backup_of_the_current_state(tmp_path):
    with Store.open(tmp_path) as store:
        store.vocab.add("质量")
        made = store.session_backup()
    assert made.name.endswith("-session.sqlite3")
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT word FROM vocab").fetchall() == [("质量",)]


def _made(day: datetime.datetime, minutes: int) -> BackupFile:
    when = day + datetime.timedelta(minutes=minutes)
    return BackupFile(Path(f"/b/dubao-{when:%Y%m%d-%H%M%S}-session.sqlite3"), "session", when.timestamp())


def test_the_rotation_keeps_ten_recent_seven_daily_and_four_weekly():
    start = datetime.datetime(2026, 9, 1, 8, 0)
    made = [_made(start + datetime.timedelta(days=d), m) for d in range(60) for m in range(0, 8 * 60, 30)]
    kept = routine_backups_to_keep(made)
    newest_first = sorted(made, key=lambda b: b.made_at, reverse=True)
    assert {b.path for b in newest_first[:10]} <= kept
    days = {datetime.date.fromtimestamp(b.made_at) for b in made if b.path in kept}
    last_day = datetime.date(2026, 10, 30)
    assert {last_day - datetime.timedelta(days=d) for d in range(7)} <= days
    weeks = {datetime.date.fromtimestamp(b.made_at).isocalendar()[:2] for b in made if b.path in kept}
    assert len(weeks) == 4
    assert len(kept) <= 10 + 7 + 4
    newest_of_each_day = {max((b for b in made if datetime.date.fromtimestamp(b.made_at) == day),
                              key=lambda b: b.made_at).path for day in days}
    assert newest_of_each_day <= kept


def test_rotation_on_disk_bounds_routine_backups_and_spares_the_others(tmp_path):
    folder = backups.backup_folder(tmp_path)
    start = datetime.datetime(2026, 9, 1, 8, 0).timestamp()
    for number in range(40):  # two a day for 20 days, some daily and some session
        when = start + number * 12 * 3600
        reason = "daily" if number % 2 == 0 else "session"
        path = folder / f"dubao-{number:08d}-000000-{reason}.sqlite3"
        path.write_bytes(b"")
        os.utime(path, (when, when))
    migration = folder / "dubao-00000000-000001-before-v6.sqlite3"
    migration.write_bytes(b"")
    with Store.open(tmp_path, daily_backup=False) as store:
        store.session_backup()
    left = backups.list_backups(tmp_path)
    routine = [b for b in left if b.reason in ("daily", "session")]
    assert 10 < len(routine) <= 21
    assert migration.exists()
