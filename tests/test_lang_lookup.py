"""Meanings that teach (issue 12, item 4): common senses before surnames, variants and abbreviations; the senses of the
reading in context first and never cut off; a character of a word read as in that word; the same in the popup and
in `python -m reader lookup`."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import PROJECT_ROOT
from reader.core.lang.meanings import is_secondary, parse_reading


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import _session_cache
    from reader.core.lang.service import LanguageService

    return LanguageService(cache_dir=_session_cache(tmp_path_factory), data_dir=tmp_path_factory.mktemp("data"))


@pytest.mark.parametrize("word,first", [
    ("高", "high"), ("展", "to spread out"), ("力", "power"), ("新", "new"), ("以", "to use")])
def test_a_common_sense_comes_before_surnames_variants_and_abbreviations(service, word, first):
    result = service.lookup(word)
    assert result.definitions[0].startswith(first)
    assert not is_secondary(result.senses[0].definitions[0])
    assert any(is_secondary(d) for d in result.definitions)  # still there, further down


def test_the_reading_in_context_comes_first_and_whole(service):
    result = service.lookup("还", "huan2")
    assert result.readings[0] == "huan2"
    assert {"to pay back", "to return"} <= set(result.definitions[:2])
    assert set(result.in_context) == {"to pay back", "to return"}
    assert result.definitions[2] == "still" and result.definitions[-1] == "surname Huan"
    assert service.lookup("还", "hai2").definitions[0] == "still"


def test_a_character_row_uses_its_reading_in_the_word(service):
    (zhi, liang) = service.lookup("质量").characters
    assert liang.readings[0] == "liang4" and liang.definitions[0].startswith("liang4:")
    (_, liang_in_measure) = service.lookup("测量", "ce4 liang2").characters
    assert liang_in_measure.readings[0] == "liang2"


def test_a_reading_that_is_not_numbered_pinyin_is_refused():
    assert parse_reading("Zhi4 lu:4") == ("zhi4", "lv4")
    with pytest.raises(ValueError):
        parse_reading("huan")


def run_lookup(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "lookup", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)


def test_the_command_line_takes_the_reading_in_context():
    result = run_lookup("还", "--reading", "huan2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["readings"][0] == "huan2" and data["definitions"][0] in ("to pay back", "to return")
    text = run_lookup("还", "--reading", "huan2")
    assert text.stdout.splitlines()[1].split()[0] == "huán"
    bad = run_lookup("还", "--reading", "huan")
    assert bad.returncode == 2 and "--reading" in bad.stderr and "Traceback" not in bad.stderr


def test_the_popup_shows_the_same_order_and_every_sense_of_the_reading(service, monkeypatch):
    pytest.importorskip("PySide6")
    from reader.ui import lookup as popup_lookup
    from reader.ui import services

    monkeypatch.setattr(services, "language_service", lambda: service)
    word = SimpleNamespace(text="还", readings=["huan2"], token=None, glossary_term=None)
    content = popup_lookup.full_content(popup_lookup._look_up(word), word, True)
    assert content.pinyin == "huán"
    assert set(service.lookup("还", "huan2").in_context) <= set(content.meanings)
    assert content.meanings[0] in ("to pay back", "to return")
