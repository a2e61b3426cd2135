"""Starting, running and ending a presentation: the one place that wires the windows to the shared state.

The reader starts one with `start_presentation(article, annotated, section_index)` and listens to `ended(int)`,
which gives the 0-based section the presentation was at when it ended, to scroll the reader there.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QObject, QSizeF, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from reader.core.annotation import AnnotatedArticle
from reader.core.handout import GlossaryLookup
from reader.core.model import Article
from reader.core.presentation import PresentationState
from reader.core.slides import first_slide_of_section, plan_slides
from reader.ui.fonts import choose_family
from reader.ui.present.deck import Deck, PresentationModel
from reader.ui.present.keys import WINDOW_COMMANDS
from reader.ui.present.scene import slide_fits
from reader.ui.present.windows import KeyedWindow, PresentationWindow, PresenterWindow
from reader.core.pinyin_display import PinyinOptions


def choose_screens(screens: Sequence[QScreen], primary: QScreen | None,
                   projector_index: int | None = None) -> tuple[QScreen, QScreen | None]:
    """Return (projector screen, presenter screen or None): the slides go on the chosen or the non-primary screen."""
    if projector_index is not None and 0 <= projector_index < len(screens):
        projector = screens[projector_index]
    else:
        projector = next((s for s in screens if s is not primary), primary or screens[0])
    presenter = next((s for s in screens if s is not projector), None)
    return projector, presenter


class PresentationController(QObject):
    """Runs one presentation: the projector window, the presenter view, and the shared state between them.

    Signals:
        ended(int): the presentation closed; the argument is the 0-based section it was showing.
        readRequested(str): read this paragraph (its id) aloud.
    """

    ended = Signal(int)
    readRequested = Signal(str)

    def __init__(self, deck: Deck, section_index: int | None = None, projector_index: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deck = deck
        screens = QGuiApplication.screens()
        self.projector_screen, self.presenter_screen = choose_screens(
            screens, QGuiApplication.primaryScreen(), projector_index)
        slides = plan_slides(deck.article, slide_fits(deck, QSizeF(self.projector_screen.geometry().size())))
        start = 0 if section_index is None else first_slide_of_section(slides, section_index)
        self.model = PresentationModel(PresentationState(slides, index=start), self)
        self.window = PresentationWindow(deck, self.model)
        self.presenter = PresenterWindow(deck, self.model, self.window.canvas)
        self.running = False
        self._wire(self.window)
        self._wire(self.presenter)

    def _wire(self, window: KeyedWindow) -> None:
        window.commandRequested.connect(self.handle)
        window.closedByUser.connect(self.stop)
        if isinstance(window, PresentationWindow):
            window.canvas.termClicked.connect(lambda term: self.model.apply("card", term))
            window.canvas.paragraphClicked.connect(lambda pid: self.model.apply("focus", pid))
            window.canvas.cardClicked.connect(self.model.close_overlay)

    def start(self) -> None:
        """Show the slides full screen on the projector, and the presenter view on the other screen if any."""
        self.window.setScreen(self.projector_screen)
        self.window.setGeometry(self.projector_screen.geometry())  # also right without a window manager
        self.window.showFullScreen()
        if self.presenter_screen is not None:
            self.presenter.setScreen(self.presenter_screen)
            self.presenter.setGeometry(self.presenter_screen.availableGeometry())
            self.presenter.show()
        self.window.activateWindow()
        self.window.raise_()
        self.running = True

    def handle(self, command: str, argument: Any = None) -> None:
        """Carry out a command from either window."""
        if command not in WINDOW_COMMANDS:
            self.model.apply(command, argument)
        elif command == "presenter":
            self.toggle_presenter()
        elif command == "read" and self.model.state.paragraph_to_read() is not None:
            self.readRequested.emit(self.model.state.paragraph_to_read())
        elif command == "escape" and not self.model.close_overlay():
            self.stop()

    def toggle_presenter(self) -> None:
        """Show or hide the presenter view (with one screen it is an ordinary window)."""
        if self.presenter.isVisible():
            self.presenter.hide()
            self.window.activateWindow()
            return
        if self.presenter_screen is None:
            geometry = self.projector_screen.availableGeometry()
            self.presenter.resize(int(geometry.width() * 0.8), int(geometry.height() * 0.8))
        self.presenter.show()
        self.presenter.raise_()
        self.presenter.activateWindow()

    def stop(self) -> None:
        """Close both windows and emit `ended` with the section being shown (once)."""
        if not self.running:
            return
        self.running = False
        for window in (self.window, self.presenter):
            window.closing_on_purpose = True
            window.close()
        self.ended.emit(self.model.state.section_index)

    @property
    def section_index(self) -> int:
        """The 0-based section being shown."""
        return self.model.state.section_index


def start_presentation(article: Article, annotated: AnnotatedArticle | None, section_index: int | None = None,
                       parent: QWidget | None = None, *, glossary: GlossaryLookup | None = None,
                       annotations: Sequence[Any] = (), pinyin: PinyinOptions | None = None,
                       family: str | None = None, projector_index: int | None = None) -> PresentationController:
    """Start presenting `article` at section `section_index` (0-based), or at the title slide when it is None.

    `glossary` gives the card of a term; `annotations` are the trainer's stored bookmarks/highlights/notes of this
    article; `pinyin` is the reader's pinyin mode, used when P reveals pinyin. Connect to the returned
    controller's `ended(int)` to learn where the presentation ended.
    """
    deck = Deck(article, annotated, glossary, annotations, pinyin or PinyinOptions(), family or _default_family())
    controller = PresentationController(deck, section_index, projector_index, parent)
    controller.start()
    return controller


def _default_family() -> str | None:
    """Return the machine's best Chinese sans-serif family (clear on a projector), or None."""
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return choose_family(families, serif=False)
