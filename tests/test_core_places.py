"""The reader's domain helpers in the core, without Qt: sentences, reading positions, anchors and bookmark names,
toneless find, and the entry a saved word gets."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

from conftest import PROJECT_ROOT
from reader.core.errors import StorageProblem
from reader.core.find import find_matches, first_from
from reader.core.lang.glossary import GlossaryEntry
from reader.core.positions import anchor_at, block_of_position, default_bookmark_name, reading_position
from reader.core.sentences import sentence_around, sentence_spans, sentence_with
from reader.core.vocabulary import vocabulary_draft


@dataclass
class Block:
    """A view block as the helpers see it: text, key, kind and (for find) readings."""

    text: str
    key: str
    is_paragraph: bool = True
    syllables: tuple[str | None, ...] = ()

    def readings(self) -> list[str | None]:
        return list(self.syllables) + [None] * (len(self.text) - len(self.syllables))


BLOCKS = [
    Block("把高质量发展之路走得更有奔头", "把高质量发展之路走得更有奔头", is_paragraph=False),
    Block("强化标准引领", "强化标准引领", is_paragraph=False),
    Block("建设品质西海岸。要强化标准引领！", "p1"),
    Block("高质量发展", "p2", syllables=("gao1", "zhi4", "liang4", "fa1", "zhan3")),
]


def test_sentences_end_after_their_marks_and_closing_quotes_and_at_line_breaks():
    text = "他说：“好！”然后走了。第二句\n第三句"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["他说：“好！”", "然后走了。", "第二句\n", "第三句"]


def test_the_sentence_around_a_word_and_the_first_sentence_with_a_word():
    text = "建设品质西海岸。要强化标准引领！最后一句"
    assert sentence_around(text, 10, 12) == "要强化标准引领！"
    assert sentence_around(text, 6, 10) == "建设品质西海岸。要强化标准引领！"  # a span over two sentences keeps both
    assert sentence_with(text, "最后") == "最后一句"
    assert sentence_with(text, "没有") == "" and sentence_with(text, "") == ""


def test_a_reading_position_on_a_heading_is_stored_at_the_next_paragraph_and_shown_at_the_heading():
    assert reading_position(BLOCKS, 1, 3) == ("p1", 0)
    assert reading_position(BLOCKS, 2, 5) == ("p1", 5)
    assert reading_position(BLOCKS[:2], 0, 0) == (None, 0)
    assert block_of_position(BLOCKS, "p1", 0) == (0, 0)  # the run of title and heading above it
    assert block_of_position(BLOCKS, "p1", 99) == (2, len(BLOCKS[2].text))
    assert block_of_position(BLOCKS, "gone", 0) is None


def test_anchors_of_view_spans_and_bookmark_names():
    anchor = anchor_at(BLOCKS, 2, 9, 11)
    assert (anchor.paragraph_id, anchor.exact, anchor.prefix[-2:]) == ("p1", "强化", "。要")
    assert anchor_at(BLOCKS, 1, 2, 4).exact == "" and anchor_at(BLOCKS, 1, 2, 4).paragraph_id == "p1"
    assert anchor_at(BLOCKS[:2], 0, 0, 1) is None
    assert default_bookmark_name("强化标准引领", "建设“品质西海岸”，要强化标准引领。", 0) == "强化标准引领 · 建设“品质西海岸”，要强…"
    assert default_bookmark_name("", "短句。", 0) == "短句。"


def test_toneless_find_matches_whole_syllables_in_reading_order():
    matches = find_matches(BLOCKS, "gāo zhì-liang", pinyin=True)
    assert matches == [(3, 0, 3)]
    assert find_matches(BLOCKS, "gaozhilian", pinyin=True) == []
    assert find_matches(BLOCKS, "标准引领") == [(1, 2, 6), (2, 11, 15)]
    assert first_from(find_matches(BLOCKS, "标准引领"), (2, 0)) == 1


@dataclass
class Found:
    readings: tuple[str, ...] = ()
    definitions: tuple[str, ...] = ()
    glossary: GlossaryEntry | None = None


def test_a_saved_word_keeps_its_reading_in_context_else_the_dictionary_reading():
    found = Found(("chong2 zheng3", "zhong4 zheng3"), ("to restructure", "to reorganize", "to regroup", "fourth"))
    asked = []
    draft = vocabulary_draft(" 重整 ", " 要重整旗鼓。 ", ("zhong4", "zheng3"),
                             lambda word, reading: asked.append((word, reading)) or found)
    assert asked == [("重整", "zhong4 zheng3")]  # the senses of the reading in context come first
    assert (draft.word, draft.reading, draft.sentence) == ("重整", "zhong4 zheng3", "要重整旗鼓。")
    assert draft.meaning == "to restructure; to reorganize; to regroup" and draft.looked_up
    assert vocabulary_draft("重整", lookup=lambda word, reading: found).reading == "chong2 zheng3"


def test_a_glossary_term_is_explained_in_english_and_a_failed_lookup_still_saves_the_word():
    term = GlossaryEntry("放管服", "fàng guǎn fú", english="streamline administration")
    assert vocabulary_draft("放管服", lookup=lambda word, reading: Found(glossary=term)).meaning == "streamline administration"

    def broken(word, reading):
        raise StorageProblem("the dictionary index is damaged", "cedict.sqlite3")

    draft = vocabulary_draft("放管服", readings=("fang4", None, "fu2"), lookup=broken)
    assert (draft.reading, draft.meaning, draft.looked_up) == ("fang4 fu2", "", False)


def test_the_core_helpers_import_no_qt():
    probe = ("import sys, reader.core.find, reader.core.positions, reader.core.sentences, reader.core.vocabulary, "
             "reader.core.files; print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
