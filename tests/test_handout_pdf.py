"""The printed handout: real, searchable Chinese text, pinyin, glossary table, page numbers, paper sizes."""

from __future__ import annotations

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
