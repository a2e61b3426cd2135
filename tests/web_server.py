"""A local web server for the fetching and feed tests: 127.0.0.1 only, a port of its own, every answer bounded in
size and time, stopped with the test. Routes map a path to (status, headers, body) or to a callable that writes
the answer itself (slow drips, endless bodies)."""

from __future__ import annotations

import os
import zlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

SCREENSHOTS = Path(os.environ["DUBAO_SCREENSHOTS"]) if os.environ.get("DUBAO_SCREENSHOTS") else None  # to look at
MAX_SECONDS = 20  # no answer of this server lasts longer
SENT: list[dict[str, str]] = []  # the headers of every request, for the tests on what Dubao sends

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, Route] = {}

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        SENT.append({**dict(self.headers.items()), "path": self.path})
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            route = (404, {"Content-Type": "text/html"}, b"<html><body>not here</body></html>")
        if callable(route):
            route(self)
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client stopped reading (a size limit): expected

    def log_message(self, *args) -> None:
        pass


class LocalServer:
    """A server on 127.0.0.1 running in a thread; `url(path)` gives an address on it."""

    def __init__(self, routes: dict[str, Route]) -> None:
        handler = type("RoutedHandler", (Handler,), {"routes": routes})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def dead_address() -> str:
    """An address on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/gone.html"


def endless(content_type: str = "text/html") -> Callable[[BaseHTTPRequestHandler], None]:
    """An answer without Content-Length that goes on (1 MB at a time, 60 MB at most) until the client stops."""
    def write(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.end_headers()
        block = b"<p>" + "很长的页面。".encode() * 87000 + b"</p>\n"
        try:
            for _ in range(60):
                handler.wfile.write(block)
        except OSError:
            pass  # the client hung up: that is the point
    return write


def slow_drip(seconds_per_byte: float = 0.2) -> Callable[[BaseHTTPRequestHandler], None]:
    """A page that sends one byte at a time and never ends (until MAX_SECONDS)."""
    def write(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.end_headers()
        started = time.monotonic()
        try:
            while time.monotonic() - started < MAX_SECONDS:
                handler.wfile.write(b"<")
                handler.wfile.flush()
                time.sleep(seconds_per_byte)
        except OSError:
            pass
    return write


def gzip_bomb(megabytes: int = 64) -> tuple[int, dict[str, str], bytes]:
    """A small gzip body (about 64 KB) that grows to `megabytes` MB of zeros."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    body = b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    return 200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, body
