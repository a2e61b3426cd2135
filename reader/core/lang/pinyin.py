"""Pinyin read in context: one numbered syllable per Han character, None for everything else.

Order of decisions, from general to particular: the word level for each word jieba cut (`word_readings`: CC-CEDICT's
words, pypinyin's phrases, character defaults), our own word facts (`pinyin_tables`), the learned polyphone layer
(`polyphones`), the context rules (`pinyin_rules`), then the extra readings a caller supplies
(glossary terms marked as overrides) and last the user's own per-word overrides. Traditional characters are read
through their simplified forms, character for character, so the same tables and rules apply.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from reader.core.lang.chars import all_han, is_han
from reader.core.lang.pinyin_rules import ReadWord, apply_context_rules
from reader.core.lang.pinyin_tables import LONE_CHAR_READINGS, WORD_READINGS
from reader.core.lang.polyphones import PolyphoneLayer
from reader.core.lang.segmenter import Segmenter, Word
from reader.core.lang.tables import TableFolders
from reader.core.lang.traditional import TraditionalConverter
from reader.core.lang.user_words import UserWords
from reader.core.lang.word_readings import ReadingSource, WordReader

ALWAYS_CITATION = {"一": "yi1", "不": "bu4"}
# Links pasted from web pages, "(微博)" or "(微信号：name)" after a name: not part of the sentence, never read.
WEB_REMNANT = re.compile(r"\((?:微博|微信|微信号[:：][^)]*)\)")
_LONGEST_WORD = max(len(word) for word in WORD_READINGS)


class PinyinEngine:
    """Reads text in context; holds the segmenter and a memo of word readings."""

    def __init__(
        self,
        segmenter: Segmenter | None = None,
        user_words: UserWords | None = None,
        extra_readings: Mapping[str, tuple[str, ...]] | None = None,
        simplified: TraditionalConverter | None = None,
        dictionary: ReadingSource | None = None,
        polyphones: PolyphoneLayer | None = None,
        tables: TableFolders | None = None,
    ) -> None:
        """`tables`: where the prepared tables of jieba and pypinyin are found (default: the installation's prepared
        folder, then the cache folder)."""
        if dictionary is None:
            from reader.core.lang.dictionary import Dictionary

            dictionary = Dictionary()
        self.segmenter = segmenter or Segmenter(tables=tables)
        self.words = WordReader(dictionary, tables)
        self.user_words = user_words
        self.extra_readings = dict(extra_readings or {})
        self.simplified = simplified or TraditionalConverter()
        self._memo: dict[str, tuple[str | None, ...]] = {}
        self.polyphones = polyphones or PolyphoneLayer(self.words, dictionary)
        if user_words is not None:
            self.segmenter.add_words(user_words.merged_words(), tag="n", force=True)

    def read(self, text: str) -> list[str | None]:
        """Return one numbered syllable (or None) per character of `text`."""
        slots: list[str | None] = []
        for word in self.read_words(text):
            slots.extend(word.readings)
        return slots

    def read_words(self, text: str) -> list[ReadWord]:
        """Cut `text` into words and read each in context; word texts are slices of `text` as given."""
        plain = self.to_simplified(text)
        words: list[ReadWord] = []
        offset = 0
        for word in self._cut(plain):
            original = text[offset : offset + len(word.text)]
            words.append(ReadWord(original, word.tag, offset, list(self._word_readings(word.text))))
            offset += len(word.text)
        simplified_words = [ReadWord(plain[w.start : w.start + len(w.text)], w.tag, w.start, w.readings) for w in words]
        self.polyphones.decide(plain, simplified_words)
        apply_context_rules(simplified_words, self._is_phrase, self.segmenter.is_known)
        self._apply_overrides(plain, simplified_words)
        _silence_web_remnants(plain, words)
        return words

    def prepare(self, texts: Sequence[str]) -> None:
        """Before reading many texts one by one: the polyphone layer reads their sentences with g2pM in one batch."""
        self.polyphones.prefetch([self.to_simplified(text) for text in texts])

    def to_simplified(self, text: str) -> str:
        """Return `text` with traditional characters replaced by simplified ones (same length)."""
        return self.simplified.convert(text)

    def _cut(self, text: str) -> list[Word]:
        words = self.segmenter.cut(text)
        splits = self.user_words.splits() if self.user_words is not None else {}
        if not splits:
            return words
        result: list[Word] = []
        for word in words:
            parts = splits.get(word.text)
            result.extend(Word(part, word.tag) for part in parts) if parts else result.append(word)
        return result

    def _word_readings(self, text: str) -> tuple[str | None, ...]:
        cached = self._memo.get(text)
        if cached is None:
            cached = self._memo[text] = self._compute_word_readings(text)
        return cached

    def _compute_word_readings(self, text: str) -> tuple[str | None, ...]:
        if len(text) == 1 and text in LONE_CHAR_READINGS:
            return (LONE_CHAR_READINGS[text],)
        if all_han(text):
            readings = self.words.read(text)
            _overlay_word_facts(text, readings)
        else:
            readings = [self.words.char_default(c) if is_han(c) else None for c in text]
        return tuple(ALWAYS_CITATION.get(c, r) for c, r in zip(text, readings))

    def _is_phrase(self, text: str) -> bool:
        """A dictionary reads the whole word (pypinyin's phrases or CC-CEDICT): no rule reads it as a name."""
        return len(text) > 1 and self.words.known_reading(text) is not None

    def _apply_overrides(self, text: str, words: list[ReadWord]) -> None:
        tables = [self.extra_readings]
        if self.user_words is not None:
            tables.append(dict(self.user_words.reading_overrides()))
        for table in tables:
            if table:
                _overlay_spans(text, words, table)


def _silence_web_remnants(text: str, words: list[ReadWord]) -> None:
    """Clear the readings of web-link remnants such as "(微博)"."""
    for match in WEB_REMNANT.finditer(text):
        for word in words:
            for position in range(len(word.text)):
                if match.start() <= word.start + position < match.end():
                    word.readings[position] = None


def _overlay_word_facts(text: str, readings: list[str | None]) -> None:
    """Overwrite readings inside a word wherever one of our word facts occurs (longest first)."""
    index = 0
    while index < len(text):
        for length in range(min(_LONGEST_WORD, len(text) - index), 1, -1):
            fact = WORD_READINGS.get(text[index : index + length])
            if fact:
                readings[index : index + length] = fact
                index += length - 1
                break
        index += 1


def _overlay_spans(text: str, words: list[ReadWord], table: Mapping[str, tuple[str, ...]]) -> None:
    """Overwrite the readings of every occurrence in `text` of a word of `table`."""
    slots = [(word, i) for word in words for i in range(len(word.text))]
    for key in sorted(table, key=len, reverse=True):
        start = text.find(key)
        while start >= 0:
            for offset, syllable in enumerate(table[key]):
                word, position = slots[start + offset]
                if syllable is not None and word.readings[position] is not None:
                    word.readings[position] = syllable
            start = text.find(key, start + len(key))
