"""Sentences of Chinese text: the one splitter that slides, saved words and the command line share.

A sentence ends after a run of 。！？；… (and ASCII !?;) or a line break, together with the closing quotes or brackets
that follow. Pure functions over strings; no Qt.
"""

from __future__ import annotations

SENTENCE_ENDS = frozenset("。！？；…!?;\n")
CLOSING_MARKS = frozenset("”’」』）)》〉】\"'")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of `text`, covering it entirely, split only after sentence ends."""
    spans: list[tuple[int, int]] = []
    start = index = 0
    while index < len(text):
        index += 1
        if text[index - 1] in SENTENCE_ENDS:
            while index < len(text) and (text[index] in SENTENCE_ENDS or text[index] in CLOSING_MARKS):
                index += 1
            spans.append((start, index))
            start = index
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence (or run of sentences) of `text` holding characters [start, end), without outer spaces."""
    end = max(end, start + 1)
    touching = [(a, b) for a, b in sentence_spans(text) if a < end and b > start]
    if not touching:
        return ""
    return text[touching[0][0]:touching[-1][1]].strip()


def sentence_with(text: str, word: str) -> str:
    """Return the first sentence of `text` that contains `word` (empty when none does)."""
    at = text.find(word) if word else -1
    return sentence_around(text, at, at + len(word)) if at >= 0 else ""
