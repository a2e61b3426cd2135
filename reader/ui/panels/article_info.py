"""The article-information panel: how hard the open article is for the reader, with its HSK profile as a chart.

It only shows what it is given (a `reader.core.difficulty.Difficulty`); the window feeds it whenever the article's
annotation arrives or a word is marked known while the panel can be seen, and when it is shown (signal `shown`): the
article is not measured at start-up for a hidden panel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

KNOWN_LIGHT, KNOWN_DARK = "#2e8b57", "#5cc28a"  # green: the known share, readable on light and on dark panels
DARK_PANEL = "#2b2d31"
BAND_LABELS = {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5", "6": "6", "7-9": "7–9", "none": "—"}


class HskChart(QWidget):
    """Bars of running words per HSK band; the part the reader knows is filled in the highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hskChart")
        self.profile: dict[str, int] = {}
        self.known: dict[str, int] = {}
        self.text_colour, self.known_colour, self.background = QColor("#1b1b1b"), QColor(KNOWN_LIGHT), None
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """A small chart."""
        return QSize(240, 170)

    def set_theme(self, text: str, dark: bool) -> None:
        """Draw in the reading theme's text colour, on the dark panel colour for a dark theme."""
        self.text_colour = QColor(text)
        self.known_colour = QColor(KNOWN_DARK if dark else KNOWN_LIGHT)
        self.background = QColor(DARK_PANEL) if dark else None
        self.update()

    def set_profile(self, profile: dict[str, int], known: dict[str, int]) -> None:
        """Show running words by band (`profile`) and how many of them are known (`known`)."""
        self.profile, self.known = dict(profile), dict(known)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        """Draw one bar per band, labelled below, scaled to the largest band."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.background is not None:
            painter.fillRect(self.rect(), self.background)
        text, known_colour = self.text_colour, self.known_colour
        unknown_colour = QColor(text)
        unknown_colour.setAlphaF(0.22)
        bands = list(BAND_LABELS)
        line = painter.fontMetrics().height()
        area = QRectF(self.rect()).adjusted(2, line + 2, -2, -(line + 4))
        step = area.width() / len(bands)
        top = max(self.profile.values(), default=0) or 1
        painter.setPen(text)
        for index, band in enumerate(bands):
            count, known = self.profile.get(band, 0), self.known.get(band, 0)
            x = area.left() + index * step + step * 0.15
            width = step * 0.7
            height = area.height() * count / top
            painter.fillRect(QRectF(x, area.bottom() - height, width, height), unknown_colour)
            known_height = area.height() * known / top
            painter.fillRect(QRectF(x, area.bottom() - known_height, width, known_height), known_colour)
            label = QRectF(area.left() + index * step, area.bottom() + 2, step, line)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, BAND_LABELS[band])
            if count:
                value = QRectF(area.left() + index * step, area.bottom() - height - line, step, line)
                painter.drawText(value, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()


class ArticleInfoPanel(QWidget):
    """Figures of the open article (words, known share, sentence length, terms) over its HSK chart."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleInfoPanel")
        self.figures = QLabel(self)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)
        self.caption = QLabel(self.tr("Running words by HSK level (filled: known)"), self)
        self.caption.setWordWrap(True)
        self.chart = HskChart(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.chart)
        layout.addWidget(self.figures)
        layout.addStretch(1)
        self.show_difficulty(None)

    def show_difficulty(self, difficulty: Any) -> None:
        """Show a Difficulty, or a waiting line while the article has not been measured."""
        if difficulty is None:
            self.figures.setText(self.tr("The figures follow once the article's words are read."))
            self.chart.set_profile({}, {})
            return
        level = difficulty.level.replace("-", "–") if difficulty.level else "—"
        self.figures.setText("\n".join([
            self.tr("You know {0} % of the running words").format(int(difficulty.known_coverage * 100)),
            self.tr("Level: HSK {0} (90 % of the listed words)").format(level),
            self.tr("{0} running words, {1} different").format(difficulty.tokens, difficulty.distinct),
            self.tr("{0} different words not known yet").format(difficulty.unknown_distinct),
            self.tr("{0:.1f} words per sentence").format(difficulty.avg_sentence_length),
            self.tr("{0} policy terms").format(difficulty.glossary_terms),
        ]))
        self.chart.set_profile(difficulty.hsk_profile, difficulty.known_by_band)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Say that the figures can be seen now (the window has the article measured if it was not)."""
        super().showEvent(event)
        self.shown.emit()
