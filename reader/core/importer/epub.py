"""E-books (`.epub`): the book's title and author from its package file, each chapter of the reading order as a
section (its own headings as subsections), paragraphs as paragraphs.

An EPUB is a ZIP archive, so it is opened with guards: at most `MAX_ENTRIES` members, at most `MAX_UNPACKED_BYTES`
unpacked in all and per chapter (counted while reading, so a member that lies about its size is caught too: a zip
bomb stops at the limit). XML is parsed without entity expansion, external entities or network access; chapter
HTML goes through the web-page parser, which loads and runs nothing (styles, scripts and images are never read).
"""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO

from reader.core.errors import ImportProblem
from reader.core.model import Article, SectionDraft, SectionKind, Source, build_sections

MAX_ENTRIES = 5000
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"


def looks_like_epub(data: bytes, file_name: str | None = None) -> bool:
    """True when a file is an EPUB (by its name, or by the `mimetype` member a ZIP archive starts with)."""
    if file_name and str(file_name).lower().endswith(".epub"):
        return True
    return data.startswith(b"PK\x03\x04") and b"application/epub+zip" in data[:100]


def import_epub(data: bytes, file_name: str | None = None) -> Article:
    """Return the book as one article; ImportProblem for a damaged, hostile or empty book."""
    try:
        book = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ImportProblem("is not a readable EPUB (the ZIP archive is damaged)", file_name) from None
    with book:
        reader = _Reader(book, file_name)
        package_path = reader.package_path()
        title, author, date, chapters = reader.package(package_path)
        drafts = [d for path in chapters for d in _chapter_drafts(reader.read(path), posixpath.basename(path))]
    if not any(d.texts for d in drafts):
        raise ImportProblem("is an EPUB without any text", file_name)
    source = Source(file_name=file_name, date=date, encoding="utf-8", shape="book")
    return Article(title=title or (drafts[0].heading or "无标题"), byline=author, source=source,
                   sections=build_sections(drafts))


class _Reader:
    """Reads members of the archive within the limits."""

    def __init__(self, book: zipfile.ZipFile, file_name: str | None) -> None:
        self.book, self.name, self.unpacked = book, file_name, 0
        if len(book.infolist()) > MAX_ENTRIES:
            raise ImportProblem(f"holds too many files for a book (over {MAX_ENTRIES})", file_name)

    def read(self, path: str) -> bytes:
        """Return a member's bytes, counting them against the unpacked-size limit."""
        try:
            with self.book.open(path) as member:
                data = member.read(MAX_UNPACKED_BYTES - self.unpacked + 1)
        except KeyError:
            raise ImportProblem(f"names a file it does not hold ({path})", self.name) from None
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
            raise ImportProblem(f"is damaged ({error})", self.name) from None
        self.unpacked += len(data)
        if self.unpacked > MAX_UNPACKED_BYTES:
            raise ImportProblem("is too large when unpacked (over 64 MB: a zip bomb?); nothing was imported", self.name)
        return data

    def package_path(self) -> str:
        """Return the path of the package file (OPF) that META-INF/container.xml names."""
        root = _xml(self.read("META-INF/container.xml"), self.name)
        found = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        if found is None or not found.get("full-path"):
            raise ImportProblem("is an EPUB without a package file", self.name)
        return found.get("full-path")

    def package(self, path: str) -> tuple[str | None, str | None, str | None, list[str]]:
        """Return title, author, date and the chapters' paths in reading order."""
        opf = _xml(self.read(path), self.name)
        base = posixpath.dirname(path)
        manifest = {item.get("id"): posixpath.normpath(posixpath.join(base, item.get("href", "")))
                    for item in opf.iter(f"{_OPF}item")}
        spine = [manifest[ref.get("idref")] for ref in opf.iter(f"{_OPF}itemref") if ref.get("idref") in manifest]
        text = lambda tag: (opf.findtext(f".//{_DC}{tag}") or "").strip() or None  # noqa: E731
        date = text("date")
        return text("title"), text("creator"), date[:10] if date else None, spine


def _xml(data: bytes, name: str | None):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ImportProblem(f"has a damaged package file ({error})", name) from None


def _chapter_drafts(data: bytes, name: str) -> list[SectionDraft]:
    """One chapter: a level-1 section headed by its first heading, its further headings level-2 sections."""
    from reader.core.importer.webpage.blocks import page_blocks
    from reader.core.importer.webpage.decode import decode_page
    from reader.core.importer.webpage.tree import parse_page

    text, _, _ = decode_page(data)
    drafts: list[SectionDraft] = []
    for block in page_blocks(parse_page(text).body):
        if not block.text:
            continue
        if block.heading and len(block.text) <= 60:
            drafts.append(SectionDraft(block.text, 1 if not drafts else 2, SectionKind.BODY))
        else:
            if not drafts:
                drafts.append(SectionDraft(None, 1, SectionKind.BODY))
            drafts[-1].texts.append(block.text)
    return drafts
