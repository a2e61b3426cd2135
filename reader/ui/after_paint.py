"""Work that must not delay a picture of the article: run it just after the view has painted.

    after_paint(window.view.viewport(), instance.listen, learner.count_pending)

The actions run once, in order, from the event loop right after the widget's next paint event (a widget not shown yet:
once it is shown and painted). An action that raises is logged and does not stop the others.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

Action = Callable[[], object]
log = logging.getLogger(__name__)


class _PaintWatch(QObject):
    """Watches one widget for its next paint, then runs the queued actions once."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.actions: list[Action] = []

    def queue(self, actions: tuple[Action, ...]) -> None:
        """Add actions to run after the next paint (and start watching for it)."""
        if not self.actions:
            self.widget.installEventFilter(self)
        self.actions.extend(actions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """On the paint event, stop watching and run the actions on the next turn of the event loop."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            actions, self.actions = self.actions, []
            QTimer.singleShot(0, self, lambda: run_actions(actions))
        return False


def run_actions(actions: list[Action]) -> None:
    """Run each action; one that raises is logged and the others still run."""
    for action in actions:
        try:
            action()
        except Exception:  # noqa: BLE001 (one deferred task must not cancel the others)
            log.exception("a task deferred until after painting failed")


def after_paint(widget: QWidget, *actions: Action) -> None:
    """Run `actions` once `widget` has painted next."""
    watch = widget.findChild(_PaintWatch)
    if watch is None:
        watch = _PaintWatch(widget)
    watch.queue(actions)
