"""`LanguageService`: the one object the reader window and the command line use for everything language.

It owns the lazily built parts (dictionary index, HSK lists, glossary, segmenter and pinyin engine) so that nothing
heavy is loaded until it is needed, and a cached annotation is served without jieba or pypinyin.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.annotation import AnnotatedArticle
from reader.core.lang.dictionary import Dictionary
from reader.core.lang.fingerprint import engine_version
from reader.core.lang.glossary import Glossary
from reader.core.lang.hsk import HskLevels
from reader.core.lang.meanings import LookupResult, look_up, parse_reading
from reader.core.lang.style import PinyinStyle, apply_sandhi, render
from reader.core.lang.user_words import InMemoryUserWords, UserWords


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

    def lookup(self, word: str, reading: str = "") -> LookupResult:
        """Look a word up: every dictionary reading, HSK level, each character, and the glossary entry; `reading`
        (numbered syllables, "huan2") is its reading in context, whose senses come first (ValueError when it is not
        numbered pinyin)."""
        syllables = parse_reading(reading) if reading.strip() else ()
        return look_up(word, self.dictionary, self.hsk, self.glossary, syllables)

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
