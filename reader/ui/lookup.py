"""What the word popup shows: at once what the annotation knows, then the dictionary and glossary entry.

`content_for` is instant once the dictionary is open (the first lookup opens it on the worker, see `warm_up`);
before that it shows the word's pinyin and HSK level from the annotation, and `fetch_full` delivers the rest.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from reader.core.lang.scripts import other_forms
from reader.ui import services
from reader.ui.popup import GlossaryCard, PopupContent
from reader.ui.services import format_readings
from reader.ui.worker import run_in_background

POPUP_PREPARE_AFTER_MS = 400
MEANINGS_SHOWN = 6
_READY: list[bool] = []  # set once a lookup has opened the dictionary


def word_pinyin(word, tone_marks: bool) -> str:
    """Return the pinyin of the word's characters as the annotation read them in context."""
    return " ".join(r for r in format_readings(list(word.readings), tone_marks) if r)


def quick_content(word, tone_marks: bool) -> PopupContent:
    """Return what the annotation alone knows: the word, its pinyin in context and its HSK level."""
    hsk = word.token.hsk_level if word.token is not None and word.glossary_term is None else None
    return PopupContent(word.text, word_pinyin(word, tone_marks), hsk_level=hsk, note=QCoreApplication.translate("lookup", "Looking the word up…"))


def content_for(word, tone_marks: bool) -> PopupContent:
    """Return the full popup content when the dictionary is open, else the quick content."""
    if _READY:
        try:
            return full_content(_look_up(word), word, tone_marks)
        except Exception:  # noqa: BLE001 (a failed lookup must not stop the popup; the quick content still shows)
            pass
    return quick_content(word, tone_marks)


def fetch_full(word, tone_marks: bool, deliver: Callable[[PopupContent], None], owner: QObject) -> None:
    """Look the word up on the worker (opening the dictionary the first time) and deliver the full content."""
    def look_up() -> PopupContent:
        content = full_content(_look_up(word), word, tone_marks)
        _READY.append(True)
        return content

    run_in_background(look_up, deliver, lambda error: None, owner)


def warm_up(owner: QObject) -> None:
    """Open the dictionary on the worker so that the first popup is instant."""
    def open_dictionary() -> bool:
        services.language_service().lookup("的")
        _READY.append(True)
        return True

    run_in_background(open_dictionary, lambda _ok: None, lambda _error: None, owner)
    popup = getattr(owner, "popup", None)
    if popup is not None:  # after the first paint, while the reader starts reading
        QTimer.singleShot(POPUP_PREPARE_AFTER_MS, popup.prepare)


def _look_up(word):
    """Look the word up with its reading in this sentence, so that reading's senses come first."""
    return services.language_service().lookup(word.text, " ".join(r for r in word.readings if r))


def full_content(result, word, tone_marks: bool) -> PopupContent:
    """Return the popup content of a LookupResult (dictionary senses, HSK, characters, glossary card)."""
    in_context = word_pinyin(word, tone_marks)
    others = [_syllables(r, tone_marks) for r in result.readings]
    pinyin = in_context or " / ".join(others)
    characters = tuple((c.char, " / ".join(_syllables(r, tone_marks) for r in c.readings[:3]),
                        _first_meaning(c.definitions)) for c in result.characters)
    shown = max(MEANINGS_SHOWN, len(result.in_context))  # the senses of the reading in context are never cut off
    builtin = [d for d in result.definitions if d not in result.listed][:shown]
    return PopupContent(word.text, pinyin, (*builtin, *result.listed), result.hsk_level, characters,
                        _card(result.glossary), forms=tuple(other_forms(word.text).items()))


def _card(entry) -> GlossaryCard | None:
    if entry is None:
        return None
    explanation = entry.explanation_en or entry.explanation_zh
    if entry.explanation_en and entry.explanation_zh:
        explanation = f"{entry.explanation_en}\n{entry.explanation_zh}"
    return GlossaryCard(entry.term, entry.pinyin, entry.category, entry.english, explanation)


def _syllables(numbered: str, tone_marks: bool) -> str:
    return " ".join(r or "" for r in format_readings(numbered.split(), tone_marks))


def _first_meaning(definitions: tuple[str, ...]) -> str:
    if not definitions:
        return ""
    first = definitions[0]
    return first.split(": ", 1)[1] if ": " in first else first
