"""File › Export, Back Up and Restore: ask where (and before replacing a file), then let the core write it.

The writing is the core's (`reader.core.exports`, `Store.backup_to`, `Store.restore_from`, the glossary's own
format): what the window can export, `python -m reader` can too. A problem is one message naming the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.errors import DubaoError

translate = QCoreApplication.translate  # lupdate collects translate("context", "text") calls

FILTERS = {  # translated when shown (the translator is installed after this module is imported)
    "md": QT_TRANSLATE_NOOP("exporting", "Markdown (*.md)"),
    "csv": QT_TRANSLATE_NOOP("exporting", "CSV (*.csv)"),
    "apkg": QT_TRANSLATE_NOOP("exporting", "Anki deck (*.apkg)"),
    "tsv": QT_TRANSLATE_NOOP("exporting", "Glossary (*.tsv)"),
    "sqlite3": QT_TRANSLATE_NOOP("exporting", "Dubao backup (*.sqlite3)"),
    "pack": QT_TRANSLATE_NOOP("exporting", "Dubao trainer pack (*.json)"),
}


def choose_target(parent: QWidget, title: str, suggested: str, kind: str) -> tuple[Path, bool] | None:
    """Ask where to write; return (path, force) or None when cancelled or the reader keeps an existing file."""
    start = str(Path.home() / suggested)
    filters = translate("exporting", FILTERS[kind]) + ";;" + translate("exporting", "All files (*)")
    name, _ = QFileDialog.getSaveFileName(parent, title, start, filters,
                                          options=QFileDialog.Option.DontConfirmOverwrite)  # asked below
    if not name:
        return None
    path = Path(name)
    if not path.exists():
        return path, False
    question = translate("exporting", "{0} exists already. Replace it?").format(path.name)
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return (path, True) if answer == QMessageBox.StandardButton.Yes else None


def write_export(window, title: str, suggested: str, kind: str, write: Callable[[Path, bool], object]) -> Path | None:
    """Ask for a target and call `write(path, force)`; report success in the status bar, a problem in a message."""
    if window.controller.store is None and kind != "tsv":
        QMessageBox.warning(window, title,
                            translate("exporting", "The library could not be opened, so there is nothing to export."))
        return None
    chosen = choose_target(window, title, suggested, kind)
    if chosen is None:
        return None
    path, force = chosen
    try:
        write(path, force)
    except (DubaoError, ValueError) as error:
        QMessageBox.warning(window, title, str(error))
        return None
    window.statusBar().showMessage(translate("exporting", "Written: {0}").format(path), 6000)
    return path


def _slug(window) -> str:
    opened = window.controller.opened
    title = opened.article.title if opened is not None else "dubao"
    return "".join(c for c in title if c not in '\\/:*?"<>|').strip()[:40] or "dubao"


def export_notes(window, fmt: str, all_articles: bool) -> Path | None:
    """Export the notes of the open article (or of all articles) as Markdown or CSV."""
    from reader.core.exports.notes import export_notes as write_notes

    opened = window.controller.opened
    article_id = None if all_articles else (opened.entry_id if opened else None)
    if not all_articles and article_id is None:
        QMessageBox.warning(window, translate("exporting", "Export Notes"),
                            translate("exporting", "This article is not in the library, so it has no notes."))
        return None
    suggested = f"{'dubao-notes' if all_articles else _slug(window) + '-notes'}.{fmt}"
    return write_export(window, translate("exporting", "Export Notes"), suggested, fmt,
                        lambda path, force: write_notes(window.controller.store, path, fmt, article_id, force))


def export_vocabulary(window, fmt: str) -> Path | None:
    """Export the vocabulary as an Anki deck (.apkg) or CSV."""
    from reader.core.exports.vocab import export_vocab
    from reader.core.lang.style import PinyinStyle

    pinyin = PinyinStyle.MARKS if window.view.style_.tone_marks else PinyinStyle.NUMBERS  # as the view shows them
    return write_export(window, translate("exporting", "Export Vocabulary"), f"dubao-vocabulary.{fmt}", fmt,
                        lambda path, force: export_vocab(window.controller.store, path, fmt, force, pinyin=pinyin))


def export_glossary(window) -> Path | None:
    """Export the glossary (shipped terms and the reader's own) in the glossary's own format."""
    from reader.core.lang.glossary import write_glossary_file
    from reader.ui.services import language_service

    def write(path: Path, force: bool) -> int:
        return write_glossary_file(path, language_service().glossary.entries.values(), force=force)

    return write_export(window, translate("exporting", "Export Glossary"), "dubao-glossary.tsv", "tsv", write)


def back_up(window) -> Path | None:
    """Write a consistent copy of the whole library (a backup to keep or move to another computer)."""
    return write_export(window, translate("exporting", "Back Up Library"), "dubao-backup.sqlite3", "sqlite3",
                        lambda path, force: window.controller.store.backup_to(path, force))


def restore(window) -> bool:
    """Replace the library with a backup after asking; the current state is kept as a backup first; reload."""
    title = translate("exporting", "Restore Library")
    store = window.controller.store
    if store is None:
        QMessageBox.warning(window, title, translate(
            "exporting", "The library could not be opened; restart Dubao to be offered a backup."))
        return False
    filters = translate("exporting", FILTERS["sqlite3"]) + ";;" + translate("exporting", "All files (*)")
    name, _ = QFileDialog.getOpenFileName(window, title, str(Path.home()), filters)
    if not name:
        return False
    question = translate("exporting", "Replace everything in your library (articles, notes, words) with {0}?\n\n"
                  "What is there now is kept as an automatic backup first.").format(Path(name).name)
    if QMessageBox.question(window, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                            QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
        return False
    window.save_position()
    try:
        with store.guarded():
            safety = store.restore_from(name)
    except DubaoError as error:
        QMessageBox.warning(window, title, str(error))
        return False
    window.controller.open_last_or_seed()
    window.refresh_library()
    window.desk.undo_list.clear()  # what was deleted belongs to the library that was replaced
    window.refresh_annotations()
    done = translate("exporting", "Restored. The previous state was saved as {0}").format(safety)
    window.statusBar().showMessage(done, 8000)
    return True


def export_trainer_pack(window) -> Path | None:
    """File › Export Trainer Pack…: the reader's own glossary terms and corrections, in one file."""
    from reader.core.packs import SUFFIX, export_pack

    return write_export(window, translate("exporting", "Export Trainer Pack"), "dubao" + SUFFIX, "pack",
                        lambda path, force: export_pack(window.controller.store, path, force))


def import_trainer_pack(window) -> None:
    """File › Import Trainer Pack…: merge a pack, then say what was added, changed and skipped."""
    from reader.core.packs import import_pack

    title = translate("exporting", "Import Trainer Pack")
    filters = translate("exporting", FILTERS["pack"]) + ";;" + translate("exporting", "All files (*)")
    name, _ = QFileDialog.getOpenFileName(window, title, str(Path.home()), filters)
    if not name:
        return
    report = window.controller.learner.correct(lambda corrections: import_pack(corrections.store, name))
    if report is None:
        return
    lines = [translate("exporting", "{0} added, {1} changed, {2} skipped.").format(
        len(report.added), len(report.changed), len(report.skipped))]
    for label, items in ((translate("exporting", "Added:"), report.added),
                         (translate("exporting", "Changed:"), report.changed),
                         (translate("exporting", "Skipped:"), report.skipped)):
        if items:
            lines.append(f"{label} {', '.join(items[:30])}{' …' if len(items) > 30 else ''}")
    QMessageBox.information(window, title, "\n".join(lines))
