"""The CC-CEDICT index: every reading of a headword, both scripts, cross-references, fallback, HSK levels."""

from __future__ import annotations

import gzip
import sqlite3

import pytest

from conftest import _session_cache
from reader.core.errors import StorageProblem
from reader.core.lang.dictionary import Dictionary, cedict_source, parse_cedict_line
from reader.core.lang.hsk import HskLevels, label


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from reader.core.lang.service import LanguageService

    return LanguageService(cache_dir=_session_cache(tmp_path_factory), data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture
def tiny_source(tmp_path):
    lines = [
        "# a tiny dictionary",
        "了 了 [le5] /(completed action marker)/",
        "了 了 [liao3] /to finish/",
        "長 长 [chang2] /long/",
        "長 长 [zhang3] /chief/to grow/",
        "為 为 [wei2] /to act as/",
        "爲 为 [wei2] /variant of 為|为[wei2]/",
        "綠 绿 [lu:4] /green/",
    ]
    path = tmp_path / "cedict.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_every_reading_of_a_headword_is_kept(service):
    assert set(service.lookup("了").readings) >= {"le5", "liao3"}
    assert set(service.lookup("得").readings) >= {"de2", "de5", "dei3"}
    assert set(service.lookup("长").readings) >= {"chang2", "zhang3"}


def test_traditional_and_simplified_forms_find_the_same_entries(service):
    assert service.lookup("長").readings == service.lookup("长").readings
    assert service.lookup("重慶").definitions == service.lookup("重庆").definitions


def test_variant_entries_show_the_meaning_of_what_they_point_to(tiny_source, tmp_path):
    dictionary = Dictionary(tmp_path / "index.sqlite3", tiny_source)
    (variant,) = dictionary.lookup("爲")
    assert [e.definitions for e in variant.see_also] == [("to act as",)]


def test_see_entries_in_the_real_dictionary_resolve(service):
    result = service.lookup("B格")
    assert any("→ 逼格" in d for d in result.definitions)


def test_u_umlaut_is_written_v(tiny_source, tmp_path):
    assert Dictionary(tmp_path / "i.sqlite3", tiny_source).lookup("绿")[0].syllables == ("lv4",)


def test_unknown_word_falls_back_to_its_characters(service):
    result = service.lookup("高质量发展")
    assert not result.in_dictionary
    assert [c.char for c in result.characters] == list("高质量发展")
    assert set(result.characters[2].readings) >= {"liang4", "liang2"}
    assert result.glossary is not None and result.glossary.english == "high-quality development"


def test_hsk_levels_come_from_the_lists(service):
    assert service.lookup("发展").hsk_level is not None
    levels = HskLevels()
    assert levels.word_level("一") == 1
    assert levels.word_level("高质量发展") is None
    assert label(7) == "7–9" and label(None) == "—"


def test_index_is_rebuilt_when_the_source_changes(tiny_source, tmp_path):
    index = tmp_path / "index.sqlite3"
    assert Dictionary(index, tiny_source).contains("了")
    with gzip.open(tiny_source, "wt", encoding="utf-8") as handle:
        handle.write("好 好 [hao3] /good/\n" * 3)
    assert Dictionary(index, tiny_source).contains("好")
    assert not Dictionary(index, tiny_source).contains("了")


def test_a_damaged_index_is_rebuilt(tiny_source, tmp_path):
    index = tmp_path / "index.sqlite3"
    index.write_bytes(b"not a database at all" * 100)
    assert Dictionary(index, tiny_source).contains("长")


def test_missing_source_is_one_clear_problem(tmp_path):
    with pytest.raises(StorageProblem, match="cannot be read"):
        Dictionary(tmp_path / "i.sqlite3", tmp_path / "missing.gz").lookup("了")


def test_traditional_only_characters_map_to_simplified(tiny_source, tmp_path):
    mapping = Dictionary(tmp_path / "i.sqlite3", tiny_source).simplified_map()
    assert mapping["長"] == "长" and mapping["為"] == "为"
    assert "了" not in mapping


def test_whole_shipped_file_parses():
    with gzip.open(cedict_source(), "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    parsed = [parse_cedict_line(line) for line in lines]
    assert len(lines) > 100_000
    assert sum(p is None for p in parsed) == 0


def test_index_holds_every_entry(service):
    index = service.dictionary.index_in_use()
    (count,) = sqlite3.connect(index).execute("SELECT count(*) FROM entries").fetchone()
    with gzip.open(cedict_source(), "rt", encoding="utf-8") as handle:
        assert count == sum(1 for line in handle if not line.startswith("#"))


def test_converter_keeps_simplified_text_and_resolves_shared_characters(service):
    converter = service.dictionary.converter()
    assert converter.convert("著名的乾坤于是") == "著名的乾坤于是"  # simplified text is left alone
    assert converter.convert("乾淨顯著，走著說") == "干净显著，走着说"
    assert len(converter.convert("還是長江")) == 4
