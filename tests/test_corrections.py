"""Corrections that apply everywhere: kept in the library, read by the command line, undone, backed up."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT
from reader.core.corrections import Corrections, read_saved
from reader.core.storage import Store


def dubao(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m reader ARGS` with this test's data and cache folders."""
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, env=dict(os.environ), timeout=300)


def test_corrections_are_saved_listed_undone_and_read_by_a_fresh_process(isolated_dirs):
    with Store.open() as store:
        corrections = Corrections(store)
        corrections.split("品质西海岸", ["品质", "西海岸"])
        corrections.set_reading("很好", ["hen3", "hao4"])
        corrections.set_reading("很好", ["hen3", "hao3"])
        assert [(c.word, c.kind, c.value) for c in corrections.listed()] == [
            ("品质西海岸", "split", ("品质", "西海岸")), ("很好", "reading", ("hen3", "hao3"))]
        assert corrections.undo() == "很好"
        assert store.user_language.readings() == {"很好": ("hen3", "hao4")}  # the reading before the last change
        with pytest.raises(ValueError):
            corrections.set_reading("很好", ["hen3"])
    saved = read_saved()
    assert dict(saved.user_words.splits()) == {"品质西海岸": ("品质", "西海岸")}
    assert dict(saved.user_words.reading_overrides()) == {"很好": ("hen3", "hao4")}


def test_a_correction_shows_in_pinyin_and_annotate_and_survives_backup_and_restore(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# 题目\n\n建设品质西海岸很好。\n", encoding="utf-8")
    assert "品质西海岸/" in dubao("pinyin", "建设品质西海岸很好").stdout
    assert dubao("corrections", "split", "品质西海岸", "品质", "西海岸").returncode == 0
    assert dubao("corrections", "reading", "很好", "hen3", "hao4").returncode == 0
    printed = dubao("pinyin", "建设品质西海岸很好").stdout
    assert "品质/pǐn zhì 西海岸/xī hǎi àn" in printed and "好/hào" in printed
    tokens = [t["text"] for p in json.loads(dubao("annotate", article, "--json").stdout)["paragraphs"]
              for t in p["tokens"]]
    assert "西海岸" in tokens and "品质西海岸" not in tokens
    backup = tmp_path / "backup.sqlite3"
    assert dubao("backup", "--out", backup).returncode == 0
    assert dubao("corrections", "remove", "品质西海岸").returncode == 0
    assert "品质西海岸/" in dubao("pinyin", "建设品质西海岸").stdout
    assert dubao("restore", backup).returncode == 0
    assert "品质/pǐn zhì 西海岸/" in dubao("pinyin", "建设品质西海岸").stdout
    listed = json.loads(dubao("corrections", "list", "--json").stdout)
    assert {(c["word"], c["kind"]) for c in listed} == {("品质西海岸", "split"), ("很好", "reading")}


def test_a_bad_correction_is_one_line_and_status_2():
    result = dubao("corrections", "reading", "很好", "hen3")
    assert result.returncode == 2 and "很好" in result.stderr and "Traceback" not in result.stderr
    result = dubao("corrections", "split", "品质西海岸", "品质", "海岸")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_trainer_pack_carries_terms_and_corrections_and_an_import_says_what_it_did(tmp_path):
    from reader.core.lang.glossary import GlossaryEntry
    from reader.core.packs import export_pack, import_pack

    pack = tmp_path / "class.dubao-pack.json"
    with Store.open(tmp_path / "trainer") as trainer:
        trainer.user_language.set_glossary_entry(GlossaryEntry("课堂用语", "kè táng yòng yǔ", "课堂", "classroom words"))
        trainer.user_language.set_glossary_entry(GlossaryEntry("新质生产力", "xīn zhì shēng chǎn lì", "经济", "NQPF"))
        Corrections(trainer).set_reading("很好", ["hen3", "hao4"])
        Corrections(trainer).split("品质西海岸", ["品质", "西海岸"])
        assert export_pack(trainer, pack)[1:] == (2, 2)
    with Store.open(tmp_path / "learner") as learner:
        learner.user_language.set_glossary_entry(GlossaryEntry("新质生产力", "xīn zhì shēng chǎn lì", "经济", "NQPF"))
        Corrections(learner).set_reading("很好", ["hen3", "hao3"])
        report = import_pack(learner, pack)
        assert (sorted(report.added), report.changed, report.skipped) == (["品质西海岸", "课堂用语"], ["很好"],
                                                                          ["新质生产力"])
        assert learner.user_language.readings() == {"很好": ("hen3", "hao4")}
        assert import_pack(learner, pack).summary() == "0 added, 0 changed, 4 skipped"


def test_pack_commands_and_a_file_that_is_not_a_pack(tmp_path):
    assert dubao("corrections", "merge", "天气很").returncode == 0
    pack = tmp_path / "mine.dubao-pack.json"
    assert "1 corrections" in dubao("pack", "export", pack).stdout
    assert dubao("pack", "export", pack).returncode == 2  # never over an existing file without --force
    report = json.loads(dubao("pack", "import", pack, "--json").stdout)
    assert report == {"added": [], "changed": [], "skipped": ["天气很"]}
    bogus = tmp_path / "notes.json"
    bogus.write_text("[1, 2]", encoding="utf-8")
    result = dubao("pack", "import", bogus)
    assert result.returncode == 2 and "notes.json" in result.stderr and "not a Dubao pack" in result.stderr


def test_an_imported_word_list_shows_after_the_dictionary_and_can_be_removed(tmp_path):
    from reader.core.lang.service import LanguageService
    from reader.core.wordlists import import_wordlist, parse_wordlist, remove_wordlist, wordlists

    tsv = tmp_path / "class.tsv"
    tsv.write_text("质量\tzhì liàng\tquality (our class's gloss); standard\n品质西海岸\tpin3 zhi4 xi1 hai3 an4\tWest Coast\n",
                   encoding="utf-8")
    cedict = tmp_path / "mini.u8"
    cedict.write_text("# a comment\n質量 质量 [zhi4 liang4] /mass (physics, ours)/\n", encoding="utf-8")
    assert [w.pinyin for w in parse_wordlist(tsv)] == ["zhi4 liang4", "pin3 zhi4 xi1 hai3 an4"]
    with Store.open() as store:
        assert import_wordlist(store, tsv, "class") == ("class", 2)
        assert import_wordlist(store, cedict) == ("mini", 1)
        assert wordlists(store) == {"class": 2, "mini": 1}
        result = LanguageService().lookup("质量")
        own = [d for d in result.definitions if d.startswith("[")]
        assert own == ["[class] quality (our class's gloss)", "[class] standard", "[mini] mass (physics, ours)"]
        assert result.definitions.index(own[0]) > 0  # after the built-in dictionary's senses
        assert LanguageService().lookup("品质西海岸").in_dictionary
        assert remove_wordlist(store, "class") == 2
        assert not any(d.startswith("[class]") for d in LanguageService().lookup("质量").definitions)


def test_a_word_list_that_is_neither_format_is_refused_naming_the_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("质量 quality\n", encoding="utf-8")
    result = dubao("wordlist", "import", bad)
    assert result.returncode == 2 and "line 1" in result.stderr and "bad.txt" in result.stderr
