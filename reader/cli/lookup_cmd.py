"""`python -m reader lookup WORD [--reading huan2] [--json]`: a word's readings, senses (the reading in context and
teaching senses first), HSK level, characters (read as in the word) and glossary entry."""

from __future__ import annotations

import argparse
import json

from reader.core.errors import ImportProblem


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the lookup command's options."""
    parser.add_argument("word", help="a word or term, simplified or traditional")
    parser.add_argument("--reading", default="", metavar="PINYIN",
                        help='the reading in context, numbered ("huan2", "zhi4 liang4"): its senses come first')
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")


def run(args: argparse.Namespace) -> int:
    """Print what the dictionary, the HSK lists and the glossary know of the word."""
    from reader.core.lang import default_service
    from reader.core.lang.hsk import label

    word = args.word.strip()
    if not word:
        raise ImportProblem("give a word to look up", "WORD")
    try:
        result = default_service().lookup(word, args.reading)
    except ValueError as error:
        raise ImportProblem(str(error), "--reading") from error
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
        meaning = info.definitions[0].split(": ", 1)[-1] if info.definitions else ""
        print(f"  {info.char}  {' / '.join(_marks(r) for r in info.readings) or '?'}  HSK {label(info.hsk_level)}"
              f"  {meaning}")
    if result.glossary is not None:
        entry = result.glossary
        print(f"  glossary [{entry.category}] {entry.pinyin} — {entry.english}")
        print(f"    {entry.explanation_zh}")
        print(f"    {entry.explanation_en}")
    return 0 if result else 1


def _marks(pinyin: str) -> str:
    from reader.core.lang.style import to_marks

    return " ".join(to_marks(s) for s in pinyin.split())
