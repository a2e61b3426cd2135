"""g2pM's polyphone predictions for many sentences at once (Park & Lee, Interspeech 2020; kakaobrain/g2pM, Apache-2.0).

g2pM ships a one-layer bidirectional LSTM as numpy arrays, trained on the CPP training split. Its own entry point reads
one sentence at a time, and most of its time goes to per-step numpy overhead; here the same weights run over a whole
paragraph's sentences as one padded batch, which gives the same readings several times faster. numpy and the weights
load only when a sentence holding a polyphone is read (never on the app's reopen path, nor for a text without one).
"""

from __future__ import annotations

import os
import pickle
import re
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Sequence

from reader.core.lang.tables import package_folder

SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
BEGIN_TOKEN, END_TOKEN, UNKNOWN_TOKEN = "시", "끝", "<UNK>"  # g2pM's own sentence-boundary tokens
MAX_SENTENCE = 300  # longer runs are cut into pieces of this length
BATCH = 64  # sentences run together
TOP = 3  # readings kept per character
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def normalise(reading: str) -> str:
    """Write g2pM's and CPP's ü (u:) as v, the way the rest of Dubao does."""
    return reading.replace("u:", "v")


class G2pmRunner:
    """Runs g2pM's network over the sentences of a text; `readings(text)` maps positions to numbered syllables."""

    def __init__(self) -> None:
        # Found without importing g2pM (its package imports numpy); also where a bundle keeps its data files.
        self._folder = package_folder("g2pM") or resources.files("g2pM")
        self.char_ids: dict[str, int] = self._load("char2idx.pkl")
        self.readings_of: dict[str, list[str]] = self._load("digest_cedict.pkl")
        self.classes = {index: normalise(reading) for reading, index in self._load("class2idx.pkl").items()}
        self._np: Any = None
        self._prefetched: dict[str, dict[int, dict[str, float]]] = {}

    def _load(self, name: str) -> Any:
        return pickle.loads((self._folder / name).read_bytes())

    def _load_network(self) -> None:
        """Import numpy and read the network's weights (once, before the first sentence is read)."""
        if self._np is not None:
            return
        for variable in BLAS_THREADS:  # the matrices are tiny: BLAS threads only fight over the cores
            os.environ.setdefault(variable, "1")
        import numpy

        weights = self._load("np_ckpt.pkl")
        self._embedding = weights["embedding.weight"]
        self._forward = _Direction(weights, "", numpy)
        self._backward = _Direction(weights, "_reverse", numpy)
        self._hidden = (weights["logit_layer.0.weight"].T, weights["logit_layer.0.bias"])
        self._logits = (weights["logit_layer.2.weight"].T, weights["logit_layer.2.bias"])
        self._np = numpy

    def is_polyphone(self, char: str) -> bool:
        """Return True when g2pM treats `char` as polyphonic (it predicts only those)."""
        return len(self.readings_of.get(char, ())) > 1

    def readings(self, text: str) -> dict[int, str]:
        """Return g2pM's reading for every polyphonic character of `text`, by position."""
        return {position: max(guesses, key=guesses.__getitem__) for position, guesses in self.predictions(text).items()}

    def predictions(self, text: str, positions: set[int] | None = None) -> dict[int, dict[str, float]]:
        """Return g2pM's likeliest readings (probability >= 1 %, at most TOP) for each polyphone of `text` (or only
        those at `positions`), by position. Only the sentences holding a wanted polyphone are read (or taken from
        what `prefetch` read)."""
        def wanted(start: int, piece: str) -> bool:
            return any(self.is_polyphone(c) and (positions is None or start + i in positions)
                       for i, c in enumerate(piece))

        pieces = [(start, piece) for start, piece in _pieces(text) if wanted(start, piece)]
        fresh = self._read_pieces([piece for _, piece in pieces if piece not in self._prefetched])
        found: dict[int, dict[str, float]] = {}
        for start, piece in pieces:
            for offset, guesses in (self._prefetched[piece] if piece in self._prefetched else fresh[piece]).items():
                if positions is None or start + offset in positions:
                    found[start + offset] = guesses
        return found

    def prefetch(self, texts: Sequence[str], decides: Callable[[str], bool]) -> None:
        """Read, in one batch, every sentence of `texts` with a polyphone `decides` accepts; `predictions` then takes
        their readings from here. What an earlier call read is forgotten."""
        pieces = {piece for text in texts for _, piece in _pieces(text)
                  if any(self.is_polyphone(c) and decides(c) for c in piece)}
        self._prefetched = self._read_pieces(sorted(pieces))

    def _read_pieces(self, pieces: list[str]) -> dict[str, dict[int, dict[str, float]]]:
        """g2pM's guesses for every polyphone of each piece, by offset (pieces of similar length run together)."""
        ordered = sorted(set(pieces), key=len)
        found: dict[str, dict[int, dict[str, float]]] = {}
        for first in range(0, len(ordered), BATCH):
            found.update(self._read_batch(ordered[first : first + BATCH]))
        return found

    def _read_batch(self, batch: list[str]) -> dict[str, dict[int, dict[str, float]]]:
        rows, columns, places = [], [], []
        for row, piece in enumerate(batch):
            for offset, char in enumerate(piece):
                if self.is_polyphone(char):
                    rows.append(row)
                    columns.append(offset + 1)  # after the begin token
                    places.append((piece, offset))
        found: dict[str, dict[int, dict[str, float]]] = {piece: {} for piece in batch}
        if not rows:
            return found
        self._load_network()
        probabilities = self._probabilities(self._encode(batch)[rows, columns])
        best = self._np.argsort(-probabilities, axis=1)[:, :TOP]
        for (piece, offset), order, shares in zip(places, best, probabilities):
            found[piece][offset] = {self.classes[int(k)]: round(float(shares[k]), 3) for k in order
                                    if shares[k] >= 0.01 or k == order[0]}
        return found

    def _encode(self, sentences: list[str]) -> Any:
        """Return the concatenated forward and backward states, [sentence, step, 2 × hidden]."""
        np = self._np
        unknown = self.char_ids[UNKNOWN_TOKEN]
        ids = [[self.char_ids[BEGIN_TOKEN]] + [self.char_ids.get(c, unknown) for c in s] + [self.char_ids[END_TOKEN]]
               for s in sentences]
        lengths = np.array([len(row) for row in ids])
        steps = int(lengths.max())
        forward_ids = np.zeros((len(ids), steps), dtype=np.int64)
        backward_ids = np.zeros_like(forward_ids)
        for row, sequence in enumerate(ids):
            forward_ids[row, : len(sequence)] = sequence
            backward_ids[row, : len(sequence)] = sequence[::-1]
        forward = self._forward.run(self._embedding[forward_ids])
        backward = self._backward.run(self._embedding[backward_ids])
        unreversed = np.zeros_like(backward)
        for row, length in enumerate(lengths):
            unreversed[row, :length] = backward[row, :length][::-1]
        return np.concatenate([forward, unreversed], axis=2)

    def _probabilities(self, states: Any) -> Any:
        np = self._np
        hidden = np.maximum(states @ self._hidden[0] + self._hidden[1], 0)
        logits = hidden @ self._logits[0] + self._logits[1]
        exponents = np.exp(logits - logits.max(axis=1, keepdims=True))
        return exponents / exponents.sum(axis=1, keepdims=True)


class _Direction:
    """One direction of the LSTM (gates in PyTorch's order: input, forget, cell, output)."""

    def __init__(self, weights: dict[str, Any], suffix: str, numpy: Any) -> None:
        self._np = numpy
        self.input_weights = weights[f"lstm.weight_ih_l0{suffix}"].T
        self.state_weights = weights[f"lstm.weight_hh_l0{suffix}"].T
        self.bias = weights[f"lstm.bias_ih_l0{suffix}"] + weights[f"lstm.bias_hh_l0{suffix}"]

    def run(self, inputs: Any) -> Any:
        """Return the hidden state at every step of `inputs` [batch, step, embedding]."""
        np = self._np
        batch, steps, _ = inputs.shape
        size = self.state_weights.shape[0]
        projected = inputs @ self.input_weights + self.bias
        hidden = cell = np.zeros((batch, size), dtype=projected.dtype)
        states = np.empty((batch, steps, size), dtype=projected.dtype)
        for step in range(steps):
            gates = projected[:, step] + hidden @ self.state_weights
            input_gate, forget_gate = _sigmoid(np, gates[:, :size]), _sigmoid(np, gates[:, size : 2 * size])
            candidate, output_gate = np.tanh(gates[:, 2 * size : 3 * size]), _sigmoid(np, gates[:, 3 * size :])
            cell = forget_gate * cell + input_gate * candidate
            hidden = output_gate * np.tanh(cell)
            states[:, step] = hidden
        return states


def _sigmoid(np: Any, values: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-values))


def _pieces(text: str) -> list[tuple[int, str]]:
    """Cut `text` into sentences (at most MAX_SENTENCE characters each), with their start positions."""
    pieces, start = [], 0
    for sentence in SENTENCE_END.split(text):
        for offset in range(0, len(sentence), MAX_SENTENCE):
            piece = sentence[offset : offset + MAX_SENTENCE]
            if piece.strip():
                pieces.append((start + offset, piece))
        start += len(sentence)
    return pieces
