"""`python -m reader lookup WORD [--json]`: a word's readings, senses, HSK level, characters and glossary entry."""

from __future__ import annotations

import argparse
import json

from reader.core.errors import ImportProblem


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the lookup command's options."""
    parser.add_argument("word", help="a word or term, simplified or traditional")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")


def run(args: argparse.Namespace) -> int:
    """Print what the dictionary, the HSK lists and the glossary know of the word."""
    from reader.core.lang import lookup
    from reader.core.lang.hsk import label

    word = args.word.strip()
    if not word:
        raise ImportProblem("give a word to look up", "WORD")
    result = lookup(word)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"{result.word}    HSK {label(result.hsk_level)}")
    for sense in result.senses:
        print(f"  {_marks(sense.pinyin)}  {'; '.join(sense.definitions)}")
        for headword, pinyin, definitions in sense.see_also:
            print(f"      → {headword} {_marks(pinyin)}: {'; '.join(definitions)}")
    if not result.in_dictionary:
        print("  not in the dictionary; its characters:")
    for info in result.characters:
        print(f"  {info.char}  {' / '.join(_marks(r) for r in info.readings) or '?'}  HSK {label(info.hsk_level)}")
    if result.glossary is not None:
        entry = result.glossary
        print(f"  glossary [{entry.category}] {entry.pinyin} — {entry.english}")
        print(f"    {entry.explanation_zh}")
        print(f"    {entry.explanation_en}")
    return 0 if result else 1


def _marks(pinyin: str) -> str:
    from reader.core.lang.style import to_marks

    return " ".join(to_marks(s) for s in pinyin.split())
