"""The policy glossary: size, no duplicates, pinyin checked against the engine, every seed term found in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import _session_cache
from lang_support import seed_paragraphs
from reader.core.errors import ExportProblem, ImportProblem
from reader.core.lang.glossary import (
    COLUMNS, Glossary, GlossaryEntry, read_glossary_file, shipped_glossary_path, write_glossary_file)
from reader.core.lang.style import to_marks

NATIONAL_TERMS = ["新发展理念", "共同富裕", "乡村振兴", "双循环", "碳达峰碳中和", "全过程人民民主", "一带一路", "放管服", "六稳六保"]


@pytest.fixture(scope="module")
def shipped() -> list[GlossaryEntry]:
    return read_glossary_file(shipped_glossary_path())


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from reader.core.lang.service import LanguageService

    return LanguageService(cache_dir=_session_cache(tmp_path_factory), data_dir=tmp_path_factory.mktemp("data"))


def seed_terms(reference_dir: Path) -> list[tuple[str, str, int, str]]:
    rows = []
    for line in (reference_dir / "seed-terms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("term\t"):
            term, form, count, pinyin = line.split("\t")
            rows.append((term, form, int(count), pinyin))
    return rows


def test_shipped_glossary_is_complete_enough(shipped):
    assert len(shipped) >= 120
    terms = {e.term for e in shipped}
    assert set(NATIONAL_TERMS) <= terms
    for entry in shipped:
        assert entry.category and entry.explanation_zh and entry.explanation_en, entry.term
        assert entry.english_source in ("official", "ours"), entry.term


def test_every_seed_term_has_an_entry(shipped, reference_dir):
    terms = {e.term for e in shipped}
    missing = [term for term, *_ in seed_terms(reference_dir) if term not in terms]
    assert not missing


def test_no_term_or_alias_is_defined_twice(shipped):
    forms = [form for entry in shipped for form in entry.forms()]
    assert len(forms) == len(set(forms))


def test_a_duplicate_in_a_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "dup.tsv"
    path.write_text("\t".join(COLUMNS) + "\n共同富裕\tgòng tóng fù yù\n双碳\tshuāng tàn\t\t\t\t\t\t\n"
                    "共同富裕\tgòng tóng fù yù\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="line 4"):
        read_glossary_file(path)


def test_pinyin_of_wrong_length_is_refused(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("共同富裕\tgòng tóng fù\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="4 characters but 3"):
        read_glossary_file(path)


def test_glossary_pinyin_agrees_with_the_engine_unless_marked(shipped, service):
    disagreements = []
    for entry in shipped:
        engine = " ".join(r for r in service.pinyin(entry.term) if r)
        if not entry.override and engine != entry.pinyin:
            disagreements.append(f"{entry.term}: glossary {entry.pinyin}, engine {engine}")
    assert not disagreements


def test_seed_terms_pinyin_matches_the_reference(shipped, reference_dir):
    by_term = {e.term: e for e in shipped}
    wrong = [t for t, _, _, pinyin in seed_terms(reference_dir) if by_term[t].pinyin != pinyin]
    assert not wrong


def test_every_seed_term_found_at_every_occurrence_with_its_span(service, seed_path, reference_dir):
    paragraphs = seed_paragraphs(seed_path)
    hits = [(text, hit) for text in paragraphs for hit in service.glossary.find(text)]
    for term, form, count, _ in seed_terms(reference_dir):
        spans = [text[hit.start : hit.end] for text, hit in hits if hit.term == term]
        assert spans == [form] * count, term


def test_terms_with_punctuation_and_spaces_are_found_in_running_text(service):
    text = "扛牢“走在前、挑大梁”使命担当，擦亮‘红色绣花针 绣美西海岸’党建品牌"
    found = {text[h.start : h.end]: h.term for h in service.glossary.find(text)}
    assert found["走在前、挑大梁"] == "走在前、挑大梁"
    assert found["挑大梁"] == "挑大梁"
    assert found["红色绣花针 绣美西海岸"] == "红色绣花针 绣美西海岸"


def test_an_alias_finds_its_term(service):
    hits = service.glossary.find("坚持“双碳”目标")
    assert [(h.term, h.start, h.end) for h in hits] == [("碳达峰碳中和", 3, 5)]


def test_glossary_terms_are_single_words(service):
    for term in ("品质西海岸", "高质量发展", "供给侧结构性改革"):
        words = [w.text for w in service.engine.read_words(f"推进{term}建设")]
        assert term in words


def test_user_glossary_is_merged_over_the_shipped_one():
    glossary = Glossary.load(user_entries=[
        GlossaryEntry("共同富裕", "gòng tóng fù yù", "课堂", "common prosperity", "official", "我们的解释", "Our note",
                      origin="user"),
        GlossaryEntry("课堂用语", "kè táng yòng yǔ", "课堂", "", "ours", "上课时用的话", "Words used in class",
                      origin="user"),
    ])
    assert glossary.get("共同富裕").explanation_zh == "我们的解释"
    assert glossary.get("共同富裕").origin == "user"
    assert glossary.get("课堂用语") is not None
    assert glossary.get("新质生产力").origin == "shipped"


def test_import_into_the_library_and_export_round_trip(tmp_path, shipped):
    from reader.core.storage import Store

    shared = tmp_path / "class.tsv"
    write_glossary_file(shared, [GlossaryEntry("课堂用语", "kè táng yòng yǔ", "课堂", "", "ours", "上课", "class")])
    with Store.open(tmp_path / "data") as store:
        assert store.user_language.merge_glossary(read_glossary_file(shared)) == (1, 0, 0)
        assert store.user_language.merge_glossary(read_glossary_file(shared)) == (0, 0, 1)
        assert [e.term for e in store.user_language.glossary()] == ["课堂用语"]
    exported = tmp_path / "export.tsv"
    assert write_glossary_file(exported, shipped) == len(shipped)
    assert read_glossary_file(exported) == shipped


def test_the_former_glossary_file_moves_into_the_library_once(tmp_path):
    from reader.core.lang.service import LanguageService
    from reader.core.storage import Store

    data = tmp_path / "data"
    data.mkdir()
    write_glossary_file(data / "glossary.tsv", [GlossaryEntry("课堂用语", "kè táng yòng yǔ", "课堂", "classroom words")])
    Store.open(data).close()
    assert not (data / "glossary.tsv").exists() and (data / "glossary.tsv.imported").exists()  # kept, renamed
    service = LanguageService(data_dir=data)
    assert service.glossary.get("课堂用语").english == "classroom words"
    assert service.glossary.get("课堂用语").origin == "user"


def test_export_refuses_to_overwrite(tmp_path, shipped):
    target = tmp_path / "exists.tsv"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportProblem, match="exists"):
        write_glossary_file(target, shipped)
    assert target.read_text(encoding="utf-8") == "mine"


def test_version_changes_with_content(shipped):
    assert Glossary(shipped).version() != Glossary(shipped[:-1]).version()
    assert Glossary(shipped).version() == Glossary(list(shipped)).version()


def test_tone_marks_in_the_file_are_real_syllables(shipped):
    for entry in shipped:
        if not entry.override:
            assert [to_marks(s) for s in entry.numbered_syllables()] == entry.pinyin.split(), entry.term
