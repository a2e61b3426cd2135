"""Reading a file's bytes safely and turning them into text.

Accepted: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM, UTF-16 without BOM when its line ends show it,
GB18030 (which covers GBK and GB2312). GB18030 is only accepted when the decoded text looks like Chinese (most Han
characters in the common GB2312 set, no control or private-use characters), so Latin-1 or Windows-1252 bytes are
refused instead of shown as mojibake. Line endings (CRLF, CR, LF, mixed) all become LF. Files over
`MAX_FILE_BYTES` (20 MB: a long article is well under 1 MB) are refused before they are read, and so are folders,
devices and pipes.
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from pathlib import Path

from reader.core.errors import ImportProblem
from reader.core.importer.spacing import han_characters

MAX_FILE_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


def read_file_bytes(path: str | Path) -> bytes:
    """Return the bytes of an article file, or raise ImportProblem saying clearly why it cannot be read."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportProblem("no such file", path) from None
    except PermissionError:
        raise ImportProblem("permission denied: the file cannot be read", path) from None
    except OSError as error:
        raise ImportProblem(f"cannot be read ({error.strerror or error})", path) from None
    if path.is_dir():
        raise ImportProblem("is a folder, not an article file", path)
    if not stat.S_ISREG(info.st_mode):
        raise ImportProblem("is not a regular file (a device, pipe or socket)", path)
    if info.st_size > MAX_FILE_BYTES:
        raise ImportProblem(f"is too large ({info.st_size / 1048576:.1f} MB; the limit is 20 MB)", path)
    return _read_checked(path)


def _read_checked(path: Path) -> bytes:
    """Read at most the size limit (plus one byte, to notice a file that grew) and map OS errors to problems."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ImportProblem("the file disappeared while it was being opened", path) from None
    except PermissionError:
        raise ImportProblem("permission denied: the file cannot be read", path) from None
    except IsADirectoryError:
        raise ImportProblem("is a folder, not an article file", path) from None
    except OSError as error:
        raise ImportProblem(f"cannot be read ({error.strerror or error})", path) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem("is too large (over the 20 MB limit)", path)
    return data


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Return (text with LF line endings, encoding name) for the bytes of a text file, or raise ImportProblem."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _normalise_newlines(_decode_strict(data, name, path)), name
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        return _normalise_newlines(_decode_strict(data, unmarked, path)), unmarked
    refuse_binary(data, path)
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_chinese(text):
        return _normalise_newlines(text), "gb18030"
    raise ImportProblem(_undecodable(data, utf8_error), path)


def _undecodable(data: bytes, error: UnicodeDecodeError) -> str:
    """Say why bytes cannot be read: cut off inside a character, UTF-8 mixed with another encoding, or unknown."""
    if not data[: error.start].isascii():  # real UTF-8 text up to the error
        if error.end == len(data) and error.reason == "unexpected end of data":
            return (f"is cut off in the middle of a character (at byte {error.start}): "
                    "an incomplete download or copy? Nothing was imported")
        return (f"mixes encodings: it is UTF-8 up to byte {error.start}, then holds bytes of another encoding; "
                "save it again as UTF-8")
    return "cannot be decoded: it is not UTF-8, UTF-16 or GB18030/GBK text"


def _decode_strict(data: bytes, name: str, path: str | Path | None) -> str:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        raise ImportProblem(f"cannot be decoded: broken {name.upper()} bytes at offset {error.start}", path) from None
    return text.lstrip("\ufeff")


def _utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when BOM-less bytes hold UTF-16 text with line ends, else None."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data[:8192]:
        return None
    pairs = {data[i:i + 2] for i in range(0, min(len(data), 8192), 2)}
    for name, newline in (("utf-16-le", b"\n\x00"), ("utf-16-be", b"\x00\n")):
        if newline in pairs and _decodes(data, name):
            return name
    return None


def _decodes(data: bytes, name: str) -> bool:
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return False
    printable = all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
    return printable and (_looks_like_chinese(text) or text.isascii())


def refuse_binary(data: bytes, path: str | Path | None) -> None:
    """Raise ImportProblem naming what a binary file is (an image, an archive, a PDF …)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ImportProblem(f"is {kind}, not a text article", path)
    if b"\x00" in data[:65536]:
        raise ImportProblem("is a binary file (it contains NUL bytes), not a text article", path)


def _looks_like_chinese(text: str) -> bool:
    """True when GB18030-decoded text is plausibly real Chinese rather than mojibake of another encoding."""
    if any(unicodedata.category(ch) in ("Co", "Cs") for ch in text):
        return False
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text):
        return False
    han = han_characters(text)
    if not han:
        return False
    common = sum(1 for ch in han if _in_gb2312(ch))
    return common / len(han) >= 0.6


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _normalise_newlines(text: str) -> str:
    """Return text with CRLF and CR line endings turned into LF and a leading BOM removed."""
    return clean_text(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))


# Other line and page breaks become LF; invisible control characters (C0/C1 controls, bidirectional embeddings,
# overrides and isolates, stray BOMs) are removed: they would show as boxes, reorder the text on screen, or make
# a paragraph that looks blank. Tabs, LF and the zero-width joiner of emoji sequences stay.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n", "\x85": "\n",
                         "\u2028": "\n", "\u2029": "\n\n"})
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """Return text with every line break as LF and invisible control characters removed (Han text untouched)."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS))

