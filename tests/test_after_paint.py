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


def test_work_for_a_settled_view_waits_until_a_long_article_is_laid_out(qtbot):
    from dataclasses import replace

    from reader.ui.after_paint import after_view_settles
    from reader.ui.view.article_view import ArticleView
    from reader.ui.view.document import ViewDocument
    from test_ui_helpers import annotate_article, make_article

    article = make_article()
    for index in range(60):
        article.sections.append(replace(article.sections[1], heading=f"第{index}节"))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(ViewDocument.from_article(article, annotate_article(article)))
    ran: list[bool] = []
    after_view_settles(view, lambda: ran.append(view.laying_out))
    assert view.laying_out
    qtbot.waitUntil(lambda: bool(ran), timeout=10000)
    assert ran == [False]  # it ran only once the whole article was laid out
