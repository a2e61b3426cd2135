"""`python -m reader vocab add|list|export`: the learner's vocabulary."""

from __future__ import annotations

import argparse
import sys

from reader.cli.library_cmd import entry_for
from reader.core.errors import ImportProblem
from reader.core.exports.vocab import export_vocab
from reader.core.lang import lookup
from reader.core.lang.style import PinyinStyle, render_reading
from reader.core.sentences import sentence_with
from reader.core.storage import Store
from reader.core.storage.vocab import STATUSES, VocabEntry
from reader.core.vocabulary import vocabulary_draft


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the vocab subcommands."""
    shown = argparse.ArgumentParser(add_help=False)
    shown.add_argument("--pinyin", choices=[PinyinStyle.MARKS.value, PinyinStyle.NUMBERS.value],
                       default=PinyinStyle.MARKS.value,
                       help="show readings with tone marks (zhì liàng, the default) or tone numbers (zhi4 liang4); "
                            "they are stored as numbers either way")
    sub = parser.add_subparsers(dest="vocab_action", metavar="ACTION", required=True)
    add = sub.add_parser("add", parents=[shown], help="save a word (reading and meaning from the dictionary)")
    add.add_argument("word")
    add.add_argument("--article", metavar="PATH", help="the article the word comes from (its sentence is kept)")
    listing = sub.add_parser("list", parents=[shown], help="list saved words")
    listing.add_argument("--status", choices=STATUSES)
    export = sub.add_parser("export", parents=[shown], help="write the words as an Anki deck or CSV/TSV")
    export.add_argument("--format", choices=["apkg", "csv", "tsv"], default="apkg")
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument("--status", choices=STATUSES, help="only words of this status")


def _add(store: Store, args: argparse.Namespace) -> None:
    if not args.word.strip():
        raise ImportProblem("give a word to add (it is empty)", "WORD")
    article_id, sentence = None, ""
    if args.article:
        entry = entry_for(store, args.article)
        article_id = entry.id
        text = "\n".join(p.text for p in store.library.article(entry.id).paragraphs())
        sentence = sentence_with(text, args.word)
    draft = vocabulary_draft(args.word, sentence, lookup=lookup)
    if not draft.looked_up:
        print("note: the dictionary is not available; reading and meaning were left empty", file=sys.stderr)
    saved = store.vocab.add(draft.word, draft.reading, draft.meaning, draft.sentence, article_id)
    _print_entry(saved, PinyinStyle(args.pinyin))


def _print_entry(entry: VocabEntry, pinyin: PinyinStyle) -> None:
    """Print one saved word as a tab-separated line, its reading in `pinyin` style."""
    print(f"{entry.word}\t{render_reading(entry.reading, pinyin)}\t{entry.meaning}\t{entry.status}")


def run(args: argparse.Namespace) -> int:
    """Run a vocab subcommand."""
    with Store.open() as store, store.guarded():
        if args.vocab_action == "add":
            _add(store, args)
        elif args.vocab_action == "list":
            for entry in store.vocab.list(status=args.status):
                _print_entry(entry, PinyinStyle(args.pinyin))
        else:
            path = export_vocab(store, args.out, args.format, args.force, args.status, pinyin=PinyinStyle(args.pinyin))
            print(f"wrote {path}")
    return 0
