"""Redraw the reader-window screenshots of the README: reader.png, reader-dark-chinese.png, reader-small.png,
reader-small-panels.png and notes.png.

    QT_QPA_PLATFORM=offscreen DUBAO_DATA_DIR=$(mktemp -d) python docs/screenshots/window_shots.py

Each picture is the real window on the bundled article (first run in a fresh data folder, pinyin from the language
layer): the light theme with a policy term's popup at 1500×900; the dark theme in the Chinese interface at 1360×860;
an 800×600 window (panels in the drawer, toolbar icons only), and a 640×480 one with the Sections drawer open;
highlights, one with a note open in its bubble, beside the Notes panel at 1380×880.
"""

from __future__ import annotations

import time
from pathlib import Path

OUT = Path(__file__).resolve().parent


def pump(app, seconds: float) -> None:
    """Let the window work (layout, annotation, dictionary) for `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def open_window(app, size: tuple[int, int], theme: str = "light", language: str = "en"):
    """Build the window on the bundled article, in `theme` and `language`, and wait for its pinyin."""
    from reader.ui.app import build_window, open_initial_article
    from reader.ui.launch import build_parser
    from reader.ui.view import style_commands as cmd

    window = build_window()
    open_initial_article(window, build_parser().parse_args([]))
    window.restyle(cmd.with_theme(window.view.style_, theme))
    window.choose_language(language)
    window.resize(*size)
    window.show()
    deadline = time.monotonic() + 120
    while window.controller.annotation is None and time.monotonic() < deadline:
        pump(app, 0.05)
    pump(app, 1.0)
    return window


def block_with(window, text: str) -> int:
    """Return the index of the first block containing `text`."""
    return next(i for i, b in enumerate(window.view.document.blocks) if text in b.text)


def scroll_near(app, window, block: int, above: int) -> None:
    """Scroll so that `block` starts `above` pixels below the top of the view."""
    window.view.scroll_to(block, 0)
    pump(app, 0.3)
    bar = window.view.verticalScrollBar()
    bar.setValue(max(0, bar.value() - above))
    pump(app, 0.3)


def popup_on(app, window, text: str) -> None:
    """Open the word popup on the first occurrence of `text` and wait for its dictionary entry."""
    block = block_with(window, text)
    scroll_near(app, window, block, 160)
    window.open_popup(window.view.word_at(block, window.view.document.blocks[block].text.index(text)))
    pump(app, 3.0)


def highlight(window, text: str, colour: str, note: str | None) -> None:
    """Highlight the first occurrence of `text` in `colour`, with `note` when given."""
    from reader.ui.view.selection import Selection

    block = block_with(window, text)
    start = window.view.document.blocks[block].text.index(text)
    window.view.selection = Selection((block, start), (block, start + len(text)))
    made = window.desk.highlight(window.view.selection.block_ranges(window.view.document), colour, note)
    assert made, f"could not highlight {text}"
    window.refresh_annotations()


def notes_window(app):
    """Highlights in three colours, two with notes, and the first note open in its bubble."""
    window = open_window(app, (1380, 880))
    for text, colour, note in (("全面深化改革", "green", "改革是动力：对比十四五规划的提法"),
                               ("质量、品牌、标准、规则", "blue", None), ("十四五", "pink", "2021–2025")):
        highlight(window, text, colour, note)
    window.show_dock("notes", True)
    scroll_near(app, window, block_with(window, "全面深化改革"), 60)
    window.show_note_bubble(window.view.note_marks[0][1])
    return window


def save(app, window, name: str) -> None:
    """Grab the window into docs/screenshots/`name` and close it."""
    pump(app, 0.5)
    window.grab().save(str(OUT / name))
    print(OUT / name, window.width(), window.height(), "drawer" if window.adaptive.compact else "docks")
    window.close()


def main() -> None:
    """Draw every picture into docs/screenshots."""
    from reader.ui.app import create_application

    app = create_application()
    window = open_window(app, (1500, 900))
    popup_on(app, window, "供给侧结构性改革")
    save(app, window, "reader.png")
    window = open_window(app, (1360, 860), "dark", "zh_CN")
    popup_on(app, window, "高质量发展")
    save(app, window, "reader-dark-chinese.png")
    for size, name in (((800, 600), "reader-small.png"), ((640, 480), "reader-small-panels.png")):
        window = open_window(app, size)
        window.view.scroll_to(block_with(window, "乙巳蛇年"), 0)
        if name == "reader-small-panels.png":
            window.show_dock("sections", True)
        save(app, window, name)
    save(app, notes_window(app), "notes.png")


if __name__ == "__main__":
    main()
