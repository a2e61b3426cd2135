"""`python -m reader wordlist import FILE [--name NAME] | list | remove NAME`: your own word lists.

A list is a CC-CEDICT file or a TSV of word, reading, meaning; the popup and `lookup` show its senses after the
built-in dictionary's, marked with the list's name.
"""

from __future__ import annotations

import argparse

from reader.core.storage import Store
from reader.core.wordlists import import_wordlist, remove_wordlist, wordlists


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the wordlist subcommands."""
    sub = parser.add_subparsers(dest="wordlist_action", metavar="ACTION", required=True)
    imported = sub.add_parser("import", help="add a CC-CEDICT or TSV word list (same name: replaces it)")
    imported.add_argument("file")
    imported.add_argument("--name", help="the list's name shown beside its senses (default: the file's name)")
    sub.add_parser("list", help="list the imported word lists")
    remove = sub.add_parser("remove", help="remove a word list")
    remove.add_argument("name")


def run(args: argparse.Namespace) -> int:
    """Import, list or remove word lists."""
    with Store.open() as store, store.guarded():
        if args.wordlist_action == "import":
            name, count = import_wordlist(store, args.file, args.name)
            print(f"{name}: {count} entries")
        elif args.wordlist_action == "list":
            for name, count in wordlists(store).items():
                print(f"{name}\t{count}")
        else:
            print(f"{args.name}: {remove_wordlist(store, args.name)} entries removed")
    return 0
