"""What the word popup shows: at once what the annotation knows, then the dictionary and glossary entry.

`content_for` is instant (readings and HSK level come with the annotation). `fetch_full` asks the language layer's
dictionary on the worker the first time (loading it takes a moment) and directly once it is loaded.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from reader.ui.popup import GlossaryCard, PopupContent
from reader.ui.services import format_readings
from reader.ui.worker import run_in_background

_SERVICE: list[Any] = []  # the language service, once loaded


def _tr(text: str) -> str:
    return QCoreApplication.translate("lookup", text)


def word_pinyin(word, tone_marks: bool) -> str:
    """Return the pinyin of the word's characters as the annotation read them, syllables separated by spaces."""
    token = word.token
    if token is None:
        return ""
    offset = word.start - token.start
    readings = list(token.readings[max(offset, 0):max(offset, 0) + (word.end - word.start)])
    if word.start < token.start or word.end > token.end:
        readings = [r for r in token.readings]
    return " ".join(r for r in format_readings(readings, tone_marks) if r)


def content_for(word, tone_marks: bool) -> PopupContent:
    """Return the popup content: the full entry when the dictionary is loaded, else what the annotation knows."""
    if _SERVICE:
        try:
            return full_content(_SERVICE[0], word, tone_marks)
        except Exception:  # noqa: BLE001 (a lookup problem must not stop the popup; the quick content still shows)
            pass
    hsk = word.token.hsk_level if word.token is not None else None
    return PopupContent(word.text, word_pinyin(word, tone_marks), hsk_level=hsk,
                        note=_tr("Looking the word up…") if _service_available() else "")


def fetch_full(word, tone_marks: bool, deliver: Callable[[PopupContent], None]) -> None:
    """Load the dictionary (once, in the background) and deliver the full content for `word`."""
    if not _service_available():
        return

    def load():
        if not _SERVICE:
            _SERVICE.append(_make_service())
        return full_content(_SERVICE[0], word, tone_marks)

    run_in_background(load, deliver, lambda error: None)


def _service_available() -> bool:
    try:
        from reader.core import lang
    except ImportError:
        return False
    return hasattr(lang, "LanguageService")


def _make_service():
    from reader.core.lang import LanguageService

    return LanguageService()


def full_content(service, word, tone_marks: bool) -> PopupContent:
    """Return the popup content from the language service's lookup of the word."""
    entry = service.lookup(word.glossary_term or word.text)
    readings = list(getattr(entry, "readings", ()) or ())
    pinyin = word_pinyin(word, tone_marks) or " / ".join(_render_syllables(r, tone_marks) for r in readings)
    card = None
    glossary = getattr(entry, "glossary", None)
    if glossary is not None:
        card = GlossaryCard(glossary.term, _render_syllables(getattr(glossary, "pinyin", ""), tone_marks),
                            getattr(glossary, "category", ""), getattr(glossary, "english", ""),
                            _first_explanation(glossary))
    characters = tuple((c.char, _render_syllables(" ".join(c.readings[:2]) if hasattr(c, "readings") else c.reading,
                                                  tone_marks), _short(c.definitions))
                       for c in getattr(entry, "characters", ()) or ())
    return PopupContent(word.glossary_term or word.text, pinyin, tuple(getattr(entry, "definitions", ()) or ()),
                        getattr(entry, "hsk_level", None), characters, card)


def _render_syllables(text: str, tone_marks: bool) -> str:
    return " ".join(r or "" for r in format_readings(text.split(), tone_marks)) if text else ""


def _first_explanation(glossary) -> str:
    explanations = getattr(glossary, "explanations", None)
    if isinstance(explanations, dict):
        return explanations.get("en") or next(iter(explanations.values()), "")
    if isinstance(explanations, (list, tuple)):
        return explanations[0] if explanations else ""
    return str(getattr(glossary, "explanation", "") or explanations or "")


def _short(definitions) -> str:
    items = list(definitions or ())
    return "; ".join(items[:2])
