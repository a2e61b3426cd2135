"""Context rules: the systematic cases where a character's reading depends on the words around it.

Each rule looks at one polyphonic character in its sentence (the words before and after it, with jieba's
part-of-speech tags) and sets the reading 现代汉语词典 gives for that use. The rules are grammatical, not lists of
sentences: 为 wéi in the 以…为… frame and after verbs of becoming, the particles 得 and 地 de, locative 上 ·shang
after a noun, 还 huán before what is given back, 都 dū where no predicate follows, 长 zhǎng as a title or before a result, surnames in person names.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.lang.chars import all_han, is_clause_break
from reader.core.lang.pinyin_tables import COMPOUND_SURNAMES, SURNAME_READINGS

NOUN_TAGS = ("n", "s", "t", "j", "vn", "an", "nz", "ns", "nt", "nr", "ng")
VERB_OR_ADJ_TAGS = ("v", "a")
ADVERBIAL_TAGS = ("d", "ad", "a", "z", "b", "vd")
PERSON_TAGS = ("nr", "nrfg", "nrt")
NON_LOCATIVE_BEFORE_SHANG = frozenset("以之向往朝至而北南东西天马爬登踏走迎赶跟追冲奔飞跳送递加再最承比在")
WEI_BEFORE = frozenset("化变转改分称视列选评誉定沦而最更极尤较颇甚")
DEGREE_ADVERBS = frozenset("最更极尤较颇甚")
# Nouns that fill the second slot of 以…为… (以此为契机, 以人民为中心): 为 is wéi before them whatever follows.
FRAME_NOUNS = frozenset({
    "契机", "中心", "核心", "重点", "抓手", "引领", "动力", "目标", "导向", "主线", "基础", "支撑", "载体", "平台",
    "突破口", "切入点", "主体", "依据", "指导", "统领", "牵引", "保障", "宗旨", "原则", "根本", "前提", "关键", "纽带",
    "桥梁", "方向", "标准", "主", "辅", "本", "先", "荣", "耻", "例", "准", "重", "首", "纲", "己任", "手段",
})
BECOMING_VERBS = frozenset({"成长", "发展", "演变", "转变", "升级", "蜕变", "演化", "沦落", "转换", "转型", "扩大", "提升"})
HUAN_OBJECTS = frozenset({"钱", "款", "债", "贷", "账", "书", "给", "清", "回", "原", "本", "贷款", "欠款", "房贷", "借款"})
ZHANG_AFTER = frozenset("得出满大成高了")
TITLES = frozenset({"先生", "女士", "老师", "教授", "同志", "师傅", "书记", "部长", "局长", "主任", "经理", "校长", "医生"})
NAME_CONTEXT_AFTER = frozenset({"说", "表示", "指出", "认为", "介绍", "称", "同志", "先生", "女士", "教授", "强调"})


@dataclass
class ReadWord:
    """A word of a sentence with its tag and its current readings (one slot per character)."""

    text: str
    tag: str
    start: int
    readings: list[str | None]


class Sentence:
    """The words of one paragraph, with the look-around the rules need."""

    def __init__(self, words: list[ReadWord]) -> None:
        self.words = words

    def word(self, index: int) -> ReadWord | None:
        """Return the word at `index`, or None outside the sentence."""
        return self.words[index] if 0 <= index < len(self.words) else None

    def next_han(self, index: int) -> ReadWord | None:
        """Return the word right after `index` when it is Han text (not punctuation, digits or Latin)."""
        following = self.word(index + 1)
        return following if following is not None and all_han(following.text) else None

    def ends_clause_after(self, index: int) -> bool:
        """Return True when the word at `index` is the last of its clause."""
        following = self.word(index + 1)
        return following is None or is_clause_break(following.text.strip() or " ")

    def clause_before(self, index: int) -> list[ReadWord]:
        """Return the words before `index` back to the start of its clause, nearest first."""
        found = []
        for position in range(index - 1, -1, -1):
            if is_clause_break(self.words[position].text) and self.words[position].text not in "“”‘’「」":
                break
            found.append(self.words[position])
        return found

    def clause_after(self, index: int) -> list[ReadWord]:
        """Return the words after `index` up to the end of its clause."""
        found = []
        for word in self.words[index + 1 :]:
            if is_clause_break(word.text) and word.text not in "“”‘’「」":
                break
            found.append(word)
        return found


def _tag_is(word: ReadWord | None, prefixes: tuple[str, ...]) -> bool:
    return word is not None and word.tag.startswith(prefixes)


def rule_wei(sentence: Sentence, index: int) -> None:
    """为 wéi ("be, become, act as") in 以…为…, after verbs of becoming and before adjectives after 最/更…"""
    word = sentence.words[index]
    if word.text != "为":
        inner = word.text.find("为", 2)
        if word.text.startswith("以") and 0 < inner < len(word.text) - 1:  # one word such as 以人民为中心
            word.readings[inner] = "wei2"
        return
    before = sentence.word(index - 1)
    if before is not None and before.text and before.text[-1] in WEI_BEFORE:
        if before.text[-1] not in DEGREE_ADVERBS or _tag_is(sentence.next_han(index), ("a", "d", "v")):
            word.readings[0] = "wei2"
            return
    if _in_yi_wei_frame(sentence, index) or _result_of_making(sentence, index):
        word.readings[0] = "wei2"


def _result_of_making(sentence: Sentence, index: int) -> bool:
    """V为 "make into / become": 成长为骨干, 把它打造为品牌, 被评为先进 (a verb of becoming, or 把/被 before)."""
    before = sentence.word(index - 1)
    if before is None or not before.tag.startswith("v"):
        return False
    if before.text in BECOMING_VERBS:
        return True
    return any(w.text in ("把", "被") for w in sentence.clause_before(index - 1))


def _in_yi_wei_frame(sentence: Sentence, index: int) -> bool:
    """以 X 为 Y where Y is a short noun phrase closing the clause (以人民为中心), not 以 X 为 Y 做某事 (for)."""
    if not any(w.text == "以" or w.text in ("以此", "以其", "以之") for w in sentence.clause_before(index)):
        return False
    complement = []
    for word in sentence.clause_after(index):
        if word.text in ("的", "之"):
            break
        complement.append(word)
    if complement and complement[0].text in FRAME_NOUNS:
        return True
    han_length = sum(len(w.text) for w in complement if all_han(w.text))
    return 0 < han_length <= 4 and len(complement) <= 2


def rule_de_complement(sentence: Sentence, index: int) -> None:
    """得 de after a verb or adjective, introducing a complement (走得快); děi "must" after a pronoun or adverb."""
    word = sentence.words[index]
    if word.text != "得":
        return
    before, after = sentence.word(index - 1), sentence.next_han(index)
    if before is None or after is None or not all_han(before.text) or before.text in ("不", "没", "未", "难"):
        return
    if _tag_is(before, ("r", "d", "n")):
        # The complement 得 follows a verb or adjective, never an adverb or pronoun: after those 得 is the modal děi
        # "must" before whatever predicate comes (必须得搞清楚, 也得在美国: a verb, set phrase or preposition).
        must_follow = ("v", "a", "d", "p", "l") if not before.tag.startswith("n") else ("v",)
        if after.text[0] != "了" and _tag_is(after, must_follow):
            word.readings[0] = "dei3"
            return
        if not (before.tag.startswith("n") and _tag_is(after, ("a", "d"))):  # 事办得漂亮: a verb inside the noun
            return
    if word.tag == "ud" or _tag_is(before, VERB_OR_ADJ_TAGS) or before.tag.startswith("n"):
        word.readings[0] = "de5"


def rule_de_adverbial(sentence: Sentence, index: int) -> None:
    """地 de between an adverbial (认真, 不断, 慢慢) and the verb it modifies; otherwise 地 dì (新高地)."""
    word = sentence.words[index]
    if word.text != "地":
        return
    before, after = sentence.word(index - 1), sentence.next_han(index)
    if before is None or after is None or not all_han(before.text):
        return
    if len(before.text) == 1 and before.tag.startswith("d"):
        return  # 就地, 遍地: the particle follows an adverbial phrase, never a one-character adverb such as 就 or 也
    # Reduplication makes an adverbial of anything, inside one word (慢慢) or over two (一天一天, 一步一步).
    reduplicated = len(before.text) >= 2 and before.text[0] == before.text[1] or _repeats(sentence, index - 1)
    adverbial = word.tag == "uv" or _tag_is(before, ADVERBIAL_TAGS) or reduplicated
    strongly_adverbial = reduplicated or _tag_is(before, ("d", "ad"))
    if adverbial and _tag_is(after, ("v", "d", "p")) or strongly_adverbial and _tag_is(after, ("a",)):
        word.readings[0] = "de5"


def _repeats(sentence: Sentence, index: int) -> bool:
    """The word at `index` repeats the word before it (一天 一天)."""
    word, before = sentence.word(index), sentence.word(index - 1)
    return word is not None and before is not None and all_han(word.text) and word.text == before.text


def rule_locative_shang(sentence: Sentence, index: int) -> None:
    """Locative 上 ·shang after a noun (会上, 肩上, 在…会议上, 在…提升上); a full shàng elsewhere (乘势而上)."""
    word = sentence.words[index]
    text = word.text
    if text in ("上", "上当"):
        before = sentence.word(index - 1)
        if before is None or not all_han(before.text) or before.text[-1] in NON_LOCATIVE_BEFORE_SHANG:
            return
        in_zai_frame = any(w.text in ("在", "从") for w in sentence.clause_before(index))
        if text == "上当":
            if in_zai_frame:
                word.readings[:] = ["shang5", "dang1"]
            return
        closes = sentence.ends_clause_after(index)
        if _tag_is(before, NOUN_TAGS) and (closes or in_zai_frame) or _tag_is(before, ("v",)) and in_zai_frame:
            word.readings[0] = "shang5"
    elif len(text) == 2 and text[1] == "上" and word.tag in ("s", "t", "f"):
        if text[0] not in NON_LOCATIVE_BEFORE_SHANG:
            word.readings[1] = "shang5"


def rule_huan(sentence: Sentence, index: int) -> None:
    """还 huán "give back" before what is returned (还钱, 还贷款); hái "still" otherwise (pypinyin's default)."""
    word = sentence.words[index]
    after = sentence.next_han(index)
    if word.text != "还" or after is None:
        return
    if after.text in HUAN_OBJECTS or after.text[0] in "给清":
        word.readings[0] = "huan2"
    elif _tag_is(after, ("n",)) and sentence.ends_clause_after(index + 1):
        # The adverb hái always stands before a predicate; before a bare noun that closes the clause 还 is the verb
        # huán "return (something) to": 退耕还林还草, 退牧还草, 还权于民.
        word.readings[0] = "huan2"
    elif after.text == "了" and _tag_is(sentence.next_han(index + 1), ("n",)):  # 还了书: gave the book back
        word.readings[0] = "huan2"


def rule_du(sentence: Sentence, index: int) -> None:
    """都 dū "capital, metropolis" where it cannot be the adverb dōu: the adverb always stands before a predicate,
    so 都 right before a noun that closes the phrase (神都龙王》, 陪都) is the noun or a name's syllable."""
    word = sentence.words[index]
    after = sentence.next_han(index)
    if word.text == "都" and _tag_is(after, NOUN_TAGS) and not _tag_is(after, ("t", "s")):
        if sentence.ends_clause_after(index + 1):
            word.readings[0] = "du1"


def rule_zhang(sentence: Sentence, index: int) -> None:
    """长 zhǎng "grow" before a result (长得, 长出) and as a title after an organisation; cháng "long" otherwise."""
    word = sentence.words[index]
    if word.text != "长":
        return
    before, after = sentence.word(index - 1), sentence.next_han(index)
    if after is not None and after.text[0] in ZHANG_AFTER and (word.tag.startswith("v") or after.text[0] in "得了出"):
        word.readings[0] = "zhang3"
    elif _tag_is(before, ("nt", "n", "ns")) and sentence.ends_clause_after(index):
        word.readings[0] = "zhang3"


def rule_surname(sentence: Sentence, index: int, is_phrase, is_known) -> None:
    """A family name's own reading (单 Shàn, 曾 Zēng, 区 Ōu …) at the start of a person's name.

    Only for names: a word the dictionaries know as an ordinary word (黑帮, 华章) keeps its reading.
    """
    word = sentence.words[index]
    text = word.text
    if not 2 <= len(text) <= 4 or not all_han(text) or is_phrase(text):
        return
    compound = COMPOUND_SURNAMES.get(text[:2])
    if compound and len(text) >= 3:
        word.readings[:2] = list(compound)
        return
    person, framed = word.tag in PERSON_TAGS, _framed_as_name(sentence, index)
    if is_known(text):  # a dictionary word: a name only when tagged so and a full name or framed as one
        is_name = person and (framed or len(text) == 3)
    else:
        is_name = (person or framed) and len(text) <= 3
    reading = SURNAME_READINGS.get(text[0])
    if is_name and reading:
        word.readings[0] = reading


def rule_surname_before_title(sentence: Sentence, index: int) -> None:
    """A lone surname before a form of address (曾先生, 单老师, 区局长) takes its surname reading."""
    word, after = sentence.words[index], sentence.next_han(index)
    if len(word.text) == 1 and word.text in SURNAME_READINGS and after is not None and after.text in TITLES:
        before = sentence.word(index - 1)
        if before is None or not all_han(before.text) or _tag_is(before, ("v", "p", "c", "n", "x")):
            word.readings[0] = SURNAME_READINGS[word.text]


def _framed_as_name(sentence: Sentence, index: int) -> bool:
    """A name stands before a speech verb or form of address (…说, …表示, …先生) or after a title (局长…)."""
    after, before = sentence.word(index + 1), sentence.word(index - 1)
    if after is not None and (after.text in NAME_CONTEXT_AFTER or after.text in TITLES):
        return True
    return before is not None and len(before.text) >= 2 and before.text[-1] in "长任理记者授师"


def rule_ying(sentence: Sentence, index: int) -> None:
    """应 yìng "respond" when nothing verbal follows it (有求必应); the auxiliary yīng "should" needs a verb after it."""
    word = sentence.words[index]
    if word.text == "应" and sentence.ends_clause_after(index):
        word.readings[0] = "ying4"


CHARACTER_RULES = (rule_wei, rule_ying, rule_surname_before_title, rule_de_complement, rule_de_adverbial,
                   rule_locative_shang, rule_huan, rule_du, rule_zhang)


def apply_context_rules(words: list[ReadWord], is_phrase, is_known) -> None:
    """Apply every context rule to every word of a paragraph, in place.

    `is_phrase(text)`: a dictionary (pypinyin's phrases, CC-CEDICT) reads the whole word (柏林墙 Bólín, 缪斯 Miùsī);
    `is_known(text)`: jieba's dictionary has the word.
    """
    sentence = Sentence(words)
    for index in range(len(words)):
        for rule in CHARACTER_RULES:
            rule(sentence, index)
        rule_surname(sentence, index, is_phrase, is_known)
