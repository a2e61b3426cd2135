"""The reader window's web commands (a mixin of MainWindow): Open Web Address…, Subscribe to Feed…, the Feeds
panel, and pasting a browser's copy with its headings and paragraphs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.ui import services
from reader.ui.feeds_controller import FeedsController
from reader.ui.lazy_panel import LazyPanel


class WebWindowMixin:
    """Build the Feeds panel and its controller, wire them, and run the web commands."""

    def _build_web_parts(self) -> None:
        self.docks["feeds"] = self._lazy_dock("feeds", "feedsPanel", self.tr("Feeds"),
                                              Qt.DockWidgetArea.LeftDockWidgetArea)
        self.feeds_controller = FeedsController(lambda: self.controller.store, self)

    feeds = LazyPanel("_make_feeds")

    def _make_feeds(self):
        """Make the Feeds panel in its dock and wire it (the first time it is shown or asked for)."""
        from reader.ui.panels.feeds import FeedsPanel

        f, fc = FeedsPanel(), self.feeds_controller
        self.docks["feeds"].setWidget(f)
        f.auto.setChecked(self.prefs.auto_refresh_feeds())  # before it is connected: nothing to save or start
        f.subscribeRequested.connect(self.subscribe_to_feed)
        f.refreshRequested.connect(lambda: fc.refresh())
        f.removeRequested.connect(fc.remove)
        f.feedChosen.connect(lambda feed_id: f.set_items(fc.item_rows(feed_id)))
        f.articleChosen.connect(self.open_entry)
        f.autoRefreshToggled.connect(fc.set_auto_refresh)
        f.autoRefreshToggled.connect(self.prefs.set_auto_refresh_feeds)
        fc.state.connect(f.set_state)
        return f

    def _wire_web(self) -> None:
        fc = self.feeds_controller
        fc.set_auto_refresh(self.prefs.auto_refresh_feeds())  # periodic refresh only when the reader turned it on
        fc.feedsChanged.connect(self.refresh_feeds_panel)
        fc.libraryChanged.connect(lambda: self.refresh_library())
        fc.problem.connect(self.banner.show_message)
        self.controller.libraryChanged.connect(self.refresh_feeds_panel)  # an opened item is read now
        self.controller.note.connect(self.show_note)

    def refresh_feeds_panel(self) -> None:
        """Show the feeds with their unread counts, and the items of the chosen one (nothing while the panel is
        hidden or not made yet, as at start-up: it is filled when shown)."""
        panel = LazyPanel.made(self, "feeds")
        if panel is None or not panel.isVisible():
            return
        panel.set_feeds(self.feeds_controller.feed_rows())
        chosen = panel.current_feed()
        if chosen is not None:
            panel.set_items(self.feeds_controller.item_rows(chosen))

    def open_web_address(self) -> None:
        """Ask for a web address and open its article."""
        from reader.ui.web_dialogs import ask_address

        self.controller.expect_writes()  # the page fetched goes into the library

        url = ask_address(self, self.tr("Open Web Address"), self.tr("The address of a news article:"),
                          _clipboard_address())
        if url:
            self.open_address(url)

    def open_address(self, url: str) -> None:
        """Fetch a web page (in the background) and open it; it stays in the library for offline reading."""
        self.save_position()
        self.controller.open_address(url)

    def subscribe_to_feed(self) -> None:
        """Ask for the address of a feed (or of a site that advertises one) and subscribe to it."""
        from reader.ui.web_dialogs import ask_address

        url = ask_address(self, self.tr("Subscribe to Feed"),
                          self.tr("The address of an RSS or Atom feed, or of a news site that advertises one:"),
                          _clipboard_address())
        if url:
            self.show_dock("feeds", True)
            self.feeds_controller.subscribe(url)

    def paste_article(self) -> None:
        """Open the clipboard as a new article: its HTML when a browser put some there (headings and paragraphs
        survive), else its text."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None else ""
        if mime is None or not (text.strip() or (mime.hasHtml() and mime.html().strip())):
            self.banner.show_message(self.tr("The clipboard holds no text to open as an article."))
            return
        self.save_position()
        if mime.hasHtml():  # showing the article clears a message about another one (a missing font's stays)
            self.controller.open_html(mime.html(), text)
        else:
            self.controller.open_text(text)

    def show_note(self, text: str) -> None:
        """Show a passing state (fetching …) in the status bar, or the article's status again."""
        self.status.setText(text or self._status_text())


def _clipboard_address() -> str:
    text = QGuiApplication.clipboard().text().strip()
    return text if services.looks_like_address(text) and "\n" not in text else ""
