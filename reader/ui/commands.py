"""What each action of the table does: one handler per action name, all in one place (wired by the main window)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from reader.core.lang.scripts import Script
from reader.ui.actions import script_action_name
from reader.ui.annotating import HIGHLIGHT_COLOURS
from reader.ui.view import style_commands as cmd
from reader.core.pinyin_display import PinyinMode


def command_handlers(window) -> dict[str, Callable]:
    """Return the handler of every action name for `window` (a MainWindow)."""
    v, style = window.view, lambda: window.view.style_
    return {
        "open": window.choose_file, "paste_article": window.paste_article, "quit": window.close,
        "library": lambda on: window.show_dock("library", on),
        "open_address": window.open_web_address, "subscribe_feed": window.subscribe_to_feed,
        "refresh_feeds": lambda: window.feeds_controller.refresh(),
        "feeds_panel": lambda on: window.show_dock("feeds", on),
        "copy": lambda: window.copy_text(v.selected_text()), "copy_pinyin": lambda: window.copy_text(v.selected_text_with_pinyin()),
        "select_all": v.select_all, "find": window.find_bar.open_bar,
        "find_next": lambda: window.step_match(1), "find_previous": lambda: window.step_match(-1),
        "look_up": window.look_up_caret_word,
        "pinyin_all": lambda: window.restyle(cmd.with_mode(style(), PinyinMode.ALL)),
        "pinyin_glossary": lambda: window.restyle(cmd.with_mode(style(), PinyinMode.GLOSSARY)),
        "pinyin_hsk": lambda: window.restyle(cmd.with_mode(style(), PinyinMode.ABOVE_HSK)),
        "pinyin_unknown": lambda: window.restyle(cmd.with_mode(style(), PinyinMode.UNKNOWN)),
        "pinyin_off": lambda: window.restyle(cmd.with_mode(style(), PinyinMode.OFF)),
        "pinyin_cycle": lambda: window.restyle(cmd.next_mode(style())),
        "tone_numbers": lambda on: window.restyle(replace(style(), tone_marks=not on)),
        "tone_colours": lambda on: window.restyle(replace(style(), tone_colours=on)),
        "zoom_in": lambda: window.restyle(cmd.zoom_in(style())),
        "zoom_out": lambda: window.restyle(cmd.zoom_out(style())),
        "zoom_reset": lambda: window.restyle(cmd.zoom_reset(style())),
        "font": window.choose_font,
        "spacing_more": lambda: window.restyle(cmd.change_spacing(style(), 1)),
        "spacing_less": lambda: window.restyle(cmd.change_spacing(style(), -1)),
        "theme_light": lambda: window.restyle(cmd.with_theme(style(), "light")),
        "theme_sepia": lambda: window.restyle(cmd.with_theme(style(), "sepia")),
        "theme_dark": lambda: window.restyle(cmd.with_theme(style(), "dark")),
        "theme_cycle": lambda: window.restyle(cmd.next_theme(style())),
        "full_screen": window.set_full_screen,
        "sections_panel": lambda on: window.show_dock("sections", on),
        "glossary_panel": lambda on: window.show_dock("glossary", on),
        "info_panel": lambda on: window.show_dock("info", on),
        "next_section": lambda: v.step_section(1), "previous_section": lambda: v.step_section(-1),
        "present_start": lambda: _presenting().present(window, None),
        "present_here": lambda: _presenting().present(window, v.current_section()),
        "print_handout": lambda: _presenting().print_handout(window, v.current_section()),
        "about": window.show_about, "report_problem": window.report_problem,
        "language_en": lambda: window.choose_language("en"), "language_zh": lambda: window.choose_language("zh_CN"),
        **notes_handlers(window), **speech_handlers(window),
    }


def speech_handlers(window) -> dict[str, Callable]:
    """Return the handlers of the listening actions and of View › Characters."""
    handlers: dict[str, Callable] = {
        "read_sentence": lambda: window.read_at_caret(whole_section=False),
        "read_section": lambda: window.read_at_caret(whole_section=True),
        "listen_word": lambda: window.say_word(window.view.word_at(*window.view.selection.caret)),
        "speech_pause": lambda: window.speaker().pause_or_resume(),
        "speech_stop": lambda: window.speaker().stop(),
        "speech_faster": lambda: window.change_speech_rate(1),
        "speech_slower": lambda: window.change_speech_rate(-1),
        "speech_voice": window.choose_voice,
    }
    for script in Script:
        handlers[script_action_name(script)] = lambda *_, s=script: window.show_script(s)
    return handlers


def notes_handlers(window) -> dict[str, Callable]:
    """Return the handlers of the bookmark, highlight, note, vocabulary, export and backup actions."""
    handlers: dict[str, Callable] = {
        "bookmark": lambda: window.bookmark_here(), "highlight": lambda: window.highlight_selection(),
        "highlight_note": lambda: window.highlight_selection(with_note=True),
        "reattach": lambda: window.reattach_here(), "undo_delete": window.undo_delete,
        "bookmarks_panel": lambda on: window.show_dock("bookmarks", on),
        "notes_panel": lambda on: window.show_dock("notes", on),
        "vocabulary": window.open_vocabulary,
        "toggle_known": lambda: window.toggle_known(),
        "corrections": window.open_corrections, "undo_correction": window.undo_correction,
        "export_notes_md": lambda: _exporting().export_notes(window, "md", all_articles=False),
        "export_notes_csv": lambda: _exporting().export_notes(window, "csv", all_articles=False),
        "export_all_notes_md": lambda: _exporting().export_notes(window, "md", all_articles=True),
        "export_all_notes_csv": lambda: _exporting().export_notes(window, "csv", all_articles=True),
        "export_vocab_apkg": lambda: _exporting().export_vocabulary(window, "apkg"),
        "export_vocab_csv": lambda: _exporting().export_vocabulary(window, "csv"),
        "export_glossary": lambda: _exporting().export_glossary(window),
        "export_pack": lambda: _exporting().export_trainer_pack(window),
        "import_pack": lambda: _exporting().import_trainer_pack(window),
        "backup": lambda: _exporting().back_up(window), "restore": lambda: _exporting().restore(window),
    }
    for colour in HIGHLIGHT_COLOURS:
        handlers[f"highlight_{colour}"] = lambda *_, c=colour: window.highlight_selection(c)
    return handlers


def _exporting():
    """The export, import and backup commands (reader.ui.exporting), loaded on first use, not at start-up."""
    from reader.ui import exporting

    return exporting


def _presenting():
    """Presentation and handout commands (reader.ui.presenting), loaded on first use, not at start-up."""
    from reader.ui import presenting

    return presenting
