"""Every command of the reader window, declared once as data and turned into QActions in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command: its id, menu, label, shortcuts and whether it is a toggle (or one of a group of choices)."""

    name: str
    menu: str
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    checkable: bool = False
    group: str | None = None


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "file", QT_TRANSLATE_NOOP("actions", "&Open…"), (Key.Open,)),
    ActionSpec("open_address", "file", QT_TRANSLATE_NOOP("actions", "Open &Web Address…"), ("Ctrl+Shift+O",)),
    ActionSpec("paste_article", "file", QT_TRANSLATE_NOOP("actions", "&Paste Text as New Article"), ("Ctrl+Shift+V",)),
    ActionSpec("subscribe_feed", "file", QT_TRANSLATE_NOOP("actions", "&Subscribe to Feed…"), ()),
    ActionSpec("refresh_feeds", "file", QT_TRANSLATE_NOOP("actions", "Re&fresh Feeds"), ("Ctrl+Shift+U",)),
    ActionSpec("feeds_panel", "file", QT_TRANSLATE_NOOP("actions", "F&eeds"), ("Ctrl+Shift+F",), checkable=True),
    ActionSpec("library", "file", QT_TRANSLATE_NOOP("actions", "&Library"), ("Ctrl+L",), checkable=True),
    ActionSpec("export_notes_md", "file", QT_TRANSLATE_NOOP("actions", "Export Notes of This Article as &Markdown…"), ()),
    ActionSpec("export_notes_csv", "file", QT_TRANSLATE_NOOP("actions", "Export Notes of This Article as CS&V…"), ()),
    ActionSpec("export_all_notes_md", "file", QT_TRANSLATE_NOOP("actions", "Export Notes of All Articles as Mar&kdown…"), ()),
    ActionSpec("export_all_notes_csv", "file", QT_TRANSLATE_NOOP("actions", "Export Notes of All Articles as CSV…"), ()),
    ActionSpec("export_vocab_apkg", "file", QT_TRANSLATE_NOOP("actions", "Export Vocabulary as &Anki Deck…"), ()),
    ActionSpec("export_vocab_csv", "file", QT_TRANSLATE_NOOP("actions", "Export Vocabulary as CSV…"), ()),
    ActionSpec("export_glossary", "file", QT_TRANSLATE_NOOP("actions", "Export &Glossary…"), ()),
    ActionSpec("export_pack", "file", QT_TRANSLATE_NOOP("actions", "Export &Trainer Pack…"), ()),
    ActionSpec("import_pack", "file", QT_TRANSLATE_NOOP("actions", "&Import Trainer Pack…"), ()),
    ActionSpec("backup", "file", QT_TRANSLATE_NOOP("actions", "&Back Up Library…"), ()),
    ActionSpec("restore", "file", QT_TRANSLATE_NOOP("actions", "&Restore Library from Backup…"), ()),
    ActionSpec("quit", "file", QT_TRANSLATE_NOOP("actions", "&Quit"), ("Ctrl+Q",)),
    ActionSpec("undo_delete", "edit", QT_TRANSLATE_NOOP("actions", "&Undo Delete"), (Key.Undo,)),
    ActionSpec("copy", "edit", QT_TRANSLATE_NOOP("actions", "&Copy"), (Key.Copy,)),
    ActionSpec("copy_pinyin", "edit", QT_TRANSLATE_NOOP("actions", "Copy with &Pinyin"), ("Ctrl+Shift+C",)),
    ActionSpec("select_all", "edit", QT_TRANSLATE_NOOP("actions", "Select &All"), (Key.SelectAll,)),
    ActionSpec("find", "edit", QT_TRANSLATE_NOOP("actions", "&Find…"), (Key.Find,)),
    ActionSpec("find_next", "edit", QT_TRANSLATE_NOOP("actions", "Find &Next"), (Key.FindNext,)),
    ActionSpec("find_previous", "edit", QT_TRANSLATE_NOOP("actions", "Find Pre&vious"), (Key.FindPrevious,)),
    ActionSpec("look_up", "edit", QT_TRANSLATE_NOOP("actions", "&Look Up Word at Cursor"), ("Ctrl+Return", "Ctrl+Enter")),
    ActionSpec("bookmark", "notes", QT_TRANSLATE_NOOP("actions", "&Bookmark Here"), ("Ctrl+D",)),
    ActionSpec("highlight", "notes", QT_TRANSLATE_NOOP("actions", "&Highlight Selection"), ("Ctrl+H",)),
    ActionSpec("highlight_note", "notes", QT_TRANSLATE_NOOP("actions", "Highlight with &Note…"), ("Ctrl+M",)),
    ActionSpec("highlight_yellow", "notes", QT_TRANSLATE_NOOP("actions", "Highlight &Yellow"), ("Alt+1",)),
    ActionSpec("highlight_green", "notes", QT_TRANSLATE_NOOP("actions", "Highlight &Green"), ("Alt+2",)),
    ActionSpec("highlight_blue", "notes", QT_TRANSLATE_NOOP("actions", "Highlight Bl&ue"), ("Alt+3",)),
    ActionSpec("highlight_pink", "notes", QT_TRANSLATE_NOOP("actions", "Highlight &Pink"), ("Alt+4",)),
    ActionSpec("highlight_purple", "notes", QT_TRANSLATE_NOOP("actions", "Highlight Pu&rple"), ("Alt+5",)),
    ActionSpec("reattach", "notes", QT_TRANSLATE_NOOP("actions", "&Re-attach Orphaned Note Here"), ()),
    ActionSpec("bookmarks_panel", "notes", QT_TRANSLATE_NOOP("actions", "Boo&kmarks Panel"), ("Ctrl+Shift+B",), checkable=True),
    ActionSpec("notes_panel", "notes", QT_TRANSLATE_NOOP("actions", "N&otes Panel"), ("Ctrl+Shift+H",), checkable=True),
    ActionSpec("toggle_known", "notes", QT_TRANSLATE_NOOP("actions", "Mark Word &Known / Not Known"), ("Ctrl+K",)),
    ActionSpec("corrections", "notes", QT_TRANSLATE_NOOP("actions", "My &Corrections…"), ()),
    ActionSpec("undo_correction", "notes", QT_TRANSLATE_NOOP("actions", "Undo Last Co&rrection"), ()),
    ActionSpec("vocabulary", "notes", QT_TRANSLATE_NOOP("actions", "&Vocabulary…"), ("Ctrl+Shift+W",)),
    ActionSpec("pinyin_all", "pinyin", QT_TRANSLATE_NOOP("actions", "Pinyin for &All Words"), ("Ctrl+1",), True, "pinyin"),
    ActionSpec("pinyin_glossary", "pinyin", QT_TRANSLATE_NOOP("actions", "Pinyin for &Glossary Terms Only"), ("Ctrl+2",), True, "pinyin"),
    ActionSpec("pinyin_hsk", "pinyin", QT_TRANSLATE_NOOP("actions", "Pinyin Above &HSK Level…"), ("Ctrl+3",), True, "pinyin"),
    ActionSpec("pinyin_unknown", "pinyin", QT_TRANSLATE_NOOP("actions", "Pinyin for &Unknown Words"), ("Ctrl+4",), True, "pinyin"),
    ActionSpec("pinyin_off", "pinyin", QT_TRANSLATE_NOOP("actions", "Pinyin &Off"), ("Ctrl+5",), True, "pinyin"),
    ActionSpec("pinyin_cycle", "pinyin", QT_TRANSLATE_NOOP("actions", "&Next Pinyin Mode"), ("Ctrl+P",)),
    ActionSpec("tone_numbers", "pinyin", QT_TRANSLATE_NOOP("actions", "Tone &Numbers Instead of Marks"), ("Ctrl+Shift+N",), checkable=True),
    ActionSpec("tone_colours", "pinyin", QT_TRANSLATE_NOOP("actions", "Tone &Colours"), ("Ctrl+Shift+T",), checkable=True),
    ActionSpec("zoom_in", "view", QT_TRANSLATE_NOOP("actions", "Zoom &In"), (Key.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", "view", QT_TRANSLATE_NOOP("actions", "Zoom &Out"), (Key.ZoomOut,)),
    ActionSpec("zoom_reset", "view", QT_TRANSLATE_NOOP("actions", "&Actual Size"), ("Ctrl+0",)),
    ActionSpec("font", "view", QT_TRANSLATE_NOOP("actions", "&Font…"), ()),
    ActionSpec("spacing_more", "view", QT_TRANSLATE_NOOP("actions", "More Line &Spacing"), ("Ctrl+]",)),
    ActionSpec("spacing_less", "view", QT_TRANSLATE_NOOP("actions", "Less Line Spa&cing"), ("Ctrl+[",)),
    ActionSpec("theme_light", "view", QT_TRANSLATE_NOOP("actions", "&Light Theme"), (), True, "theme"),
    ActionSpec("theme_sepia", "view", QT_TRANSLATE_NOOP("actions", "&Sepia Theme"), (), True, "theme"),
    ActionSpec("theme_dark", "view", QT_TRANSLATE_NOOP("actions", "&Dark Theme"), (), True, "theme"),
    ActionSpec("theme_cycle", "view", QT_TRANSLATE_NOOP("actions", "Next &Theme"), ("Ctrl+T",)),
    ActionSpec("full_screen", "view", QT_TRANSLATE_NOOP("actions", "&Full-Screen Reading"), (Key.FullScreen, "F11"), checkable=True),
    ActionSpec("sections_panel", "view", QT_TRANSLATE_NOOP("actions", "Sections &Panel"), ("Ctrl+Shift+S",), checkable=True),
    ActionSpec("glossary_panel", "view", QT_TRANSLATE_NOOP("actions", "&Glossary Panel"), ("Ctrl+Shift+G",), checkable=True),
    ActionSpec("script_as_written", "view", QT_TRANSLATE_NOOP("actions", "Characters as &Written"), (), True, "script"),
    ActionSpec("script_simplified", "view", QT_TRANSLATE_NOOP("actions", "Si&mplified Characters"), (), True, "script"),
    ActionSpec("script_traditional", "view", QT_TRANSLATE_NOOP("actions", "T&raditional Characters"), (), True, "script"),
    ActionSpec("script_tw", "view", QT_TRANSLATE_NOOP("actions", "Traditional Characters (&Taiwan)"), (), True, "script"),
    ActionSpec("script_hk", "view", QT_TRANSLATE_NOOP("actions", "Traditional Characters (Hong &Kong)"), (), True, "script"),
    ActionSpec("read_sentence", "listen", QT_TRANSLATE_NOOP("actions", "Read &Sentence"), ("Ctrl+R",)),
    ActionSpec("read_section", "listen", QT_TRANSLATE_NOOP("actions", "Read Se&ction"), ("Ctrl+Shift+R",)),
    ActionSpec("listen_word", "listen", QT_TRANSLATE_NOOP("actions", "Say &Word at Cursor"), ("Ctrl+Alt+W",)),
    ActionSpec("speech_pause", "listen", QT_TRANSLATE_NOOP("actions", "&Pause or Resume"), ("Ctrl+Alt+P",)),
    ActionSpec("speech_stop", "listen", QT_TRANSLATE_NOOP("actions", "S&top Reading"), ("Ctrl+Alt+S",)),
    ActionSpec("speech_faster", "listen", QT_TRANSLATE_NOOP("actions", "&Faster"), ("Ctrl+Alt+=",)),
    ActionSpec("speech_slower", "listen", QT_TRANSLATE_NOOP("actions", "S&lower"), ("Ctrl+Alt+-",)),
    ActionSpec("speech_voice", "listen", QT_TRANSLATE_NOOP("actions", "&Voice…"), ()),
    ActionSpec("info_panel", "view", QT_TRANSLATE_NOOP("actions", "Article &Information Panel"), ("Ctrl+Shift+I",), checkable=True),
    ActionSpec("next_section", "go", QT_TRANSLATE_NOOP("actions", "&Next Section"), ("Ctrl+Down", "Alt+Down")),
    ActionSpec("previous_section", "go", QT_TRANSLATE_NOOP("actions", "&Previous Section"), ("Ctrl+Up", "Alt+Up")),
    ActionSpec("present_start", "go", QT_TRANSLATE_NOOP("actions", "Present from the &Beginning"), ("F5",)),
    ActionSpec("present_here", "go", QT_TRANSLATE_NOOP("actions", "Present from &This Section"), ("Shift+F5",)),
    ActionSpec("print_handout", "go", QT_TRANSLATE_NOOP("actions", "Print &Handout…"), ("Ctrl+Shift+P",)),
    ActionSpec("about", "help", QT_TRANSLATE_NOOP("actions", "&About Dubao"), ()),
    ActionSpec("report_problem", "help", QT_TRANSLATE_NOOP("actions", "&Report a Problem…"), ()),
    ActionSpec("language_en", "settings", "English", (), True, "language"),
    ActionSpec("language_zh", "settings", "简体中文", (), True, "language"),
)

MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("actions", "&File")), ("edit", QT_TRANSLATE_NOOP("actions", "&Edit")), ("notes", QT_TRANSLATE_NOOP("actions", "&Notes")), ("view", QT_TRANSLATE_NOOP("actions", "&View")), ("pinyin", QT_TRANSLATE_NOOP("actions", "&Pinyin")),
    ("listen", QT_TRANSLATE_NOOP("actions", "Lis&ten")),
    ("go", QT_TRANSLATE_NOOP("actions", "&Go")), ("settings", QT_TRANSLATE_NOOP("actions", "&Settings")),
    ("help", QT_TRANSLATE_NOOP("actions", "&Help")),
)


def build_actions(parent: QWidget, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """Create one QAction per spec (translated label, shortcuts, check groups); return them by name."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        action = QAction(QCoreApplication.translate("actions", spec.text), parent)
        action.setObjectName(spec.name)
        action.setShortcuts(_key_sequences(spec.shortcuts))
        action.setCheckable(spec.checkable)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(parent)).addAction(action)
        parent.addAction(action)
        actions[spec.name] = action
    return actions


def script_action_name(script) -> str:
    """Return the name of the View › Characters action that shows `script` (a reader.core.lang.scripts.Script)."""
    return "script_" + script.value.replace("-", "_")


def menu_title(key: str) -> str:
    """Return the translated title of a menu."""
    return QCoreApplication.translate("actions", dict(MENUS)[key])


def _key_sequences(shortcuts: tuple[str | QKeySequence.StandardKey, ...]) -> list[QKeySequence]:
    """Expand standard keys into all of this platform's bindings, without duplicates."""
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        expanded = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Key) else [QKeySequence(shortcut)]
        sequences += [s for s in expanded if not s.isEmpty() and s not in sequences]
    return sequences
