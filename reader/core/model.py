"""The article model: plain dataclasses, serialisable to JSON, with stable paragraph ids.

An `Article` is a title block (title, subtitle, byline, dateline), `Source` metadata and an ordered list of
`Section`s; a `Section` holds `Paragraph`s. A paragraph's id is derived from its text (plus an occurrence number when
the same text stands twice in one article), so bookmarks and notes can anchor to it across re-imports.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Iterable, Iterator


class SectionKind(StrEnum):
    """What role a section plays in the article."""

    LEAD = "lead"  # the opening paragraphs before the first heading
    BODY = "body"  # an ordinary headed section
    CONTINUATION = "continuation"  # a piece carried over from another page (上接第一版)
    CAPTION = "caption"  # image captions collected from the page


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text, with the stable id that anchors annotations to it."""

    id: str
    text: str
    role: str = "text"  # "text" or "caption"


@dataclass
class Section:
    """A run of paragraphs under one optional heading."""

    heading: str | None
    level: int
    kind: SectionKind
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Source:
    """Where the article came from, as far as the text tells."""

    file_name: str | None = None
    page: str | None = None
    date: str | None = None
    encoding: str | None = None
    shape: str | None = None  # "newspaper", "web", "document", "brief", "markdown", "plain", "book"
    url: str | None = None  # the web address an article was fetched from
    publisher: str | None = None  # the outlet a web page names as its source (来源)
    title_inferred: bool = False  # True when the text had no title and one was chosen for it
    notes: list[str] = field(default_factory=list)  # what the importer decided that a reader may want to know


@dataclass
class Article:
    """A structured article, ready to annotate and show."""

    title: str
    subtitle: str | None = None
    byline: str | None = None
    dateline: str | None = None
    source: Source = field(default_factory=Source)
    sections: list[Section] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Yield every paragraph in reading order."""
        for section in self.sections:
            yield from section.paragraphs

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        """Return the paragraph with this id, or None."""
        return next((p for p in self.paragraphs() if p.id == paragraph_id), None)

    def text_length(self) -> int:
        """Return the number of characters in all paragraphs."""
        return sum(len(p.text) for p in self.paragraphs())

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the whole article."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from `to_dict` output."""
        sections = [
            Section(
                heading=s.get("heading"),
                level=int(s.get("level", 1)),
                kind=SectionKind(s.get("kind", "body")),
                paragraphs=[Paragraph(**p) for p in s.get("paragraphs", [])],
            )
            for s in data.get("sections", [])
        ]
        source = Source(**data.get("source", {}))
        fields = {k: data.get(k) for k in ("subtitle", "byline", "dateline")}
        return cls(title=data["title"], source=source, sections=sections, **fields)


def normalise_text(text: str) -> str:
    """Return the form of a paragraph's text that its id is computed from (NFC, outer space stripped)."""
    return unicodedata.normalize("NFC", text).strip()


def paragraph_id(text: str, occurrence: int = 1) -> str:
    """Return the stable id of a paragraph text; `occurrence` > 1 for a repeat of the same text."""
    digest = hashlib.blake2b(normalise_text(text).encode("utf-8"), digest_size=6).hexdigest()
    return f"p{digest}" if occurrence == 1 else f"p{digest}-{occurrence}"


@dataclass
class SectionDraft:
    """A section before its paragraphs get ids: what importers build."""

    heading: str | None
    level: int
    kind: SectionKind
    texts: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # parallel to texts; empty means all "text"


def build_sections(drafts: Iterable[SectionDraft]) -> list[Section]:
    """Turn drafts into sections, giving every paragraph its stable id (repeats numbered in reading order)."""
    seen: Counter[str] = Counter()
    sections = []
    for draft in drafts:
        paragraphs = []
        for index, text in enumerate(draft.texts):
            key = normalise_text(text)
            seen[key] += 1
            role = draft.roles[index] if index < len(draft.roles) else "text"
            paragraphs.append(Paragraph(id=paragraph_id(key, seen[key]), text=key, role=role))
        sections.append(Section(draft.heading, draft.level, draft.kind, paragraphs))
    return sections
