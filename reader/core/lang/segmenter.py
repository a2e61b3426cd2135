"""Word segmentation: jieba behind our own object, with its own prepared table and a quiet log.

jieba is imported only when the first text is cut, without `pkg_resources` (jieba then reads its files with plain
`open`, 65 ms sooner). Its prefix dictionary and its word → part-of-speech table come from one prepared table
(`tables.py`: the installation's prepared folder, else the cache folder; keyed by jieba's version and its dictionary
file) in a compact form — the words as one text, their counts as an array, the tags as one byte each — which loads
faster and takes less memory than jieba's own cache, and spares jieba.posseg parsing its 350,000-line dictionary text
in every fresh process. Every word carries jieba's part-of-speech tag, because the context rules of the pinyin engine
need to know a verb from a noun.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from reader.core import paths
from reader.core.lang.chars import all_han
from reader.core.lang.runs import join_transliterations, split_runs
from reader.core.lang.tables import JIEBA_WORDS, TableFolders, file_key

CACHE_NAME = JIEBA_WORDS
TABLE_FORMAT = 3  # 2: the word tags are in the file too; 3: the compact form, in a prepared table
GLOSSARY_TAG = "nz"
ONE_CHARACTER_ADVERBS = frozenset("很更最太挺也都就还又再才不没越极")
PARTICLES = frozenset("的地得了着过")
FORCED_FREQUENCY = 1_000_000  # above every word of jieba's dictionary  # jieba's tag for proper nouns of other kinds: glossary terms are named things


@dataclass(frozen=True)
class Word:
    """A segment of text with jieba's part-of-speech tag ("x" for punctuation, "eng" for Latin, "m" for numbers)."""

    text: str
    tag: str


class Segmenter:
    """Cuts text into words; knows the glossary terms and user words added with `add_words`.

    `cache_file` names the one file its table is read from and built into; without it, the table is looked for in
    `tables` (default: the installation's prepared folder, then the cache folder) and built into the cache folder.
    """

    def __init__(self, cache_file: Path | None = None, tables: TableFolders | None = None) -> None:
        self._cache_file = cache_file
        self._tables = tables
        self._pos: Any = None
        self._pending: dict[str, tuple[str, bool]] = {}
        self._mixed_words: set[str] = set()
        self._lock = threading.Lock()

    def add_words(self, words: Iterable[str], tag: str = GLOSSARY_TAG, force: bool = False) -> None:
        """Make `words` known so each comes out as one word (effective before or after loading).

        `force` (a user's own merge) gives the words a frequency that wins over any overlapping dictionary word.
        """
        for word in words:
            if word and " " not in word:
                self._pending[word] = (tag, force)
                if not all_han(word):
                    self._mixed_words.add(word)
        if self._pos is not None:
            self._flush_pending()

    def cut(self, text: str) -> list[Word]:
        """Return the words of `text` in order; their texts join back to exactly `text`.

        Words are cut by jieba's plain tokenizer (its fast four-state HMM for unknown words); a word's tag comes from
        the dictionary, and only a word the dictionary lacks is tagged by the part-of-speech HMM (names: "nr").
        """
        pos = self._loaded()
        pos.makesure_userdict_loaded()
        words: list[Word] = []
        for piece, tag in split_runs(text, self._outside_mixed_words(text)):
            if tag is not None:  # a number, Latin or 〇 run: one word (２０２５, ＣＣＴＶ, 二○○一)
                words.append(Word(piece, tag))
                continue
            parts = [part for word in pos.tokenizer.cut(piece) for part in self._split_fused(pos, word)]
            for group in join_transliterations(parts, lambda w: _is_name_part(pos, w)):
                joined = "".join(group)
                words.append(Word(joined, self._tag(pos, joined) if len(group) == 1 else "nrt"))
        return words

    def _outside_mixed_words(self, text: str) -> Callable[[int, int], bool]:
        """Return a test of whether a span of `text` lies outside every known word holding digits or Latin
        (the glossary's 10+1创新型产业体系 stays one word)."""
        spans = []
        for word in self._mixed_words:
            start = text.find(word)
            while start >= 0:
                spans.append((start, start + len(word)))
                start = text.find(word, start + 1)
        return lambda start, end: not any(s < end and start < e for s, e in spans)

    @staticmethod
    def _split_fused(pos: Any, word: str) -> tuple[str, ...]:
        """Undo the HMM fusing a one-character adverb (很, 更 …) or particle (地, 得 …) into an unknown word."""
        if len(word) < 2 or pos.tokenizer.FREQ.get(word):
            return (word,)
        if word[0] in PARTICLES or word[0] in ONE_CHARACTER_ADVERBS or pos.word_tag_tab.get(word[0]) == "d":
            return (word[0], *Segmenter._split_fused(pos, word[1:]))
        if word[-1] in PARTICLES or len(word) >= 3 and word[-1] == "说":  # 李守晟说: a name, then "says"
            return (*Segmenter._split_fused(pos, word[:-1]), word[-1])
        return (word,)

    @staticmethod
    def _tag(pos: Any, word: str) -> str:
        tag = pos.word_tag_tab.get(word)
        if tag is not None:
            return tag
        if all_han(word):
            if pos.tokenizer.FREQ.get(word):
                return "n"
            pairs = list(pos.cut(word))
            return pairs[0].flag if len(pairs) == 1 else "n"
        if word.isdigit():
            return "m"
        return "eng" if word.isascii() and word.isalpha() else "x"

    def is_known(self, word: str) -> bool:
        """Return True when `word` is in the segmentation dictionary (not a guess of the HMM)."""
        return bool(self._loaded().tokenizer.FREQ.get(word))

    def _loaded(self) -> Any:
        if self._pos is None:
            with self._lock:
                if self._pos is None:
                    self._pos = _load_pos_tokenizer(*self._table_place())
                    self._flush_pending()
        return self._pos

    def _table_place(self) -> tuple[TableFolders, str]:
        if self._cache_file is not None:
            return TableFolders(self._cache_file.parent, use_prepared=False), self._cache_file.name
        return self._tables or TableFolders(paths.cache_dir()), CACHE_NAME

    def _flush_pending(self) -> None:
        tokenizer = self._pos.tokenizer
        for word, (tag, force) in self._pending.items():
            if force:
                tokenizer.add_word(word, freq=FORCED_FREQUENCY, tag=tag)
            elif not tokenizer.FREQ.get(word):
                tokenizer.add_word(word, tag=tag)
            else:
                self._pos.word_tag_tab.setdefault(word, tag)
        self._pending.clear()


def _is_name_part(pos: Any, word: str) -> bool:
    """A word the dictionary lacks (a guess of the HMM), or one jieba lists as part of transliterated names (nrt)."""
    return not pos.tokenizer.FREQ.get(word) or pos.word_tag_tab.get(word) == "nrt"


def _load_pos_tokenizer(tables: TableFolders, name: str) -> Any:
    """Build a jieba POSTokenizer over a private Tokenizer whose dictionary and word tags come from the table `name`
    (built from jieba's dictionary into `tables.build_into` when no current one is found)."""
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    key = dictionary_key(jieba)
    loaded = _unpack(tables.read(name, key))
    posseg = _import_posseg(jieba)
    if loaded is None:  # jieba's own reading of its dictionary, without writing its own cache file
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        tags = _dictionary_tags(jieba)
        try:
            tables.write(name, key, pack(tokenizer.FREQ, tokenizer.total, tags))
        except ValueError:
            pass  # a dictionary the compact form cannot hold is read from its text in every process
    else:
        tokenizer.FREQ, tokenizer.total, tags = loaded
    tokenizer.initialized = True
    posseg.dt.word_tag_tab = tags  # jieba.posseg's own tokenizer shares the table it skipped reading
    pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = tags
    return pos


def import_jieba() -> Any:
    """Import jieba without `pkg_resources` (its `_compat` then opens its data files by path, as documented there),
    which spares importing setuptools' resource machinery (about 65 ms)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
    try:
        import jieba
    finally:
        if blocked and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


def _import_posseg(jieba_module: Any) -> Any:
    """Import jieba.posseg without letting it parse the dictionary text for word tags (about 0.5 s: its module
    tokenizer reads them from jieba's dictionary file, here pointed at an empty file while it loads)."""
    if "jieba.posseg" in sys.modules:
        import jieba.posseg

        return jieba.posseg
    saved = jieba_module.dt.dictionary
    jieba_module.dt.dictionary = os.devnull
    try:
        import jieba.posseg
    finally:
        jieba_module.dt.dictionary = saved
    return jieba.posseg


def _dictionary_tags(jieba_module: Any) -> dict[str, str]:
    """Read word → tag from jieba's dictionary text, as jieba.posseg does (only when the table is built)."""
    tags: dict[str, str] = {}
    with open(Path(jieba_module.__file__).parent / jieba_module.DEFAULT_DICT_NAME, "rb") as handle:
        for raw in handle:
            line = raw.strip().decode("utf-8")
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    return tags


def dictionary_key(jieba_module: Any) -> str:
    """Return the version key of the segmenter's table: its format, jieba's version and its dictionary file."""
    dictionary = Path(jieba_module.__file__).parent / jieba_module.DEFAULT_DICT_NAME
    return f"jieba-words:{TABLE_FORMAT}:{jieba_module.__version__}:{file_key(dictionary)}"


def pack(freq: dict[str, int], total: int, tags: dict[str, str]) -> tuple:
    """Return the compact form of jieba's prefix dictionary and word tags: the words joined by newlines (those with
    a tag first), their counts as a byte array, and one byte per tagged word naming its tag."""
    tagged = list(tags)  # in their own order (looking each word up in a fresh table is slow)
    words = tagged + sorted(freq.keys() - tags.keys())  # sorted: the same file from every build
    text = "\n".join(words)
    if len(words) != len(freq) or text.count("\n") != len(words) - 1:
        raise ValueError("jieba's tables cannot be put in the compact form")
    names = sorted(set(tags.values()))
    number = {name: index for index, name in enumerate(names)}
    counts = array("I", map(freq.__getitem__, words))
    return text, counts.tobytes(), total, bytes(map(number.__getitem__, tags.values())), tuple(names)


def _unpack(payload: Any) -> tuple[dict[str, int], int, dict[str, str]] | None:
    """Return (prefix dictionary, total count, word tags) from the compact form, or None when it does not fit."""
    try:
        text, count_bytes, total, codes, names = payload
        words = text.split("\n")
        counts = array("I")
        counts.frombytes(count_bytes)
        if len(counts) != len(words) or len(codes) > len(words) or max(codes, default=0) >= len(names):
            return None
        tag_of = [sys.intern(name) for name in names]
        return dict(zip(words, counts)), total, dict(zip(words, [tag_of[code] for code in codes]))
    except (TypeError, ValueError, AttributeError):
        return None
