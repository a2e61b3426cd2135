"""Presentation mode: the projector window, the presenter view and what they share.

Public API: `reader.ui.present.controller.start_presentation(article, annotated, section_index, parent, *,
glossary, annotations, pinyin, family) -> PresentationController`, whose `ended(int)` signal gives the 0-based
section the presentation was showing when it ended; `reader.ui.present.handout_dialog.export_handout(...)` for
the "Print handout…" dialog.
"""
