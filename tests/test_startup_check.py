"""A start that explains itself: without a display, or without a system library Qt's X11 plugin needs, Dubao says
why and what to install, in one message, instead of Qt's "Could not load the Qt platform plugin"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from reader.ui import startup_check
from reader.ui.startup_check import package_of, window_problem, xcb_plugin

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin exists on Linux only")


@linux_only
def test_without_a_display_the_app_says_so_and_how_to_run_it_anyway():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "main.py"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("dubao: ")
    assert "no" in result.stderr and "$DISPLAY" in result.stderr and "xvfb-run dubao" in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr and "Traceback" not in result.stderr


def plugin_lacking(tmp_path: Path, library: bytes, stand_in: bytes) -> Path:
    """A copy of Qt's xcb plugin that needs `stand_in` (a library no system has) where the real one needs `library`."""
    real = xcb_plugin()
    if real is None:
        pytest.skip("this PySide6 has no xcb plugin")
    folder = tmp_path / "Qt" / "plugins" / "platforms"
    folder.mkdir(parents=True)
    (tmp_path / "Qt" / "lib").symlink_to(real.parents[2] / "lib")  # the plugin finds Qt's own libraries by $ORIGIN
    data = real.read_bytes()
    assert len(library) == len(stand_in) and data.count(library + b"\0") == 1
    copy = folder / "libqxcb.so"
    copy.write_bytes(data.replace(library + b"\0", stand_in + b"\0"))
    return copy


@linux_only
def test_a_missing_library_of_the_xcb_plugin_is_named_with_its_package(tmp_path):
    plugin = plugin_lacking(tmp_path, b"libxcb-cursor.so.0", b"libxcb-cursor.so.9")
    message = window_problem({"DISPLAY": ":5"}, plugin)
    assert message is not None and "libxcb-cursor.so.9" in message
    assert "sudo apt install libxcb-cursor9" in message or "libxcb-cursor9 " in message
    assert "Reinstalling" in message


@linux_only
def test_other_platforms_and_wayland_sessions_are_not_checked(tmp_path):
    lacking = plugin_lacking(tmp_path, b"libxcb-cursor.so.0", b"libxcb-cursor.so.9")
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}, lacking) is None
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":5"}, lacking) is None  # Qt uses Wayland there
    assert window_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":5"}, lacking)


@linux_only
def test_a_plugin_that_loaded_once_is_not_checked_again(monkeypatch):
    plugin = xcb_plugin()
    if plugin is None or startup_check.missing_libraries(plugin):
        pytest.skip("Qt's xcb plugin does not load on this machine")
    assert window_problem({"DISPLAY": ":5"}, plugin) is None

    def must_not_run(_plugin):
        raise AssertionError("checked again")

    monkeypatch.setattr(startup_check, "missing_libraries", must_not_run)
    assert window_problem({"DISPLAY": ":5"}, plugin) is None


def test_package_names_follow_the_library_names():
    assert [package_of(name) for name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libdbus-1.so.3",
                                          "libEGL.so.1", "libglib-2.0.so.0", "libxcb-icccm.so.4")] == [
        "libxcb-cursor0", "libxkbcommon-x11-0", "libdbus-1-3", "libegl1", "libglib2.0-0", "libxcb-icccm4"]


def test_the_launcher_prints_the_message_and_stops_before_qt(monkeypatch, capsys):
    from reader.ui import launch

    monkeypatch.setattr(startup_check, "window_problem", lambda: "no window can open here.")
    assert launch.main([]) == 2
    assert capsys.readouterr().err == "dubao: no window can open here.\n"
