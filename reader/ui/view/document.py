"""What the article view shows: the article flattened into styled blocks (title, byline, headings, paragraphs).

Qt-free. A `ViewDocument` is built from an `Article` alone (text shows at once) and later given the
`AnnotatedArticle` (words, readings, glossary terms) when the language layer delivers it — for a new article in
parts, the opening screen first: until the whole arrived (`annotated`), a block without tokens is waiting for them,
and `awaits_pinyin` tells the layout to keep room for the pinyin row it will get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.lang.chars import is_han
from reader.core.model import Article, SectionKind
from reader.core.pinyin_display import PinyinMode, PinyinOptions

ROW_MODES = frozenset({PinyinMode.ALL, PinyinMode.ABOVE_HSK, PinyinMode.UNKNOWN})  # nearly every text shows pinyin


class BlockKind(StrEnum):
    """The typographic role of a block in the view."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"


@dataclass
class Block:
    """One run of text the view lays out as a unit: a title line, a heading or a paragraph."""

    kind: BlockKind
    text: str
    key: str  # the paragraph id, or the heading/title text for annotation lookup
    section: int  # index of the article section it belongs to; -1 for the title block
    tokens: tuple[Token, ...] | None = None
    glossary: tuple[GlossaryHit, ...] = ()

    @property
    def is_paragraph(self) -> bool:
        """True for body text (paragraphs and captions), which carries a stable paragraph id."""
        return self.kind in (BlockKind.PARAGRAPH, BlockKind.CAPTION)

    def token_at(self, offset: int) -> Token | None:
        """Return the word covering character `offset`, or None before annotation arrives."""
        for token in self.tokens or ():
            if token.start <= offset < token.end:
                return token
        return None

    def readings(self) -> list[str | None]:
        """Return one numbered reading (or None) per character; all None before annotation."""
        if not self.tokens:
            return [None] * len(self.text)
        slots: list[str | None] = []
        for token in self.tokens:
            slots.extend(token.readings)
        slots.extend([None] * (len(self.text) - len(slots)))
        return slots[: len(self.text)]


@dataclass
class SectionEntry:
    """A section as the navigation panel lists it."""

    index: int
    label: str
    level: int
    kind: SectionKind
    first_block: int


@dataclass
class ViewDocument:
    """An article flattened into blocks, with its sections and an optional annotation."""

    article: Article
    blocks: list[Block] = field(default_factory=list)
    sections: list[SectionEntry] = field(default_factory=list)
    annotated: bool = False  # the whole annotation arrived (parts of it may be attached before)

    @classmethod
    def from_article(cls, article: Article, annotation: AnnotatedArticle | None = None) -> ViewDocument:
        """Flatten `article` into blocks (and attach `annotation` when given)."""
        document = cls(article=article)
        document._add_title_block()
        for index, section in enumerate(article.sections):
            document._add_section(index, section)
        if annotation is not None:
            document.apply_annotation(annotation)
        return document

    def _add_title_block(self) -> None:
        article = self.article
        self.blocks.append(Block(BlockKind.TITLE, article.title, article.title, -1))
        if article.subtitle:
            self.blocks.append(Block(BlockKind.SUBTITLE, article.subtitle, article.subtitle, -1))
        byline = "　".join(part for part in (article.byline, article.dateline) if part)
        if byline:
            self.blocks.append(Block(BlockKind.BYLINE, byline, byline, -1))

    def _add_section(self, index: int, section) -> None:
        label = section.heading or _first_words(section.paragraphs)
        self.sections.append(SectionEntry(index, label, section.level, section.kind, len(self.blocks)))
        if section.heading:
            self.blocks.append(Block(BlockKind.HEADING, section.heading, section.heading, index))
        for paragraph in section.paragraphs:
            kind = BlockKind.CAPTION if paragraph.role == "caption" else BlockKind.PARAGRAPH
            self.blocks.append(Block(kind, paragraph.text, paragraph.id, index))

    def apply_annotation(self, annotation: AnnotatedArticle, complete: bool = True) -> None:
        """Attach words, readings and glossary hits to every block the annotation covers; `complete`: it is the
        whole article's (else a part: the blocks it lacks keep waiting for theirs)."""
        for block in self.blocks:
            source = annotation.paragraphs if block.is_paragraph else annotation.headings
            annotated = source.get(block.key)
            if annotated is not None and annotated.text == block.text:
                _attach(block, annotated)
        self.annotated = self.annotated or complete

    def awaits_pinyin(self, index: int, options: PinyinOptions) -> bool:
        """True when block `index` has no annotation yet but is waiting for one that will show pinyin under
        `options` (a block of Chinese text the article's annotation covers, in a mode that shows pinyin over
        nearly every text): its layout keeps room for the pinyin row, so the lines do not move when it arrives."""
        block = self.blocks[index]
        if self.annotated or block.tokens is not None or options.mode not in ROW_MODES:
            return False
        covered = block.is_paragraph or block.key in self._heading_keys
        return covered and any(is_han(char) for char in block.text)

    @cached_property
    def _heading_keys(self) -> set[str]:
        """The title-block texts and headings the annotation covers (keyed by text, as `apply_annotation` reads)."""
        article = self.article
        return {text for text in (article.title, article.subtitle, article.byline) if text} | {
            s.heading for s in article.sections if s.heading}

    def section_of_block(self, block_index: int) -> int:
        """Return the section index of a block (0 for the title block, so it counts as the first section)."""
        return max(self.blocks[block_index].section, 0) if self.blocks else 0

    def glossary_counts(self) -> dict[str, int]:
        """Return how often each glossary term occurs, in order of first occurrence."""
        counts: dict[str, int] = {}
        for block in self.blocks:
            for hit in block.glossary:
                counts[hit.term] = counts.get(hit.term, 0) + 1
        return counts

    def glossary_occurrences(self, term: str) -> list[tuple[int, int, int]]:
        """Return (block, start, end) of every occurrence of a glossary term, in reading order."""
        return [(b, hit.start, hit.end) for b, block in enumerate(self.blocks) for hit in block.glossary
                if hit.term == term]

    def plain_text(self) -> str:
        """Return the whole article as text, one block per line."""
        return "\n".join(block.text for block in self.blocks)


def _attach(block: Block, annotated: AnnotatedParagraph) -> None:
    block.tokens = annotated.tokens
    block.glossary = annotated.glossary_hits


def _first_words(paragraphs) -> str:
    first = paragraphs[0].text if paragraphs else ""
    return first[:12] + ("…" if len(first) > 12 else "")
