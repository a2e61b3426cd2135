"""The word popup prepares itself while hidden (layout and first drawing) without showing or keeping a word."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reader.ui.popup import PopupContent, WordPopup


def test_prepare_lays_out_a_sample_while_staying_hidden(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(800, 600)
    popup = WordPopup(parent)
    drawn = []
    popup.grab = lambda: drawn.append(popup.isVisible())  # the drawing step, run from the event loop
    popup.prepare()
    assert not popup.isVisible() and popup.content is None
    assert "质量" in popup.label.text() and popup.label.height() > 10  # laid out at its real width
    qtbot.waitUntil(lambda: bool(drawn), timeout=3000)
    assert drawn == [False] and not popup.isVisible()


def test_prepare_leaves_a_shown_popup_alone(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(800, 600)
    parent.show()
    popup = WordPopup(parent)
    content = PopupContent("发展", "fā zhǎn", ("to develop",))
    popup.show_for(None, content, parent.rect().adjusted(10, 10, -700, -550))
    popup.prepare()
    assert popup.isVisible() and popup.content is content and "发展" in popup.label.text()
