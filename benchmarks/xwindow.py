"""Launch → mapped, launch → settled and peak memory of a program's window under Xvfb, measured from outside.

- mapped: an X connection selects SubstructureNotify on the root window before the program starts, so the MapNotify
  of its first top-level window (at least 100×100) arrives as an event, timed to the millisecond (`xdotool search
  --sync` polls every 500 ms).
- settled: the DAMAGE extension reports every drawing on the screen; after each report the window area is grabbed
  (XGetImage, at most every `GRAB_INTERVAL` seconds) and compared with the last grab. Settled is the time of the last
  drawing that changed pixels, once the pixels stayed the same for `quiet` seconds AND the program's processes used
  less than a tenth of a core meanwhile (so a program still computing what it will draw is not "settled").
  Without DAMAGE, the area is grabbed every `GRAB_INTERVAL` seconds instead.
- memory: the program's process tree (children included) is sampled every `MEMORY_INTERVAL` seconds; the peak of the
  summed PSS (shared pages split between the processes that share them) and of the summed RSS are reported.

Usage: `with virtual_display() as env: measure_launch([...], env)`. Only Linux with libX11/libXdamage.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

GRAB_INTERVAL = 0.008
MEMORY_INTERVAL = 0.02
MIN_WINDOW_SIDE = 100
_MAP_NOTIFY = 19
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_Z_PIXMAP = 2
_DAMAGE_REPORT_NON_EMPTY = 3


@dataclass
class LaunchTimes:
    """What one launch measured: seconds after launch (None when it never happened) and peak memory in MiB."""

    mapped: float | None
    settled: float | None
    peak_pss_mib: float
    peak_rss_mib: float

    def add_to(self, samples: dict[str, list[float]], prefix: str) -> None:
        """Append this launch's four numbers to `samples` under `<prefix>_<field>` (a missing time as NaN)."""
        for name in ("mapped", "settled", "peak_rss_mib", "peak_pss_mib"):
            value = getattr(self, name)
            samples.setdefault(f"{prefix}_{name}", []).append(float("nan") if value is None else value)


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


class _XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class _XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


_ERROR_HANDLER_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_ignore_errors = _ERROR_HANDLER_TYPE(lambda _display, _error: 0)  # a window that vanished is not fatal


class _Screen:
    """One X connection to the display under test: map events, damage events and grabs of a screen area."""

    def __init__(self, display_name: str) -> None:
        self.x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XGetImage.restype = ctypes.POINTER(_XImage)
        self.x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                       ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        for name in ("XSelectInput", "XPending", "XNextEvent", "XConnectionNumber", "XFlush", "XCloseDisplay",
                     "XGetGeometry"):
            getattr(self.x11, name).argtypes = None
        self.x11.XSetErrorHandler(_ignore_errors)
        self.display = self.x11.XOpenDisplay(display_name.encode())
        if not self.display:
            raise RuntimeError(f"cannot open X display {display_name}")
        self.root = self.x11.XDefaultRootWindow(ctypes.c_void_p(self.display))
        self.x11.XSelectInput(ctypes.c_void_p(self.display), ctypes.c_ulong(self.root),
                              ctypes.c_long(_SUBSTRUCTURE_NOTIFY_MASK))
        self.damage_event = self._watch_damage()
        self.x11.XFlush(ctypes.c_void_p(self.display))

    def _watch_damage(self) -> int | None:
        """Ask for a DAMAGE report on the root (any drawing on screen); return its event number, or None."""
        name = ctypes.util.find_library("Xdamage")
        if name is None:
            return None
        self.damage_lib = ctypes.CDLL(name)
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self.damage_lib.XDamageQueryExtension(ctypes.c_void_p(self.display), ctypes.byref(event_base),
                                                     ctypes.byref(error_base)):
            return None
        self.damage_lib.XDamageCreate.restype = ctypes.c_ulong
        self.damage = self.damage_lib.XDamageCreate(ctypes.c_void_p(self.display), ctypes.c_ulong(self.root),
                                                    ctypes.c_int(_DAMAGE_REPORT_NON_EMPTY))
        return event_base.value

    def fileno(self) -> int:
        """The connection's socket (for select)."""
        return self.x11.XConnectionNumber(ctypes.c_void_p(self.display))

    def events(self) -> Iterator[tuple[str, int]]:
        """Yield ("map", window) and ("damage", 0) for the events that arrived (never blocks)."""
        event = _XEvent()
        while self.x11.XPending(ctypes.c_void_p(self.display)):
            self.x11.XNextEvent(ctypes.c_void_p(self.display), ctypes.byref(event))
            if event.type == _MAP_NOTIFY:
                yield "map", ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XMapEvent)).contents.window
            elif self.damage_event is not None and event.type == self.damage_event:
                self.damage_lib.XDamageSubtract(ctypes.c_void_p(self.display), ctypes.c_ulong(self.damage),
                                                ctypes.c_ulong(0), ctypes.c_ulong(0))
                yield "damage", 0

    def geometry(self, window: int) -> tuple[int, int, int, int] | None:
        """Return (x, y, width, height) of a window, or None when it is gone."""
        root, x, y = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_int()
        width, height, border, depth = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        ok = self.x11.XGetGeometry(ctypes.c_void_p(self.display), ctypes.c_ulong(window), ctypes.byref(root),
                                   ctypes.byref(x), ctypes.byref(y), ctypes.byref(width), ctypes.byref(height),
                                   ctypes.byref(border), ctypes.byref(depth))
        return (x.value, y.value, width.value, height.value) if ok else None

    def grab(self, area: tuple[int, int, int, int]) -> bytes:
        """Return the pixels of a screen area (from the root window, so any window's drawing is included)."""
        x, y, width, height = area
        image = self.x11.XGetImage(ctypes.c_void_p(self.display), self.root, x, y, width, height, ~0 & 0xFFFFFFFF,
                                   _Z_PIXMAP)
        if not image:
            return b""
        pixels = ctypes.string_at(image.contents.data, image.contents.bytes_per_line * image.contents.height)
        self.x11.XFree(ctypes.c_void_p(image.contents.data))
        self.x11.XFree(image)
        return pixels

    def close(self) -> None:
        """Close the connection."""
        self.x11.XCloseDisplay(ctypes.c_void_p(self.display))


class _ProcessTree:
    """Peak memory and CPU use of a process and all its descendants, read from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_pss = 0.0
        self.peak_rss = 0.0
        self.cpu_ticks: dict[int, int] = {}
        self.tick = os.sysconf("SC_CLK_TCK")

    def pids(self) -> list[int]:
        """Return the process and its living descendants."""
        found, pending = [], [self.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*/children"):
                with contextlib.suppress(OSError):
                    pending += [int(child) for child in task.read_text().split()]
        return found

    def sample(self) -> float:
        """Record the memory of the tree; return the CPU seconds it used since the previous sample."""
        pss = rss = 0
        used = 0
        for pid in self.pids():
            with contextlib.suppress(OSError, ValueError, IndexError):
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks = int(fields[11]) + int(fields[12])
                used += max(0, ticks - self.cpu_ticks.get(pid, 0))
                self.cpu_ticks[pid] = ticks
        self.peak_pss = max(self.peak_pss, pss / 1024)
        self.peak_rss = max(self.peak_rss, rss / 1024)
        return used / self.tick


@contextlib.contextmanager
def virtual_display(size: str = "1920x1200x24") -> Iterator[dict[str, str]]:
    """Start an Xvfb server for the measurements; yield the environment that points programs at it."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (Debian package xvfb)")
    number = next(n for n in range(250, 350) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", size, "-nolisten", "tcp", "-noreset"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        env = dict(os.environ, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        yield env
    finally:
        server.terminate()
        server.wait()


def measure_launch(command: Sequence[str], env: dict[str, str], quiet: float = 0.5, timeout: float = 60.0,
                   cwd: str | Path | None = None) -> LaunchTimes:
    """Start `command` on the display of `env`; return launch→mapped, launch→settled and peak memory.

    The program is ended (its whole process group) once it settled or after `timeout` seconds.
    """
    screen = _Screen(env["DISPLAY"])
    launched = time.monotonic()
    process = subprocess.Popen(list(command), env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return _watch(screen, process, launched, quiet, timeout)
    finally:
        _end(process)
        screen.close()


def _watch(screen: _Screen, process: subprocess.Popen, launched: float, quiet: float,
           timeout: float) -> LaunchTimes:
    """The measuring loop: events, grabs and memory samples until the window settled (or timeout)."""
    tree = _ProcessTree(process.pid)
    mapped_at = last_change = last_damage = None
    windows: list[int] = []
    previous, dirty, next_grab, next_sample = b"", False, 0.0, 0.0
    busy: list[tuple[float, float]] = []  # (time, CPU seconds used since the previous sample)
    while (now := time.monotonic()) - launched < timeout and process.poll() is None:
        select.select([screen.fileno()], [], [], 0.004)
        now = time.monotonic()
        for kind, window in screen.events():
            if kind == "map":
                windows.append(window)
            else:
                dirty, last_damage = True, now
        if mapped_at is None and _area(screen, windows) is not None:
            mapped_at = now
        if now >= next_sample:
            busy.append((now, tree.sample()))
            next_sample = now + MEMORY_INTERVAL
        if mapped_at is not None and (dirty or screen.damage_event is None) and now >= next_grab:
            area = _area(screen, windows)
            pixels = screen.grab(area) if area else b""
            if pixels != previous:
                previous, last_change = pixels, (last_damage if screen.damage_event is not None else now)
            dirty, next_grab = False, now + GRAB_INTERVAL
        if last_change is not None and now - last_change >= quiet and not dirty and \
                sum(used for at, used in busy if at > now - quiet) < 0.1 * quiet:
            return LaunchTimes(mapped_at - launched, last_change - launched, tree.peak_pss, tree.peak_rss)
    return LaunchTimes(mapped_at - launched if mapped_at else None, None, tree.peak_pss, tree.peak_rss)


def _area(screen: _Screen, windows: list[int]) -> tuple[int, int, int, int] | None:
    """Return the bounding box of the mapped windows of at least MIN_WINDOW_SIDE pixels a side, or None."""
    boxes = [g for g in map(screen.geometry, windows) if g and g[2] >= MIN_WINDOW_SIDE and g[3] >= MIN_WINDOW_SIDE]
    if not boxes:
        return None
    screen_box = screen.geometry(screen.root) or (0, 0, 1 << 15, 1 << 15)
    left, top = max(0, min(b[0] for b in boxes)), max(0, min(b[1] for b in boxes))
    right = min(screen_box[2], max(b[0] + b[2] for b in boxes))
    bottom = min(screen_box[3], max(b[1] + b[3] for b in boxes))
    return left, top, right - left, bottom - top


def _end(process: subprocess.Popen) -> None:
    """End the measured program and everything it started (its own process group)."""
    for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 3)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(wait)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # helpers that outlived the main process
