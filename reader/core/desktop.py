"""Linux desktop integration: put Dubao in the application menu and in "Open with", and take it out again.

`dubao --install-desktop` writes, into the user's folders under `$XDG_DATA_HOME` (default `~/.local/share`):
- `applications/org.dubao.Dubao.desktop` (a freedesktop entry that opens text and Markdown files),
- the icon into the hicolor theme (`icons/hicolor/<N>x<N>/apps/` and `scalable/apps/`),
- AppStream metainfo (`metainfo/org.dubao.Dubao.metainfo.xml`), so software centres can describe the app,
- a manifest (`dubao/desktop-integration.json`) naming every file and folder it created.

`--uninstall-desktop` removes exactly what the manifest names (and only files whose content is still what was
written), then the folders it created if they are empty. The menu caches are refreshed with `update-desktop-database`
and `gtk-update-icon-cache` when those tools are present; their absence is never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reader import APP_ID, APP_NAME
from reader.core import desktop_texts
from reader.core.errors import DubaoError
from reader.core.files import write_bytes_atomically
from reader.core.paths import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MANIFEST_RELATIVE = Path("dubao") / "desktop-integration.json"
MANIFEST_VERSION = 1
# Caches that the desktop tools write beside our files; removed on uninstall when our install created them.
GENERATED_CACHES = ("mimeinfo.cache", "icon-theme.cache")
TOOL_TIMEOUT_SECONDS = 30
RECOVERY_HINT = "delete it to install again"


class DesktopProblem(DubaoError):
    """The desktop integration could not be written or removed (read-only folder, damaged manifest …)."""


@dataclass
class Manifest:
    """What one install wrote: files (relative to the data home) with their content hash, and created folders."""

    files: dict[str, str] = field(default_factory=dict)
    created_dirs: list[str] = field(default_factory=list)
    created_caches: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """Return the manifest as JSON text."""
        body = {"version": MANIFEST_VERSION, "app_id": APP_ID, "files": self.files,
                "created_dirs": self.created_dirs, "created_caches": self.created_caches}
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str, path: Path) -> Manifest:
        """Parse manifest JSON; raise DesktopProblem naming `path` when it is not one of ours."""
        try:
            body = json.loads(text)
            manifest = cls(dict(body["files"]), list(body["created_dirs"]), list(body.get("created_caches", [])))
        except (ValueError, KeyError, TypeError) as error:
            raise DesktopProblem(f"not a Dubao desktop manifest ({error}); {RECOVERY_HINT}", path) from None
        if body.get("app_id") != APP_ID:
            raise DesktopProblem(f"manifest belongs to {body.get('app_id')!r}, not {APP_ID}; {RECOVERY_HINT}", path)
        return manifest


def data_home() -> Path:
    """Return the user's XDG data folder: `$XDG_DATA_HOME` when it is an absolute path, else `~/.local/share`."""
    chosen = os.environ.get("XDG_DATA_HOME", "")
    if chosen and os.path.isabs(chosen):
        return Path(chosen)
    return Path.home() / ".local" / "share"


def icon_file(size: int | None = None) -> Path:
    """Return the bundled icon: the PNG of `size` pixels, or the SVG source when `size` is None."""
    icons = resources_dir() / "icons"
    return icons / ("dubao.svg" if size is None else f"dubao-{size}.png")


def launch_command(argv0: str | None = None) -> list[str]:
    """Return the command that starts this Dubao, as the menu should run it.

    A frozen bundle runs its own executable; an installed `dubao` script runs itself; a checkout runs
    `python main.py`; otherwise the `dubao` script beside this interpreter or on the PATH, else the launcher module.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    started_as = Path(argv0 if argv0 is not None else sys.argv[0])
    if started_as.name in ("dubao", "dubao.exe") and started_as.is_file():
        return [str(started_as.resolve())]
    if started_as.name == "main.py" and started_as.is_file():
        return [sys.executable, str(started_as.resolve())]
    beside = Path(sys.executable).with_name("dubao")
    found = str(beside) if beside.is_file() else shutil.which("dubao")
    if found:
        return [str(Path(found).resolve())]
    checkout_main = Path(__file__).resolve().parents[2] / "main.py"
    if checkout_main.is_file():
        return [sys.executable, str(checkout_main)]
    return [sys.executable, "-m", "reader.ui.launch"]


def planned_files(command: list[str]) -> dict[Path, bytes]:
    """Return every file an install writes, relative to the data home, with its content."""
    planned: dict[Path, bytes] = {
        Path("applications") / f"{APP_ID}.desktop": desktop_texts.desktop_entry(command).encode("utf-8"),
        Path("metainfo") / f"{APP_ID}.metainfo.xml": desktop_texts.metainfo().encode("utf-8"),
        Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg": _read_resource(icon_file()),
    }
    for size in ICON_SIZES:
        planned[Path(f"icons/hicolor/{size}x{size}/apps") / f"{APP_ID}.png"] = _read_resource(icon_file(size))
    return planned


def _read_resource(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DesktopProblem(f"the bundled icon cannot be read ({error.strerror})", path) from None


def install_integration(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry, icons and metainfo under `home` (default: data_home()); return the files written.

    A previous install is removed first, so installing twice leaves one consistent set of files.
    """
    home = home or data_home()
    if (home / MANIFEST_RELATIVE).exists():
        uninstall_integration(home)
    planned = planned_files(command or launch_command())
    try:
        home.mkdir(parents=True, exist_ok=True)  # the standard data folder itself stays after an uninstall
    except OSError as error:
        raise DesktopProblem(f"cannot create the folder ({error.strerror})", home) from None
    manifest = Manifest()
    caches_before = _existing_caches(home)
    try:
        for relative, content in planned.items():
            _write_file(home, relative, content, manifest)
        _ensure_dir(home, MANIFEST_RELATIVE.parent, manifest)
    finally:
        _refresh_caches(home)
        manifest.created_caches = sorted(_existing_caches(home) - caches_before)
        _save_manifest(home, manifest)
    return [home / relative for relative in manifest.files]


def uninstall_integration(home: Path | None = None) -> list[Path]:
    """Remove what the last install wrote under `home`; return the files removed (none when nothing was installed).

    A file changed since it was written is kept (it is no longer ours to delete).
    """
    home = home or data_home()
    manifest_path = home / MANIFEST_RELATIVE
    if not manifest_path.exists():
        return []
    manifest = Manifest.from_json(_read_text(manifest_path), manifest_path)
    removed = []
    for relative, digest in manifest.files.items():
        target = home / relative
        if target.is_file() and _digest(target.read_bytes()) == digest:
            _remove(target)
            removed.append(target)
    _remove(manifest_path)
    _refresh_caches(home)
    _remove_caused_caches(home, manifest)
    for relative in sorted(manifest.created_dirs, key=lambda d: len(Path(d).parts), reverse=True):
        _remove_if_empty(home / relative)
    return removed


def run_install_command(uninstall: bool) -> int:
    """Run `dubao --install-desktop` / `--uninstall-desktop`: print what was done; return the exit status."""
    if sys.platform in ("win32", "darwin"):
        print("dubao: desktop integration is for Linux desktops (freedesktop menus); nothing was changed",
              file=sys.stderr)
        return 2
    try:
        if uninstall:
            return _report_uninstall(uninstall_integration())
        return _report_install(install_integration())
    except DubaoError as error:
        print(f"dubao: {error}", file=sys.stderr)
        return 2


def _report_install(written: list[Path]) -> int:
    entry = next(p for p in written if p.suffix == ".desktop")
    print(f"{APP_NAME} is now in the application menu and in \"Open with\" for text and Markdown files.")
    print(f"Desktop entry: {entry}")
    print(f"{len(written)} files written; `dubao --uninstall-desktop` removes them again.")
    return 0


def _report_uninstall(removed: list[Path]) -> int:
    if not removed:
        print(f"{APP_NAME} was not in the application menu; nothing to remove.")
    else:
        print(f"{APP_NAME} is no longer in the application menu ({len(removed)} files removed).")
    return 0


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _ensure_dir(home: Path, relative: Path, manifest: Manifest) -> None:
    """Create `home/relative` and its missing parents, recording each folder created."""
    missing = [p for p in [relative, *relative.parents] if str(p) != "." and not (home / p).exists()]
    for folder in reversed(missing):
        try:
            (home / folder).mkdir()
        except FileExistsError:
            continue
        except OSError as error:
            raise DesktopProblem(f"cannot create the folder ({error.strerror})", home / folder) from None
        manifest.created_dirs.append(folder.as_posix())


def _write_file(home: Path, relative: Path, content: bytes, manifest: Manifest) -> None:
    """Write one file atomically and record it in the manifest."""
    _ensure_dir(home, relative.parent, manifest)
    write_bytes_atomically(home / relative, content, force=True, problem=DesktopProblem)
    manifest.files[relative.as_posix()] = _digest(content)


def _save_manifest(home: Path, manifest: Manifest) -> None:
    path = home / MANIFEST_RELATIVE
    if not manifest.files:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(manifest.to_json(), encoding="utf-8")
    except OSError as error:
        raise DesktopProblem(f"cannot record what was installed ({error.strerror})", path) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DesktopProblem(f"cannot read the desktop manifest ({error})", path) from None


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise DesktopProblem(f"cannot remove the file ({error.strerror})", path) from None


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty (someone else's files are there) or already gone: leave it


def _cache_dirs(home: Path) -> list[Path]:
    return [home / "applications", home / "icons" / "hicolor"]


def _existing_caches(home: Path) -> set[str]:
    """Return the generated cache files present under `home`, relative to it."""
    found = set()
    for folder in _cache_dirs(home):
        for name in GENERATED_CACHES:
            if (folder / name).is_file():
                found.add((folder / name).relative_to(home).as_posix())
    return found


def _remove_caused_caches(home: Path, manifest: Manifest) -> None:
    """Delete the caches that did not exist before our install, so the folders are as they were before it."""
    for relative in manifest.created_caches:
        _remove(home / relative)


def _refresh_caches(home: Path) -> None:
    """Refresh the menu's MIME cache and the icon cache with the desktop tools, when present."""
    applications = home / "applications"
    if applications.is_dir():
        _run_tool(["update-desktop-database", "-q", str(applications)])
    hicolor = home / "icons" / "hicolor"
    # A user's hicolor folder normally has no icon cache; write one only to refresh an existing (else stale) one.
    if (hicolor / "icon-theme.cache").is_file():
        _run_tool(["gtk-update-icon-cache", "-q", "-f", "-t", str(hicolor)])


def _run_tool(command: list[str]) -> bool:
    """Run a desktop tool if it is installed; return True when it ran and succeeded. Never raises."""
    if shutil.which(command[0]) is None:
        return False
    try:
        result = subprocess.run(command, capture_output=True, timeout=TOOL_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0
