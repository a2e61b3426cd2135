"""Text wrapped at a fixed width without paragraph indents, as copied out of a PDF or a terminal.

Detection: at least `MIN_LINES` non-blank lines, most of them (`FULL_SHARE`) exactly as long as the longest common
line length (the column width, give or take one character), and most of those full lines stopping mid-sentence.
Reconstruction: a paragraph runs over full-width lines and ends at a blank line or at a line clearly shorter than
the column (its last line). Lines are joined with nothing in between and justification spaces are removed, as for
newspaper columns. The joined paragraphs are then read like one-paragraph-per-line text (titles, headings, …),
except that no doubled image caption is looked for (a paragraph joined from two lines is not a pasted caption).
"""

from __future__ import annotations

from collections import Counter

from reader.core.importer import lines as rules
from reader.core.importer.spacing import join_wrapped

MIN_LINES = 6
FULL_SHARE = 0.5
SHORT_MARGIN = 2  # a line this many characters shorter than the column ends its paragraph


def column_width(lines: list[str]) -> int | None:
    """Return the width most lines are cut at, or None when the lines do not share one."""
    lengths = [len(rules.strip_line(line)) for line in lines if not rules.is_blank(line)]
    if len(lengths) < MIN_LINES:
        return None
    counts = Counter(lengths)
    width, _ = max(counts.items(), key=lambda item: (item[1] + counts.get(item[0] - 1, 0), item[0]))
    full = [length for length in lengths if abs(length - width) <= 1]
    if width < 8 or len(full) < FULL_SHARE * len(lengths):
        return None
    return width


def is_width_wrapped(lines: list[str]) -> bool:
    """True when unindented lines are cut at one width, mostly in mid-sentence."""
    width = column_width(lines)
    if width is None or any(rules.is_indented(line) for line in lines):
        return False
    texts = [rules.strip_line(line) for line in lines if not rules.is_blank(line)]
    full = [text for text in texts if len(text) >= width - 1]
    open_ended = sum(1 for text in full if not rules.ends_sentence(text))
    return open_ended >= 0.6 * len(full)


def unwrap(lines: list[str]) -> list[str]:
    """Return one line per paragraph: full-width lines joined to the lines after them."""
    width = column_width(lines) or 0
    paragraphs: list[str] = []
    pending: list[str] = []
    for line in lines:
        if rules.is_blank(line):
            if pending:
                paragraphs.append(join_wrapped(pending))
                pending = []
            paragraphs.append("")
            continue
        pending.append(line)
        if len(rules.strip_line(line)) < width - SHORT_MARGIN:
            paragraphs.append(join_wrapped(pending))
            pending = []
    if pending:
        paragraphs.append(join_wrapped(pending))
    return paragraphs
