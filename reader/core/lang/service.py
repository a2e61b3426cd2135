"""`LanguageService`: the one object the reader window and the command line use for everything language.

It owns the lazily built parts (dictionary index, HSK lists, glossary, segmenter and pinyin engine) so that nothing
heavy is loaded until it is needed, and a cached annotation is served without jieba or pypinyin.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.annotation import AnnotatedArticle
from reader.core.lang.chars import is_han
from reader.core.lang.dictionary import DictEntry, Dictionary
from reader.core.lang.fingerprint import engine_version
from reader.core.lang.glossary import Glossary, GlossaryEntry
from reader.core.lang.hsk import HskLevels
from reader.core.lang.style import PinyinStyle, apply_sandhi, render
from reader.core.lang.user_words import InMemoryUserWords, UserWords


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
    """One character of a word: its readings (numbered), a few senses, and its HSK level."""

    char: str
    readings: tuple[str, ...]
    definitions: tuple[str, ...]
    hsk_level: int | None


@dataclass(frozen=True)
class LookupResult:
    """Everything a popup shows about a word."""

    word: str
    in_dictionary: bool
    readings: tuple[str, ...]  # every distinct reading, numbered syllables separated by spaces
    definitions: tuple[str, ...]  # every sense, those of cross-referenced words after "→ X:"
    hsk_level: int | None
    characters: tuple[CharacterInfo, ...]
    glossary: GlossaryEntry | None
    senses: tuple[Sense, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

    def __bool__(self) -> bool:
        return self.in_dictionary or self.glossary is not None or bool(self.characters)


def _sense(entry: DictEntry) -> Sense:
    see_also = tuple((e.simplified, " ".join(e.syllables), e.definitions) for e in entry.see_also)
    return Sense(" ".join(entry.syllables), entry.definitions, entry.simplified, entry.traditional, see_also)


def _flat_definitions(senses: tuple[Sense, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for sense in senses:
        found.extend(d for d in sense.definitions if d not in found)
        for headword, _, definitions in sense.see_also:
            found.extend(f"→ {headword}: {d}" for d in definitions[:3])
    return tuple(found)


def _unique(items: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class LanguageService:
    """Segmentation, pinyin, dictionary, HSK and glossary behind one object."""

    def __init__(self, cache_dir: Path | None = None, data_dir: Path | None = None,
                 user_words: UserWords | None = None, glossary: Glossary | None = None) -> None:
        self._cache_dir = cache_dir
        self._data_dir = data_dir
        self.user_words: UserWords = user_words if user_words is not None else InMemoryUserWords()
        self._glossary = glossary
        self._lock = threading.Lock()

    @property
    def cache_dir(self) -> Path:
        """Return the cache folder in use (dictionary index, jieba dictionary, annotations)."""
        return paths.cache_dir(self._cache_dir)

    @cached_property
    def dictionary(self) -> Dictionary:
        """The CC-CEDICT index (built in the cache folder on first use)."""
        return Dictionary(self.cache_dir / "cedict.sqlite3")

    @cached_property
    def hsk(self) -> HskLevels:
        """HSK word and character levels."""
        return HskLevels()

    @property
    def glossary(self) -> Glossary:
        """The shipped glossary merged with the user's."""
        if self._glossary is None:
            user = paths.data_dir(self._data_dir) / "glossary.tsv"
            self._glossary = Glossary.load(user=user)
        return self._glossary

    def reload_glossary(self) -> None:
        """Forget the loaded glossary (after an import) and the engine that knows its words."""
        self._glossary = None
        self.__dict__.pop("engine", None)

    @cached_property
    def engine(self) -> Any:
        """The pinyin engine, knowing the glossary's terms, the user's words and traditional forms."""
        from reader.core.lang.pinyin import PinyinEngine
        from reader.core.lang.segmenter import Segmenter

        segmenter = Segmenter(self.cache_dir / "jieba-prefix-dict.marshal")
        segmenter.add_words(self.glossary.segmentation_words())
        return PinyinEngine(segmenter, self.user_words, self.glossary.reading_overrides(),
                            self.dictionary.converter(), self.dictionary)

    def pinyin(self, text: str, style: PinyinStyle = PinyinStyle.MARKS, sandhi: bool = False) -> list[str | None]:
        """Return one syllable (in `style`) or None per character of `text`, read in context."""
        with self._lock:
            readings = self.engine.read(text)
        if sandhi:
            readings = apply_sandhi(text, readings)
        return [render(r, style) for r in readings]

    def read_words(self, text: str) -> list[Any]:
        """Return the words of `text` (`pinyin_rules.ReadWord`: text, tag, start, numbered readings)."""
        with self._lock:
            return self.engine.read_words(text)

    def lookup(self, word: str) -> LookupResult:
        """Look a word up: every dictionary reading, HSK level, each character, and the glossary entry."""
        word = word.strip()
        senses = tuple(_sense(e) for e in self.dictionary.lookup(word)) if word else ()
        simplified = senses[0].simplified if senses else word
        characters = tuple(self._character(c) for c in word if is_han(c)) if len(word) > 1 or not senses else ()
        return LookupResult(
            word=word, in_dictionary=bool(senses), readings=_unique(s.pinyin for s in senses),
            definitions=_flat_definitions(senses), hsk_level=self.hsk.word_level(simplified),
            characters=characters, glossary=self.glossary.get(word), senses=senses)

    def _character(self, char: str) -> CharacterInfo:
        senses = tuple(_sense(e) for e in self.dictionary.lookup(char))
        simplified = senses[0].simplified if senses else char
        definitions = tuple(f"{s.pinyin}: {'; '.join(s.definitions[:3])}" for s in senses)
        return CharacterInfo(char, _unique(s.pinyin for s in senses), definitions, self.hsk.char_level(simplified))

    def versions(self) -> dict[str, str]:
        """Return fingerprints of everything an annotation depends on (without loading jieba or pypinyin)."""
        return {
            "engine": engine_version(),
            "dictionary": self.dictionary.version(),
            "glossary": self.glossary.version(),
            "user_words": self.user_words.version(),
            "hsk": self.hsk.version(),
        }

    def annotate(self, article: Any, use_cache: bool = True) -> AnnotatedArticle:
        """Annotate an article (served from the disk cache when every paragraph is there)."""
        from reader.core.lang.pipeline import annotate

        return annotate(article, self, use_cache=use_cache)
