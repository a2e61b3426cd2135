"""Matching stranded headings to the text blocks they belong to.

A newspaper page dump can print a section's heading far from its body. Each heading is matched to one block by
lexical similarity: the Han-character bigrams the heading shares with the block, each weighted by how rare it is
among the candidate blocks (a bigram every block contains says nothing). The one-to-one assignment with the highest
total is chosen by brute force (page sections are few). When similarity says nothing, document order decides: a
heading printed directly before a block, then the n-th heading with the n-th block.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import permutations
from typing import Sequence

from reader.core.importer.spacing import HAN_RUN

MAX_BRUTE_FORCE = 8
_ADJACENT_BONUS = 1e-6
_ORDER_BONUS = 1e-9


def han_bigrams(text: str) -> set[str]:
    """Return the set of pairs of adjacent Han characters in a text."""
    return {run[i:i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)}


def similarity_matrix(headings: Sequence[str], blocks: Sequence[str]) -> list[list[float]]:
    """Return score[h][b]: rarity-weighted count of Han bigrams heading h shares with block b."""
    block_grams = [han_bigrams(text) for text in blocks]
    heading_grams = [han_bigrams(text) for text in headings]
    wanted = set().union(*heading_grams) if heading_grams else set()
    frequency: Counter[str] = Counter()
    for grams in block_grams:
        frequency.update(grams & wanted)
    weight = {gram: math.log((len(blocks) + 1) / (count + 1)) for gram, count in frequency.items()}
    return [[sum(weight[g] for g in grams & block) for block in block_grams] for grams in heading_grams]


def assign_headings(scores: list[list[float]], adjacent: set[tuple[int, int]]) -> dict[int, int]:
    """Return {heading index: block index}, one-to-one, maximising total score; `adjacent` pairs break ties."""
    headings = len(scores)
    blocks = len(scores[0]) if scores else 0
    if not headings or not blocks:
        return {}
    bonus = [
        [scores[h][b] + (_ADJACENT_BONUS if (h, b) in adjacent else 0) + (_ORDER_BONUS if h == b else 0)
         for b in range(blocks)]
        for h in range(headings)
    ]
    if max(headings, blocks) > MAX_BRUTE_FORCE:
        return _greedy(bonus)
    if headings <= blocks:
        best = max(permutations(range(blocks), headings), key=lambda chosen: _total(bonus, enumerate(chosen)))
        return dict(enumerate(best))
    best = max(
        permutations(range(headings), blocks),
        key=lambda chosen: _total(bonus, ((h, b) for b, h in enumerate(chosen))),
    )
    return {h: b for b, h in enumerate(best)}


def _total(scores: list[list[float]], pairs) -> float:
    return sum(scores[h][b] for h, b in pairs)


def _greedy(scores: list[list[float]]) -> dict[int, int]:
    """Assign the best remaining pair first: used only for pages with very many sections."""
    pairs = sorted(((scores[h][b], h, b) for h in range(len(scores)) for b in range(len(scores[0]))), reverse=True)
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, heading, block in pairs:
        if heading not in chosen and block not in used:
            chosen[heading] = block
            used.add(block)
    return chosen
