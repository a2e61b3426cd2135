"""The policy glossary: our shipped terms plus a trainer's own, found in raw text by Aho–Corasick.

The file format is a tab-separated table a trainer can edit in any spreadsheet (see
`resources/glossary/policy-terms.tsv`). The user's glossary lives in the library database
(`reader.core.storage.user_language`) and is merged over the shipped one at load (same term: the user's entry wins). Terms may hold 、，“” or spaces; they are matched over the raw
paragraph text, so they need not be one word of the segmenter.
"""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterable

from reader.core import paths
from reader.core.annotation import GlossaryHit
from reader.core.errors import ExportProblem, ImportProblem
from reader.core.files import read_text, write_text_atomically
from reader.core.lang.chars import all_han, is_han
from reader.core.lang.style import marks_to_numbered

COLUMNS = ("term", "pinyin", "category", "english", "english_source", "explanation_zh", "explanation_en",
           "aliases", "override")
SHIPPED_FILE = "policy-terms.tsv"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: reading, category, English rendering and our explanations."""

    term: str
    pinyin: str
    category: str = ""
    english: str = ""
    english_source: str = ""  # "official" or "ours"
    explanation_zh: str = ""
    explanation_en: str = ""
    aliases: tuple[str, ...] = ()
    override: bool = False  # True: show this pinyin rather than the engine's reading
    origin: str = "shipped"  # "shipped" or "user"

    @property
    def explanations(self) -> dict[str, str]:
        """Return the explanations by language code ("en", "zh")."""
        return {"en": self.explanation_en, "zh": self.explanation_zh}

    def forms(self) -> tuple[str, ...]:
        """Return the term and its aliases: every written form to look for."""
        return (self.term, *self.aliases)

    def numbered_syllables(self) -> tuple[str, ...]:
        """Return the pinyin as numbered syllables ("chóng zhěng" -> ("chong2", "zheng3"))."""
        return tuple(marks_to_numbered(s) for s in self.pinyin.split())


def shipped_glossary_path() -> Path:
    """Return the path of the glossary shipped with the app."""
    return paths.resources_dir() / "glossary" / SHIPPED_FILE


def read_glossary_file(path: Path, origin: str = "shipped") -> list[GlossaryEntry]:
    """Read a glossary file; raise ImportProblem naming the file and line for anything malformed."""
    text = read_text(path, "the glossary file")
    entries: list[GlossaryEntry] = []
    seen: dict[str, int] = {}
    for line_number, row in _data_rows(text, path):
        entry = _entry_from_row(row, path, line_number, origin)
        for form in entry.forms():
            if form in seen:
                raise ImportProblem(f"line {line_number}: {form!r} is already defined on line {seen[form]}", path)
            seen[form] = line_number
        entries.append(entry)
    return entries


def _data_rows(text: str, path: Path) -> Iterable[tuple[int, list[str]]]:
    header_seen = False
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        if not header_seen and row[0].strip() == "term":
            header_seen = True
            continue
        if len(row) < 2:
            raise ImportProblem(f"line {line_number}: expected tab-separated columns {', '.join(COLUMNS)}", path)
        yield line_number, row


def _entry_from_row(row: list[str], path: Path, line_number: int, origin: str) -> GlossaryEntry:
    values = dict(zip(COLUMNS, (cell.strip() for cell in row)))
    term, pinyin = values.get("term", ""), values.get("pinyin", "")
    if not term:
        raise ImportProblem(f"line {line_number}: the term is empty", path)
    override = values.get("override", "").lower() in ("yes", "y", "true", "1")
    han_count = sum(1 for c in term if is_han(c))
    syllables = pinyin.split()
    if not override and len(syllables) != han_count:
        raise ImportProblem(
            f"line {line_number}: {term!r} has {han_count} characters but {len(syllables)} pinyin syllables", path)
    aliases = tuple(a.strip() for a in values.get("aliases", "").split("|") if a.strip())
    return GlossaryEntry(
        term=term, pinyin=pinyin, category=values.get("category", ""), english=values.get("english", ""),
        english_source=values.get("english_source", ""), explanation_zh=values.get("explanation_zh", ""),
        explanation_en=values.get("explanation_en", ""), aliases=aliases, override=override, origin=origin)


def write_glossary_file(path: Path, entries: Iterable[GlossaryEntry], force: bool = False) -> int:
    """Write entries in the glossary format; refuse to overwrite unless `force`. Return the number written."""
    if path.exists() and not force:
        raise ExportProblem("the file exists; choose another name or overwrite it explicitly", path)
    if not path.parent.is_dir():
        raise ExportProblem("the folder does not exist", path.parent)
    buffer = io.StringIO()
    buffer.write("\t".join(COLUMNS) + "\n")
    count = 0
    for entry in entries:
        cells = [_cell(getattr(entry, name)) for name in COLUMNS]
        buffer.write("\t".join(cells) + "\n")
        count += 1
    write_text_atomically(path, buffer.getvalue(), force)  # a temporary file, then a rename: never half a glossary
    return count


def _cell(value: Any) -> str:
    if isinstance(value, tuple):
        value = "|".join(value)
    elif isinstance(value, bool):
        value = "yes" if value else ""
    return str(value).replace("\t", " ").replace("\n", " ")


class Glossary:
    """Merged glossary entries with term finding over raw text."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries: dict[str, GlossaryEntry] = {}
        for entry in entries:
            self.entries[entry.term] = entry  # later (user) entries win
        self._forms = {form: entry.term for entry in self.entries.values() for form in entry.forms()}
        self._automaton: Any = None

    @classmethod
    def load(cls, shipped: Path | None = None, user_entries: Iterable[GlossaryEntry] = ()) -> "Glossary":
        """Load the shipped glossary with the user's entries (kept in the library) merged over it."""
        return cls([*read_glossary_file(shipped or shipped_glossary_path()), *user_entries])

    def get(self, form: str) -> GlossaryEntry | None:
        """Return the entry for a term or one of its aliases."""
        term = self._forms.get(form)
        return self.entries.get(term) if term else None

    def version(self) -> str:
        """Return a fingerprint of the whole merged content (for annotation cache keys)."""
        digest = hashlib.blake2b(digest_size=8)
        for entry in self.entries.values():
            digest.update(repr(tuple(getattr(entry, f.name) for f in fields(entry))).encode("utf-8"))
        return digest.hexdigest()

    def segmentation_words(self) -> list[str]:
        """Return the forms that can be single words of the segmenter (Han characters only)."""
        return [form for form in self._forms if all_han(form) and len(form) > 1]

    def reading_overrides(self) -> dict[str, tuple[str, ...]]:
        """Return form -> numbered syllables for override entries whose pinyin aligns with their characters."""
        found = {}
        for entry in self.entries.values():
            syllables = entry.numbered_syllables()
            if entry.override and all_han(entry.term) and len(syllables) == len(entry.term):
                found[entry.term] = syllables
        return found

    def find(self, text: str) -> list[GlossaryHit]:
        """Return every occurrence of every term (or alias) in `text`; a term inside a longer form of itself is dropped."""
        automaton = self._built()
        hits = []
        for end, (term, form) in automaton.iter(text):
            hits.append(GlossaryHit(end - len(form) + 1, end + 1, term))
        return _drop_nested_same_term(hits)

    def count_in(self, texts: Iterable[str]) -> Counter[str]:
        """Return term -> number of occurrences over `texts`."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(hit.term for hit in self.find(text))
        return counts

    def _built(self) -> Any:
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for form, term in self._forms.items():
                automaton.add_word(form, (term, form))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


def _drop_nested_same_term(hits: list[GlossaryHit]) -> list[GlossaryHit]:
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[GlossaryHit] = []
    for hit in hits:
        if any(k.term == hit.term and k.start <= hit.start and hit.end <= k.end for k in kept):
            continue
        kept.append(hit)
    return kept
