"""`python -m reader handout`: headless, one clear line for bad input, never a lost file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT
from test_handout_pdf import pdf_info, pdf_text, squeeze


def han(text: str) -> str:
    """Keep only the Chinese characters: extraction puts pinyin rows between the lines of text."""
    return re.sub(r"[^\u3400-\u9fff]", "", text)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is absent")


def handout(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "reader", "handout", *map(str, args)], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_section_two_of_the_seed_as_a_handout(seed_path, tmp_path):
    from reader.core.importer import load_article

    out = tmp_path / "section2.pdf"
    result = handout(seed_path, "--sections", "1", "--pinyin", "glossary", "--out", out)  # the first headed part
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert str(out) in result.stdout
    text = han(pdf_text(out))
    section = load_article(seed_path).sections[1]
    for paragraph in section.paragraphs:
        assert han(paragraph.text) in text
    assert han(section.heading or "") in text
    assert han(load_article(seed_path).sections[2].paragraphs[0].text)[:30] not in text
    assert 1 <= int(pdf_info(out)["Pages"]) <= 2
    rendered = subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")])
    assert rendered.returncode == 0 and list(tmp_path.glob("page*.png"))


def test_glossary_terms_of_the_section_are_in_the_table(seed_path, tmp_path):
    from reader.core import lang
    from reader.core.importer import load_article

    article = load_article(seed_path)
    annotated = lang.annotate(article)
    out = tmp_path / "terms.pdf"
    result = handout(seed_path, "--sections", "1", "--out", out)
    assert result.returncode == 0 and result.stderr == ""
    text = squeeze(pdf_text(out))
    table = text[text.index("Glossary"):]
    ids = [p.id for p in article.sections[1].paragraphs]
    terms = {hit.term for pid in ids for hit in annotated.paragraphs[pid].glossary_hits}
    assert len(terms) >= 3 and all(han(term) in han(table) for term in terms)
    entry = lang.load_glossary().get("品质西海岸")
    assert squeeze(entry.english) in table and squeeze(entry.pinyin) in text


def test_existing_file_is_kept_without_force(seed_path, tmp_path):
    out = tmp_path / "mine.pdf"
    out.write_bytes(b"the trainer's own file")
    result = handout(seed_path, "--out", out)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr and str(out) in result.stderr
    assert out.read_bytes() == b"the trainer's own file"
    forced = handout(seed_path, "--sections", "1", "--pinyin", "none", "--paper", "letter", "--note-lines",
                     "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"%PDF") and pdf_info(out)["Page size"].startswith("612")
    assert not list(tmp_path.glob(".*part"))


@pytest.mark.parametrize("args,words", [
    (("--sections", "9"), "no section 9"),
    (("--sections", "x"), "section list"),
])
def test_bad_sections_are_one_line(seed_path, tmp_path, args, words):
    result = handout(seed_path, *args, "--out", tmp_path / "x.pdf")
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_missing_article_and_missing_folder(tmp_path):
    missing = handout(tmp_path / "nope.txt", "--out", tmp_path / "x.pdf")
    assert missing.returncode == 2 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n　　正文。\n", encoding="utf-8")
    no_folder = handout(article, "--out", tmp_path / "no" / "x.pdf")
    assert no_folder.returncode == 2 and "does not exist" in no_folder.stderr
