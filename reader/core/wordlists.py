"""Word lists a learner or trainer adds to the dictionary: CC-CEDICT lines or TSV (word, reading, meaning).

Kept in the library (`user_dictionary`), one named list per import; the popup shows their senses after the built-in
dictionary's, each marked with its list's name (`user_senses`, read-only and without sqlite-utils).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import paths
from reader.core.errors import ImportProblem
from reader.core.files import read_text

if TYPE_CHECKING:
    from sqlite_utils import Database

    from reader.core.storage import Store

TABLE = "user_dictionary"
DATABASE_NAME = "dubao.sqlite3"


@dataclass(frozen=True)
class ListedWord:
    """One entry of a word list: forms, reading (numbered syllables) and senses."""

    simplified: str
    traditional: str
    pinyin: str
    definitions: tuple[str, ...]


def create_table(db: Database) -> None:
    """Create the word-list table (a migration step calls this inside its transaction)."""
    db[TABLE].create({"id": int, "list_name": str, "simplified": str, "traditional": str, "pinyin": str,
                      "definitions": str}, pk="id", not_null={"list_name", "simplified", "traditional", "pinyin",
                                                               "definitions"})
    db[TABLE].create_index(["simplified"])
    db[TABLE].create_index(["traditional"])
    db[TABLE].create_index(["list_name"])


def parse_wordlist(path: Path) -> list[ListedWord]:
    """Read a CC-CEDICT file or a TSV of word, reading, meaning; ImportProblem naming the file and line."""
    from reader.core.lang.dictionary import parse_cedict_line
    from reader.core.lang.style import numbered_reading

    text = read_text(path, "the word list")
    words: list[ListedWord] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cedict = parse_cedict_line(line)
        if cedict is not None:
            traditional, simplified, pinyin, senses = cedict
            words.append(ListedWord(simplified, traditional, pinyin.lower(), tuple(s for s in senses.split("/") if s)))
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 3 or not cells[0]:
            raise ImportProblem(f"line {number}: neither a CC-CEDICT line nor word<TAB>reading<TAB>meaning", path)
        meanings = tuple(m.strip() for m in cells[2].replace("；", ";").split(";") if m.strip())
        words.append(ListedWord(cells[0], cells[0], numbered_reading(cells[1]), meanings))
    if not words:
        raise ImportProblem("the word list holds no entries", path)
    return words


def import_wordlist(store: Store, path: str | Path, name: str | None = None) -> tuple[str, int]:
    """Add a word list to the library under `name` (default: the file's name; an import of the same name replaces
    it); return (name, entries)."""
    path = Path(path)
    words = parse_wordlist(path)
    name = (name or path.stem).strip() or path.stem
    table = store.handle.table(TABLE)
    with store.handle.transaction():
        table.delete_where("list_name = ?", [name])
        table.insert_all(({"list_name": name, "simplified": w.simplified, "traditional": w.traditional,
                           "pinyin": w.pinyin, "definitions": json.dumps(list(w.definitions), ensure_ascii=False)}
                          for w in words), batch_size=1000)
    return name, len(words)


def wordlists(store: Store) -> dict[str, int]:
    """Return the imported lists and how many entries each has."""
    rows = store.connection.execute(f"SELECT list_name, count(*) FROM {TABLE} GROUP BY list_name ORDER BY list_name")
    return dict(rows.fetchall())


def remove_wordlist(store: Store, name: str) -> int:
    """Remove a word list; return how many entries went."""
    count = wordlists(store).get(name, 0)
    with store.handle.transaction():
        store.handle.table(TABLE).delete_where("list_name = ?", [name])
    return count


def user_senses(word: str, data_dir: str | Path | None = None) -> list[tuple[str, ListedWord]]:
    """Return (list name, entry) for every word-list entry of `word` (simplified or traditional form)."""
    path = paths.data_dir(data_dir) / DATABASE_NAME
    if not word or not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return []
    try:
        rows = conn.execute(f"SELECT list_name, simplified, traditional, pinyin, definitions FROM {TABLE} "
                            "WHERE simplified = ? OR traditional = ? ORDER BY id", (word, word)).fetchall()
    except sqlite3.Error:
        return []  # an older library without word lists
    finally:
        conn.close()
    return [(name, ListedWord(s, t, p, tuple(json.loads(d)))) for name, s, t, p, d in rows]
