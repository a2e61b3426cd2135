"""The printed handout: real, searchable Chinese text, pinyin, glossary table, page numbers, paper sizes."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.core.handout import HandoutOptions, Paper, plan_handout
from reader.core.pinyin_display import PinyinMode
from reader.ui.handout_pdf import default_font_family, write_handout_pdf

from test_handout_plan import PARAGRAPHS, annotated, article, lookup  # noqa: F401  (fixtures)

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is absent")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squeeze(text: str) -> str:
    """Drop the spaces and line breaks that text extraction puts between placed characters."""
    return re.sub(r"\s+", "", text)


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


@needs_poppler
def test_pdf_holds_the_section_text_and_glossary_as_text(qapp, tmp_path, article, annotated):
    plan = plan_handout(article, annotated, HandoutOptions("2", PinyinMode.GLOSSARY), lookup)
    out = tmp_path / "handout.pdf"
    pages = write_handout_pdf(plan, out, default_font_family())
    text = pdf_text(out)
    flat = squeeze(text)
    for paragraph in PARAGRAPHS["二、强化品牌带动"]:
        assert paragraph in flat
    assert "提升质量" not in flat  # section 1 was not chosen
    assert "newqualityproductiveforces" in flat
    assert "xīn" in text and "chǎn" in text  # pinyin of the glossary term, as text
    assert "fā" not in text  # 发展 is no glossary term here, so it gets no pinyin
    assert f"1/{pages}" in flat
    assert int(pdf_info(out)["Pages"]) == pages == 1


@needs_poppler
def test_pages_render_and_paper_sizes_differ(qapp, tmp_path, article, annotated):
    sizes = {}
    for paper in Paper:
        out = tmp_path / f"{paper.value}.pdf"
        write_handout_pdf(plan_handout(article, annotated, HandoutOptions("1-3", PinyinMode.ALL, True, paper),
                                       lookup), out, default_font_family())
        sizes[paper] = pdf_info(out)["Page size"]
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / paper.value)], check=True)
        assert list(tmp_path.glob(f"{paper.value}*.png"))
    assert sizes[Paper.A4].startswith("595") and "A4" in sizes[Paper.A4]
    assert sizes[Paper.LETTER].startswith("612")


@needs_poppler
def test_long_text_flows_onto_numbered_pages(qapp, tmp_path):
    from reader.core.model import Article, SectionDraft, SectionKind, build_sections

    texts = [f"第{n}段：" + "建设品质西海岸，要强化质量支撑。" * 12 for n in range(1, 16)]
    long_article = Article("长文", sections=build_sections([SectionDraft("一", 1, SectionKind.BODY, texts)]))
    out = tmp_path / "long.pdf"
    pages = write_handout_pdf(plan_handout(long_article, None, HandoutOptions("1", PinyinMode.OFF, True)), out,
                              default_font_family())
    assert pages >= 2
    text = pdf_text(out)
    assert "⻓" not in text and text.count("长文") == pages + 1  # no look-alike radical; title and each footer
    flat = squeeze(re.sub(r"长文\s*\d+/\d+\s*\f", "", text))
    assert f"{pages}/{pages}" in squeeze(text)
    assert all(squeeze(t) in flat for t in texts)


def test_radical_codes_in_to_unicode_maps_become_ideographs():
    from reader.ui.handout_pdf import fix_radical_mappings

    pdf = (b"%PDF-1.4\n5 0 obj\n<< /ToUnicode 6 0 R >>\nendobj\n6 0 obj\n<< /Length 60 >>\nstream\n"
           b"1 beginbfrange\n<2F00> <2F01> [<2FBC> <2ED3> <4E00>]\nendbfrange\n1 beginbfchar\n<0003> <2F00>\n"
           b"endbfchar\nendstream\nendobj\n")
    fixed = fix_radical_mappings(pdf, {0x2ED3: 0x957F})
    assert len(fixed) == len(pdf)
    assert b"<2F00> <2F01> [<9AD8> <957F> <4E00>]" in fixed  # glyph codes stay; 高 by NFKC, 长 by stand-in
    assert b"<0003> <4E00>" in fixed


def pdf_words(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, text) of every word `pdftotext -bbox` finds, in its order."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for page, chunk in enumerate(out.split("<page ")[1:], start=1):
        for found in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                 chunk):
            words.append((page, *map(float, found.groups()[:4]), html.unescape(found.group(5))))
    return words


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


SYLLABLE = re.compile(r"^[a-zü\u00e0-\u01dc\u0300-\u036f]+$")


def pinyin_offsets(path: Path) -> list[float]:
    """For every pinyin syllable above the text (the glossary table left out): its centre's distance from the centre
    of the character below it. A syllable over a run pdftotext could not split into characters is skipped; two
    syllables over one character fail."""
    words = pdf_words(path)
    words = words[:next((i for i, w in enumerate(words) if w[5] == "词语表"), len(words))]
    chars = []
    for page, x0, y0, x1, _, text in words:
        if text and all(is_han(c) for c in text):  # a run of characters set solid: split evenly
            step = (x1 - x0) / len(text)
            chars += [(page, x0 + step * k, y0, x0 + step * (k + 1)) for k in range(len(text))]
    offsets, taken = [], set()
    for page, x0, _, x1, y1, text in words:
        centre = (x0 + x1) / 2
        row = [w for w in words if w[0] == page and -1 <= w[2] - y1 < 12 and w[1] <= centre <= w[3]]
        below = [c for c in chars if c[0] == page and -1 <= c[2] - y1 < 12]
        if not SYLLABLE.match(text) or not below or any(not all(is_han(c) for c in w[5]) for w in row):
            continue
        char = min(below, key=lambda c: abs((c[1] + c[3]) / 2 - centre))
        assert char not in taken, f"two syllables over one character (the second is {text})"
        taken.add(char)
        offsets.append((char[1] + char[3]) / 2 - centre)
    return offsets


@needs_poppler
@pytest.mark.parametrize("mode", [PinyinMode.ALL, PinyinMode.GLOSSARY])
def test_pinyin_is_centred_over_its_character_in_the_pdf(qapp, tmp_path, mode):
    from reader.core import lang
    from reader.core.handout import glossary_lookup
    from reader.core.importer import load_article

    from conftest import PROJECT_ROOT

    article = load_article(PROJECT_ROOT / "articles" / "xihaian-2025-quality-page.md")
    plan = plan_handout(article, lang.annotate(article), HandoutOptions("", mode), glossary_lookup())
    out = tmp_path / "handout.pdf"
    write_handout_pdf(plan, out, default_font_family())
    offsets = pinyin_offsets(out)
    assert len(offsets) > (1000 if mode is PinyinMode.ALL else 40)
    assert max(abs(offset) for offset in offsets) <= 1.0  # PDF points: under a pixel at any zoom up to 133 %


@needs_poppler
def test_the_lead_prints_without_a_number_and_sub_items_under_their_part(qapp, tmp_path):
    from test_outline import government_document

    plan = plan_handout(government_document(), None, HandoutOptions("", PinyinMode.OFF, note_lines=True))
    out = tmp_path / "parts.pdf"
    write_handout_pdf(plan, out, default_font_family())
    flat = squeeze(pdf_text(out))
    assert "部分" not in flat  # no "第1部分" made up for the lead
    assert flat.index("实施乡村振兴战略") < flat.index("一、重大意义") < flat.index("（一）指导思想") < flat.index("三、提升质量")
