"""`python -m reader pinyin [--json] [--numbers|--plain] [--sandhi] [TEXT]`: the pinyin of a text, read in context.

Without TEXT the text is read from standard input (one final line break is not part of it). Plain output writes
each word with its syllables (重整/chóng zhěng); --json writes an array with one element per input character: the
syllable of a Han character, null for anything else.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.core.errors import ImportProblem


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the pinyin command's options."""
    parser.add_argument("text", nargs="?", help="the text to read (default: standard input)")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one element per character")
    tones = parser.add_mutually_exclusive_group()
    tones.add_argument("--numbers", action="store_true", help="tone numbers (chong2) instead of tone marks")
    tones.add_argument("--plain", action="store_true", help="no tones at all (chong)")
    parser.add_argument("--sandhi", action="store_true", help="show spoken tone sandhi of 一 and 不 (yí, bú)")


def read_input(text: str | None) -> str:
    """Return the command-line text, or standard input without its final line break."""
    if text is not None:
        return text
    try:
        data = sys.stdin.buffer.read()
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportProblem("standard input is not UTF-8 text", "<stdin>") from error
    return decoded[:-1] if decoded.endswith("\n") else decoded


def run(args: argparse.Namespace) -> int:
    """Print the pinyin of the text."""
    from reader.core.lang import default_service
    from reader.core.lang.style import PinyinStyle, apply_sandhi, render

    text = read_input(args.text)
    style = PinyinStyle.NUMBERS if args.numbers else PinyinStyle.PLAIN if args.plain else PinyinStyle.MARKS
    service = default_service()
    if args.json:
        print(json.dumps(service.pinyin(text, style, args.sandhi), ensure_ascii=False))
        return 0
    words = service.read_words(text)
    slots = [r for word in words for r in word.readings]
    if args.sandhi:
        slots = apply_sandhi(text, slots)
    parts, position = [], 0
    for word in words:
        readings = [render(r, style) for r in slots[position : position + len(word.text)] if r]
        position += len(word.text)
        if word.text.strip():
            parts.append(f"{word.text}/{' '.join(readings)}" if readings else word.text)
    print(" ".join(parts))
    return 0
