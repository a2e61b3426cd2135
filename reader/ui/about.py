"""The About dialog: version, the data Dubao ships with its licences and sources, and where the user's data is.

The window calls `show_about_dialog(parent)` from its Help menu; `application_icon()` gives the icon every window
and the app use.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.core import credits
from reader.core.desktop import ICON_SIZES, icon_file
from reader.core.paths import data_dir


def application_icon() -> QIcon:
    """Return Dubao's icon with every bundled PNG size (and the SVG, when Qt can render it)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(size)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def credits_html() -> str:
    """Return the data sources and their licences as HTML for the dialog."""
    rows = []
    for source in credits.data_sources():
        version = f" {escape(source.version)}" if source.version else ""
        carrier = f"<br><small>package {escape(source.package)}{version}</small>" if source.package else ""
        rows.append(
            f"<p><b>{escape(source.name)}</b> — {escape(source.purpose)}<br>"
            f"Licence: {escape(source.licence)}<br>Source: {escape(source.origin)}{carrier}</p>"
        )
    return "".join(rows)


class AboutDialog(QDialog):
    """Shows the version, the data sources with their licences, and the data folder with a button to open it."""

    data_folder_opened = Signal(bool)  # True when the system file manager accepted the request

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or data_dir()
        self.setWindowTitle(f"About {APP_NAME}")
        self.setWindowIcon(application_icon())
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self._credits_view(), 1)
        layout.addLayout(self._folder_row())
        self.folder_status = QLabel("")
        layout.addWidget(self.folder_status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(application_icon().pixmap(64, 64))
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel(
            f"<h2>{APP_NAME} 读报 {escape(__version__)}</h2>"
            "<p>Read Chinese news and policy articles with pinyin, word popups and notes.<br>"
            f"Dubao is free software under the {credits.APP_LICENCE} licence. It never uses the network.</p>"
        )
        self.title_label.setWordWrap(True)
        row.addWidget(self.title_label, 1)
        return row

    def _credits_view(self) -> QTextBrowser:
        self.credits_view = QTextBrowser()
        self.credits_view.setOpenLinks(False)  # no network, ever: links are shown, not followed
        self.credits_view.setHtml("<h3>Data and licences</h3>" + credits_html())
        return self.credits_view

    def _folder_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.folder_label = QLabel(f"Your data folder: {self.folder}")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        row.addWidget(self.folder_label, 1)
        self.open_folder_button = QPushButton("Open data folder")
        self.open_folder_button.clicked.connect(self.open_data_folder)
        row.addWidget(self.open_folder_button)
        return row

    def open_data_folder(self) -> bool:
        """Ask the system's file manager to show the data folder; say so in the dialog when it cannot."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
        self.folder_status.setText("" if opened else "No file manager could be started; the path is shown above.")
        self.data_folder_opened.emit(opened)
        return opened


def show_about_dialog(parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog over `parent` (window-modal, not blocking) and return it."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
