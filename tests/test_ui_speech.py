"""Listening in the window, through Qt's mock speech engine (and once through the system's real engine), and the
article shown in traditional characters."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from reader.core.lang.scripts import Script
from reader.ui.speech import Speaker
from reader.ui.view.selection import Selection

from ui_window_support import start

pytestmark = pytest.mark.usefixtures("hand_made_annotation")


@pytest.fixture
def mock_engine(monkeypatch):
    """Speak through Qt's mock engine with its voice "Bob" (it has no Mandarin voice of its own)."""
    monkeypatch.setenv("DUBAO_SPEECH_ENGINE", "mock")


def _spoken(window) -> list[str]:
    """Record every text the window's speaker hands to the engine (the mock engine reports no Chinese words)."""
    said: list[str] = []
    engine = window.speaker()._engine()
    say = engine.say
    engine.say = lambda text: (said.append(text), say(text))[1]
    return said


def test_the_popup_speaker_says_the_word(qtbot, article_file, mock_engine):
    window = start(qtbot, str(article_file))
    window.prefs.settings.setValue("speech/voice", "Bob")
    said = _spoken(window)
    word = window.view.word_at(1, 0)  # the subtitle block's first word, 新区
    window.popup.show_for(word, window.popup.content or _content(word), window.view.rect())
    window.popup.findChild(QPushButton, "speakButton").click()
    assert said == [word.text]
    states: list[str] = []
    window.speaker().stateChanged.connect(states.append)
    qtbot.waitUntil(lambda: "ready" in states, timeout=5000)  # the engine spoke it to the end


def _content(word):
    from reader.ui.lookup import quick_content

    return quick_content(word, True)


def test_read_section_reads_sentence_after_sentence_and_the_highlight_follows(qtbot, article_file, mock_engine):
    window = start(qtbot, str(article_file))
    window.prefs.settings.setValue("speech/voice", "Bob")
    speaker = window.speaker()
    block = next(i for i, b in enumerate(window.view.document.blocks) if b.section == 0 and b.is_paragraph)
    window.view.selection.caret = (block, 0)
    said = _spoken(window)
    followed: list[tuple] = []
    speaker.reading.connect(lambda item: followed.append(tuple(window.view.matches[0])))
    window.actions_["read_section"].trigger()
    qtbot.waitUntil(lambda: len(followed) == 2 and window.view.matches == [], timeout=10000)
    assert followed == [(block, 0, 11), (block, 11, 32)]  # the lead's two sentences, in order, highlighted
    assert said == ["高质量发展是首要任务。", "我们要坚持质量第一，推进供给侧结构性改革。"]


def test_pause_resume_and_stop(qtbot, mock_engine):
    """The mock engine paces Latin words only (Chinese text it finishes at once), so the sentences here are Latin."""
    speaker = Speaker(voice_name="Bob")
    states: list[str] = []
    speaker.stateChanged.connect(states.append)
    text = "Dubao reads this first sentence at a steady pace. Then a second one follows it!"
    assert speaker.read([(0, text, [None] * len(text))])
    qtbot.waitUntil(lambda: "speaking" in states, timeout=5000)
    speaker.pause_or_resume()
    qtbot.waitUntil(lambda: states[-1] == "paused", timeout=5000)
    speaker.pause_or_resume()
    qtbot.waitUntil(lambda: states[-1] == "speaking", timeout=5000)
    speaker.stop()
    qtbot.waitUntil(lambda: states[-1] == "ready", timeout=5000)
    assert speaker._queue == []  # the second sentence is never read


def test_without_a_mandarin_voice_the_message_appears_once(qtbot, article_file, mock_engine, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window = start(qtbot, str(article_file))
    window.actions_["read_sentence"].trigger()
    window.actions_["read_section"].trigger()
    window.say_word(window.view.word_at(1, 0))
    assert len(shown) == 1 and "Mandarin" in shown[0]
    assert window.view.document is not None  # reading goes on


REAL_ENGINE_PROBE = """
import os, time
from PySide6.QtCore import QCoreApplication
from reader.ui.speech import Speaker
from reader.ui.view.selection import Selection
app = QCoreApplication([])
speaker = Speaker(engine="speechd")
states = []
speaker.stateChanged.connect(states.append)
names = speaker.voices()
said = speaker.say("银行", ["yin2", "hang2"])
deadline = time.monotonic() + 20
while time.monotonic() < deadline and "speaking" not in states:
    app.processEvents()
    time.sleep(0.02)
print("pinyin-voice" if speaker.pinyin_voice else "other-voice", "said" if said else "refused", *states[:1], flush=True)
os._exit(0)  # the engine's connection is left to the daemon, which the test ends
"""


@pytest.mark.skipif(shutil.which("speech-dispatcher") is None, reason="speech-dispatcher is not installed")
def test_the_system_engine_speaks_with_the_pinyin_voice(tmp_path):
    """Through speech-dispatcher and espeak-ng (no sound card needed): the pinyin voice is chosen and accepts the
    word. A daemon of the test's own serves it, so nothing depends on the desktop's speech service."""
    socket = tmp_path / "speechd.sock"
    daemon = subprocess.Popen(["speech-dispatcher", "--run-single", "-c", "unix_socket", "-S", str(socket),
                               "-t", "30", "-P", str(tmp_path / "pid"), "-L", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not socket.exists() and time.monotonic() < deadline and daemon.poll() is None:
            time.sleep(0.05)
        env = dict(os.environ, SPEECHD_ADDRESS=f"unix_socket:{socket}", QT_QPA_PLATFORM="offscreen")
        result = subprocess.run([sys.executable, "-c", REAL_ENGINE_PROBE], env=env, capture_output=True, text=True,
                                timeout=60, cwd=Path(__file__).resolve().parents[1])
    finally:
        daemon.kill()
        daemon.wait(timeout=10)
    assert result.stdout.split() == ["pinyin-voice", "said", "speaking"], result.stderr[-1000:]


def test_traditional_characters_are_drawn_while_words_and_notes_keep_their_places(qtbot, article_file):
    window = start(qtbot, str(article_file))
    document = window.view.document
    block = next(i for i, b in enumerate(document.blocks) if b.is_paragraph)
    text = document.blocks[block].text
    window.view.selection = Selection((block, 3), (block, 5))
    assert window.highlight_selection("yellow")  # a highlight made before the switch
    window.actions_["script_traditional"].trigger()
    window.refresh_annotations()
    assert [span for span, _colour in window.view.highlights] == [(block, 3, 5)]
    assert [a.anchor.exact for a in window.controller.stored_annotations()] == ["发展"]
    window.view.ensure_layout()
    kind, drawn, *_ = window.view._line_data[block]
    assert drawn == "高質量發展是首要任務。我們要堅持質量第一，推進供給側結構性改革。" and document.blocks[block].text == text
    assert window.view.word_at(block, 6).text == "首要"  # words, lookups and anchors use the text as written
    window.find("發展", pinyin=False)
    assert (block, 3, 5) in window.view.matches
    assert window.prefs.settings.value("view/script") == Script.TRADITIONAL.value
    assert "強化標準引領" in window.sections.topLevelItem(1).text(0)  # the sections panel follows


def test_without_qts_speech_module_the_message_says_how_to_add_it_once(qtbot, article_file, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_speech_module(name, *args, **kwargs):
        if name == "PySide6.QtTextToSpeech":
            raise ImportError("No module named 'PySide6.QtTextToSpeech'")
        return real_import(name, *args, **kwargs)

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(builtins, "__import__", no_speech_module)
    window = start(qtbot, str(article_file))
    window.actions_["read_sentence"].trigger()
    window.actions_["listen_word"].trigger()
    assert window.speaker().voices() == []
    assert len(shown) == 1 and "PySide6-Addons" in shown[0]
