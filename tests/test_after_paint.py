"""Work deferred until the article is on screen: it runs after the next paint, in order, even when one task fails;
for a widget not shown yet, once it is shown and painted."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from reader.ui.after_paint import after_paint


def test_actions_wait_for_the_next_paint_then_run_in_order(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)  # the first paint is over
    ran: list[str] = []
    after_paint(widget, lambda: ran.append("first"), lambda: ran.append("second"))
    qtbot.wait(50)
    assert ran == []  # nothing painted since
    widget.update()
    qtbot.waitUntil(lambda: ran == ["first", "second"], timeout=2000)
    widget.update()
    qtbot.wait(50)
    assert ran == ["first", "second"]  # once only


def test_a_failing_action_is_logged_and_the_others_still_run(qtbot, caplog):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    ran: list[str] = []
    with caplog.at_level(logging.ERROR, logger="reader.ui.after_paint"):
        after_paint(widget, lambda: 1 / 0, lambda: ran.append("after"))
        widget.update()
        qtbot.waitUntil(lambda: ran == ["after"], timeout=2000)
    assert "deferred until after painting failed" in caplog.text


def test_a_widget_not_shown_yet_runs_them_once_it_is_shown_and_painted(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    after_paint(widget, lambda: ran.append("shown"))
    qtbot.wait(50)
    assert ran == []
    widget.show()
    qtbot.waitUntil(lambda: ran == ["shown"], timeout=2000)
