"""A word looked up for a learner: meanings that teach first, the reading in context before the others.

CC-CEDICT lists a character's entries in its own order, often a surname or an "old variant of" first (高 "surname
Gao", 以 "old variant of 以"). Here the entries of the reading the word has in its sentence come first (还 read huán:
"to pay back; to return"), then the others; within each group an entry of common senses comes before one that only
gives a surname, a variant, an abbreviation or a cross-reference, and those senses go after every teaching one. A
character row of a word is shown with the character's reading in that word (量 liàng in 质量).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Iterable

from reader.core.lang.chars import is_han

if TYPE_CHECKING:
    from reader.core.lang.dictionary import DictEntry, Dictionary
    from reader.core.lang.glossary import Glossary, GlossaryEntry
    from reader.core.lang.hsk import HskLevels

# Senses that name something else rather than teach a meaning of their own.
SECONDARY_SENSE = re.compile(
    r"^(?:surname\b|(?:old |archaic |Japanese |erhua |ancient )?variant of\b|abbr\. for\b|(?:see|see also|same as|"
    r"used in|also written)\b|CL:)", re.IGNORECASE)
_SYLLABLE = re.compile(r"[a-zü:]+[1-5]")


@dataclass(frozen=True)
class Sense:
    """One dictionary entry of a word: its reading, senses, forms, and the senses of what it refers to."""

    pinyin: str  # numbered syllables separated by spaces: "chong2 zheng3"
    definitions: tuple[str, ...]
    simplified: str
    traditional: str
    see_also: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (headword, pinyin, definitions)


@dataclass(frozen=True)
class CharacterInfo:
    """One character of a word: its readings (numbered, the one in the word first), senses, and HSK level."""

    char: str
    readings: tuple[str, ...]
    definitions: tuple[str, ...]  # "reading: sense; sense; sense", the reading in the word first
    hsk_level: int | None


@dataclass(frozen=True)
class LookupResult:
    """Everything a popup shows about a word."""

    word: str
    in_dictionary: bool
    readings: tuple[str, ...]  # every distinct reading, numbered syllables separated by spaces, in context first
    definitions: tuple[str, ...]  # every sense, teaching ones first, those of cross-referenced words after "→ X:"
    hsk_level: int | None
    characters: tuple[CharacterInfo, ...]
    glossary: GlossaryEntry | None
    senses: tuple[Sense, ...] = ()
    in_context: tuple[str, ...] = ()  # the teaching senses of the reading asked for (shown whole, never cut off)
    listed: tuple[str, ...] = ()  # the senses of the user's word lists ("[list] sense"), last in `definitions`

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

    def __bool__(self) -> bool:
        return self.in_dictionary or self.glossary is not None or bool(self.characters)


def parse_reading(reading: str) -> tuple[str, ...]:
    """Return the numbered syllables of a reading such as "huan2" or "zhi4 liang4" (ü as v), or raise ValueError."""
    syllables = tuple(s.lower().replace("u:", "v").replace("ü", "v") for s in reading.split())
    if not syllables or not all(_SYLLABLE.fullmatch(s) for s in syllables):
        raise ValueError(f"{reading!r} is not a reading in numbered pinyin (such as huan2 or zhi4 liang4)")
    return syllables


def look_up(word: str, dictionary: "Dictionary", hsk: "HskLevels", glossary: "Glossary",
            reading: tuple[str, ...] = ()) -> LookupResult:
    """Look `word` up, its senses ordered for a learner; `reading` is its reading in context (one syllable per Han
    character, numbered), which puts that reading's senses and each character's reading in the word first."""
    word = word.strip()
    senses = _ordered([_sense(e) for e in dictionary.lookup(word)] if word else [], " ".join(reading))
    simplified = senses[0].simplified if senses else word
    if not reading and senses and len({s.pinyin for s in senses}) == 1:
        reading = tuple(senses[0].pinyin.split())  # a word with one reading: its characters are read so
    han = [c for c in word if is_han(c)]
    char_readings = reading if len(reading) == len(han) else ()
    characters = ()
    if len(word) > 1 or not senses:
        characters = tuple(_character(c, dictionary, hsk, char_readings[i] if char_readings else "")
                           for i, c in enumerate(han))
    wanted = " ".join(reading)
    own, own_secondary = _grouped(s for s in senses if s.pinyin == wanted)
    others, others_secondary = _grouped(s for s in senses if s.pinyin != wanted)
    return LookupResult(
        word=word, in_dictionary=bool(senses), readings=_unique(s.pinyin for s in senses),
        definitions=_unique([*own, *others, *own_secondary, *others_secondary]),
        hsk_level=hsk.level_of(simplified), characters=characters, glossary=glossary.get(word), senses=senses,
        in_context=own)


def is_secondary(definition: str) -> bool:
    """Return True for a sense that only names a surname, a variant, an abbreviation or another word."""
    return SECONDARY_SENSE.match(definition) is not None


def _ordered(senses: list[Sense], reading: str) -> tuple[Sense, ...]:
    """Entries of `reading` first; then entries with a teaching sense before those with none; then CC-CEDICT's order.
    Inside each entry the secondary senses go last."""
    teaching = [Sense(s.pinyin, _teaching_first(s.definitions), s.simplified, s.traditional, s.see_also)
                for s in senses]
    ranked = sorted(enumerate(teaching), key=lambda item: (
        bool(reading) and item[1].pinyin != reading,
        all(is_secondary(d) for d in item[1].definitions),
        item[0]))
    return tuple(sense for _, sense in ranked)


def _teaching_first(definitions: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(definitions, key=is_secondary))


def _character(char: str, dictionary: "Dictionary", hsk: "HskLevels", reading: str) -> CharacterInfo:
    senses = _ordered([_sense(e) for e in dictionary.lookup(char)], reading)
    simplified = senses[0].simplified if senses else char
    by_reading: dict[str, list[str]] = {}
    for sense in senses:
        by_reading.setdefault(sense.pinyin, []).extend(d for d in sense.definitions if d not in by_reading.get(
            sense.pinyin, []))
    definitions = tuple(f"{pinyin}: {'; '.join(_teaching_first(tuple(found))[:3])}"
                        for pinyin, found in by_reading.items())
    return CharacterInfo(char, tuple(by_reading), definitions, hsk.char_level(simplified))


def _sense(entry: "DictEntry") -> Sense:
    see_also = tuple((e.simplified, " ".join(e.syllables), e.definitions) for e in entry.see_also)
    return Sense(" ".join(entry.syllables), entry.definitions, entry.simplified, entry.traditional, see_also)


def _grouped(senses: Iterable[Sense]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (teaching senses, secondary senses) of entries, each once: the entries' own teaching senses, then a few
    of each word they refer to after "→ X:" (以 "old variant of 以" → 以: to use); surnames, variants, abbreviations."""
    found: list[str] = []
    referred: list[str] = []
    for sense in senses:
        found.extend(d for d in sense.definitions if d not in found)
        for headword, _, definitions in sense.see_also:
            referred.extend(f"→ {headword}: {d}" for d in definitions[:3] if d not in found and not is_secondary(d))
    teaching = _unique([*(d for d in found if not is_secondary(d)), *referred])
    return teaching, _unique(d for d in found if is_secondary(d))


def _unique(items: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def with_word_lists(result: LookupResult, data_dir: Any = None) -> LookupResult:
    """Return `result` with the senses of the user's word lists after the built-in dictionary's, each sense marked
    with its list's name ("[HSK class] …")."""
    from dataclasses import replace

    from reader.core.wordlists import user_senses

    listed = user_senses(result.word, data_dir)
    if not listed:
        return result
    extra = tuple(Sense(entry.pinyin, tuple(f"[{name}] {d}" for d in entry.definitions), entry.simplified,
                        entry.traditional) for name, entry in listed)
    own = tuple(d for s in extra for d in s.definitions)
    return replace(result, in_dictionary=True, senses=result.senses + extra, listed=own,
                   readings=_unique([*result.readings, *(s.pinyin for s in extra)]),
                   definitions=_unique([*result.definitions, *(d for s in extra for d in s.definitions)]))
