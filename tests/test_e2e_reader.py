"""End to end: the real app (`python main.py`) on a virtual X display, driven by keys like a reader would.

Starts Xvfb itself, waits for the window, goes to the third section with Ctrl+Down, opens the popup of the word at the
caret (Ctrl+Enter), takes a screenshot, quits with Ctrl+Q, and checks that the reading position the app stored on quitting
is in the third section. The screenshot is kept in `screenshots/tmp/` for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.e2e
SEED = PROJECT_ROOT / "articles" / "xihaian-2025-quality-page.md"
SHOTS = PROJECT_ROOT / "screenshots" / "tmp"


def need_tools() -> None:
    missing = [tool for tool in ("Xvfb", "xdotool", "import", "compare") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian packages xvfb, xdotool, imagemagick)")


def free_display() -> int:
    for number in range(140, 240):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    pytest.skip("no free X display number")


@pytest.fixture
def display():
    need_tools()
    number = free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.skip(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def xdotool(env: dict, *args: str) -> str:
    result = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20)
    return result.stdout.strip()


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def window_named(env: dict, needle: str) -> tuple[str, str] | None:
    """Return (id, title) of a Dubao window whose title holds `needle` (the app has hidden helper windows too)."""
    for window in xdotool(env, "search", "--name", "Dubao").split():
        title = xdotool(env, "getwindowname", window)
        if needle in title:
            return window, title
    return None


def test_read_the_seed_go_to_section_three_open_a_popup_and_quit(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", DUBAO_DATA_DIR=str(tmp_path / "data"))
    env.pop("WAYLAND_DISPLAY", None)
    # Fill the annotation cache with the command line first, as a previous session of the app would have.
    subprocess.run([sys.executable, "-m", "reader", "annotate", str(SEED)], env=env, cwd=PROJECT_ROOT,
                   capture_output=True, timeout=300, check=True)
    with subprocess.Popen([sys.executable, "main.py"], env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as app:
        third = drive(app, env, display)
    assert third.endswith("Dubao 读报")
    assert_position_in_third_section(tmp_path / "data")


POPUP_PIXELS = 5_000  # the word popup covers tens of thousands of pixels; a blinking caret a few dozen
SETTLED_PIXELS = 500


def screenshot(display: str, path: Path) -> Path:
    """Save the whole virtual screen to `path`."""
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True, timeout=30)
    return path


def screen_settled(display: str) -> bool:
    """True when two screenshots in a row show the same picture (a blinking caret aside)."""
    first = screenshot(display, SHOTS / "e2e-settling-1.png")
    second = screenshot(display, SHOTS / "e2e-settling-2.png")
    settled = pixels_changed(first, second) < SETTLED_PIXELS
    for path in (first, second):
        path.unlink()
    return settled


def pixels_changed(before: Path, after: Path) -> int:
    """Return how many pixels differ between two screenshots (imagemagick's compare)."""
    result = subprocess.run(["compare", "-metric", "AE", str(before), str(after), "null:"], capture_output=True,
                            text=True, timeout=30)
    return int(float(result.stderr.split()[0]))


def drive(app: subprocess.Popen, env: dict, display: str) -> str:
    """Go to the third section, open the popup at the caret, take a screenshot, quit; return the title seen."""
    try:
        window, title = wait_for(lambda: window_named(env, "把高质量发展之路"), 90, "the window with the seed article")
        assert title.startswith("Lead")
        SHOTS.mkdir(parents=True, exist_ok=True)
        wait_for(lambda: window in xdotool(env, "search", "--onlyvisible", "--name", "Dubao").split(), 30,
                 "the window on screen")
        wait_for(lambda: screen_settled(display), 30, "the window to finish drawing")
        xdotool(env, "windowfocus", "--sync", window)
        xdotool(env, "key", "--delay", "150", "ctrl+Down", "ctrl+Down")
        third = wait_for(lambda: (name := xdotool(env, "getwindowname", window)).startswith("做好四篇文章") and name,
                         10, "the third section in the title")
        before, shot = screenshot(display, SHOTS / "e2e-before-popup.png"), SHOTS / "e2e-reader.png"
        xdotool(env, "key", "ctrl+Return")  # the popup is drawn inside the window: wait until it shows on screen
        wait_for(lambda: pixels_changed(before, screenshot(display, shot)) > POPUP_PIXELS, 10, "the word popup")
        before.unlink()
        assert shot.stat().st_size > 20_000
        xdotool(env, "key", "ctrl+q")
        assert app.wait(timeout=20) == 0, app.stderr.read()
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    return third


def assert_position_in_third_section(data: Path) -> None:
    from reader.core.importer import load_article
    from reader.core.storage import Store

    article = load_article(SEED)
    third_ids = {p.id for p in article.sections[2].paragraphs}
    with Store.open(data) as store:
        entry = store.library.last_opened()
        position = store.positions.get(entry.id)
    assert entry.title == article.title
    assert position is not None and position.paragraph_id in third_ids
