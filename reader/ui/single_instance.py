"""One running Dubao per user and data folder: a second launch hands its file to the first and exits.

Usage in the app's start-up (after the QApplication exists, before the window is built):

    instance = SingleInstance()
    if instance.try_hand_off(args.path):
        return 0                      # the running window opens the file and comes to the front
    instance.listen()
    instance.open_requested.connect(window.open_path)
    instance.present_requested.connect(present_from_section)   # `dubao --present FILE --section N`
    instance.activation_requested.connect(lambda: bring_to_front(window))

A second `dubao --present FILE` hands off with `try_hand_off(FILE, present_section=N)`.

The channel is a Qt local socket (a Unix socket in `$XDG_RUNTIME_DIR` or the temp folder; a named pipe on Windows)
whose name is derived from the user and the data folder, so separate data folders run separate instances. One
message is one line of UTF-8 JSON: `{"open": "/absolute/path", "present": null}` (`"present"`: the 1-based section
to present from, or null), or `{"open": null}` (just come to the front).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from reader.core.paths import data_dir

if TYPE_CHECKING:  # Qt's network module loads only when an instance may be running, or to listen (after the paint)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 1000
WRITE_TIMEOUT_MS = 2000
MAX_MESSAGE_BYTES = 64 * 1024


def server_name_for(data_folder: Path, user: str | None = None) -> str:
    """Return the local-socket name for this user and data folder: on Unix an absolute path in the runtime folder
    (else in the temp folder, where Qt would put a bare name), on Windows a pipe name."""
    user = user or _user_name()
    digest = hashlib.blake2b(f"{user}\0{data_folder.resolve()}".encode("utf-8"), digest_size=8).hexdigest()
    name = f"dubao-{digest}"
    if sys.platform == "win32":
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return str(Path(runtime) / name)
    return str(Path(os.environ.get("TMPDIR") or "/tmp") / name)  # QDir::tempPath() on Unix


def nobody_can_listen(name: str) -> bool:
    """True when no instance can be listening on `name`: on Unix a listening instance keeps a socket file at its
    absolute name, so one stat answers without loading Qt's network module (a Windows pipe is asked through Qt)."""
    return os.path.isabs(name) and not os.path.exists(name)


def _user_name() -> str:
    """Return who runs Dubao: the user id on Unix (whatever the environment says), else the login name."""
    if hasattr(os, "getuid"):
        return f"uid{os.getuid()}"
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


@dataclass(frozen=True)
class HandOff:
    """What a second launch asks of the running instance."""

    path: str | None = None  # the absolute path to open; None: just come to the front
    present_section: int | None = None  # with a path: present it from this section (1-based)


def encode_message(path: str | None, present_section: int | None = None) -> bytes:
    """Return the wire form of a hand-off: one JSON line naming the absolute path to open (or null)."""
    absolute = str(Path(path).expanduser().absolute()) if path else None
    body = {"open": absolute, "present": present_section if absolute else None}
    return (json.dumps(body, ensure_ascii=False) + "\n").encode("utf-8")


def decode_message(data: bytes) -> HandOff | None:
    """Parse a hand-off; return None for anything that is not our message."""
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(body, dict) or "open" not in body:
        return None
    path, section = body["open"], body.get("present")
    if (path is not None and not isinstance(path, str)) or not _is_section(section):
        return None
    return HandOff(path or None, section if path else None)


def _is_section(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 1)


class SingleInstance(QObject):
    """The single-instance channel: hand off to a running Dubao, or become the one that others hand off to."""

    open_requested = Signal(str)  # a second launch asked to open this absolute path
    present_requested = Signal(str, int)  # a second launch asked to present this path from section N (1-based)
    activation_requested = Signal()  # a second launch happened (with or without a file): come to the front

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name_for(data_dir())
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @property
    def is_listening(self) -> bool:
        """True once this process is the running instance."""
        return self._server is not None and self._server.isListening()

    def try_hand_off(self, path: str | None = None, present_section: int | None = None) -> bool:
        """Send `path` (or just "come to the front") to a running instance; return True when one received it.

        With `present_section`, the running instance is asked to present the file from that section (1-based).
        """
        if nobody_can_listen(self.name):
            return False
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(encode_message(path, present_section))
        delivered = socket.waitForBytesWritten(WRITE_TIMEOUT_MS) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WRITE_TIMEOUT_MS)
        return delivered

    def listen(self) -> bool:
        """Start receiving hand-offs; clear a stale socket left by a crashed instance. Return True on success (also
        when already listening)."""
        if self.is_listening:
            return True
        if self._someone_answers():
            return False  # another instance is running (Qt would silently take its socket over)
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name)  # nobody answers: whatever socket file is left is stale
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return False
        server.newConnection.connect(self._accept_connections)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening and remove the socket, so the next launch starts fresh."""
        for socket in list(self._buffers):
            self._forget(socket)
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _someone_answers(self) -> bool:
        if nobody_can_listen(self.name):
            return False
        from PySide6.QtNetwork import QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(self.name)
        answered = probe.waitForConnected(CONNECT_TIMEOUT_MS)
        probe.abort()
        return answered

    def _accept_connections(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._finish(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll()))
        if b"\n" in buffer or len(buffer) > MAX_MESSAGE_BYTES:
            self._finish(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        """Stop listening to a client connection and let Qt delete it."""
        self._buffers.pop(socket, None)
        socket.readyRead.disconnect()
        socket.disconnected.disconnect()
        socket.abort()
        socket.deleteLater()

    def _finish(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.pop(socket, None)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll()))
        self._forget(socket)
        hand_off = decode_message(bytes(buffer.split(b"\n", 1)[0]))
        if hand_off is None:
            return
        if hand_off.path and hand_off.present_section:
            self.present_requested.emit(hand_off.path, hand_off.present_section)
        elif hand_off.path:
            self.open_requested.emit(hand_off.path)
        self.activation_requested.emit()


def bring_to_front(window: QWidget) -> None:
    """Show `window` un-minimised, raised and active (as far as the window manager allows)."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
