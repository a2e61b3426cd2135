"""Work that must not delay a picture of the article: run it just after the view has painted, or once the view has
settled (painted, and the rest of the article laid out).

    after_paint(widget, action)                          # after the widget's next paint
    after_view_settles(window.view, instance.listen)     # after the view's next paint and the rest of its layout

The actions run once, in order, from the event loop right after the widget's next paint event (a widget not shown yet:
once it is shown and painted). An action that raises is logged and does not stop the others.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.ui.view.article_view import ArticleView

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


def after_view_settles(view: ArticleView, *actions: Action) -> None:
    """Run `actions` once the view has painted next and laid the whole article out (a long article's layout goes on
    in idle moments after its first screen is painted; work started meanwhile would hold it up)."""
    def when_painted() -> None:
        if not view.laying_out:
            run_actions(list(actions))
            return

        def when_laid_out() -> None:
            view.layoutCompleted.disconnect(when_laid_out)
            run_actions(list(actions))

        view.layoutCompleted.connect(when_laid_out)

    after_paint(view.viewport(), when_painted)
