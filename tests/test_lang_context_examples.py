"""Readings that depend on the sentence, on text the rules were not written for (issue 12): each example of the
issue, and a sentence of another shape that the same general rule must also read right."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import _session_cache
    from reader.core.lang.service import LanguageService

    return LanguageService(cache_dir=_session_cache(tmp_path_factory), data_dir=tmp_path_factory.mktemp("data"))


def reading_at(service, text: str, target: str, occurrence: int = 0) -> str:
    """Return the numbered reading of the character at the `occurrence`-th place where `target` starts."""
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(target, position + 1)
    return service.pinyin(text, style=_numbers())[position]


def _numbers():
    from reader.core.lang.style import PinyinStyle

    return PinyinStyle.NUMBERS


@pytest.mark.parametrize("text,target,occurrence,expected", [
    ("退耕还林还草，退牧还草。", "还草", 0, "huan2"),  # 还 before a bare noun closing the clause: the verb
    ("退耕还林还草，退牧还草。", "还草", 1, "huan2"),
    ("退田还湖。", "还湖", 0, "huan2"),
    ("我们还草原以生机，他还在北京。", "还在", 0, "hai2"),  # before a predicate: the adverb
    ("必须得搞清楚、也得在美国。", "得搞", 0, "dei3"),  # after an adverb: the modal "must"
    ("必须得搞清楚、也得在美国。", "得在", 0, "dei3"),
    ("你得快点去。", "得快", 0, "dei3"),
    ("他跑得快，写得好。", "得快", 0, "de5"),  # after a verb: the complement particle
    ("他跑得快，写得好。", "得好", 0, "de5"),
    ("他们就地加工。", "地加", 0, "di4"),  # after a one-character adverb: the noun
    ("认真地学习。", "地学", 0, "de5"),
    ("《狄仁杰之神都龙王》", "都龙", 0, "du1"),  # no predicate after it: not the adverb dōu
    ("大家都知道。", "都知", 0, "dou1"),
    ("一天一天地好起来", "地好", 0, "de5"),  # reduplicated over two words: an adverbial
    ("一步一步地走向成功。", "地走", 0, "de5"),
    ("布什说。", "什", 0, "shi2"),  # 什 is shén only in 什么 and its words
    ("米哈伊尔·希什曼是沙皇。", "什", 0, "shi2"),
    ("没什么。", "什", 0, "shen2"),
])
def test_a_polyphone_reads_right_in_context(service, text, target, occurrence, expected):
    assert reading_at(service, text, target, occurrence) == expected


def test_the_command_line_reads_the_adverbial_de_as_the_readme_promises():
    result = subprocess.run([sys.executable, "-m", "reader", "pinyin", "--numbers", "一天一天地好起来"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "地/de5" in result.stdout.split()
