"""The word popup: pinyin, meanings, HSK level, each character's reading, and a glossary card first for terms.

Signals (intents; the main window wires them):
    saveWordRequested(object): save this word to the vocabulary (a WordRef).
    removeWordRequested(object): take this saved word out of the vocabulary again (a WordRef).
    bookmarkRequested(object): bookmark the paragraph of this word (a WordRef).
    noteRequested(object): add a note on this word (a WordRef).
    copyRequested(str): copy this text.
    speakRequested(object): say this word aloud (a WordRef).
    knownToggled(object): mark this word known, or not known when it is (a WordRef).
    correctionRequested(object, str): correct this word everywhere: "reading", "split" or "join" (with the next).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QPushButton, QVBoxLayout, QWidget

GAP = 6  # pixels between the word and the popup
HEADWORD_SIZE = "xx-large"  # the word (and a card's term) stands out above its English (Qt takes keywords, not %)
POPUP_TEXT_WIDTH = 400


@dataclass(frozen=True)
class GlossaryCard:
    """A policy term's card: how the glossary explains it."""

    term: str
    pinyin: str
    category: str
    english: str
    explanation: str


@dataclass(frozen=True)
class PopupContent:
    """Everything the popup shows for one word (built from the language layer's lookup)."""

    word: str
    pinyin: str
    meanings: tuple[str, ...] = ()
    hsk_level: int | None = None
    characters: tuple[tuple[str, str, str], ...] = ()  # (character, pinyin, short meaning)
    card: GlossaryCard | None = None
    note: str = ""  # e.g. "Dictionary still loading…"
    forms: tuple[tuple[str, str], ...] = ()  # the word in the other script: (("traditional", "頭髮"),)


def popup_html(content: PopupContent) -> str:
    """Return the popup's rich text: the glossary card first, then the dictionary entry."""
    e = html.escape
    parts = []
    if content.card:
        card = content.card
        parts.append(f"<div><b style='font-size:{HEADWORD_SIZE}'>{e(card.term)}</b> <i>{e(card.pinyin)}</i></div>"
                     f"<div><b>{e(card.english)}</b> <span style='color:gray'>· {e(card.category)}</span></div>"
                     f"<div>{e(card.explanation).replace(chr(10), '<br>')}</div><hr>")
    level = QCoreApplication.translate("WordPopup", "HSK {0}").format(content.hsk_level) if content.hsk_level \
        else QCoreApplication.translate("WordPopup", "not on the HSK lists")
    parts.append(f"<div><b style='font-size:{HEADWORD_SIZE}'>{e(content.word)}</b> &nbsp;"
                 f"<span style='font-size:large'>{e(content.pinyin)}</span>"
                 f" <span style='color:gray'>({e(level)})</span></div>")
    if content.forms:
        names = {"simplified": QCoreApplication.translate("WordPopup", "Simplified"),
                 "traditional": QCoreApplication.translate("WordPopup", "Traditional")}
        parts.append("<div>" + " · ".join(f"<span style='color:gray'>{e(names.get(n, n))}</span> {e(f)}"
                                          for n, f in content.forms) + "</div>")
    if content.meanings:
        parts.append("<ol style='margin:0'>" + "".join(f"<li>{e(m)}</li>" for m in content.meanings) + "</ol>")
    elif not content.note:
        missing = QCoreApplication.translate("WordPopup", "No dictionary entry.")
        parts.append(f"<div style='color:gray'>{e(missing)}</div>")
    if len(content.characters) > 1:
        rows = "".join(f"<tr><td><b>{e(c)}</b></td><td>{e(p)}</td><td>{e(m)}</td></tr>"
                       for c, p, m in content.characters)
        parts.append(f"<table cellspacing='4'>{rows}</table>")
    if content.note:
        parts.append(f"<div style='color:gray'>{e(content.note)}</div>")
    return "".join(parts)


def place_beside(word: QRect, size: tuple[int, int], bounds: QRect) -> QRect:
    """Return where a popup of `size` goes: below the word if it fits, else above, else beside; never over it."""
    width, height = min(size[0], bounds.width()), min(size[1], bounds.height())
    x = min(max(word.left(), bounds.left()), bounds.right() - width + 1)
    if word.bottom() + GAP + height <= bounds.bottom():
        return QRect(x, word.bottom() + GAP, width, height)
    if word.top() - GAP - height >= bounds.top():
        return QRect(x, word.top() - GAP - height, width, height)
    y = min(max(word.top(), bounds.top()), bounds.bottom() - height + 1)
    right_room = bounds.right() - word.right() - GAP
    x = word.right() + GAP if right_room >= width or right_room > word.left() - bounds.left() \
        else max(bounds.left(), word.left() - GAP - width)
    return QRect(x, y, width, height)


class PopupText(QWidget):
    """The popup's rich text, laid out once per content with one QTextDocument (a QLabel lays it out several
    times while sizing, which cost most of the popup's opening time)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = QTextDocument(self)
        self.document.setDocumentMargin(2)
        self.colour = QColor("#1b1b1b")

    def set_html(self, html_text: str, width: int) -> None:
        """Show `html_text` wrapped at `width` pixels."""
        if self.document.defaultFont() != self.font():
            self.document.setDefaultFont(self.font())
        self.document.setHtml(html_text)
        self.document.setTextWidth(width)
        self.setFixedSize(int(width), int(self.document.size().height()) + 1)
        self.update()

    def text(self) -> str:
        """Return the shown text as plain text."""
        return self.document.toPlainText()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Draw the laid-out text in the theme's text colour."""
        painter = QPainter(self)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, self.colour)
        context.clip = QRectF(event.rect())
        self.document.documentLayout().draw(painter, context)
        painter.end()


class WordPopup(QFrame):
    """A light card over the article, placed beside the word it explains."""

    saveWordRequested = Signal(object)
    removeWordRequested = Signal(object)
    bookmarkRequested = Signal(object)
    noteRequested = Signal(object)
    copyRequested = Signal(str)
    speakRequested = Signal(object)
    knownToggled = Signal(object)
    correctionRequested = Signal(object, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("wordPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.word = None
        self.content: PopupContent | None = None
        self.label = PopupText(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(self._buttons())
        self.hide()

    def set_text_colour(self, colour: str) -> None:
        """Draw the text in the theme's colour."""
        self.label.colour = QColor(colour)

    def _buttons(self) -> QVBoxLayout:
        """Two rows: the word's own actions (save, known, listen, correct), then copy, bookmark and note."""
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self._save_clicked)
        self.saved = False
        self.known_button = QPushButton(self, checkable=True)
        self.known_button.setObjectName("knownButton")
        self.known_button.clicked.connect(lambda: self.knownToggled.emit(self.word))
        speak = QPushButton(self)
        speak.setObjectName("speakButton")
        speak.clicked.connect(lambda: self.speakRequested.emit(self.word))
        self.correct_button = QPushButton(self)
        self.correct_button.setObjectName("correctButton")
        menu = QMenu(self.correct_button)
        self.correct_actions = {}
        for kind in ("reading", "split", "join"):
            self.correct_actions[kind] = menu.addAction("")
            self.correct_actions[kind].triggered.connect(
                lambda _=False, k=kind: self.correctionRequested.emit(self.word, k))
        self.correct_button.setMenu(menu)
        self.buttons = {"save": self.save_button, "known": self.known_button, "listen": speak,
                        "correct": self.correct_button}
        for key, handler in (("copy", lambda: self.copyRequested.emit(self.word.text)),
                             ("bookmark", lambda: self.bookmarkRequested.emit(self.word)),
                             ("note", lambda: self.noteRequested.emit(self.word))):
            self.buttons[key] = QPushButton(self)
            self.buttons[key].clicked.connect(handler)
        rows = QVBoxLayout()
        for keys in (("save", "known", "listen", "correct"), ("copy", "bookmark", "note")):
            row = QHBoxLayout()
            for key in keys:
                self.buttons[key].setFocusPolicy(Qt.FocusPolicy.NoFocus)
                row.addWidget(self.buttons[key])
            rows.addLayout(row)
        self.retranslate()
        return rows

    def retranslate(self) -> None:
        """Set the buttons' texts again in the interface language now installed."""
        self.set_saved(self.saved)
        self.known_button.setText(self.tr("Known"))
        self.known_button.setToolTip(self.tr("Mark this word known (Ctrl+K); click again to unmark"))
        self.buttons["listen"].setText(self.tr("Listen"))
        self.buttons["listen"].setToolTip(self.tr("Say this word aloud"))
        self.correct_button.setText(self.tr("Correct"))
        self.correct_button.setToolTip(self.tr("Fix this word's reading or where it is cut, everywhere"))
        for kind, text in (("reading", self.tr("Fix Reading…")), ("split", self.tr("Split Word…")),
                           ("join", self.tr("Join with Next Word"))):
            self.correct_actions[kind].setText(text)
        self.buttons["copy"].setText(self.tr("Copy"))
        self.buttons["bookmark"].setText(self.tr("Bookmark here"))
        self.buttons["note"].setText(self.tr("Add note"))

    def set_saved(self, saved: bool) -> None:
        """Show whether the word is in the vocabulary: "Save word", or "Saved ✓" (a click takes it out again)."""
        self.saved = saved
        self.save_button.setText(self.tr("Saved ✓") if saved else self.tr("Save word"))
        self.save_button.setToolTip(self.tr("In your vocabulary; click to remove it") if saved
                                    else self.tr("Add this word to your vocabulary"))

    def _save_clicked(self) -> None:
        (self.removeWordRequested if self.saved else self.saveWordRequested).emit(self.word)

    def set_known(self, known: bool) -> None:
        """Show whether the word is marked known."""
        self.known_button.setChecked(known)

    def show_for(self, word, content: PopupContent, word_rect: QRect) -> None:
        """Show `content` for `word` beside `word_rect` (in the parent's coordinates)."""
        self.word = word
        self._set_content(content)
        bounds = self.parentWidget().rect().adjusted(4, 4, -4, -4)
        hint = self.sizeHint()
        self.setGeometry(place_beside(word_rect, (hint.width(), hint.height()), bounds))
        self.show()
        self.raise_()

    def prepare(self) -> None:
        """Lay out, then draw, a sample card while hidden (two short steps), so that the first real popup finds the
        text layout, fonts and buttons ready instead of pausing the window for them."""
        if self.isVisible():
            return
        self._set_content(PopupContent("质量", "zhì liàng", ("quality", "mass (physics)"), 2,
                                       (("质", "zhì", "nature"), ("量", "liàng", "amount"))))
        self.content = None
        QTimer.singleShot(0, self, lambda: None if self.isVisible() else self.grab())  # not after the popup is gone

    def update_content(self, content: PopupContent) -> None:
        """Replace the content shown for the same word (when the dictionary finished loading)."""
        if self.isVisible() and self.content and content.word == self.content.word:
            self._set_content(content)
            hint = self.sizeHint()
            self.resize(hint.width(), hint.height())

    def _set_content(self, content: PopupContent) -> None:
        self.content = content
        self.label.set_html(popup_html(content), min(POPUP_TEXT_WIDTH, max(self.parentWidget().width() - 40, 120)))
