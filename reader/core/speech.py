"""What Dubao reads aloud and with which voice: Qt-free decisions behind the window's speech controls.

- Voices are chosen by language and name, not by locale: Qt lists espeak-ng's Mandarin voices under locale "C", so
  asking for zh_CN silently gives an unrelated voice.
- espeak-ng's "Chinese (Mandarin, latin as Pinyin)" voice reads pinyin well but Chinese characters badly; it is given
  Dubao's own context pinyin, so what the learner hears agrees with the ruby (银行 háng, 重整 chóng). Its sibling
  "latin as English" reads characters as English pinyin with digits and is never offered.
- Other Mandarin voices (Windows Huihui/Yaoyao/Kangkang, macOS Tingting/Meijia/Sinji …) are given the characters.
- A section is read one sentence after another (the one sentence splitter of `reader.core.sentences`), so the window
  can highlight and follow the sentence being read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from reader.core.sentences import sentence_spans

# Names of system voices known to speak Mandarin whose locale may not say so.
MANDARIN_VOICE_NAMES = ("huihui", "yaoyao", "kangkang", "xiaoxiao", "yunxi", "tingting", "meijia", "sinji", "lili",
                        "mandarin", "putonghua", "普通话", "国语", "中文")
NOT_MANDARIN = ("cantonese", "yue", "hakka", "min nan", "latin as english")
PINYIN_VOICE = re.compile(r"latin as pinyin", re.IGNORECASE)
PAUSES = {"，": ", ", "、": ", ", "；": "; ", "：": ": ", "。": ". ", "！": "! ", "？": "? ", "…": "… "}


@dataclass(frozen=True)
class VoiceInfo:
    """A voice as the speech engine lists it: its name, locale name (e.g. "zh_CN", "C") and language name."""

    name: str
    locale: str
    language: str


@dataclass(frozen=True)
class Utterance:
    """One piece to read: the span of the paragraph it covers and the text given to the voice."""

    start: int
    end: int
    text: str


def is_mandarin(voice: VoiceInfo) -> bool:
    """True when the voice speaks Mandarin Chinese (and is worth offering to a learner)."""
    name = voice.name.lower()
    if any(word in name for word in NOT_MANDARIN) or voice.locale.lower().startswith(("yue", "zh_hk")):
        return False
    if voice.locale.lower().startswith(("zh", "cmn")) or voice.language.lower() == "chinese":
        return True
    return "chinese (mandarin" in name or any(word in name for word in MANDARIN_VOICE_NAMES)


def reads_pinyin(voice: VoiceInfo) -> bool:
    """True when the voice should be given pinyin rather than characters."""
    return bool(PINYIN_VOICE.search(voice.name))


def mandarin_voices(voices: Iterable[VoiceInfo]) -> list[VoiceInfo]:
    """Return the Mandarin voices, system voices that read characters first, then the pinyin-reading ones; for
    espeak-ng only its plain voice, not its dozens of variants ("…+Adam"), unless nothing else is there."""
    found = [voice for voice in voices if is_mandarin(voice)]
    plain = [voice for voice in found if "+" not in voice.name] or found
    return sorted(plain, key=lambda voice: (reads_pinyin(voice), voice.name.lower()))


def choose_voice(voices: Sequence[VoiceInfo], preferred: str = "") -> VoiceInfo | None:
    """Return the voice named `preferred` when it is there, else the first Mandarin voice, else None."""
    named = next((voice for voice in voices if preferred and voice.name == preferred), None)
    if named is not None:
        return named
    offered = mandarin_voices(voices)
    return offered[0] if offered else None


def spoken_text(text: str, readings: Sequence[str | None], pinyin: bool) -> str:
    """Return what to give the voice for `text`: the text itself, or for a pinyin voice each Han character's
    numbered reading (its context reading from the ruby), punctuation as pauses and other text as written."""
    if not pinyin:
        return text
    parts: list[str] = []
    for index, char in enumerate(text):
        reading = readings[index] if index < len(readings) else None
        if reading:
            parts.append(f" {reading.replace('v', 'ü')} ")
        else:
            parts.append(PAUSES.get(char, char))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def utterances(text: str, readings: Sequence[str | None], pinyin: bool) -> list[Utterance]:
    """Split a paragraph into sentences to read one after another (blank sentences left out)."""
    return [Utterance(start, end, spoken_text(text[start:end], readings[start:end], pinyin))
            for start, end in sentence_spans(text) if text[start:end].strip()]
