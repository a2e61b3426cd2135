"""The annotated article: what the language layer produces and the reader window draws.

This module only defines the shapes; `reader.core.lang` fills them. Everything is plain, frozen data so that an
annotation can be cached on disk and handed to the GUI without copying.

Conventions:
- `Token.readings` has exactly one entry per character of the token: a numbered syllable for a Han character
  (`"chong2"`, neutral tone as `"de5"`, ü written `"v"` as in `"lv4"`), `None` for anything else.
- Offsets are character offsets into the paragraph text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Token:
    """A word (or a run of non-Han text) of a paragraph, with one reading slot per character."""

    start: int
    end: int
    text: str
    readings: tuple[str | None, ...]
    in_dictionary: bool = False
    hsk_level: int | None = None  # 1–7 (7 = HSK 3.0 levels 7–9), None when not on the lists

    @property
    def is_han(self) -> bool:
        """True when the token has at least one Han character (a reading)."""
        return any(r is not None for r in self.readings)


@dataclass(frozen=True)
class GlossaryHit:
    """A policy term found in a paragraph: its span and the glossary entry's key (the canonical term)."""

    start: int
    end: int
    term: str


@dataclass(frozen=True)
class AnnotatedParagraph:
    """One paragraph's tokens and glossary hits."""

    paragraph_id: str
    text: str
    tokens: tuple[Token, ...]
    glossary_hits: tuple[GlossaryHit, ...] = ()

    def readings(self) -> list[str | None]:
        """Return one reading slot per character of the paragraph text."""
        slots: list[str | None] = []
        for token in self.tokens:
            slots.extend(token.readings)
        return slots

    def token_at(self, offset: int) -> Token | None:
        """Return the token covering character `offset`, or None."""
        for token in self.tokens:
            if token.start <= offset < token.end:
                return token
        return None


@dataclass
class AnnotatedArticle:
    """Annotations for the title block and every paragraph of an article, keyed by paragraph id."""

    paragraphs: dict[str, AnnotatedParagraph] = field(default_factory=dict)
    headings: dict[str, AnnotatedParagraph] = field(default_factory=dict)  # keyed by the heading/title text
