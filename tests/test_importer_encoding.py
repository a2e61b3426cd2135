"""Encodings and line endings: every accepted encoding gives the same article; other bytes are refused clearly."""

from __future__ import annotations

import pytest

from reader.core.errors import ImportProblem
from reader.core.importer import decode_bytes, load_article

SAMPLE = "关于推进质量强区建设的意见\n\n一、总体要求\n坚持质量第一、效益优先。\n（一）指导思想。全面提升质量水平。\n"


@pytest.mark.parametrize(
    "encoded, name",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(encoded, name):
    text, encoding = decode_bytes(encoded)
    assert (text, encoding) == (SAMPLE, name)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_all_become_lf(newline):
    text, _ = decode_bytes(SAMPLE.replace("\n", newline).encode("utf-8"))
    assert text == SAMPLE


def test_mixed_line_endings_in_one_file():
    lines = SAMPLE.split("\n")
    mixed = lines[0] + "\r\n" + lines[1] + "\r" + lines[2] + "\n" + "\r\n".join(lines[3:])
    assert decode_bytes(mixed.encode("gb18030"))[0] == SAMPLE


def test_every_encoding_variant_of_a_file_loads_the_same_article(tmp_path):
    variants = {
        "utf8.txt": SAMPLE.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        "utf16.txt": SAMPLE.replace("\n", "\r\n").encode("utf-16"),
        "gb.txt": SAMPLE.replace("\n", "\r").encode("gb18030"),
    }
    articles = []
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        articles.append(load_article(tmp_path / name))
    structures = [[(s.heading, [p.text for p in s.paragraphs]) for s in a.sections] for a in articles]
    assert all(structure == structures[0] for structure in structures)
    assert articles[0].title == "关于推进质量强区建设的意见"
    assert "\ufeff" not in articles[1].title
    assert [a.source.encoding for a in articles] == ["utf-8", "utf-8-sig", "utf-16", "gb18030"]


def test_seed_page_in_gb18030_with_crlf_is_the_same_article(seed_path, tmp_path):
    original = load_article(seed_path)
    copy = tmp_path / seed_path.name
    copy.write_bytes(seed_path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    converted = load_article(copy)
    assert converted.sections == original.sections
    assert converted.source.encoding == "gb18030"


def test_latin1_bytes_are_refused_not_shown_as_mojibake():
    data = "Café crème brûlée: voilà déjà où ça été, à côté.\n".encode("latin-1")
    with pytest.raises(ImportProblem, match="cannot be decoded"):
        decode_bytes(data, "menu.txt")


def test_latin1_bytes_that_happen_to_be_valid_gb18030_are_refused():
    data = "Réunion générale: élève déménagement.\n".encode("latin-1")
    data.decode("gb18030")  # valid GB18030 bytes, but the text would be mojibake
    with pytest.raises(ImportProblem, match="cannot be decoded"):
        decode_bytes(data, "notes.txt")


def test_broken_utf16_is_refused():
    with pytest.raises(ImportProblem, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + "质量".encode("utf-16-le") + b"\x00\xd8", "broken.txt")


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"text\x00with\x00nul", "NUL"),
    ],
)
def test_binary_files_are_refused(data, kind):
    with pytest.raises(ImportProblem, match=kind):
        decode_bytes(data, "file.bin")
