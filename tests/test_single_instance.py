"""One Dubao per user and data folder: a second launch hands its file to the running one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QWidget

from conftest import PROJECT_ROOT
from reader.ui.single_instance import (
    HandOff,
    SingleInstance,
    bring_to_front,
    decode_message,
    encode_message,
    server_name_for,
)


@pytest.fixture
def running(qtbot):
    """A listening instance for the test's own data folder; closed afterwards."""
    instance = SingleInstance()
    assert instance.listen()
    yield instance
    instance.close()


def socket_file(name: str) -> Path:
    """Where Qt puts a local socket of this name on Unix."""
    return Path(name) if Path(name).is_absolute() else Path(QDir.tempPath()) / name


def test_second_process_hands_its_file_to_the_running_instance(running, qtbot, tmp_path):
    article = tmp_path / "文章 one.txt"
    article.write_text("读报", encoding="utf-8")
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from reader.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        "sys.exit(0 if SingleInstance().try_hand_off(sys.argv[1]) else 1)\n"
    )
    with qtbot.waitSignal(running.open_requested, timeout=20000) as opened:
        env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
        second = subprocess.Popen([sys.executable, "-c", script, "文章 one.txt"], cwd=tmp_path, env=env)
    assert second.wait(timeout=20) == 0
    assert opened.args == [str(article)]


def test_hand_off_without_a_file_only_asks_to_come_to_the_front(running, qtbot):
    opened = []
    running.open_requested.connect(opened.append)
    with qtbot.waitSignal(running.activation_requested, timeout=5000):
        assert SingleInstance().try_hand_off(None)
    assert opened == []


def test_no_running_instance_means_no_hand_off(qtbot):
    assert not SingleInstance().try_hand_off("/tmp/x.txt")


def test_separate_data_folders_do_not_collide(tmp_path, running, qtbot, monkeypatch):
    other_folder = tmp_path / "other-data"
    other_folder.mkdir()
    other = SingleInstance(server_name_for(other_folder))
    assert other.name != running.name
    assert not other.try_hand_off("/tmp/x.txt")
    assert other.listen(), "a second data folder gets its own running instance"
    other.close()


def test_a_second_server_on_a_live_name_is_refused(running, qtbot):
    assert not SingleInstance(running.name).listen()
    assert running.is_listening


@pytest.mark.skipif(sys.platform == "win32", reason="stale socket files exist only on Unix")
def test_stale_socket_from_a_crashed_instance_is_recovered(qtbot, tmp_path):
    instance = SingleInstance(server_name_for(tmp_path / "crashed"))
    path = socket_file(instance.name)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))  # a socket file with nobody listening: what a killed process leaves
    crashed.close()
    assert path.exists()
    assert not instance.try_hand_off("/tmp/x.txt")
    assert instance.listen()
    with qtbot.waitSignal(instance.open_requested, timeout=5000) as opened:
        assert SingleInstance(instance.name).try_hand_off("/tmp/after-crash.txt")
    assert opened.args == ["/tmp/after-crash.txt"]
    instance.close()
    assert not path.exists()


def test_garbage_on_the_socket_is_ignored(running, qtbot):
    from PySide6.QtNetwork import QLocalSocket

    received = []
    running.activation_requested.connect(lambda: received.append("activated"))
    intruder = QLocalSocket()
    intruder.connectToServer(running.name)
    assert intruder.waitForConnected(1000)
    intruder.write(b"\xff\xfe not json\n")
    intruder.waitForBytesWritten(1000)
    intruder.disconnectFromServer()
    with qtbot.waitSignal(running.activation_requested, timeout=5000):
        SingleInstance(running.name).try_hand_off(None)  # the channel still works after the garbage
    assert received == ["activated"]


def test_message_round_trip_makes_paths_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert decode_message(encode_message("a b.md").rstrip(b"\n")) == HandOff(str(tmp_path / "a b.md"))
    assert decode_message(encode_message("a.md", 3)) == HandOff(str(tmp_path / "a.md"), 3)
    assert decode_message(encode_message(None, 3)) == HandOff(None, None)
    assert decode_message(encode_message(None)) == HandOff()


@pytest.mark.parametrize("garbage", [b'{"open": 3}', b"[]", b'{"open": "/a", "present": 0}',
                                     b'{"open": "/a", "present": true}', b'{"present": 2}', b"\xff"])
def test_messages_that_are_not_ours_are_refused(garbage):
    assert decode_message(garbage) is None


def test_present_hand_off_asks_to_present_from_a_section(running, qtbot):
    opened = []
    running.open_requested.connect(opened.append)
    with qtbot.waitSignal(running.present_requested, timeout=5000) as presented:
        assert SingleInstance(running.name).try_hand_off("/talks/slides.md", present_section=2)
    assert presented.args == ["/talks/slides.md", 2]
    assert opened == []


def test_bring_to_front_restores_a_minimised_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()



def wait_for_server(name: str, seconds: float) -> bool:
    """Poll until a Dubao instance listens on `name` (connects without sending anything)."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(200):
            probe.abort()
            return True
        time.sleep(0.2)
    return False


def find_in_library(source: Path, seconds: float):
    """Poll the library of the test's data folder until it holds `source`."""
    from reader.core.storage import Store

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with Store.open() as store:
            entry = store.library.find(source)
        if entry is not None:
            return entry
        time.sleep(0.2)
    return None


def test_double_clicked_file_opens_in_the_running_app(qtbot, tmp_path, isolated_dirs):
    article = tmp_path / "第二篇.txt"
    article.write_text("读报的第二篇文章\n\n这是第一段，讲高质量发展。\n\n这是第二段。\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen([sys.executable, "main.py"], cwd=PROJECT_ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for_server(server_name_for(isolated_dirs), 60), "the first Dubao never started listening"
        second = subprocess.run([sys.executable, "main.py", str(article)], cwd=PROJECT_ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None, "the running app must keep running"
        entry = find_in_library(article.resolve(), 30)
        assert entry is not None, "the running app did not open the handed-off file"
    finally:
        first.terminate()
        first.wait(timeout=30)
        QLocalServer.removeServer(server_name_for(isolated_dirs))  # a terminated app leaves its socket file behind


@pytest.mark.usefixtures("hand_made_annotation")
def test_present_hand_off_starts_the_presentation_in_the_running_window(running, qtbot, article_file):
    """`dubao --present FILE --section N` given to a running Dubao opens FILE there and presents it from section N."""
    from reader.ui.app import wire_hand_offs

    from ui_window_support import start

    window = start(qtbot)
    wire_hand_offs(window, running)
    assert SingleInstance(running.name).try_hand_off(str(article_file), present_section=3)
    qtbot.waitUntil(lambda: getattr(window, "presentation", None) is not None and window.presentation.running,
                    timeout=10000)
    presentation = window.presentation
    assert window.controller.opened.article.title == presentation.deck.article.title
    assert presentation.model.state.slide.section_index == 2
    presentation.stop()


def test_a_second_present_launch_hands_the_file_and_section_over(running, qtbot, tmp_path):
    from reader.ui.app import _single_instance
    from reader.ui.launch import build_parser

    talk = tmp_path / "talk.md"
    talk.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    with qtbot.waitSignal(running.present_requested, timeout=5000) as presented:
        assert _single_instance(build_parser().parse_args(["--present", str(talk), "--section", "4"])) is None
    assert presented.args == [str(talk.resolve()), 4]


def test_without_a_runtime_folder_the_socket_is_an_absolute_path_in_the_temp_folder(qtbot, tmp_path, monkeypatch):
    """The name is always a path we know on Unix, so a start with nobody running needs one stat, not Qt's network
    module, to know there is nobody to hand off to."""
    from reader.ui.single_instance import nobody_can_listen

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    name = server_name_for(tmp_path / "data")
    assert Path(name).parent == tmp_path
    assert nobody_can_listen(name)
    instance = SingleInstance(name)
    assert instance.listen()
    try:
        assert Path(name).exists() and not nobody_can_listen(name)
        assert SingleInstance(name).try_hand_off(None)
    finally:
        instance.close()


def test_listening_twice_keeps_the_one_server(running):
    assert running.is_listening
    assert running.listen() and running.is_listening  # the window's fallback timer after its own settled listen
