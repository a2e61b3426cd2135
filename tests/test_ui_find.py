"""Find in the article: Chinese text, toneless pinyin typed without spaces, and the popup's placement."""

from __future__ import annotations

from PySide6.QtCore import QRect

from reader.ui.popup import GlossaryCard, PopupContent, place_beside, popup_html
from reader.ui.view.document import ViewDocument
from reader.core.find import find_matches, normalise_pinyin_query, toneless

from test_ui_helpers import annotate_article, make_article


def document() -> ViewDocument:
    article = make_article()
    return ViewDocument.from_article(article, annotate_article(article))


def matched_texts(doc, matches):
    return [doc.blocks[b].text[s:e] for b, s, e in matches]


def test_chinese_text_is_found_everywhere_including_headings():
    doc = document()
    matches = find_matches(doc.blocks, "标准引领")
    assert matched_texts(doc, matches) == ["标准引领"] * len(matches)
    assert any(doc.blocks[b].kind == "heading" for b, _, _ in matches)
    assert len(matches) == 1 + 6  # the heading and six times in the body paragraph


def test_toneless_pinyin_finds_the_characters():
    doc = document()
    matches = find_matches(doc.blocks, "gaozhiliang", pinyin=True)
    assert matched_texts(doc, matches) and set(matched_texts(doc, matches)) == {"高质量"}
    assert len(matches) == sum(b.text.count("高质量") for b in doc.blocks if b.tokens)


def test_pinyin_with_tones_spaces_or_capitals_is_the_same_query():
    assert normalise_pinyin_query("Gāo zhì-liàng") == "gaozhiliang"
    assert toneless("lv4") == "lv" and toneless("lǜ") == "lv"
    doc = document()
    assert find_matches(doc.blocks, "gāo ZHÌ liang", pinyin=True) == find_matches(doc.blocks, "gaozhiliang", pinyin=True)


def test_pinyin_must_match_whole_syllables():
    doc = document()
    assert find_matches(doc.blocks, "gaozhilian", pinyin=True) == []
    assert find_matches(doc.blocks, "aozhiliang", pinyin=True) == []


def test_pinyin_search_is_off_unless_asked():
    assert find_matches(document().blocks, "gaozhiliang") == []


def test_popup_never_covers_its_word():
    bounds = QRect(0, 0, 800, 600)
    for word in (QRect(100, 100, 60, 30), QRect(100, 560, 60, 30), QRect(700, 300, 60, 30), QRect(10, 10, 60, 30)):
        placed = place_beside(word, (300, 200), bounds)
        assert not placed.intersects(word), (word, placed)
        assert bounds.contains(placed), (word, placed)


def test_popup_shows_the_glossary_card_before_the_dictionary():
    card = GlossaryCard("供给侧结构性改革", "gōngjǐcè jiégòuxìng gǎigé", "economy", "supply-side structural reform",
                        "Reforms that raise the quality of what the economy produces.")
    text = popup_html(PopupContent("供给侧结构性改革", "gōng jǐ cè", ("supply side",), None, (), card))
    assert text.index("supply-side structural reform") < text.index("supply side</li>")
    assert "not on the HSK lists" in text
