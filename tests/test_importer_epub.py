"""E-books: chapters as sections, title and author from the package; damaged and hostile books (a zip bomb, an
external entity in the package file, too many members) are one clear problem."""

from __future__ import annotations

import io
import zipfile

import pytest

from reader.core.errors import ImportProblem
from reader.core.importer import load_article
from reader.core.importer import epub

CONTAINER = b"""<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>{doctype}<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>城市笔记{entity}</dc:title><dc:creator>王明</dc:creator>
<dc:date>2024-05-06T00:00:00Z</dc:date></metadata>
<manifest><item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>"""

CHAPTER = """<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title>
<link rel="stylesheet" href="../style.css"/><script src="http://example.invalid/x.js"></script></head>
<body><h1>{title}</h1><p>{title}的第一段，<a href="two.xhtml">链接</a>留在段落里。</p><h2>小节</h2><p>{title}的第二段。</p></body></html>"""


def book(tmp_path, doctype: str = "", entity: str = "", first: bytes | str | None = None):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        out.writestr("META-INF/container.xml", CONTAINER)
        out.writestr("OEBPS/content.opf", OPF.format(doctype=doctype, entity=entity))
        out.writestr("OEBPS/text/one.xhtml", CHAPTER.format(title="第一章") if first is None else first)
        out.writestr("OEBPS/text/two.xhtml", CHAPTER.format(title="第二章"))
    path = tmp_path / "book.epub"
    path.write_bytes(data.getvalue())
    return path


def test_chapters_become_sections_in_reading_order(tmp_path):
    article = load_article(book(tmp_path))
    assert (article.title, article.byline, article.source.date, article.source.shape) == (
        "城市笔记", "王明", "2024-05-06", "book")
    assert [(s.heading, s.level) for s in article.sections] == [("第一章", 1), ("小节", 2), ("第二章", 1), ("小节", 2)]
    assert article.sections[0].paragraphs[0].text == "第一章的第一段，链接留在段落里。"


def test_a_zip_bomb_is_refused_before_it_grows(tmp_path, monkeypatch):
    monkeypatch.setattr(epub, "MAX_UNPACKED_BYTES", 4 << 20)
    path = book(tmp_path, first=b"<p>" + b"\0" * (16 << 20))  # 16 MB of zeros packed into a few KB
    assert path.stat().st_size < 1 << 20
    with pytest.raises(ImportProblem, match="too large when unpacked"):
        load_article(path)


def test_an_external_entity_in_the_package_is_never_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    doctype = f'<!DOCTYPE package [<!ENTITY s SYSTEM "file://{secret}">]>'
    article = load_article(book(tmp_path, doctype=doctype, entity="&s;"))
    assert "机密" not in article.title


def test_a_damaged_book_is_one_problem(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportProblem, match="not a readable EPUB"):
        load_article(path)
    empty = tmp_path / "nocontainer.epub"
    with zipfile.ZipFile(empty, "w") as out:
        out.writestr("mimetype", "application/epub+zip")
    with pytest.raises(ImportProblem, match="names a file it does not hold"):
        load_article(empty)
