"""Reading aloud through Qt's speech module (PySide6-Addons), made on first use so it never slows the start.

The `Speaker` owns one QTextToSpeech. It reads a queue of utterances one after another and says which one it is
reading, so the window can highlight and follow it. Which voice and what text to give it are decided in the core
(`reader.core.speech`).

Signals:
    reading(object): an utterance started; the object is the queue item (block index, Utterance).
    stateChanged(str): "speaking", "paused" or "ready".
    noVoice(bool): speech was asked for but cannot be given (emitted once per Speaker); True when Qt's speech
        module itself is missing (PySide6-Addons not installed), False when the system has no Mandarin voice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.core.speech import Utterance, VoiceInfo, choose_voice, mandarin_voices, reads_pinyin, spoken_text, utterances

ENGINE_VARIABLE = "DUBAO_SPEECH_ENGINE"  # an engine name ("mock" in tests); the platform's default when unset
RATE_STEP = 0.1


@dataclass(frozen=True)
class QueueItem:
    """One utterance to read and the view block it belongs to."""

    block: int
    utterance: Utterance


class Speaker(QObject):
    """Speaks words and reads sentence queues aloud with the chosen Mandarin voice."""

    reading = Signal(object)
    stateChanged = Signal(str)
    noVoice = Signal(bool)

    def __init__(self, parent: QObject | None = None, engine: str | None = None, voice_name: str = "") -> None:
        super().__init__(parent)
        self.engine_name = engine if engine is not None else os.environ.get(ENGINE_VARIABLE, "")
        self.voice_name = voice_name
        self.rate = 0.0
        self._tts = None
        self._voice = None  # the QVoice in use
        self._queue: list[QueueItem] = []
        self._said_no_voice = False

    # --- the engine ---------------------------------------------------------------------------------------------
    def _engine(self):
        """Return the speech engine, made on first use, with the chosen voice set; None without a Mandarin voice."""
        if self._tts is None and not self._said_no_voice:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech
            except ImportError:  # an optional extra: Dubao reads on without it and says how to add it
                self._said_no_voice = True
                self.noVoice.emit(True)
                return None
            self._tts = QTextToSpeech(self.engine_name, self) if self.engine_name else QTextToSpeech(self)
            self._tts.stateChanged.connect(self._state_changed)
            self._pick_voice()
        if self._voice is None:
            if not self._said_no_voice:
                self._said_no_voice = True
                self.noVoice.emit(False)
            return None
        return self._tts

    def _voices_by_info(self) -> dict:
        """Return the engine's voices, each under its plain description (VoiceInfo)."""
        return {VoiceInfo(voice.name(), voice.locale().name(),
                          voice.locale().languageToString(voice.locale().language())): voice
                for voice in self._tts.allVoices(None)}

    def _pick_voice(self) -> None:
        voices = self._voices_by_info()
        chosen = choose_voice(list(voices), self.voice_name)
        self._voice = voices[chosen] if chosen is not None else None
        if self._voice is not None:
            self._tts.setVoice(self._voice)
            self._tts.setRate(self.rate)

    def voices(self) -> list[str]:
        """Return the names of the Mandarin voices this system offers (making the engine if needed)."""
        if self._tts is None:
            self._engine()
        return [info.name for info in mandarin_voices(self._voices_by_info())] if self._tts is not None else []

    def set_voice(self, name: str) -> None:
        """Use the voice named `name` from now on."""
        self.voice_name = name
        if self._tts is not None:
            self._pick_voice()

    @property
    def pinyin_voice(self) -> bool:
        """True when the voice in use is given pinyin instead of characters."""
        return self._voice is not None and reads_pinyin(VoiceInfo(self._voice.name(), "", ""))

    # --- speaking -----------------------------------------------------------------------------------------------
    def say(self, text: str, readings: list[str | None]) -> bool:
        """Say one word or phrase now (stopping anything being read); return False without a Mandarin voice."""
        tts = self._engine()
        if tts is None:
            return False
        self._queue = []
        tts.stop()
        tts.say(spoken_text(text, readings, self.pinyin_voice))
        return True

    def read(self, paragraphs: list[tuple[int, str, list[str | None]]], start: int = 0, one: bool = False) -> bool:
        """Read paragraphs (block index, text, readings) sentence after sentence, beginning with the sentence of the
        first paragraph that holds character `start`; `one` reads that sentence only. Return False without a voice."""
        tts = self._engine()
        if tts is None:
            return False
        items = [QueueItem(block, u) for block, text, readings in paragraphs
                 for u in utterances(text, readings, self.pinyin_voice)]
        items = [item for item in items if item.block != paragraphs[0][0] or item.utterance.end > start] if items else []
        if not items:
            return False
        tts.stop()
        self._queue = items[:1] if one else items
        self._next()
        return True

    def pause_or_resume(self) -> None:
        """Pause reading, or go on where it paused."""
        if self._tts is None:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts.state() == QTextToSpeech.State.Paused:
            self._tts.resume()
        elif self._tts.state() == QTextToSpeech.State.Speaking:
            self._tts.pause(QTextToSpeech.BoundaryHint.Immediate)

    def stop(self) -> None:
        """Stop reading and forget the rest of the queue."""
        self._queue = []
        if self._tts is not None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    def change_rate(self, step: int) -> float:
        """Read faster (step > 0) or slower; return the new rate (-1 … 1, 0 is the voice's normal speed)."""
        self.rate = max(-1.0, min(1.0, round(self.rate + step * RATE_STEP, 2)))
        if self._tts is not None:
            self._tts.setRate(self.rate)
        return self.rate

    def _next(self) -> None:
        if not self._queue:
            return
        item = self._queue.pop(0)
        self.reading.emit(item)
        self._tts.say(item.utterance.text)

    def _state_changed(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused"}
        if state == QTextToSpeech.State.Ready and self._queue:
            self._next()
            return
        self.stateChanged.emit(names.get(state, "ready"))
