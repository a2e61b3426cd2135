"""Chinese line composition after the W3C "Requirements for Chinese Text Layout" (clreq), Qt-free.

One algorithm for the reader view, the slides and the printed handout (`reader.core.layout` calls it):
- cells: every character gets a cell as wide as its advance; where pinyin is shown, all ruby-carrying cells of a
  word get one width, wide enough for the word's pinyin row and for any two neighbouring syllables, so each
  syllable is centred over its own character and the characters of one word stay evenly spaced. Between two words
  the space grows by half the difference of their widenings (a gap inside a word is never wider than the gap
  around it) and as far as the two syllables there need not to touch;
- breaking: only between words (a word wider than a line is cut where the kinsoku rules allow), never before closing
  or after opening punctuation, never inside a run of Latin letters and digits (`2025-2027`, `Netflix`, `5G`),
  between a number and the 年/月/日 that follows it, or inside a doubled dash —— or ellipsis ……;
- fitting: a line that is a little too long squeezes its full-width punctuation by up to half (punctuation is
  compressed first, before anything moves to the next line);
- justifying: the space left over is shared evenly by every gap between characters, except the gaps inside a Latin
  run, which are never letter-spaced.
"""

from __future__ import annotations

import re
from typing import Sequence

NO_LINE_START = frozenset("，。、；：？！”’）》,.;:?!)」』】〕〉…·％%")
NO_LINE_END = frozenset("“‘（《([「『【〔〈")
CLOSING_SQUEEZE = frozenset("，。、）》」』】〕〉”’")  # full-width marks whose ink sits on the left of their em box
OPENING_SQUEEZE = frozenset("（《「『【〔〈“‘")  # and on the right
_SQUEEZABLE = re.compile("[" + re.escape("".join(CLOSING_SQUEEZE | OPENING_SQUEEZE)) + "]")
LATIN_JOINERS = "-‐‑–/.:%'&_+#@"  # kept inside a Latin run: 2025-2027, 3.5%, U.S.
_LATIN_CLASS = "0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff" + re.escape(LATIN_JOINERS)
_LATIN_RUN = re.compile(f"[{_LATIN_CLASS}]{{2,}}")
_NUMBER_UNIT = re.compile("[0-9０-９][年月日号]")
_DOUBLED = re.compile("(?<=[—―⸺])[—―⸺]|(?<=[…⋯])[…⋯]")  # the second half of a —— or …… mark
RUBY_SPACING = 1.12  # a syllable takes this many times its own width (the air between syllables)
SQUEEZE_SHARE = 0.5  # a full-width mark may lose up to half its width
FULL_WIDTH_SHARE = 0.8  # a mark narrower than this share of an em is already half-width: not squeezed


def latin_inside(text: str) -> set[int]:
    """Return the positions inside Latin runs (letters, digits, joiners): no break and no letter-spacing before them."""
    inside: set[int] = set()
    for run in _LATIN_RUN.finditer(text):
        inside.update(range(run.start() + 1, run.end()))
    return inside


def break_ends(text: str, words: Sequence[tuple[int, int]], latin: set[int]) -> list[int]:
    """Return the ends of the unbreakable units of `text`: a line may break after each, and only there.

    `words` are (start, end) spans covering the text (empty: a break is possible between any two characters);
    `latin` are the positions inside Latin runs (`latin_inside`).
    """
    blocked = latin | {m.start() + 1 for m in _NUMBER_UNIT.finditer(text)}
    blocked.update(m.start() for m in _DOUBLED.finditer(text))
    starts = [start for start, _ in words] if words else range(1, len(text))
    ends = []
    for i in starts:
        if i <= 0 or i in blocked or text[i] in NO_LINE_START or text[i - 1] in NO_LINE_END:
            continue
        ends.append(i)
    if text:
        ends.append(len(text))
    return ends


def fit_ruby(widths: list[float], rubies: Sequence[float], words: Sequence[tuple[int, int]]) -> list[float] | None:
    """Widen the cells of words with pinyin in place; return the extra space before each character (None if none).

    `rubies` are the widths the syllables need (0 where none is shown).
    """
    advances = list(widths)
    spans = words or [(i, i + 1) for i in range(len(widths))]
    for start, end in spans:
        if end - start == 1:  # most words: one cell, as wide as its character or its syllable
            if rubies[start] > widths[start]:
                widths[start] = rubies[start]
            continue
        syllables = rubies[start:end]
        shown = [i for i in range(start, end) if rubies[i]]
        if not shown:
            continue
        pairs = max(map(sum, zip(syllables, syllables[1:]))) / 2
        cell = max(max(advances[i] for i in shown), sum(syllables) / len(shown), pairs)
        for i in shown:
            widths[i] = cell
    leads = [0.0] * len(widths)
    for start, _ in spans:
        if start > 0:
            before = start - 1
            extra_before, extra_after = widths[before] - advances[before], widths[start] - advances[start]
            if extra_before or extra_after:
                even = abs(extra_before - extra_after) / 2
                clear = (rubies[before] + rubies[start] - widths[before] - widths[start]) / 2  # syllables apart
                leads[start] = max(even, clear, 0.0)
    return leads


def squeeze_room(text: str, widths: Sequence[float], em: float) -> dict[int, float]:
    """Return {index: how much the cell may shrink} for the full-width punctuation of `text`."""
    return {m.start(): widths[m.start()] * SQUEEZE_SHARE for m in _SQUEEZABLE.finditer(text)
            if widths[m.start()] >= em * FULL_WIDTH_SHARE}


def glyph_offset(char: str, cell: float, advance: float) -> float:
    """Return where a character's advance starts inside its cell: centred, or against its ink side when squeezed."""
    if cell < advance:
        if char in CLOSING_SQUEEZE:
            return 0.0
        if char in OPENING_SQUEEZE:
            return cell - advance
    return (cell - advance) / 2


def set_line(cells: list[float], leads: Sequence[float] | None, start: int, room: dict[int, float],
             latin: set[int], usable: float, indent: float, align: str, justify: bool, em: float) -> list[float]:
    """Return the x of every cell of text[start:start+len(cells)], squeezing `cells` in place when the line is long.

    `leads` are the extra spaces before characters (the first of the line is dropped); `room` the squeeze room of
    punctuation and `latin` the positions inside Latin runs (both by index in the block's text). A justified line
    shares what is left evenly among its gaps, except inside Latin runs; a gap never grows beyond an em (such a line
    stays ragged).
    """
    count = len(cells)
    gaps = [0.0] * count if leads is None else [0.0, *leads[start + 1:start + count]]
    natural = indent + sum(cells) + sum(gaps)
    if natural > usable:
        squeezable = [i for i in range(start, start + count) if i in room] if room else []
        total = sum(room[i] for i in squeezable)
        if total > 0:
            share = min(1.0, (natural - usable) / total)
            for i in squeezable:
                cells[i - start] -= room[i] * share
            natural -= total * share
    slack = usable - natural
    if align == "center":
        indent += max(slack, 0.0) / 2
    elif justify and align == "justify" and slack > 0 and count > 1:
        stretch = [k for k in range(1, count) if start + k not in latin] if latin else range(1, count)
        if stretch and slack / len(stretch) <= em:
            extra = slack / len(stretch)
            for k in stretch:
                gaps[k] += extra
    xs, x = [], indent
    for width, gap in zip(cells, gaps):
        x += gap
        xs.append(x)
        x += width
    return xs
