"""Where the learned polyphone model meets the pinyin engine: which characters it may decide, and with what.

The engine calls `PolyphoneLayer.decide` once per text, after the word level and before the context rules (which
therefore stay on top). The layer leaves alone what our conventions fix: 一 and 不 (citation form), every syllable
inside one of our word facts (`pinyin_tables.WORD_READINGS`: 重 chóng, 处 chǔ, obligatory neutral tones, place
names), a lone character the context rules govern (为, 得, 地 …), a neutral tone the word level gave where the
model only proposes the full tone of the same syllable, and the most frequent characters of modern text (listed in the
model file), where the dictionaries and rules are reliable. g2pM reads only the sentences that hold a character left to
decide. The model file and g2pM load on the first text that needs them, never on the app's reopen path.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol, Sequence

from reader.core.lang.pinyin_rules import ReadWord
from reader.core.lang.pinyin_tables import WORD_READINGS
from reader.core.lang.polyphone_model import FIXED, Context, PolyphoneModel, model_path
from reader.core.lang.word_readings import ReadingSource

_LONGEST_FACT = max(len(word) for word in WORD_READINGS)
_LONGEST_PIECE = 8
# Lone characters the context rules read (`pinyin_rules`): where no rule applies, the word level's reading is our
# convention (为 wèi, 得 dé, 地 dì, 上 shàng, 还 hái, 都 dōu, 长 cháng, 应 yīng), not the model's.
RULED_ALONE = frozenset("为得地上还都长应")


class WordLevel(Protocol):
    """What the layer asks the word level (`word_readings.WordReader`) about a word."""

    def known_reading(self, word: str) -> tuple[str, ...] | None:
        """The reading of a multi-character word a dictionary knows, else None."""

    def is_phrase(self, word: str) -> bool:
        """True when pypinyin's phrase table has the word."""

    def pypinyin_readings(self, text: str) -> list[str | None]:
        """pypinyin's readings of `text`, one per character."""


class PolyphoneLayer:
    """Decides the readings of polyphonic characters a word fact does not settle; `enabled=False` leaves all as is."""

    def __init__(self, word_level: WordLevel, dictionary: ReadingSource, model_file: Path | None = None,
                 use_g2pm: bool = True, enabled: bool = True) -> None:
        self.word_level = word_level
        self.dictionary = dictionary
        self.model_file = model_file
        self.use_g2pm = use_g2pm
        self.enabled = enabled
        self._model: PolyphoneModel | None = None
        self._runner = None
        self._lock = threading.Lock()

    @property
    def model(self) -> PolyphoneModel:
        """The model, read from its file on first use."""
        with self._lock:
            if self._model is None:
                self._model = PolyphoneModel.load(self.model_file or model_path())
            return self._model

    def use_model(self, model: PolyphoneModel) -> None:
        """Decide with `model` from now on (training and cross-validation)."""
        self._model = model

    def prefetch(self, texts: Sequence[str]) -> None:
        """Read with g2pM, as one batch, every sentence of `texts` holding a character the model may decide (an
        article's paragraphs before they are read one by one: one batch costs far less than one per paragraph)."""
        if self.enabled and self.use_g2pm:
            model = self.model
            self._g2pm().prefetch(texts, model.decides)

    def _g2pm(self):
        with self._lock:
            if self._runner is None:
                from reader.core.lang.g2pm_runner import G2pmRunner

                self._runner = G2pmRunner()
        return self._runner

    def g2pm_readings(self, text: str, positions: set[int] | None = None) -> dict[int, dict[str, float]]:
        """g2pM's likeliest readings by position: of every polyphone of `text`, or of those at `positions` (only the
        sentences holding them are read); {} when g2pM is off."""
        if not self.use_g2pm:
            return {}
        return self._g2pm().predictions(text, positions)

    def decide(self, text: str, words: Sequence[ReadWord]) -> None:
        """Set, in place, the reading of every polyphonic character of `text` the model may decide."""
        if not self.enabled:
            return
        model = self.model
        positions = [(word, offset, position) for word, offset, position in self.open_positions(words)
                     if model.decides(word.text[offset])]
        if not positions:
            return
        context = Context(text, words, self.g2pm_readings(text, {position for _, _, position in positions}))
        for word, offset, position in positions:
            base = word.readings[offset]
            if word.text[offset] not in model.readings and position not in context.g2pm:
                continue
            chosen = model.choose(context, position, base, self.kind_of(word.text, offset))
            if chosen is not None and not _keeps_neutral(base, chosen):
                word.readings[offset] = chosen

    def kind_of(self, word: str, offset: int) -> str:
        """Where the word level's reading of word[offset] comes from: "agreed" (a word CC-CEDICT gives one reading and
        pypinyin reads the same, by its phrase table or its defaults), "phrase" (pypinyin's phrase table), "dict"
        (CC-CEDICT), each "+piece" when that word lies inside an unknown longer one, or the character's own default:
        "single" (a word of its own) or "lone" (in a word nobody knows)."""
        if len(word) == 1:
            return "single"
        unit = self._known_unit(word, offset)
        if unit is None:
            return "lone"
        start, end = unit
        piece = word[start:end]
        suffix = "" if end - start == len(word) else "+piece"
        readings = self.dictionary.word_readings(piece)
        plain = self.word_level.pypinyin_readings(piece)[offset - start]  # pypinyin's phrase, else its defaults
        if len(readings) == 1 and _same_syllable(readings[0][offset - start], plain):
            return "agreed"
        return ("phrase" if self.word_level.is_phrase(piece) else "dict") + suffix

    def _known_unit(self, word: str, offset: int) -> tuple[int, int] | None:
        """The span of the whole word when a dictionary knows it, else of the longest known word inside it covering
        `offset` (None when no known word covers it)."""
        if self.word_level.known_reading(word) is not None:
            return 0, len(word)
        best = None
        for start in range(max(0, offset - _LONGEST_PIECE + 1), offset + 1):
            for end in range(min(len(word), start + _LONGEST_PIECE), max(start + 1, offset), -1):
                if (best is None or end - start > best[1] - best[0]) and self.word_level.known_reading(word[start:end]):
                    best = (start, end)
                    break
        return best

    def open_positions(self, words: Sequence[ReadWord]):
        """Yield (word, offset, position) for each Han character with a reading that no convention of ours fixes."""
        position = 0
        for word in words:
            fixed = fact_offsets(word.text)
            for offset, char in enumerate(word.text):
                if word.readings[offset] is None or char in FIXED or offset in fixed:
                    continue
                if word.text not in RULED_ALONE:
                    yield word, offset, position + offset
            position += len(word.text)


def fact_offsets(word: str) -> set[int]:
    """Offsets inside `word` covered by one of our word facts (those readings are ours, not the model's)."""
    covered: set[int] = set()
    if len(word) < 2:
        return covered
    for start in range(len(word) - 1):
        for length in range(2, min(_LONGEST_FACT, len(word) - start) + 1):
            if word[start : start + length] in WORD_READINGS:
                covered.update(range(start, start + length))
    return covered


def _keeps_neutral(base: str | None, chosen: str) -> bool:
    """A neutral tone from the word level stays when the model only proposes the same syllable with a full tone."""
    return base is not None and base.endswith("5") and chosen[:-1] == base[:-1] and chosen != base


def _same_syllable(one: str | None, other: str | None) -> bool:
    """The same reading, or the same syllable where one of the two is neutral."""
    if one is None or other is None:
        return one == other
    return one == other or one[:-1] == other[:-1] and "5" in (one[-1], other[-1])
