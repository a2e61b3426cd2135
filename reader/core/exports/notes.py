"""Notes, highlights and bookmarks as Markdown (section headings, quoted text, note) or as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reader.core.files import write_text_atomically
from reader.core.model import Article
from reader.core.storage import Annotation, Store

CSV_FIELDS = ["article", "section", "kind", "quote", "note", "colour", "name", "status", "paragraph_id", "start", "end"]


def _section_of(article: Article) -> dict[str, str]:
    headings = {}
    for index, section in enumerate(article.sections):
        label = section.heading or ("Lead" if index == 0 else f"Section {index + 1}")
        for paragraph in section.paragraphs:
            headings[paragraph.id] = label
    return headings


def _order(article: Article) -> dict[str, int]:
    return {paragraph.id: index for index, paragraph in enumerate(article.paragraphs())}


def _sorted(annotations: list[Annotation], article: Article) -> list[Annotation]:
    order = _order(article)
    return sorted(annotations, key=lambda a: (order.get(a.anchor.paragraph_id, len(order)), a.anchor.start, a.id))


def _markdown_entry(annotation: Annotation) -> list[str]:
    lines = []
    label = {"bookmark": "Bookmark", "highlight": "Highlight", "note": "Note"}[annotation.kind]
    if annotation.kind == "bookmark":
        lines.append(f"- {label}: {annotation.name or annotation.anchor.prefix[-12:] + annotation.anchor.suffix[:12]}")
    else:
        quote = annotation.anchor.exact.replace("\n", " ")
        lines.append(f"> {quote}")
        lines.append("")
        if annotation.note:
            lines.extend(annotation.note.splitlines() or [""])
        else:
            lines.append(f"*({label.lower()}{', ' + annotation.colour if annotation.colour else ''})*")
    if annotation.is_orphan:
        lines.append("*(this passage is no longer in the article's text)*")
    lines.append("")
    return lines


def article_notes_markdown(store: Store, article_id: int) -> str:
    """Return the Markdown of one article's annotations, under the article title and section headings."""
    entry = store.library.get(article_id)
    article = store.library.article(article_id)
    sections = _section_of(article)
    lines = [f"# {entry.title}", ""]
    current = None
    for annotation in _sorted(store.annotations.list(article_id), article):
        section = sections.get(annotation.anchor.paragraph_id, "Orphaned notes")
        if section != current:
            lines += [f"## {section}", ""]
            current = section
        lines += _markdown_entry(annotation)
    return "\n".join(lines).rstrip() + "\n"


def notes_markdown(store: Store, article_id: int | None = None) -> str:
    """Return the Markdown of one article's annotations, or of every article that has some."""
    if article_id is not None:
        return article_notes_markdown(store, article_id)
    ids = sorted({a.article_id for a in store.annotations.list()})
    if not ids:
        return "# Notes\n\nNo bookmarks, highlights or notes yet.\n"
    return "\n".join(article_notes_markdown(store, i) for i in ids)


def notes_csv(store: Store, article_id: int | None = None) -> str:
    """Return the annotations (of one article or all) as CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    ids = [article_id] if article_id is not None else sorted({a.article_id for a in store.annotations.list()})
    for current in ids:
        entry = store.library.get(current)
        article = store.library.article(current)
        sections = _section_of(article)
        for a in _sorted(store.annotations.list(current), article):
            writer.writerow([
                entry.title, sections.get(a.anchor.paragraph_id, ""), a.kind, a.anchor.exact, a.note or "",
                a.colour or "", a.name or "", a.anchor_status, a.anchor.paragraph_id, a.anchor.start, a.anchor.end,
            ])
    return buffer.getvalue()


def export_notes(store: Store, target: str | Path, fmt: str = "md", article_id: int | None = None, force: bool = False) -> Path:
    """Write the notes as Markdown (`md`) or CSV (`csv`) to `target`, atomically; return the path."""
    if fmt not in ("md", "csv"):
        raise ValueError(f"unknown notes format {fmt!r}")
    text = notes_markdown(store, article_id) if fmt == "md" else notes_csv(store, article_id)
    return write_text_atomically(target, text, force)
