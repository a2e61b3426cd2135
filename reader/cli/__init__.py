"""`python -m reader …`: the command line over the core.

Each subcommand lives in its own module of this package, exposing `configure(parser)` and `run(args) -> int`. Only the
module of the command being run is imported (importing all of them cost about 0.1 s at every start).
Problems a user can fix (`DubaoError`) print one line on stderr and exit with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from typing import Sequence

from reader import __version__
from reader.core.errors import DubaoError

EXIT_OK = 0
EXIT_USAGE = 2

# name -> (module under reader.cli, one-line help). A module that does not exist yet is left out of the menu.
COMMANDS: dict[str, tuple[str, str]] = {
    "inspect": ("inspect_cmd", "show the structure of an article file"),
    "convert": ("convert_cmd", "convert an article file to Dubao's Markdown format"),
    "pinyin": ("pinyin_cmd", "print the pinyin of a text, read in context"),
    "annotate": ("annotate_cmd", "print an article's words, readings and glossary terms"),
    "lookup": ("lookup_cmd", "look a word up in the dictionary and the glossary"),
    "glossary": ("glossary_cmd", "list glossary terms, or the terms an article contains"),
    "library": ("library_cmd", "list, add and search the articles in the library"),
    "feeds": ("feeds_cmd", "subscribe to news feeds and bring their new articles into the library"),
    "notes": ("notes_cmd", "list and export bookmarks, highlights and notes"),
    "vocab": ("vocab_cmd", "add, list and export vocabulary"),
    "known": ("known_cmd", "mark words known (one by one or up to an HSK level), unmark, list"),
    "corrections": ("corrections_cmd", "fix readings and word cuts everywhere: list, reading, split, merge, remove"),
    "pack": ("pack_cmd", "export or import a trainer pack: glossary terms and corrections in one file"),
    "wordlist": ("wordlist_cmd", "import your own word lists (CC-CEDICT or TSV), shown after the dictionary"),
    "stats": ("stats_cmd", "how hard an article is: known coverage, HSK profile, sentence length"),
    "backup": ("backup_cmd", "write a consistent copy of the database"),
    "restore": ("restore_cmd", "restore the database from a backup"),
    "handout": ("handout_cmd", "print chosen sections of an article as a PDF handout"),
    "prepare": ("prepare_cmd", "build the dictionary index, caches and the bundled articles' pinyin ahead of time"),
    "polyphones": ("polyphones_cmd", "cross-validate or train the learned polyphone model on CPP dev"),
    "self-test": ("selftest_cmd", "open the seed article, annotate it, look a word up, and exit"),
}


def _load(module_name: str):
    try:
        return importlib.import_module(f"reader.cli.{module_name}")
    except ModuleNotFoundError as error:
        if error.name == f"reader.cli.{module_name}":
            return None
        raise


def _exists(module_name: str) -> bool:
    return importlib.util.find_spec(f"reader.cli.{module_name}") is not None


def command_named(argv: Sequence[str]) -> str | None:
    """Return the subcommand `argv` names (its first word that is neither an option nor an option's value)."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> tuple[argparse.ArgumentParser, dict[str, object]]:
    """Build the argument parser with every available subcommand; return it and the command modules by name.

    With `argv`, only the command it names is imported and given its options (the others are listed by name and
    help); without, every command is.
    """
    parser = argparse.ArgumentParser(prog="python -m reader", description="Dubao 读报 command line.")
    parser.add_argument("--version", action="version", version=f"Dubao {__version__}")
    parser.add_argument("--data-dir", help="use this data folder instead of the default (also $DUBAO_DATA_DIR)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = command_named(argv) if argv is not None else None
    modules: dict[str, object] = {}
    for name, (module_name, help_text) in COMMANDS.items():
        wanted = argv is None or name == chosen
        module = _load(module_name) if wanted else None
        if module is None and (wanted or not _exists(module_name)):
            continue
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if module is not None:
            module.configure(sub)
            modules[name] = module
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, modules = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.data_dir:
        os.environ["DUBAO_DATA_DIR"] = args.data_dir
    try:
        return int(modules[args.command].run(args) or EXIT_OK)
    except DubaoError as error:
        print(f"dubao: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
