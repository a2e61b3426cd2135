"""Starting presentation mode from the reader (F5 from the start, Shift+F5 from the current section, `--present`)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from reader.core.lang.scripts import article_in_script
from reader.ui import services


def glossary_row(term: str):
    """Return the handout/presentation glossary row of a term, or None when the glossary lacks it."""
    from reader.core.handout import row_from_entry

    entry = services.language_service().glossary.get(term)
    return row_from_entry(entry) if entry is not None else None


def present(window: QMainWindow, section_index: int | None) -> object | None:
    """Present the window's article from `section_index` (None: the title slide); return the presentation.

    When it ends, the reader scrolls to the section the presentation was showing.
    """
    from reader.ui.present.controller import start_presentation

    controller = window.controller
    if controller.opened is None:
        return None
    style = window.view.style_
    article, annotation = article_in_script(controller.opened.article, controller.annotation, window.view.script)
    presentation = start_presentation(article, annotation, section_index, window,
                                      glossary=glossary_row, annotations=controller.stored_annotations(),
                                      pinyin=style.pinyin, family=None)
    presentation.ended.connect(window.view.go_to_section)
    presentation.readRequested.connect(window.read_paragraph)
    window.presentation = presentation
    return presentation


def print_handout(window: QMainWindow, section_index: int) -> object | None:
    """Ask for handout options (sections, pinyin, paper, note lines) and write the PDF; return its path or None."""
    from reader.ui.present.handout_dialog import export_handout

    controller = window.controller
    if controller.opened is None:
        return None
    article, annotation = article_in_script(controller.opened.article, controller.annotation, window.view.script)
    return export_handout(article, annotation, section_index, window, glossary=glossary_row)
