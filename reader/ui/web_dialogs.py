"""The small dialog that asks for a web address (File › Open Web Address…, File › Subscribe to Feed…)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class AddressDialog(QDialog):
    """A prompt, a line for the address, OK and Cancel; OK stays disabled while the line is empty."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.address = QLineEdit(self, clearButtonEnabled=True)
        self.address.setPlaceholderText("https://")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        note = QLabel(self.tr("Dubao fetches this address once, now, and keeps what it finds for offline reading. "
                              "No cookies are kept or sent."), self, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self, wordWrap=True))
        layout.addWidget(self.address)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.address.textChanged.connect(self._update)
        self._update("")

    def _update(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def value(self) -> str:
        """Return the address typed (stripped)."""
        return self.address.text().strip()


def ask_address(parent: QWidget, title: str, prompt: str, initial: str = "") -> str | None:
    """Show the dialog; return the address, or None when cancelled."""
    dialog = AddressDialog(title, prompt, parent)
    dialog.address.setText(initial)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() else None
