"""Logout sends SIGTERM: the real app saves the reading position and closes its database within 2 seconds."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import PROJECT_ROOT

CLOSE_WITHIN_SECONDS = 2.0


def _entry_id(database) -> int | None:
    """Return the id of the article the running app stored, or None while it has not yet."""
    if not database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:  # closed at once: while any connection is open, SQLite keeps the write-ahead log the test watches
        row = conn.execute("SELECT id FROM articles").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def test_sigterm_saves_the_position_and_closes_the_database_in_time(tmp_path):
    article = tmp_path / "文章.txt"
    article.write_text("读报的文章\n\n" + "".join(f"这是第{n}段，讲高质量发展。\n\n" for n in range(40)), encoding="utf-8")
    data = tmp_path / "data"
    database = data / "dubao.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUBAO_DATA_DIR=str(data),
               DUBAO_CACHE_DIR=str(tmp_path / "cache"))
    app = subprocess.Popen([sys.executable, "main.py", str(article)], cwd=PROJECT_ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while _entry_id(database) is None and time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.2)
        entry_id = _entry_id(database)
        assert entry_id is not None, f"the app never stored its article: {app.stderr.read()[-2000:] if app.poll() is not None else ''}"
        time.sleep(1.0)  # let it settle in its event loop (the annotation may still be on its way)
        assert database.with_name("dubao.sqlite3-wal").exists()  # the database is open (in WAL mode)
        sent = time.monotonic()
        os.kill(app.pid, signal.SIGTERM)
        while database.with_name("dubao.sqlite3-wal").exists() and time.monotonic() - sent < 10:
            time.sleep(0.02)
        closed_after = time.monotonic() - sent
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        app.stderr.close()
    assert closed_after < CLOSE_WITHIN_SECONDS, f"the database was closed {closed_after:.2f} s after SIGTERM"
    conn = sqlite3.connect(database)
    position = conn.execute("SELECT paragraph_id FROM positions WHERE article_id = ?", (entry_id,)).fetchone()
    conn.close()
    assert position is not None, "the reading position was not saved"
    assert app.returncode == 0
