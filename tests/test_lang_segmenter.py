"""The segmenter: its own cache file in the cache folder, a quiet log, words that join back to the text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT_ROOT, _session_cache
from reader.core.lang.segmenter import Segmenter


def test_own_cache_file_is_written_and_reused_quietly(tmp_path):
    cache = tmp_path / "words.marshal"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.core.lang.segmenter import Segmenter\n"
        f"print([w.text for w in Segmenter(Path({str(cache)!r})).cut('推进供给侧结构性改革')])\n"
    )
    first = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert cache.is_file() and cache.stat().st_size > 1_000_000
    assert not list(tmp_path.glob("*.cache")), "jieba's own cache is not left behind"
    stamp = cache.stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert second.stdout == first.stdout and cache.stat().st_mtime_ns == stamp
    assert first.stderr == "" and second.stderr == ""  # jieba's log stays quiet


TAGS_PROBE = """
import sys
from pathlib import Path
import jieba
reads = []
original = jieba.Tokenizer.get_dict_file
def counting(self):
    if self.dictionary == jieba.DEFAULT_DICT:
        reads.append(1)
    return original(self)
jieba.Tokenizer.get_dict_file = counting
from reader.core.lang.segmenter import Segmenter
segmenter = Segmenter(Path(sys.argv[1]))
words = segmenter.cut("李守晟说推进高质量发展")
import jieba.posseg
with open(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME, encoding="utf-8") as text:
    reference = dict((line.split()[0], line.split()[2]) for line in text if line.strip())
print(len(reads), segmenter._loaded().word_tag_tab == reference, jieba.posseg.dt.word_tag_tab == reference,
      [(w.text, w.tag) for w in words])
"""


def test_word_tags_come_from_the_cache_file_in_a_fresh_process_not_from_the_dictionary_text(tmp_path):
    """jieba.posseg parses its 350,000-line dictionary for word tags on import (about 0.5 s); once the cache file is
    written, a fresh process reads the same table from it (and jieba.posseg's own tokenizer gets it too)."""
    cache = tmp_path / "words.marshal"
    runs = [subprocess.run([sys.executable, "-c", TAGS_PROBE, str(cache)], cwd=PROJECT_ROOT, capture_output=True,
                           text=True) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    (first_reads, *first), (second_reads, *second) = (run.stdout.split(" ", 3) for run in runs)
    assert int(first_reads) >= 1 and second_reads == "0"  # the dictionary text is read only to build the cache
    assert first[:2] == second[:2] == ["True", "True"]  # the same tags as jieba's dictionary, in both tokenizers
    assert first[2] == second[2]  # and the same words and tags come out

def test_damaged_cache_is_rebuilt(tmp_path):
    cache = tmp_path / "words.marshal"
    cache.write_bytes(b"\x00broken")
    assert [w.text for w in Segmenter(cache).cut("今天天气很好")][-1] == "好"
    assert cache.stat().st_size > 1_000_000


def test_added_words_come_out_whole(tmp_path_factory):
    segmenter = Segmenter(_session_cache(tmp_path_factory) / "jieba-prefix-dict.marshal")
    assert "品质西海岸" not in [w.text for w in segmenter.cut("建设品质西海岸")]
    segmenter.add_words(["品质西海岸"])
    assert [w.text for w in segmenter.cut("建设品质西海岸")] == ["建设", "品质西海岸"]


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory) -> Segmenter:
    return Segmenter(_session_cache(tmp_path_factory) / "jieba-prefix-dict.marshal")


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("我们得地的了很长还事办说李守晟，。ab12 \u3000“”")), max_size=40))
def test_words_join_back_to_the_text(segmenter, text):
    words = segmenter.cut(text)
    assert "".join(w.text for w in words) == text
    assert all(w.text and w.tag for w in words)
