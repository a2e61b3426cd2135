"""Reading aloud: which voice, what it is given (characters, or Dubao's own pinyin for espeak-ng's pinyin voice), and
sentence after sentence."""

from __future__ import annotations

from reader.core.speech import VoiceInfo, choose_voice, is_mandarin, mandarin_voices, spoken_text, utterances

ESPEAK_PINYIN = VoiceInfo("Chinese (Mandarin, latin as Pinyin)", "C", "C")
ESPEAK_ENGLISH = VoiceInfo("Chinese (Mandarin, latin as English)", "C", "C")
HUIHUI = VoiceInfo("Microsoft Huihui Desktop", "zh_CN", "Chinese")
CANTONESE = VoiceInfo("Sinji", "zh_HK", "Chinese")
ENGLISH = VoiceInfo("Bob", "en_GB", "English")


def test_mandarin_voices_are_found_by_language_and_name_not_by_locale():
    assert is_mandarin(ESPEAK_PINYIN) and is_mandarin(HUIHUI)
    assert not is_mandarin(ESPEAK_ENGLISH)  # reads characters as English pinyin with digits
    assert not is_mandarin(CANTONESE) and not is_mandarin(ENGLISH)


def test_system_voices_come_before_the_pinyin_voice_and_variants_are_left_out():
    variants = [VoiceInfo(f"{ESPEAK_PINYIN.name}+Adam", "C", "C"), ESPEAK_PINYIN, ENGLISH, HUIHUI, ESPEAK_ENGLISH]
    assert mandarin_voices(variants) == [HUIHUI, ESPEAK_PINYIN]
    assert choose_voice(variants) == HUIHUI
    assert choose_voice(variants, "Bob") == ENGLISH  # the reader's own choice wins
    assert choose_voice([ENGLISH, ESPEAK_ENGLISH]) is None


def test_a_pinyin_voice_hears_the_readings_of_the_ruby():
    text = "去银行，好吗？"
    readings = [None, "yin2", "hang2", None, "hao3", "ma5", None]
    readings[0] = "qu4"
    assert spoken_text(text, readings, pinyin=True) == "qu4 yin2 hang2 , hao3 ma5 ?"
    assert spoken_text(text, readings, pinyin=False) == text


def test_a_paragraph_is_read_sentence_by_sentence_with_its_spans():
    text = "第一句。第二句！“第三句？”"
    pieces = utterances(text, [None] * len(text), pinyin=False)
    assert [(p.start, p.end, p.text) for p in pieces] == [(0, 4, "第一句。"), (4, 8, "第二句！"), (8, 14, "“第三句？”")]
