"""Training and cross-validating the polyphone model on the CPP development split.

CPP (Park & Lee, Interspeech 2020; kakaobrain/g2pM, Apache-2.0) gives sentences with one polyphone marked (▁了▁)
and its reading. Every figure here is k-fold cross-validated on that split: the model that reads a sentence was never
trained on it. The test split is not used, looked at or tuned to.

Accuracy is counted two ways: strict (the reading must equal CPP's), and counted (a neutral tone where CPP gives the
full tone of the same syllable is right: 现代汉语词典 marks 认识, 晚上 … neutral, CPP does not).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from reader.core.errors import ImportProblem
from reader.core.lang.g2pm_runner import normalise
from reader.core.lang.pinyin_rules import ReadWord
from reader.core.lang.polyphone_model import (Context, PolyphoneModel, best_guess, context_features, source_features)
from reader.core.lang.polyphones import PolyphoneLayer, WordLevel
from reader.core.lang.word_readings import ReadingSource

MARK = "\u2581"
EPOCHS = 5
# How much higher than the word level's own reading another must score to replace it (a small safety margin: on CPP
# dev, cross-validated, margins of 0 to 2 score within 0.1 % of each other).
MARGIN = 1.0
# g2pM must give a reading at least this share before the model may put it in place of the word level's.
G2PM_SURE = 0.5
# The most frequent characters of modern text (by jieba's dictionary) keep the word level's reading: on them the
# dictionaries and our rules are reliable, and CPP (a few sentences per polyphone, rare readings well represented)
# would teach the model to favour their rare readings (当晚 dāng, 很重 chóng) in news.
COMMON_TOP = 500


@dataclass(frozen=True)
class Example:
    """One CPP sentence: its text, the position of the marked polyphone and CPP's reading of it."""

    text: str
    position: int
    label: str


@dataclass
class Item:
    """One training item: the gold reading and everything the model scores candidates with."""

    char: str
    label: str
    base: str | None
    g2pm: dict[str, float]
    kind: str
    tag: str
    features: list[str]


def read_cpp(folder: Path, split: str = "dev") -> list[Example]:
    """Read `split`.sent and `split`.lb from `folder`; raise ImportProblem naming the file when they do not fit."""
    if split == "test":
        raise ImportProblem("the CPP test split is the independent measure and is never read here", str(folder))
    sentences, labels = folder / f"{split}.sent", folder / f"{split}.lb"
    try:
        lines = sentences.read_text(encoding="utf-8").splitlines()
        readings = labels.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ImportProblem(f"cannot read the CPP files ({error})", str(folder)) from None
    if len(lines) != len(readings):
        raise ImportProblem(f"{len(lines)} sentences but {len(readings)} readings", str(labels))
    examples = []
    for number, (line, label) in enumerate(zip(lines, readings), 1):
        if line.count(MARK) != 2:
            raise ImportProblem(f"line {number} does not mark one character between two {MARK}", str(sentences))
        examples.append(Example(line.replace(MARK, ""), line.index(MARK), normalise(label.strip())))
    return examples


def is_right(reading: str | None, label: str, counted: bool) -> bool:
    """Strict: the same reading. Counted: also a neutral tone where the label has a full tone of that syllable."""
    if reading == label:
        return True
    return counted and reading is not None and reading.endswith("5") and reading[:-1] == label[:-1]


class TrainingLayer(PolyphoneLayer):
    """The engine's layer, remembering g2pM's readings per text and, while recording, what the layer would see."""

    def __init__(self, word_level: WordLevel, dictionary: ReadingSource, use_g2pm: bool) -> None:
        super().__init__(word_level, dictionary, use_g2pm=use_g2pm)
        self.recorded: tuple[str, list[ReadWord]] | None = None
        self.recording = False
        self._g2pm_memo: dict[str, dict[int, dict[str, float]]] = {}

    def g2pm_readings(self, text: str, positions: set[int] | None = None) -> dict[int, dict[str, float]]:
        """g2pM's readings of every polyphone of `text` (whatever `positions` asks), computed once per text."""
        if text not in self._g2pm_memo:
            self._g2pm_memo[text] = super().g2pm_readings(text)
        return self._g2pm_memo[text]

    def decide(self, text: str, words: Sequence[ReadWord]) -> None:
        """Record the words as the layer receives them, or decide with the current model."""
        if self.recording:
            self.recorded = (text, [ReadWord(w.text, w.tag, w.start, list(w.readings)) for w in words])
        else:
            super().decide(text, words)


def training_item(layer: TrainingLayer, example: Example, text: str, words: list[ReadWord]) -> Item | None:
    """The item for the example's polyphone, or None when a convention of ours fixes that character."""
    for word, offset, position in layer.open_positions(words):
        if position == example.position:
            context = Context(text, words, layer.g2pm_readings(text))
            kind = layer.kind_of(word.text, offset)
            return Item(text[position], example.label, word.readings[offset], context.g2pm.get(position, {}), kind,
                        word.tag, context_features(context, position, kind))
    return None


def collect(engine, layer: TrainingLayer, examples: Sequence[Example]) -> list[Item | None]:
    """Run the engine's word level over every example and return its training item (None where fixed)."""
    items = []
    layer.recording = True
    try:
        for example in examples:
            engine.read_words(example.text)
            text, words = layer.recorded
            items.append(training_item(layer, example, text, words))
    finally:
        layer.recording = False
    return items


def common_characters(top: int = COMMON_TOP) -> str:
    """The `top` most frequent characters of jieba's dictionary (word frequencies summed per character)."""
    import jieba

    counts: Counter[str] = Counter()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            word, frequency = line.split()[:2]
            for char in word:
                counts[char] += int(frequency)
    return "".join(sorted(char for char, _ in counts.most_common(top)))


def train(items: Sequence[Item], epochs: int = EPOCHS, seed: int = 12, common: str | None = None) -> PolyphoneModel:
    """Train an averaged perceptron over the items' candidate readings (characters in `common` are left out)."""
    common = common_characters() if common is None else common
    items = [item for item in items if item.char not in common]
    readings: dict[str, list[str]] = defaultdict(list)
    for item in items:
        if item.label not in readings[item.char]:
            readings[item.char].append(item.label)
    model = PolyphoneModel({}, dict(readings))
    weights, totals, stamps = defaultdict(float), defaultdict(float), defaultdict(int)
    clock = 0

    def update(key: str, change: float) -> None:
        totals[key] += (clock - stamps[key]) * weights[key]
        stamps[key] = clock
        weights[key] += change

    order = list(items)
    shuffler = random.Random(seed)
    for _ in range(epochs):
        shuffler.shuffle(order)
        for item in order:
            clock += 1
            candidates = model.candidates(item.char, item.base, item.g2pm)
            model.weights = weights
            scores = model.scores(item.features, _sources(item), candidates)
            guess = candidates[max(range(len(candidates)), key=scores.__getitem__)]
            if guess != item.label:
                for key in _keys(item, item.label):
                    update(key, 1.0)
                for key in _keys(item, guess):
                    update(key, -1.0)
    averaged = {}
    for key, weight in weights.items():
        value = (totals[key] + (clock - stamps[key]) * weight) / clock
        if abs(value) >= 1e-3:
            averaged[key] = round(value, 3)
    meta = {"examples": len(items), "epochs": epochs, "margin": MARGIN, "g2pm_sure": G2PM_SURE, "common": common}
    return PolyphoneModel(averaged, dict(readings), meta)


def _sources(item: Item) -> Callable[[str], list[str]]:
    return lambda candidate: source_features(item.char, item.kind, item.tag, candidate, item.base, item.g2pm)


def _keys(item: Item, candidate: str) -> list[str]:
    return [f"{feature}|{candidate}" for feature in item.features] + _sources(item)(candidate)


def folds_of(count: int, folds: int, seed: int = 12) -> list[int]:
    """Assign each of `count` examples to one of `folds` folds (shuffled, fixed seed)."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    assignment = [0] * count
    for rank, index in enumerate(order):
        assignment[index] = rank % folds
    return assignment


@dataclass
class Score:
    """Right answers, strict and counted, out of a number of examples."""

    strict: int = 0
    counted: int = 0
    total: int = 0

    def add(self, reading: str | None, label: str) -> None:
        """Count one answer."""
        self.total += 1
        self.strict += is_right(reading, label, counted=False)
        self.counted += is_right(reading, label, counted=True)

    def as_dict(self) -> dict[str, float | int]:
        """The figures as percentages with the count."""
        share = lambda n: round(100 * n / self.total, 2) if self.total else 0.0  # noqa: E731
        return {"strict": share(self.strict), "counted": share(self.counted), "examples": self.total}


def cross_validate(engine, layer: TrainingLayer, examples: Sequence[Example], folds: int = 5,
                   epochs: int = EPOCHS) -> dict[str, dict]:
    """k-fold figures of the whole engine with the model, beside the engine without it and g2pM alone."""
    items = collect(engine, layer, examples)
    assignment = folds_of(len(examples), folds)
    with_model, without, g2pm_alone = Score(), Score(), Score()
    common = common_characters()
    for fold in range(folds):
        kept = [item for item, f in zip(items, assignment) if f != fold and item is not None]
        trained = train(kept, epochs, common=common)
        for example, f in zip(examples, assignment):
            if f != fold:
                continue
            layer.enabled = True
            layer.use_model(trained)
            with_model.add(engine.read(example.text)[example.position], example.label)
            layer.enabled = False
            without.add(engine.read(example.text)[example.position], example.label)
            g2pm_alone.add(best_guess(layer.g2pm_readings(example.text).get(example.position, {})), example.label)
    layer.enabled = True
    figures = {"with model": with_model.as_dict(), "without model": without.as_dict()}
    if layer.use_g2pm:
        figures["g2pM alone"] = g2pm_alone.as_dict()
    return figures


def plain_pypinyin(examples: Sequence[Example]) -> dict[str, float | int]:
    """Plain pypinyin's figures (its own phrase tables, no jieba, no rules), for comparison."""
    import pypinyin

    score = Score()
    for example in examples:
        syllables = pypinyin.lazy_pinyin(example.text, style=pypinyin.Style.TONE3, neutral_tone_with_five=True,
                                         errors=lambda chunk: [""] * len(chunk))
        reading = syllables[example.position] if len(syllables) == len(example.text) else None
        score.add(reading or None, example.label)
    return score.as_dict()
