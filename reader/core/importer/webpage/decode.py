"""Bytes of a web page to text: the byte-order mark first, then UTF-8 when the bytes are valid UTF-8, then the
encoding the page declares (`<meta charset>`, `http-equiv` content type, the XML declaration, or the server's
Content-Type), then GB18030.

Valid UTF-8 wins over a declaration because browsers save pages as UTF-8 but keep the page's old `gb2312` meta tag;
GBK text is almost never valid UTF-8, so the order costs nothing on a real GBK page. GB2312 and GBK are read as
GB18030, their superset. Bytes that fit no encoding are replaced (one note says so) rather than refused: a page
with one broken character is still worth reading.
"""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
              "cp936": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252",
              "us-ascii": "utf-8", "ascii": "utf-8"}
HEAD_BYTES = 16384


def declared_encoding(data: bytes, content_type: str | None = None) -> str | None:
    """Return the encoding a page declares (the server's Content-Type first, then the page's head), or None."""
    sources = [content_type.encode("ascii", "ignore")] if content_type else []
    sources.append(data[:HEAD_BYTES])
    for source in sources:
        for match in _DECLARED.finditer(source):
            name = _known(match.group(1).decode("ascii").lower())
            if name:
                return name
    return None


def _known(name: str) -> str | None:
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, content_type: str | None = None) -> tuple[str, str, bool]:
    """Return (text, encoding used, whether undecodable bytes were replaced) for the bytes of a web page."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff"), name, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data, content_type) or "gb18030"
    if declared != "utf-8":
        try:
            return data.decode(declared), declared, False
        except UnicodeDecodeError:
            pass
    return data.decode(declared, errors="replace"), declared, True
