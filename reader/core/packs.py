"""Trainer packs: a trainer's own glossary terms and corrections in one file, for learners to merge into theirs.

A pack is UTF-8 JSON:

    {"format": "dubao-pack", "version": 1,
     "glossary": [{"term": "…", "pinyin": "…", "category": "…", "english": "…", …}, …],
     "corrections": [{"word": "重庆", "kind": "reading", "value": ["chong2", "qing4"]},
                     {"word": "品质西海岸", "kind": "split", "value": ["品质", "西海岸"]},
                     {"word": "天气很", "kind": "merge", "value": ["天气很"]}]}

Importing merges: what the learner lacks is added, what differs is changed to the pack's version, what is the same
(or malformed) is skipped, and the report names each.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.errors import ImportProblem
from reader.core.files import read_text, write_text_atomically
from reader.core.lang.glossary import GlossaryEntry

if TYPE_CHECKING:
    from reader.core.storage import Store

FORMAT = "dubao-pack"
VERSION = 1
SUFFIX = ".dubao-pack.json"


@dataclass
class PackReport:
    """What an import did: the words and terms added, changed, and skipped (with why)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

    def summary(self) -> str:
        """Return one line: "3 added, 1 changed, 2 skipped"."""
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.skipped)} skipped"


def export_pack(store: Store, target: str | Path, force: bool = False) -> tuple[Path, int, int]:
    """Write the user's glossary terms and corrections as a pack; return (path, terms, corrections)."""
    from reader.core.corrections import Corrections

    glossary = [{k: v for k, v in asdict(e).items() if k != "origin"} for e in store.user_language.glossary()]
    corrections = [c.to_dict() for c in Corrections(store).listed()]
    document = {"format": FORMAT, "version": VERSION, "glossary": glossary, "corrections": corrections}
    path = write_text_atomically(target, json.dumps(document, ensure_ascii=False, indent=1) + "\n", force)
    return path, len(glossary), len(corrections)


def read_pack(source: str | Path) -> dict[str, Any]:
    """Read and check a pack file; ImportProblem naming the file for anything that is not a pack."""
    path = Path(source)
    text = read_text(path, "the pack file")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(f"the file is not a Dubao pack (not JSON: line {error.lineno})", path) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem("the file is not a Dubao pack (no \"format\": \"dubao-pack\")", path)
    if int(document.get("version", 0)) > VERSION:
        raise ImportProblem(f"the pack was written by a newer Dubao (version {document.get('version')})", path)
    return document


def import_pack(store: Store, source: str | Path, service: Any = None) -> PackReport:
    """Merge a pack into the user's glossary and corrections; return what was added, changed and skipped."""
    document = read_pack(source)
    report = PackReport()
    _merge_glossary(store, document.get("glossary", []), report)
    _merge_corrections(store, document.get("corrections", []), report)
    if service is not None:
        service.reload_corrections()
    return report


def _merge_glossary(store: Store, rows: list[Any], report: PackReport) -> None:
    current = {e.term: e for e in store.user_language.glossary()}
    entries = []
    for row in rows:
        try:
            entry = GlossaryEntry(**{**row, "aliases": tuple(row.get("aliases", ())), "origin": "user"})
        except (TypeError, AttributeError):
            report.skipped.append(f"{row!r:.40}: not a glossary entry")
            continue
        if not entry.term:
            report.skipped.append("a glossary entry without a term")
            continue
        old = current.get(entry.term)
        (report.skipped if old == entry else report.added if old is None else report.changed).append(entry.term)
        if old != entry:
            entries.append(entry)
    store.user_language.merge_glossary(entries)


def _merge_corrections(store: Store, rows: list[Any], report: PackReport) -> None:
    language = store.user_language
    readings, segmentations = language.readings(), language.segmentations()
    for row in rows:
        word, kind, value = (row.get(k) for k in ("word", "kind", "value")) if isinstance(row, dict) else (None,) * 3
        if not isinstance(word, str) or kind not in ("reading", "split", "merge") or not isinstance(value, list):
            report.skipped.append(f"{row!r:.40}: not a correction")
            continue
        old = readings.get(word) if kind == "reading" else segmentations.get(word)
        if old == tuple(value):
            report.skipped.append(word)
            continue
        try:
            if kind == "reading":
                language.set_reading(word, value)
            elif kind == "split":
                language.split(word, value)
            else:
                language.merge(word)
        except ValueError as error:
            report.skipped.append(f"{word}: {error}")
            continue
        (report.added if old is None else report.changed).append(word)
