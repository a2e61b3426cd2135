"""What a word saved to the vocabulary is stored with: its reading, a short meaning and the sentence it came from.

The window (a word of the open article, read in context) and the command line (`vocab add`) both build the entry
here, so a word saved either way is stored alike: the reading as numbered syllables ("gao1 zhi4 liang4"), the first
senses of the dictionary (or the glossary's English) as its meaning. No Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from reader.core.errors import DubaoError

if TYPE_CHECKING:
    from reader.core.lang.meanings import LookupResult

MEANING_SENSES = 3  # senses kept as a saved word's meaning
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VocabularyDraft:
    """A word ready to be saved: `looked_up` is False when the dictionary could not be asked."""

    word: str
    reading: str
    meaning: str
    sentence: str
    looked_up: bool = True


def vocabulary_draft(word: str, sentence: str = "", readings: Sequence[str | None] = (),
                     lookup: Callable[[str, str], "LookupResult"] | None = None) -> VocabularyDraft:
    """Return the entry to save for `word`: `readings` (numbered, as read in context) or else the dictionary's first
    reading; the first senses (or the glossary's English) as meaning; the sentence as given."""
    word = word.strip()
    in_context = " ".join(r for r in readings if r)
    found, looked_up = None, lookup is not None
    if lookup is not None:
        try:
            found = lookup(word, in_context)  # the senses of the reading in context come first
        except (DubaoError, OSError) as error:  # the word is still worth saving without its meaning
            log.warning("could not look up %s for the vocabulary: %s", word, error)
            looked_up = False
    reading = in_context
    if not reading and found is not None and found.readings:
        reading = found.readings[0]
    meaning = "; ".join(found.definitions[:MEANING_SENSES]) if found is not None else ""
    if not meaning and found is not None and found.glossary is not None:
        meaning = found.glossary.english or found.glossary.explanation_en
    return VocabularyDraft(word, reading, meaning, sentence.strip(), looked_up)
