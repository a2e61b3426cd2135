"""The engine fingerprint in the annotation cache key: a change to the language layer's code, to reading data under
resources or to a reading library's version makes cached articles be read again."""

from __future__ import annotations

import shutil
from pathlib import Path

from lang_support import article_from_paragraphs
from reader.core.lang import fingerprint

LANG = Path(fingerprint.__file__).parent


def copy_of_the_language_layer(tmp_path: Path) -> Path:
    target = tmp_path / "lang"
    shutil.copytree(LANG, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_every_module_of_the_language_layer_counts(tmp_path):
    code = copy_of_the_language_layer(tmp_path)
    resources = tmp_path / "resources"
    before = fingerprint.engine_fingerprint(code, resources, ["jieba"])
    assert fingerprint.engine_fingerprint(code, resources, ["jieba"]) == before
    for name in ("pipeline.py", "word_readings.py", "pinyin_tables.py"):
        module = code / name
        original = module.read_bytes()
        module.write_bytes(original + b"\n# changed\n")
        assert fingerprint.engine_fingerprint(code, resources, ["jieba"]) != before, name
        module.write_bytes(original)
    (code / "model").mkdir()
    (code / "model" / "features.py").write_text("X = 1\n")  # a new module, in a sub-package
    assert fingerprint.engine_fingerprint(code, resources, ["jieba"]) != before


def test_reading_data_and_library_versions_count_but_icons_do_not(tmp_path):
    code = copy_of_the_language_layer(tmp_path)
    resources = tmp_path / "resources"
    (resources / "icons").mkdir(parents=True)
    before = fingerprint.engine_fingerprint(code, resources, ["jieba"])
    (resources / "icons" / "new.png").write_bytes(b"png")
    assert fingerprint.engine_fingerprint(code, resources, ["jieba"]) == before
    (resources / "pinyin-model").mkdir()
    (resources / "pinyin-model" / "weights.npz").write_bytes(b"weights")
    with_model = fingerprint.engine_fingerprint(code, resources, ["jieba"])
    assert with_model != before
    (resources / "pinyin-model" / "weights.npz").write_bytes(b"other weights")
    assert fingerprint.engine_fingerprint(code, resources, ["jieba"]) != with_model
    assert fingerprint.engine_fingerprint(code, resources, ["jieba", "pypinyin"]) != with_model


def test_library_version_is_read_without_importing_the_library():
    import sys

    jieba_loaded = "jieba" in sys.modules
    assert "jieba-" in fingerprint.library_version("jieba")
    assert ("jieba" in sys.modules) == jieba_loaded
    assert fingerprint.library_version("no_such_library_here") == "absent"


def test_a_changed_engine_misses_the_cache(private_annotator, monkeypatch, tmp_path):
    article = article_from_paragraphs(["重整行装再出发。"])
    code = copy_of_the_language_layer(tmp_path)

    def current() -> str:
        return fingerprint.engine_fingerprint(code, tmp_path / "resources", fingerprint.READING_LIBRARIES)

    monkeypatch.setattr("reader.core.lang.service.engine_version", current)
    private_annotator.annotate(article)
    assert private_annotator.cached(article) is not None
    (code / "pipeline.py").write_bytes((code / "pipeline.py").read_bytes() + b"\n# a new rule\n")
    assert private_annotator.cached(article) is None
