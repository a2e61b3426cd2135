"""`python -m reader corrections list|reading|split|merge|remove`: your corrections of readings and word cuts.

They are kept in the library and apply to every occurrence of the word, in the window and on the command line
(`pinyin`, `annotate`) alike. Readings are given as numbered syllables, one per character: `reading 重庆 chong2 qing4`.
"""

from __future__ import annotations

import argparse
import json

from reader.core.corrections import Corrections
from reader.core.errors import ImportProblem
from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the corrections subcommands."""
    sub = parser.add_subparsers(dest="corrections_action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list every correction")
    listing.add_argument("--json", action="store_true", help="print word, kind and value as JSON")
    reading = sub.add_parser("reading", help="read WORD with these numbered syllables everywhere")
    reading.add_argument("word")
    reading.add_argument("syllables", nargs="+", metavar="SYLLABLE", help="one per character, e.g. chong2 qing4")
    split = sub.add_parser("split", help="cut WORD into these parts everywhere")
    split.add_argument("word")
    split.add_argument("parts", nargs="+", metavar="PART")
    merge = sub.add_parser("merge", help="read WORD as one word everywhere")
    merge.add_argument("word")
    remove = sub.add_parser("remove", help="drop the corrections of WORD")
    remove.add_argument("word")


def run(args: argparse.Namespace) -> int:
    """Run a corrections subcommand."""
    with Store.open() as store, store.guarded():
        corrections = Corrections(store)
        action = args.corrections_action
        if action == "list":
            _print_list(corrections, args.json)
            return 0
        try:
            if action == "reading":
                corrections.set_reading(args.word, args.syllables)
            elif action == "split":
                corrections.split(args.word, args.parts)
            elif action == "merge":
                corrections.merge(args.word)
            else:
                corrections.remove(args.word)
        except ValueError as error:
            raise ImportProblem(str(error), args.word) from error
        print(f"{args.word}: {action if action != 'remove' else 'corrections removed'}")
    return 0


def _print_list(corrections: Corrections, as_json: bool) -> None:
    listed = corrections.listed()
    if as_json:
        print(json.dumps([c.to_dict() for c in listed], ensure_ascii=False, indent=1))
        return
    for correction in listed:
        print(f"{correction.word}\t{correction.kind}\t{' '.join(correction.value)}")
