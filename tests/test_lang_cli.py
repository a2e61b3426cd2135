"""The language commands: pinyin, lookup, annotate, glossary, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT


def dubao(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m reader ARGS` with this test's data and cache folders."""
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], cwd=PROJECT_ROOT, input=stdin,
                          capture_output=True, text=True, env=dict(os.environ), timeout=300)


def test_issue_example_prints_exactly_the_syllables():
    result = dubao("pinyin", "--json", "重整行装再出发")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '["chóng", "zhěng", "xíng", "zhuāng", "zài", "chū", "fā"]'


def test_pinyin_reads_stdin_with_numbers_and_sandhi():
    result = dubao("pinyin", "--json", "--numbers", "--sandhi", stdin="一起不要\n")
    assert json.loads(result.stdout) == ["yi4", "qi3", "bu2", "yao4"]


def test_pinyin_json_has_one_element_per_character_and_null_for_non_han():
    text = "２０２５年(微博)ABC，好"
    result = dubao("pinyin", "--json", text)
    slots = json.loads(result.stdout)
    assert len(slots) == len(text)
    assert slots[4] == "nián" and slots[-1] == "hǎo"
    assert all(slot is None for char, slot in zip(text, slots) if char not in "年好")


def test_pinyin_plain_output_pairs_words_and_syllables():
    result = dubao("pinyin", "--plain", "重整行装")
    assert result.stdout.strip() == "重整/chong zheng 行装/xing zhuang"


def test_lookup_json_has_readings_hsk_characters_and_glossary():
    data = json.loads(dubao("lookup", "--json", "高质量发展").stdout)
    assert data["in_dictionary"] is False
    assert [c["char"] for c in data["characters"]] == list("高质量发展")
    assert data["glossary"]["english"] == "high-quality development"
    word = json.loads(dubao("lookup", "--json", "了").stdout)
    assert {"le5", "liao3"} <= set(word["readings"]) and word["hsk_level"] == 1


def test_annotate_json_of_the_seed(seed_path):
    pytest.importorskip("reader.core.importer")
    result = dubao("annotate", seed_path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    paragraphs = [p for p in data["paragraphs"] if p["id"]]
    assert paragraphs
    for paragraph in paragraphs:
        assert "".join(t["text"] for t in paragraph["tokens"]) == paragraph["text"]
    terms = {hit["term"] for p in data["paragraphs"] for hit in p["glossary"]}
    assert {"品质西海岸", "高质量发展", "供给侧结构性改革"} <= terms


def test_glossary_of_an_article_counts_its_terms(seed_path):
    pytest.importorskip("reader.core.importer")
    rows = json.loads(dubao("glossary", "--json", "--article", seed_path).stdout)
    counts = {row["term"]: row["count"] for row in rows}
    assert counts["品质西海岸"] == 26 and counts["高质量发展"] == 12 and counts["走在前、挑大梁"] == 2


def test_glossary_export_then_import(tmp_path):
    exported = tmp_path / "all.tsv"
    assert dubao("glossary", "--export", exported).returncode == 0
    again = dubao("glossary", "--export", exported)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "exists" in again.stderr
    mine = tmp_path / "mine.tsv"
    mine.write_text("term\tpinyin\tcategory\n课堂用语\tkè táng yòng yǔ\t课堂\n", encoding="utf-8")
    assert dubao("glossary", "--import", mine).returncode == 0
    listing = dubao("glossary").stdout
    assert "课堂用语" in listing and "共同富裕" in listing


def test_bad_input_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("共同富裕\tgòng\n", encoding="utf-8")
    result = dubao("glossary", "--import", bad)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr and "Traceback" not in result.stderr
    missing = dubao("annotate", tmp_path / "nothing.txt", "--json")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_pinyin_refuses_non_utf8_stdin_in_one_line():
    result = subprocess.run([sys.executable, "-m", "reader", "pinyin"], cwd=PROJECT_ROOT, input=b"\xff\xfe\xfa",
                            capture_output=True, env=dict(os.environ), timeout=60)
    assert result.returncode == 2 and b"UTF-8" in result.stderr and b"Traceback" not in result.stderr
