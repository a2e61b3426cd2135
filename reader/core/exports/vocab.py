"""Vocabulary as an Anki deck (.apkg, through genanki) or as CSV/TSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reader.core.files import write_atomically, write_text_atomically
from reader.core.lang.style import PinyinStyle, render_reading
from reader.core.storage import Store, VocabEntry

FIELDS = ["word", "reading", "meaning", "sentence", "status", "article"]
# Fixed ids: Anki recognises a re-imported deck and note type as the same ones and updates them.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110
CARD_STYLE = ".card { font-family: sans-serif; font-size: 24px; text-align: center; } .word { font-size: 48px; }"


def vocab_rows(store: Store, status: str | None = None) -> list[VocabEntry]:
    """Return the words to export (all, or of one status)."""
    return store.vocab.list(status=status)


def vocab_delimited(entries: list[VocabEntry], delimiter: str = ",", pinyin: PinyinStyle = PinyinStyle.MARKS,
                    titles: dict[int, str] | None = None) -> str:
    """Return the words as CSV (`,`) or TSV (tab) with a header row, readings written in `pinyin` style, and the
    title of the article each word was saved from (looked up in `titles`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(FIELDS)
    for e in entries:
        article = (titles or {}).get(e.article_id, "") if e.article_id is not None else ""
        writer.writerow([e.word, render_reading(e.reading, pinyin), e.meaning, e.sentence, e.status, article])
    return buffer.getvalue()


def article_titles(store: Store) -> dict[int, str]:
    """Return the title of every library article by id."""
    return {entry.id: entry.title for entry in store.library.list()}


def _deck(entries: list[VocabEntry], deck_name: str, pinyin: PinyinStyle):
    import genanki  # imported here: only exports need it

    model = genanki.Model(
        MODEL_ID,
        "Dubao word",
        fields=[{"name": name.capitalize()} for name in FIELDS[:4]],
        templates=[{
            "name": "Word to meaning",
            "qfmt": '<div class="word">{{Word}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer">{{Reading}}<br>{{Meaning}}<br><small>{{Sentence}}</small>',
        }],
        css=CARD_STYLE,
    )
    deck = genanki.Deck(DECK_ID, deck_name)
    for e in entries:
        deck.add_note(genanki.Note(model=model, fields=[e.word, render_reading(e.reading, pinyin), e.meaning, e.sentence],
                                   guid=genanki.guid_for("dubao", e.word)))
    return genanki.Package(deck)


def export_vocab(store: Store, target: str | Path, fmt: str = "apkg", force: bool = False,
                 status: str | None = None, deck_name: str = "Dubao vocabulary",
                 pinyin: PinyinStyle = PinyinStyle.MARKS) -> Path:
    """Write the vocabulary as `apkg`, `csv` or `tsv` to `target`, atomically, readings in `pinyin` style; return
    the path."""
    entries = vocab_rows(store, status)
    if fmt == "apkg":
        package = _deck(entries, deck_name, pinyin)
        return write_atomically(target, lambda temporary: package.write_to_file(str(temporary)), force)
    if fmt in ("csv", "tsv"):
        text = vocab_delimited(entries, "," if fmt == "csv" else "\t", pinyin, article_titles(store))
        return write_text_atomically(target, text, force)
    raise ValueError(f"unknown vocabulary format {fmt!r}")
