"""Database trouble at start-up: say what happened, offer the newest good backup, or read on without saving.

The reader window always opens (the article shows whatever happens to the library). When `Store.open` refused the
database, `offer_recovery` explains why once the window is up:
- damaged or unreadable: restore the newest good backup (the damaged file is kept aside, never overwritten) or
  continue reading without saving;
- written by a newer Dubao: nothing is changed, reading goes on without saving until Dubao is updated;
- locked by another program: reading goes on without saving.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core import paths
from reader.core.errors import DubaoError

translate = QCoreApplication.translate  # lupdate collects translate("context", "text") calls

RESTORE, CONTINUE = "restore", "continue"


def ask_recovery(parent: QWidget, text: str, backup: Path | None) -> str:
    """Ask what to do about a damaged library; return RESTORE or CONTINUE."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("recovery", "Library Damaged"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    restore = box.addButton(translate("recovery", "Restore the Backup"),
                            QMessageBox.ButtonRole.AcceptRole) if backup else None
    box.addButton(translate("recovery", "Continue Without Saving"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return RESTORE if restore is not None and box.clickedButton() is restore else CONTINUE


def tell(parent: QWidget, title: str, text: str) -> None:
    """Show an explanation with an OK button."""
    QMessageBox.information(parent, title, text)


def offer_recovery(window) -> bool:
    """Explain a library that could not be opened and offer what can be done; return True when it was restored."""
    error = window.controller.store_error
    if error is None:
        return False
    if "newer version" in error.problem:
        tell(window, translate("recovery", "Library From a Newer Dubao"), QCoreApplication.translate(
            "recovery", "Your library was written by a newer version of Dubao. It was left untouched.\n\nYou can "
            "read on, but bookmarks, notes and words are not saved until you update Dubao.\n\n{0}").format(error))
        return False
    if "locked by another program" in error.problem:
        tell(window, translate("recovery", "Library in Use"), QCoreApplication.translate(
            "recovery", "Another program is using your library, so nothing will be saved this time.\n\n{0}"
        ).format(error))
        return False
    from reader.core.storage.recovery import newest_good_backup

    folder = paths.data_dir()
    backup = newest_good_backup(folder)
    text = translate("recovery", "Your library could not be opened: {0}\n\nThe file was left untouched.").format(
        error.problem)
    offer = translate("recovery", "The newest good backup is from {0}. Restore it? The damaged file is kept beside it.")
    text += "\n\n" + (offer.format(_when(backup)) if backup else translate(
        "recovery", "There is no good backup to restore. You can read on without saving."))
    if ask_recovery(window, text, backup) != RESTORE:
        return False
    return restore_backup(window, folder, backup)


def restore_backup(window, folder: Path, backup: Path) -> bool:
    """Put `backup` in place of the damaged library, open it and show the article again; return success."""
    from reader.core.storage.recovery import restore_over_damaged

    try:
        kept = restore_over_damaged(folder, backup)
    except DubaoError as error:
        tell(window, translate("recovery", "Library Damaged"), str(error))
        return False
    window.controller.open_store()
    if window.controller.store is None:
        return False
    window.banner.hide()
    source = window.controller.opened.source if window.controller.opened else None
    if not (source and Path(source).is_file() and window.open_path(source)):
        window.controller.open_last_or_seed()
    window.refresh_library()
    window.desk.undo_list.clear()  # what was deleted belongs to the library that was replaced
    window.refresh_annotations()
    done = translate("recovery", "The backup was restored; the damaged file is kept as {0}.").format(kept.name)
    window.statusBar().showMessage(done, 10000)
    return True


def _when(backup: Path) -> str:
    import time

    return time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.stat().st_mtime))
