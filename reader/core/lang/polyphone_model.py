"""The learned polyphone layer: a linear model choosing a polyphonic character's reading in context.

It sits under the word level and above the character defaults: for each polyphonic character that no word fact of
ours settles, it scores every candidate reading (those seen in training, the word level's own reading and, when the
g2pM package is installed, g2pM's prediction) with weights learned on the CPP development split (Park & Lee,
Interspeech 2020; kakaobrain/g2pM, Apache-2.0). The features are the characters and words around the character, the
word's part of speech, where the word level's reading came from (a dictionary phrase, a jieba word read character by
character, a lone character) and whether the sources agree, so the same weights act as the arbiter between the
dictionary and g2pM. The word level's own reading stays unless another scores higher by the model's margin and g2pM
backs it (its share of g2pM's probability at least `g2pm_sure`). The context rules and our conventions (neutral
tones, 一/不 citation, word facts such as 重 chóng and 处 chǔ) are applied after it and stay on top.

The model file is gzip-compressed JSON with a format number and a checksum of its weights; a file that does not
match is refused with a message naming it. Nothing here is imported on the app's reopen path.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

from reader.core import paths
from reader.core.errors import DubaoError
from reader.core.lang.chars import is_han
from reader.core.lang.pinyin_rules import ReadWord

FORMAT = 1
MODEL_FILE = "polyphones/model.json.gz"
FIXED = frozenset("一不")  # always read in citation form (sandhi is a display option)
# A word both dictionaries read alike (殷切 yīn qiè) is read otherwise only by this many times the margin, and only
# when g2pM is all but certain (勃艮第 Bógèndì, where both dictionaries give gěn).
AGREED_MARGIN = 5.0
# How sure g2pM must be before its reading replaces the word level's, where the model file's share is not enough: a word
# both dictionaries agree on, and a character standing alone as a word (a lone 藏 is cáng "hide" far more often in news
# than in CPP's Wikipedia sentences, where it is Tibet).
SURER = {"agreed": 0.98, "single": 0.8}


class PolyphoneModelError(DubaoError):
    """The model file is missing, damaged or of another format."""


@dataclass
class Context:
    """One paragraph as the layer sees it: the text, its words, and each character's word, offset and source."""

    text: str
    words: Sequence[ReadWord]
    g2pm: Mapping[int, Mapping[str, float]] = field(default_factory=dict)  # g2pM's likeliest readings by position
    _word_at: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for index, word in enumerate(self.words):
            self._word_at.extend((index, offset) for offset in range(len(word.text)))

    def word_of(self, position: int) -> tuple[ReadWord, int, int]:
        """Return the word holding `position`, that word's index and the offset of the position inside it."""
        index, offset = self._word_at[position]
        return self.words[index], index, offset

    def char(self, position: int) -> str:
        """Return the character at `position`, or a boundary mark outside the text (non-Han characters as '#')."""
        if not 0 <= position < len(self.text):
            return "^"
        char = self.text[position]
        return char if is_han(char) else "#"

    def word_text(self, index: int) -> str:
        """Return the text of the word at `index`, or a boundary mark."""
        return self.words[index].text if 0 <= index < len(self.words) else "^"


def context_features(context: Context, position: int, kind: str) -> list[str]:
    """The features of one character in context; each is later joined with a candidate reading."""
    char = context.char(position)
    word, index, offset = context.word_of(position)
    before, after = context.char(position - 1), context.char(position + 1)
    return [
        char, f"{char}<{before}", f"{char}>{after}", f"{char}<<{context.char(position - 2)}{before}",
        f"{char}>>{after}{context.char(position + 2)}", f"{char}<>{before}{after}", f"{char}=w{word.text}",
        f"{char}=t{word.tag}", f"{char}=k{kind}{offset}/{len(word.text)}", f"{char}<w{context.word_text(index - 1)}",
        f"{char}>w{context.word_text(index + 1)}", f"{char}>t{_tag(context, index + 1)}",
        f"{char}<t{_tag(context, index - 1)}",
    ]


def source_features(char: str, kind: str, tag: str, candidate: str, base: str | None,
                    guesses: Mapping[str, float], default: str | None = None) -> list[str]:
    """The features saying which sources propose `candidate`: the word level (base), g2pM (and how surely), or both.

    `default` is the character's everyday reading (pypinyin's first): g2pM leans towards it, and a dictionary phrase
    that reads the character otherwise is usually right.
    """
    g2pm = best_guess(guesses)
    found = []
    if default is not None:
        found.append(f"default={candidate == default}|{kind}|{'base' if candidate == base else ''}"
                     f"{'g2pm' if candidate == g2pm else ''}")
    for name, reading in (("base", base), ("g2pm", g2pm)):
        if reading == candidate:
            found += [name, f"{name}|{kind}", f"{name}|{kind}|t{tag}", f"{name}|c{char}", f"{name}|{kind}|c{char}"]
    if guesses:
        share = guesses.get(candidate, 0.0)
        bucket = "0" if share < 0.01 else str(min(9, int(share * 10)))
        found += [f"p{bucket}", f"p{bucket}|{kind}", f"p{bucket}|{'base' if candidate == base else 'other'}"]
    if base == g2pm == candidate:
        found.append("agree")
    elif g2pm is not None and base is not None and candidate in (base, g2pm):
        found.append(f"disagree|{kind}|{'base' if candidate == base else 'g2pm'}")
    return found


def best_guess(guesses: Mapping[str, float]) -> str | None:
    """g2pM's likeliest reading, or None when it has none."""
    return max(guesses, key=guesses.__getitem__) if guesses else None


def _tag(context: Context, index: int) -> str:
    return context.words[index].tag if 0 <= index < len(context.words) else "^"


class PolyphoneModel:
    """Weights over (feature, reading) pairs and the readings seen for each character."""

    def __init__(self, weights: dict[str, float], readings: dict[str, list[str]], meta: dict | None = None) -> None:
        self.weights = weights
        self.readings = readings
        self.meta = dict(meta or {})
        self.margin = float(self.meta.get("margin", 0.0))
        self.g2pm_sure = float(self.meta.get("g2pm_sure", 0.0))
        self.common = frozenset(self.meta.get("common", ""))  # characters left to the word level

    def decides(self, char: str) -> bool:
        """False for a character left to the word level (one of the most frequent characters)."""
        return char not in self.common

    def candidates(self, char: str, base: str | None, guesses: Mapping[str, float]) -> list[str]:
        """Every reading the model weighs for `char`: those seen in training and those the sources propose."""
        found = list(self.readings.get(char, ()))
        for reading in (base, best_guess(guesses)):
            if reading is not None and reading not in found:
                found.append(reading)
        return found

    def scores(self, features: list[str], sources: Callable[[str], list[str]], candidates: list[str]) -> list[float]:
        """Return the score of each candidate."""
        weights = self.weights
        return [sum(weights.get(f"{f}|{c}", 0.0) for f in features) + sum(weights.get(s, 0.0) for s in sources(c))
                for c in candidates]

    def choose(self, context: Context, position: int, base: str | None, kind: str) -> str | None:
        """Return the best-scoring reading of the character at `position`; the word level's own reading (`base`)
        stays unless another scores at least `margin` (from the model file) higher."""
        char = context.char(position)
        guesses = context.g2pm.get(position, {})
        candidates = self.candidates(char, base, guesses)
        if len(candidates) < 2:
            return candidates[0] if candidates else None
        word, _, _ = context.word_of(position)
        features = context_features(context, position, kind)
        scores = self.scores(features, lambda c: source_features(char, kind, word.tag, c, base, guesses), candidates)
        best = max(range(len(candidates)), key=scores.__getitem__)
        margin = self.margin * (AGREED_MARGIN if kind == "agreed" else 1.0)
        if base in candidates and scores[best] - scores[candidates.index(base)] < margin:
            return base
        sure = max(self.g2pm_sure, SURER.get(kind, 0.0))
        if guesses and base is not None and guesses.get(candidates[best], 0.0) < sure:
            return base  # g2pM does not back the change firmly
        return candidates[best]

    def save(self, path: Path) -> None:
        """Write the model as gzip JSON with its format number and a checksum of the weights."""
        payload = {"weights": self.weights, "readings": self.readings}
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        document = {"format": FORMAT, "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "meta": self.meta,
                    "body": body}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"), mtime=0))

    @classmethod
    def load(cls, path: Path) -> "PolyphoneModel":
        """Read a model file; raise PolyphoneModelError naming the file when it is missing, damaged or foreign."""
        try:
            document = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
        except (OSError, EOFError, ValueError) as error:
            raise PolyphoneModelError(f"not a readable polyphone model ({error})", path) from None
        found = document.get("format") if isinstance(document, dict) else None
        if found != FORMAT:
            raise PolyphoneModelError(f"polyphone model of format {found}; this Dubao reads format {FORMAT}", path)
        body = document.get("body", "")
        if not isinstance(body, str) or hashlib.sha256(body.encode("utf-8")).hexdigest() != document.get("sha256"):
            raise PolyphoneModelError("polyphone model damaged: its checksum does not match its weights", path)
        payload = json.loads(body)
        return cls(payload["weights"], payload["readings"], document.get("meta"))


def model_path() -> Path:
    """Return the shipped model file."""
    return paths.resources_dir() / MODEL_FILE
