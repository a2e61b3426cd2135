"""Before Qt starts: can this machine show a window at all? If not, say why and what to do, in one message.

Without this, a missing display or a system library that Qt's X11 plugin (xcb) needs ends in Qt's own "Could not
load the Qt platform plugin … Reinstalling the application may fix this problem", which names neither the library
nor the package to install. Imports no Qt (it runs before Qt is loaded). The libraries are checked by loading the
plugin (`ldd` lists them all when that fails); once the plugin loaded, a stamp in the cache folder (the plugin's size
and date) spares later starts the check, so the reopen path does not get slower.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Mapping

from reader.core.errors import DubaoError

# Debian/Ubuntu packages whose name does not follow from the library's (libfoo-bar.so.1 → libfoo-bar1).
PACKAGE_OF = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0", "libz.so.1": "zlib1g",
              "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0"}
STAMP_NAME = "qt-xcb-plugin-loads"
NO_DISPLAY = ("Dubao needs a graphical desktop, and none was found ($DISPLAY and $WAYLAND_DISPLAY are not set). "
              "Start it from your desktop session; on a machine without a screen, run it under a virtual one: "
              "xvfb-run dubao (Debian/Ubuntu package xvfb). The command line works without a screen: "
              "python -m reader --help.")


def window_problem(environ: Mapping[str, str] | None = None, plugin: Path | None = None) -> str | None:
    """Return the message that explains why no window can open here, or None when nothing stands in the way."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs …: the user chose a platform that needs no desktop
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    uses_xcb = platform.startswith("xcb") or (not platform and not environ.get("WAYLAND_DISPLAY"))
    plugin = plugin or xcb_plugin()
    if not uses_xcb or plugin is None or _checked_before(plugin):
        return None
    missing = missing_libraries(plugin)
    if missing:
        return missing_libraries_message(missing)
    _remember_checked(plugin)
    return None


def _stamp(plugin: Path) -> tuple[Path, str]:
    """Return the stamp file and the text that says this plugin file loaded before."""
    from reader.core import paths

    info = plugin.stat()
    return paths.cache_dir() / STAMP_NAME, f"{plugin}\t{info.st_size}\t{info.st_mtime_ns}\n"


def _checked_before(plugin: Path) -> bool:
    try:
        stamp, text = _stamp(plugin)
        return stamp.read_text(encoding="utf-8") == text
    except (OSError, ValueError, DubaoError):
        return False


def _remember_checked(plugin: Path) -> None:
    try:
        stamp, text = _stamp(plugin)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(text, encoding="utf-8")
    except (OSError, DubaoError):
        pass  # without a stamp the next start checks again


def xcb_plugin() -> Path | None:
    """Return Qt's X11 platform plugin of the installed PySide6 (found without importing it), or None."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if path.exists():
            return path
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """Return the shared libraries the plugin needs that this system lacks (empty when it loads)."""
    import ctypes
    import re

    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as error:
        found = _not_found_by_ldd(plugin)
        if found:
            return found
        named = re.match(r"([^:\s]+\.so[.\d]*): cannot open shared object file", str(error))
        return [named.group(1)] if named else [str(error)]
    return []


def _not_found_by_ldd(plugin: Path) -> list[str]:
    """Return every library `ldd` reports as not found for the plugin (empty when ldd is unavailable)."""
    import re
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        listing = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(re.findall(r"^\s*(\S+) => not found", listing, re.M)))


def package_of(library: str) -> str:
    """Return the Debian/Ubuntu package that provides a library: libxcb-cursor.so.0 → libxcb-cursor0."""
    if library in PACKAGE_OF:
        return PACKAGE_OF[library]
    base, _, version = library.partition(".so.")
    base = base.lower()
    if not version:
        return base
    return f"{base}-{version.split('.')[0]}" if base[-1].isdigit() else f"{base}{version.split('.')[0]}"


def missing_libraries_message(missing: list[str]) -> str:
    """Return the message for system libraries Qt's X11 plugin needs and cannot find."""
    packages = " ".join(dict.fromkeys(package_of(library) for library in missing))
    return (f"Dubao cannot open its window: the system lacks {', '.join(missing)}, which Qt needs to show windows "
            f"on X11. Install the package that provides {'it' if len(missing) == 1 else 'them'}: "
            f"sudo apt install {packages} (Debian/Ubuntu; on other systems, the package of the same library). "
            "Reinstalling Dubao will not help.")
