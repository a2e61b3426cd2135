"""The window's web commands (pytest-qt, pages and feeds from a local server on 127.0.0.1): Open Web Address…,
`dubao URL`, Subscribe to Feed…, the Feeds panel with unread counts, and pasting a browser's HTML."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

import web_server
from reader.ui.web_dialogs import AddressDialog
from test_web_feeds import RSS, page
from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


@pytest.fixture
def server():
    routes: dict = {}
    local = web_server.LocalServer(routes)
    base = local.url("")
    routes.update({
        "/a.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page("第一条新闻", "蝴蝶兰")),
        "/b.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page("第二条新闻", "郁金香")),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, RSS.format(base=base).encode("utf-8")),
    })
    yield local
    local.stop()


def test_open_web_address_fetches_the_page_and_keeps_it(qtbot, server):
    window = start(qtbot)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=15000):
        window.open_address(server.url("/a.html"))
    assert window.view.document.article.title == "第一条新闻"
    server.stop()
    assert [row.title for row in window.controller.library_rows()][0] == "第一条新闻"


def test_a_bad_address_is_one_line_in_the_banner_and_the_article_stays(qtbot, server):
    window = start(qtbot)
    title = window.view.document.article.title
    window.open_address(server.url("/missing.html"))
    qtbot.waitUntil(lambda: "not found" in window.banner.text(), timeout=15000)
    assert window.banner.text().startswith("Could not open http://127.0.0.1")
    assert "\n" not in window.banner.text() and window.view.document.article.title == title


def test_dubao_url_on_the_command_line_opens_the_page(qtbot, server):
    window = start(qtbot, server.url("/b.html"))  # the seed shows at once, the page replaces it
    qtbot.waitUntil(lambda: window.view.document.article.title == "第二条新闻", timeout=15000)


def test_the_address_dialog_accepts_only_an_address(qtbot):
    dialog = AddressDialog("Open Web Address", "The address:")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.address.setText("  https://example.cn/a.html ")
    assert ok.isEnabled() and dialog.value() == "https://example.cn/a.html"


def test_subscribe_refresh_and_read_in_the_feeds_panel(qtbot, server):
    window = start(qtbot)
    window.show_dock("feeds", True)
    with qtbot.waitSignal(window.feeds_controller.libraryChanged, timeout=30000):
        window.feeds_controller.subscribe(server.url("/feed.xml"))
    feeds = window.feeds.feeds
    assert feeds.count() == 1 and feeds.item(0).text() == "示例新闻  (3 unread)"
    items = window.feeds.items
    assert sorted(items.item(i).text().split("  · ")[0] for i in range(items.count())) == [
        "只有摘要的新闻", "第一条新闻", "第二条新闻"]
    first = next(items.item(i) for i in range(items.count()) if items.item(i).text().startswith("第一条新闻"))
    with qtbot.waitSignal(window.controller.annotationReady, timeout=10000):
        window.feeds._item_chosen(first)
    assert window.view.document.article.title == "第一条新闻"
    assert window.feeds.feeds.item(0).text() == "示例新闻  (2 unread)"
    window.grab().save(str(web_server.SCREENSHOTS / "feeds-panel.png")) if web_server.SCREENSHOTS else None


def test_paste_uses_the_clipboards_html(qtbot):
    window = start(qtbot)
    mime = QMimeData()
    mime.setHtml("<h1>浏览器里的标题</h1><p>第一段有<a href='https://example.invalid'>链接</a>，复制自浏览器。</p>"
                 "<h2>小标题</h2><p>第二段，格式保留下来，读起来像文章。</p>")
    mime.setText("浏览器里的标题\n第一段有链接，复制自浏览器。\n小标题\n第二段，格式保留下来，读起来像文章。")
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        window.actions_["paste_article"].trigger()
    article = window.view.document.article
    assert article.title == "浏览器里的标题"
    assert [s.heading for s in article.sections] == [None, "小标题"]
    assert [p.text for p in article.paragraphs()] == ["第一段有链接，复制自浏览器。", "第二段，格式保留下来，读起来像文章。"]


def test_periodic_refresh_is_off_until_turned_on_and_remembered(qtbot):
    window = start(qtbot)
    assert not window.feeds.auto.isChecked() and not window.feeds_controller.timer.isActive()
    window.feeds.auto.setChecked(True)
    assert window.feeds_controller.timer.isActive()
    window.close()
    again = start(qtbot)
    assert again.feeds.auto.isChecked() and again.feeds_controller.timer.isActive()


def test_every_shortcut_of_the_action_table_belongs_to_one_action():
    from collections import Counter

    from reader.ui.actions import ACTIONS

    counts = Counter(str(key) for spec in ACTIONS for key in spec.shortcuts)
    assert [key for key, count in counts.items() if count > 1] == []
