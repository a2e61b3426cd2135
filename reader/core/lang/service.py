"""`LanguageService`: the one object the reader window and the command line use for everything language.

It owns the lazily built parts (dictionary index, HSK lists, glossary, segmenter and pinyin engine, all reading
their prepared tables through one `TableFolders`) so that nothing heavy is loaded until it is needed, and a cached
annotation is served without jieba or pypinyin.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.lang.dictionary import Dictionary
from reader.core.lang.fingerprint import engine_version
from reader.core.lang.glossary import Glossary
from reader.core.lang.hsk import HskLevels
from reader.core.lang.meanings import LookupResult, look_up, parse_reading, with_word_lists
from reader.core.lang.style import PinyinStyle, apply_sandhi, render
from reader.core.lang.tables import TableFolders
from reader.core.lang.user_words import UserWords


class LanguageService:
    """Segmentation, pinyin, dictionary, HSK and glossary behind one object."""

    def __init__(self, cache_dir: Path | None = None, data_dir: Path | None = None,
                 user_words: UserWords | None = None, glossary: Glossary | None = None,
                 tables: TableFolders | None = None) -> None:
        """Without `user_words` or `glossary`, the corrections and user glossary saved in the data folder's library
        apply (read once, again after `reload_corrections`). `tables`: where the prepared language tables are read
        and built (default: the installation's prepared folder, then the cache folder, built into the latter)."""
        self._cache_dir = cache_dir
        self._tables = tables
        self._data_dir = data_dir
        self._user_words = user_words
        self._given_user_words = user_words is not None
        self._glossary = glossary
        self._saved: Any = None
        self._lock = threading.Lock()

    def _saved_language(self) -> Any:
        """The corrections and user glossary of the library (reader.core.corrections.SavedLanguage)."""
        if self._saved is None:
            from reader.core.corrections import read_saved

            self._saved = read_saved(self.data_dir)
        return self._saved

    @property
    def user_words(self) -> UserWords:
        """The user's word corrections: those given, else those saved in the library."""
        if self._user_words is None:
            self._user_words = self._saved_language().user_words
        return self._user_words

    @user_words.setter
    def user_words(self, words: UserWords) -> None:
        self._user_words, self._given_user_words = words, True
        self.__dict__.pop("engine", None)

    def reload_corrections(self) -> None:
        """Read the saved corrections and user glossary again (after a change); the engine is rebuilt on use."""
        self._saved = None
        if not self._given_user_words:
            self._user_words = None
        self._glossary = None
        self.__dict__.pop("engine", None)

    @property
    def cache_dir(self) -> Path:
        """Return the cache folder in use (dictionary index, jieba dictionary, annotations)."""
        return paths.cache_dir(self._cache_dir)

    @property
    def data_dir(self) -> Path:
        """Return the data folder in use (the user's glossary)."""
        return paths.data_dir(self._data_dir)

    @property
    def tables(self) -> TableFolders:
        """Where the prepared language tables are read from and built into."""
        if self._tables is None:
            self._tables = TableFolders(self.cache_dir)
        return self._tables

    @cached_property
    def dictionary(self) -> Dictionary:
        """The CC-CEDICT index (prepared at set-up, else built in the cache folder on first use)."""
        return Dictionary(tables=self.tables)

    @cached_property
    def hsk(self) -> HskLevels:
        """HSK word and character levels."""
        return HskLevels(tables=self.tables)

    @property
    def glossary(self) -> Glossary:
        """The shipped glossary merged with the user's (kept in the library)."""
        if self._glossary is None:
            self._glossary = Glossary.load(user_entries=self._saved_language().glossary)
        return self._glossary

    def reload_glossary(self) -> None:
        """Forget the loaded glossary (after an import) and the engine that knows its words."""
        self.reload_corrections()

    @cached_property
    def engine(self) -> Any:
        """The pinyin engine, knowing the glossary's terms, the user's words and traditional forms."""
        from reader.core.lang.pinyin import PinyinEngine
        from reader.core.lang.segmenter import Segmenter

        segmenter = Segmenter(tables=self.tables)
        segmenter.add_words(self.glossary.segmentation_words())
        return PinyinEngine(segmenter, self.user_words, self.glossary.reading_overrides(),
                            self.dictionary.converter(), self.dictionary, tables=self.tables)

    def pinyin(self, text: str, style: PinyinStyle = PinyinStyle.MARKS, sandhi: bool = False) -> list[str | None]:
        """Return one syllable (in `style`) or None per character of `text`, read in context."""
        with self._lock:
            readings = self.engine.read(text)
        if sandhi:
            readings = apply_sandhi(text, readings)
        return [render(r, style) for r in readings]

    def prepare(self, texts: list[str]) -> None:
        """Before reading many texts one by one (an article's paragraphs): read ahead what is cheaper in one batch."""
        with self._lock:
            self.engine.prepare(texts)

    def read_words(self, text: str) -> list[Any]:
        """Return the words of `text` (`pinyin_rules.ReadWord`: text, tag, start, numbered readings)."""
        with self._lock:
            return self.engine.read_words(text)

    def lookup(self, word: str, reading: str = "") -> LookupResult:
        """Look a word up: every dictionary reading, HSK level, each character, and the glossary entry; `reading`
        (numbered syllables, "huan2") is its reading in context, whose senses come first (ValueError when it is not
        numbered pinyin)."""
        syllables = parse_reading(reading) if reading.strip() else ()
        return with_word_lists(look_up(word, self.dictionary, self.hsk, self.glossary, syllables), self._data_dir)

    def versions(self) -> dict[str, str]:
        """Return fingerprints of everything an annotation depends on (without loading jieba or pypinyin)."""
        return {
            "engine": engine_version(),
            "dictionary": self.dictionary.version(),
            "glossary": self.glossary.version(),
            "user_words": self.user_words.version(),
            "hsk": self.hsk.version(),
        }
