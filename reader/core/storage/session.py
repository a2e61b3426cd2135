"""When to back up the library during a reading session, so a damaged file costs at most 30 minutes of work.

The policy, apart from the copying (`Store.session_backup`) and from whoever calls it (the window, from a timer and
at close), so it can be tested with a fake clock:
- a backup is due when something changed since the last one and `INTERVAL_SECONDS` have passed since it (or since
  the session began);
- at close, when something changed since the last one; on a hurried close (logout, SIGTERM, which allows about two
  seconds) only for a database small enough to copy in time - the periodic backups bound the loss otherwise;
- a backup that failed (a full disk) is tried again one interval later, not at every tick.
"Changed" is read from a marker the store gives (`Store.change_marker`), which moves with every commit made by this
process or any other.
"""

from __future__ import annotations

import time
from typing import Callable, Hashable

INTERVAL_SECONDS = 30 * 60
HURRIED_CLOSE_BYTES = 16 * 1024 * 1024  # copied in well under a second here (320 MB took 5.4 s)


class SessionBackups:
    """The backup schedule of one open library: ask `due()` from a timer, bracket each copy with `started()` and
    `finished()`/`failed()`, and ask `due_at_close()` when closing."""

    def __init__(self, marker: Callable[[], Hashable], clock: Callable[[], float] = time.time,
                 interval: float = INTERVAL_SECONDS) -> None:
        self._marker = marker
        self._clock = clock
        self._interval = interval
        self._saved = marker()  # what the last backup (or the session's start) holds
        self._last_at = clock()
        self._running: Hashable | None = None
        self.running = False

    def changed(self) -> bool:
        """True when something was committed since the last backup (or since the session began)."""
        return self._marker() != self._saved

    def due(self) -> bool:
        """True when a periodic backup should be made now."""
        return not self.running and self.changed() and self._clock() - self._last_at >= self._interval

    def due_at_close(self, size_bytes: int, hurried: bool = False) -> bool:
        """True when closing should make a backup (see the module's notes on a hurried close)."""
        return not self.running and self.changed() and (not hurried or size_bytes <= HURRIED_CLOSE_BYTES)

    def started(self) -> None:
        """Note that a copy begins: what is committed from now on counts as a change for the next one."""
        self._running = self._marker()
        self.running = True

    def finished(self) -> None:
        """Note that the copy begun by `started()` is written."""
        self._saved = self._running
        self._last_at = self._clock()
        self.running = False

    def failed(self) -> None:
        """Note that the copy failed; the next try comes one interval later."""
        self._last_at = self._clock()
        self.running = False
