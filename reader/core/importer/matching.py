"""Matching stranded headings to the text blocks they belong to.

A newspaper page dump can print a section's heading far from its body. Each heading is matched to one block by
lexical similarity: the Han-character bigrams the heading shares with the block, each weighted by how rare it is
among the candidate blocks (a bigram every block contains says nothing). The one-to-one assignment with the highest
total is chosen by brute force (page sections are few). When similarity says nothing, document order decides: a
heading printed directly before a block, then the n-th heading with the n-th block.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import permutations
from typing import Sequence

from reader.core.importer.spacing import HAN_RUN

MAX_BRUTE_FORCE = 8
NEARBY_ITEMS = 12  # on a dump of many pages, how far (in printed items) a heading may be from its block
_ADJACENT_BONUS = 1e-6
_ORDER_BONUS = 1e-9


def han_bigrams(text: str) -> set[str]:
    """Return the set of pairs of adjacent Han characters in a text."""
    return {run[i:i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)}


def similarity_matrix(headings: Sequence[str], blocks: Sequence[str]) -> list[list[float]]:
    """Return score[h][b]: rarity-weighted count of Han bigrams heading h shares with block b."""
    heading_grams, block_grams = [han_bigrams(t) for t in headings], [han_bigrams(t) for t in blocks]
    weight = _rarity_weights(heading_grams, block_grams)
    return [[sum(weight[g] for g in grams & block) for block in block_grams] for grams in heading_grams]


def _rarity_weights(heading_grams: list[set[str]], block_grams: list[set[str]]) -> dict[str, float]:
    """Return log((blocks + 1) / (blocks containing the bigram + 1)) for every heading bigram some block has."""
    wanted = set().union(*heading_grams) if heading_grams else set()
    frequency: Counter[str] = Counter()
    for grams in block_grams:
        frequency.update(grams & wanted)
    return {gram: math.log((len(block_grams) + 1) / (count + 1)) for gram, count in frequency.items()}


def match_headings(headings: Sequence[tuple[int, str]], blocks: Sequence[tuple[int, str]]) -> dict[int, int]:
    """Return {heading index: block index} for (printed order, text) pairs of headings and blocks.

    Few headings and blocks (one page): the best one-to-one assignment over all pairs. Many (a dump of several
    pages): each heading only looks at blocks printed within `NEARBY_ITEMS` items of it, best pairs first.
    """
    adjacent = {(h, b) for h, (h_order, _) in enumerate(headings) for b, (b_order, _) in enumerate(blocks)
                if b_order == h_order + 1} if len(headings) * len(blocks) <= MAX_BRUTE_FORCE ** 2 else set()
    if max(len(headings), len(blocks)) <= MAX_BRUTE_FORCE:
        return assign_headings(similarity_matrix([t for _, t in headings], [t for _, t in blocks]), adjacent)
    heading_grams = [han_bigrams(text) for _, text in headings]
    block_grams = [han_bigrams(text) for _, text in blocks]
    weight = _rarity_weights(heading_grams, block_grams)
    block_orders = [order for order, _ in blocks]
    pairs = []
    for h, (h_order, _) in enumerate(headings):
        first = bisect_left(block_orders, h_order - NEARBY_ITEMS)
        last = bisect_right(block_orders, h_order + NEARBY_ITEMS)
        for b in range(first, last):
            score = sum(weight[g] for g in heading_grams[h] & block_grams[b])
            nearness = -abs(block_orders[b] - h_order - 1) * _ORDER_BONUS
            pairs.append((score + (_ADJACENT_BONUS if block_orders[b] == h_order + 1 else 0) + nearness, h, b))
    return _best_pairs_first(pairs)


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
    """Assign the best remaining pair first over a full score matrix."""
    return _best_pairs_first([(scores[h][b], h, b) for h in range(len(scores)) for b in range(len(scores[0]))])


def _best_pairs_first(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """Take (score, heading, block) pairs best first, each heading and each block at most once."""
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, heading, block in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
        if heading not in chosen and block not in used:
            chosen[heading] = block
            used.add(block)
    return chosen
