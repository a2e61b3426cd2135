"""`python -m reader known add|remove|list`: the words the learner knows (apart from the vocabulary)."""

from __future__ import annotations

import argparse
import json

from reader.core.errors import ImportProblem
from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the known subcommands."""
    sub = parser.add_subparsers(dest="known_action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="mark words known (or every word up to an HSK level with --hsk N)")
    add.add_argument("words", nargs="*", metavar="WORD")
    add.add_argument("--hsk", type=int, choices=range(1, 8), metavar="N",
                     help="also mark every word of HSK levels 1..N known (7 stands for the band 7–9)")
    remove = sub.add_parser("remove", help="unmark words")
    remove.add_argument("words", nargs="+", metavar="WORD")
    listing = sub.add_parser("list", help="list the known words, most recently marked first")
    listing.add_argument("--json", action="store_true", help="print word, source and time as JSON")


def _add(store: Store, args: argparse.Namespace) -> None:
    if not args.words and args.hsk is None:
        raise ImportProblem("give words to mark known, or --hsk N", "WORD")
    added = store.known.add(args.words)
    if args.hsk is not None:
        from reader.core.lang.hsk import HskLevels

        added += store.known.add(HskLevels().words_up_to(args.hsk), f"hsk {args.hsk}")
    print(f"{added} words newly marked known; {len(store.known.words())} known in all")


def run(args: argparse.Namespace) -> int:
    """Run a known subcommand."""
    with Store.open() as store, store.guarded():
        if args.known_action == "add":
            _add(store, args)
        elif args.known_action == "remove":
            removed = store.known.remove(args.words)
            print(f"{removed} words unmarked; {len(store.known.words())} known in all")
        elif args.json:
            print(json.dumps([{"word": k.word, "source": k.source, "added_at": k.added_at} for k in store.known.list()],
                             ensure_ascii=False, indent=1))
        else:
            for known in store.known.list():
                print(f"{known.word}\t{known.source}")
    return 0
