"""`dubao --install-desktop` / `--uninstall-desktop` against a temporary XDG_DATA_HOME."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from reader import APP_ID
from reader.core import desktop, desktop_texts

DESKTOP_FILE = Path("applications") / f"{APP_ID}.desktop"
METAINFO_FILE = Path("metainfo") / f"{APP_ID}.metainfo.xml"


def snapshot(root: Path) -> dict[str, str | None]:
    """Every folder (None) and file (content hash) under root, by relative path."""
    found: dict[str, str | None] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        found[relative] = None if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def desktop_keys(path: Path) -> dict[str, str]:
    """The keys of the [Desktop Entry] group."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A temporary XDG data home that already holds another application's files."""
    root = tmp_path / "share"
    other_app = root / "applications" / "other.desktop"
    other_app.parent.mkdir(parents=True)
    other_app.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other %F\nMimeType=text/x-other;\n")
    other_icon = root / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.parent.mkdir(parents=True)
    other_icon.write_bytes(b"not really a png")
    monkeypatch.setenv("XDG_DATA_HOME", str(root))
    return root


COMMAND = ["/opt/dubao/dubao"]


def test_install_writes_entry_icons_and_metainfo(home):
    written = desktop.install_integration(command=COMMAND)
    relative = {p.relative_to(home).as_posix() for p in written}
    assert DESKTOP_FILE.as_posix() in relative
    assert METAINFO_FILE.as_posix() in relative
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in relative
    for size in desktop.ICON_SIZES:
        icon = home / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", icon
    keys = desktop_keys(home / DESKTOP_FILE)
    assert keys["Exec"] == "/opt/dubao/dubao %F"
    assert keys["Icon"] == APP_ID
    assert set(keys["MimeType"].rstrip(";").split(";")) == {"text/plain", "text/markdown"}
    assert keys["Terminal"] == "false"


def test_uninstall_restores_exactly_what_was_there(home):
    before = snapshot(home)
    desktop.install_integration(command=COMMAND)
    assert snapshot(home) != before
    removed = desktop.uninstall_integration()
    assert len(removed) == 2 + 1 + len(desktop.ICON_SIZES)
    assert snapshot(home) == before


def test_install_twice_then_uninstall_restores(home):
    before = snapshot(home)
    desktop.install_integration(command=["/first/dubao"])
    desktop.install_integration(command=["/second/dubao"])
    assert desktop_keys(home / DESKTOP_FILE)["Exec"] == "/second/dubao %F"
    desktop.uninstall_integration()
    assert snapshot(home) == before


def test_uninstall_keeps_a_file_changed_since_install(home):
    desktop.install_integration(command=COMMAND)
    metainfo = home / METAINFO_FILE
    metainfo.write_text("<component>edited by the user</component>\n")
    removed = desktop.uninstall_integration()
    assert metainfo not in removed
    assert metainfo.read_text() == "<component>edited by the user</component>\n"
    assert not (home / DESKTOP_FILE).exists()


def test_uninstall_without_install_removes_nothing(home):
    before = snapshot(home)
    assert desktop.uninstall_integration() == []
    assert snapshot(home) == before


def test_works_without_desktop_tools_on_the_path(home, tmp_path, monkeypatch):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    monkeypatch.setenv("PATH", str(empty_bin))
    before = snapshot(home)
    desktop.install_integration(command=COMMAND)
    assert not (home / "applications" / "mimeinfo.cache").exists()
    desktop.uninstall_integration()
    assert snapshot(home) == before


@pytest.mark.skipif(shutil.which("update-desktop-database") is None, reason="update-desktop-database not installed")
def test_mime_cache_lists_dubao_for_text_files(home):
    desktop.install_integration(command=COMMAND)
    cache = (home / "applications" / "mimeinfo.cache").read_text()
    assert f"text/plain={APP_ID}.desktop;" in cache
    assert f"text/markdown={APP_ID}.desktop;" in cache


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed")
@pytest.mark.parametrize("command", [COMMAND, ["/home/a user/venv/bin/python", "/home/a user/100% $dubao/main.py"]])
def test_desktop_entry_validates(home, command):
    desktop.install_integration(command=command)
    result = subprocess.run(["desktop-file-validate", str(home / DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_validates(home):
    desktop.install_integration(command=COMMAND)
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(home / METAINFO_FILE)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/usr/bin/dubao", "/usr/bin/dubao"),
        ("/home/a user/main.py", '"/home/a user/main.py"'),
        ('/odd"name', '"/odd\\"name"'),
        ("/cost$/x`y", '"/cost\\$/x\\`y"'),
        ("/100%/main.py", "/100%%/main.py"),
    ],
)
def test_exec_arguments_are_quoted_per_the_specification(argument, quoted):
    assert desktop_texts.quote_exec_argument(argument) == quoted


def test_exec_line_escapes_backslashes_as_a_string_value():
    # A backslash inside quotes is escaped once for Exec quoting and once more for the string value.
    assert desktop_texts.exec_line(["C:\\dubao dir\\dubao"]) == '"C:\\\\\\\\dubao dir\\\\\\\\dubao" %F'


def test_launch_command_prefers_the_bundle_executable(monkeypatch, tmp_path):
    bundled = tmp_path / "dubao"
    bundled.write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundled))
    assert desktop.launch_command() == [str(bundled.resolve())]


def test_launch_command_for_an_installed_script_and_a_checkout(tmp_path):
    script = tmp_path / "bin" / "dubao"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    assert desktop.launch_command(str(script)) == [str(script.resolve())]
    main_py = PROJECT_ROOT / "main.py"
    assert desktop.launch_command(str(main_py)) == [sys.executable, str(main_py.resolve())]


def run_main(home: Path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(home))
    return subprocess.run([sys.executable, "main.py", *options], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_main_py_install_and_uninstall_from_a_checkout(home):
    before = snapshot(home)
    installed = run_main(home, "--install-desktop")
    assert installed.returncode == 0, installed.stderr
    exec_value = desktop_keys(home / DESKTOP_FILE)["Exec"]
    assert exec_value == f"{sys.executable} {PROJECT_ROOT / 'main.py'} %F"
    uninstalled = run_main(home, "--uninstall-desktop")
    assert uninstalled.returncode == 0, uninstalled.stderr
    assert snapshot(home) == before


def test_damaged_manifest_is_one_clear_line(home):
    desktop.install_integration(command=COMMAND)
    manifest = home / desktop.MANIFEST_RELATIVE
    manifest.write_text("{ not json")
    result = run_main(home, "--uninstall-desktop")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(manifest) in result.stderr and "manifest" in result.stderr
    assert (home / DESKTOP_FILE).exists(), "nothing is removed on a manifest that cannot be trusted"


def test_manifest_names_every_written_file(home):
    written = desktop.install_integration(command=COMMAND)
    manifest = json.loads((home / desktop.MANIFEST_RELATIVE).read_text())
    assert {home / name for name in manifest["files"]} == set(written)
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((home / name).read_bytes()).hexdigest() == digest


def test_install_over_a_damaged_manifest_changes_nothing(home):
    manifest = home / desktop.MANIFEST_RELATIVE
    manifest.parent.mkdir(parents=True)
    manifest.write_text('{"app_id": "someone.else", "files": {}, "created_dirs": []}')
    before = snapshot(home)
    result = run_main(home, "--install-desktop")
    assert result.returncode == 2
    assert "someone.else" in result.stderr and "delete it to install again" in result.stderr
    assert snapshot(home) == before


def test_install_into_a_data_home_that_does_not_exist_yet(tmp_path, monkeypatch):
    home = tmp_path / "fresh" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    desktop.install_integration(command=COMMAND)
    assert (home / DESKTOP_FILE).is_file()
    desktop.uninstall_integration()
    assert list(home.iterdir()) == []
