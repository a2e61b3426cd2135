"""The learned polyphone layer: what it decides, what our conventions keep on top of it, its model file, and that it
stays off the reopen path. The cross-validated CPP figure is in `benchmarks/bench_language.py`; here a small fixed
slice of CPP dev is cross-validated against a threshold the real model meets and a broken one does not."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, REFERENCE, _session_cache, need_shared
from reader.core.lang.pinyin import PinyinEngine
from reader.core.lang.polyphone_model import MODEL_FILE, PolyphoneModel, PolyphoneModelError, model_path
from reader.core.lang.polyphones import PolyphoneLayer
from reader.core.lang.segmenter import Segmenter

MAX_MODEL_BYTES = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> PinyinEngine:
    """One engine with the shipped model, its jieba cache in the session's cache folder."""
    return PinyinEngine(Segmenter(cache_file=_session_cache(tmp_path_factory) / "jieba-prefix-dict.marshal"))


def reading_of(engine: PinyinEngine, text: str, char: str, occurrence: int = 0) -> str | None:
    """The numbered reading of the `occurrence`-th `char` in `text`."""
    positions = [i for i, c in enumerate(text) if c == char]
    return engine.read(text)[positions[occurrence]]


def without_model(engine: PinyinEngine, text: str) -> list[str | None]:
    """The engine's reading of `text` with the layer switched off."""
    engine.polyphones.enabled = False
    try:
        return engine.read(text)
    finally:
        engine.polyphones.enabled = True


@pytest.mark.parametrize("text, char, wanted", [
    ("往水里掺了沙子。", "掺", "chan1"),  # chān "mix in", not the literary càn
    ("三幢楼房", "幢", "zhuang4"),  # the measure word for buildings
    ("这是一种炔烃。", "炔", "que1"),  # alkyne, not the surname Guì
])
def test_the_model_reads_a_polyphone_the_word_level_gets_wrong(engine, text, char, wanted):
    position = text.index(char)
    assert without_model(engine, text)[position] != wanted, "the word level alone misreads it (else no test)"
    assert reading_of(engine, text, char) == wanted


def hostile_layer(engine: PinyinEngine, readings: dict[str, str]) -> PolyphoneLayer:
    """A layer whose model pushes every listed character to the given (wrong) reading with overwhelming weight."""
    weights = {f"{char}|{reading}": 1000.0 for char, reading in readings.items()}
    layer = PolyphoneLayer(engine.words, engine.polyphones.dictionary, use_g2pm=False)
    layer.use_model(PolyphoneModel(weights, {c: [r] for c, r in readings.items()}, {"margin": 0.0}))
    return layer


def test_conventions_stay_on_top_of_whatever_the_model_says(engine):
    wrong = {"一": "yi2", "不": "bu2", "重": "zhong4", "处": "chu4", "识": "shi2", "得": "dei3", "为": "wei2",
             "么": "mo2"}
    layer = hostile_layer(engine, wrong)
    original, engine.polyphones = engine.polyphones, layer
    try:
        text = "我们一定不会重新处理这件事，认识什么人，走得很快，为人民服务。"
        readings = dict(zip(text, engine.read(text)))
    finally:
        engine.polyphones = original
    assert readings["一"] == "yi1" and readings["不"] == "bu4"  # citation form; sandhi is a display option
    assert readings["重"] == "chong2" and readings["处"] == "chu3"  # word facts 重新, 处理
    assert readings["识"] == "shi5" and readings["么"] == "me5"  # obligatory neutral tones (认识, 什么)
    assert readings["得"] == "de5"  # the complement particle, by the context rule
    assert readings["为"] == "wei4"  # a lone 为 the rules govern: their default stands


def test_a_neutral_tone_of_the_word_level_is_kept_against_the_same_syllable_with_a_tone(engine):
    layer = hostile_layer(engine, {"卜": "bo1"})
    original, engine.polyphones = engine.polyphones, layer
    try:
        assert reading_of(engine, "萝卜很好吃。", "卜") == "bo5"
    finally:
        engine.polyphones = original


def test_the_most_frequent_characters_are_left_to_the_word_level(engine):
    model = engine.polyphones.model
    assert {"重", "长", "行", "当"} <= model.common
    assert "掺" not in model.common
    text = "当晚他们全面推行河长制。"
    assert engine.read(text) == without_model(engine, text)


def test_the_shipped_model_loads_and_is_small():
    path = model_path()
    assert path.parts[-2:] == tuple(MODEL_FILE.split("/"))
    assert 0 < path.stat().st_size <= MAX_MODEL_BYTES
    model = PolyphoneModel.load(path)
    assert model.meta["data"] == "CPP dev split" and len(model.weights) > 1000


def test_a_model_round_trips_through_its_file(tmp_path):
    model = PolyphoneModel({"行|hang2": 1.5}, {"行": ["xing2", "hang2"]}, {"margin": 2.0})
    model.save(tmp_path / "m.json.gz")
    loaded = PolyphoneModel.load(tmp_path / "m.json.gz")
    assert loaded.weights == model.weights and loaded.readings == model.readings and loaded.margin == 2.0


def test_a_damaged_or_foreign_model_file_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "model.json.gz"
    PolyphoneModel({"行|hang2": 1.5}, {"行": ["xing2", "hang2"]}).save(path)
    document = json.loads(gzip.decompress(path.read_bytes()))
    document["body"] = document["body"].replace("1.5", "9.5")
    path.write_bytes(gzip.compress(json.dumps(document).encode()))
    with pytest.raises(PolyphoneModelError, match="checksum") as damaged:
        PolyphoneModel.load(path)
    assert str(path) in str(damaged.value)
    document["format"] = 99
    path.write_bytes(gzip.compress(json.dumps(document).encode()))
    with pytest.raises(PolyphoneModelError, match="format 99"):
        PolyphoneModel.load(path)
    path.write_bytes(b"not gzip at all")
    with pytest.raises(PolyphoneModelError, match="not a readable polyphone model"):
        PolyphoneModel.load(path)


def test_the_model_and_numpy_load_only_when_text_is_read():
    probe = (
        "import sys\n"
        "from reader.core.lang.pinyin import PinyinEngine\n"
        "engine = PinyinEngine()\n"
        "before = [m for m in ('numpy', 'g2pM', 'reader.core.lang.g2pm_runner') if m in sys.modules]\n"
        "engine.read('往水里掺了沙子。')\n"
        "after = [m for m in ('numpy', 'reader.core.lang.g2pm_runner') if m in sys.modules]\n"
        "print(before, after, engine.polyphones._model is not None)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[-2] == "[] ['numpy', 'reader.core.lang.g2pm_runner'] True"


def test_numpy_and_g2pms_network_load_only_for_a_text_holding_a_polyphone_to_decide():
    probe = (
        "import sys\n"
        "from reader.core.lang.pinyin import PinyinEngine\n"
        "engine = PinyinEngine()\n"
        "engine.prepare(['他们在北京。', '我们。'])\n"
        "plain = engine.read('他们在北京。')\n"
        "before = 'numpy' in sys.modules\n"
        "engine.prepare(['往水里掺了沙子。'])\n"
        "print(before, 'numpy' in sys.modules, plain == ['ta1', 'men5', 'zai4', 'bei3', 'jing1', None])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["False", "True", "True"]


def test_the_test_split_of_cpp_is_never_read(tmp_path):
    from reader.core.errors import DubaoError
    from reader.core.lang.polyphone_training import read_cpp

    with pytest.raises(DubaoError, match="never read"):
        read_cpp(tmp_path, "test")


def test_cross_validation_on_a_fixed_slice_of_cpp_dev_beats_the_word_level_alone(engine):
    """Five folds over the CPP dev sentences of a fixed set of characters: the model must lift the engine well above
    its word level; a model that learned nothing (or read the wrong position) would not."""
    from reader.core.lang.polyphone_training import TrainingLayer, cross_validate, read_cpp

    examples = read_cpp(need_shared(REFERENCE / "cpp"))
    chosen = set("掺蛤町幢攒媛卜帖杓炔塞耶镐勒仆粘肖隽杠铣琢葛")
    slice_ = [e for e in examples if e.text[e.position] in chosen]
    assert len(slice_) > 300
    original = engine.polyphones
    engine.polyphones = TrainingLayer(engine.words, engine.polyphones.dictionary, use_g2pm=True)
    try:
        figures = cross_validate(engine, engine.polyphones, slice_, folds=5)
    finally:
        engine.polyphones = original
    assert figures["with model"]["counted"] >= 90.0
    assert figures["with model"]["counted"] >= figures["without model"]["counted"] + 20.0


def test_a_new_model_file_or_g2pm_version_changes_the_engine_fingerprint(tmp_path):
    from reader.core.lang import fingerprint

    code = Path(fingerprint.__file__).parent
    resources = tmp_path / "resources"
    PolyphoneModel({"行|hang2": 1.5}, {"行": ["xing2", "hang2"]}).save(resources / MODEL_FILE)
    before = fingerprint.engine_fingerprint(code, resources, fingerprint.READING_LIBRARIES)
    PolyphoneModel({"行|hang2": 2.5}, {"行": ["xing2", "hang2"]}).save(resources / MODEL_FILE)
    assert fingerprint.engine_fingerprint(code, resources, fingerprint.READING_LIBRARIES) != before
    assert "g2pM" in fingerprint.READING_LIBRARIES


def test_the_command_names_a_missing_cpp_folder_and_exits_2(tmp_path, capsys):
    from reader.cli import main

    assert main(["polyphones", "evaluate", "--cpp", str(tmp_path / "nowhere")]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "nowhere" in error[0] and "cannot read the CPP files" in error[0]
