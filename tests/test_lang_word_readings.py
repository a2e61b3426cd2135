"""The word level of reading: a dictionary word with one reading wins over pypinyin's defaults, and a word jieba made
that the dictionary lacks is read through the longest dictionary words inside it."""

from __future__ import annotations

import pytest

from reader.core.lang.word_readings import WordReader


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from conftest import _session_cache
    from reader.core.lang.service import LanguageService

    return LanguageService(cache_dir=_session_cache(tmp_path_factory), data_dir=tmp_path_factory.mktemp("data"))


def syllables(service, text: str) -> list[str]:
    return [s for s in service.pinyin(text) if s is not None]


@pytest.mark.parametrize("word,expected", [
    ("内蒙古自治区", "nèi měng gǔ zì zhì qū"),
    ("新罕布什尔州", "xīn hǎn bù shí ěr zhōu"),
    ("落差", "luò chā"),  # pypinyin's phrase table has chà
    ("温差", "wēn chā"),
    ("室内乐", "shì nèi yuè"),
    ("切换", "qiē huàn"),
    ("身为", "shēn wéi"),
    ("布什", "bù shí"),
])
def test_a_dictionary_word_reads_as_the_dictionary_has_it(service, word, expected):
    assert syllables(service, word) == expected.split()
    assert syllables(service, f"他说{word}很重要。")[2 : 2 + len(word)] == expected.split()


def test_optional_neutral_tones_of_the_dictionary_keep_their_tone(service):
    """CC-CEDICT writes 力量 lì liang; 现代汉语词典 and the seed reference give the tone, the obligatory ones stay."""
    assert syllables(service, "力量和态度") == ["lì", "liàng", "hé", "tài", "dù"]
    assert syllables(service, "认识朋友") == ["rèn", "shi", "péng", "you"]


class FakeDictionary:
    """A dictionary of three words, to see how an unknown word is cut."""

    WORDS = {"蒙古": (("meng3", "gu3"),), "自治区": (("zi4", "zhi4", "qu1"),), "内蒙": (("nei4", "meng2"),)}

    def word_readings(self, word: str):
        return self.WORDS.get(word, ())


def test_an_unknown_word_is_read_through_the_longest_known_words_inside_it():
    reader = WordReader(FakeDictionary())
    assert reader.read("内蒙古自治区") == ["nei4", "meng3", "gu3", "zi4", "zhi4", "qu1"]  # 内 + 蒙古 + 自治区
    assert reader._pieces("内蒙古自治区") == ["内", "蒙古", "自治区"]  # two lone characters would be worse


def test_a_word_with_several_dictionary_readings_takes_pypinyins_phrase(service):
    reader = service.engine.words
    assert len(service.dictionary.word_readings("地方")) == 2
    assert reader.known_reading("地方") == tuple(reader.pypinyin_readings("地方"))


def test_the_real_dictionary_reads_an_unknown_jieba_word_through_its_parts(service):
    assert not service.dictionary.word_readings("内蒙古自治区政府")
    reader = service.engine.words
    assert reader.read("内蒙古自治区政府") == ["nei4", "meng3", "gu3", "zi4", "zhi4", "qu1", "zheng4", "fu3"]


@pytest.mark.parametrize("text,word,expected", [
    ("嗓音变得沙哑。", "变得", "biàn de"),  # a particle's neutral tone in a dictionary word is never optional
    ("在右边。", "右边", "yòu bian"),
    ("柏林墙倒塌了。", "柏林墙", "bó lín qiáng"),  # a dictionary word is not read as a surname and given name
    ("缪斯女神", "缪斯", "miù sī"),
])
def test_dictionary_words_keep_their_reading_in_a_sentence(service, text, word, expected):
    start = text.index(word)
    assert syllables(service, text)[start : start + len(word)] == expected.split()
