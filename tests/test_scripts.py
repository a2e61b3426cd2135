"""Characters in the reader's script: whole-file conversion by phrase, display conversion that keeps every offset."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.lang.scripts import Script, convert_text, other_forms, query_forms, shown_text

PAIRS = {"头发": "頭髮", "发展": "發展", "皇后": "皇后", "后面": "後面", "理发": "理髮", "干部": "幹部",
         "计算机": "計算機", "面条": "麵條"}


@pytest.mark.parametrize("simplified, traditional", PAIRS.items())
def test_traditional_is_converted_phrase_by_phrase(simplified, traditional):
    assert convert_text(simplified, Script.TRADITIONAL) == traditional
    assert convert_text(traditional, Script.SIMPLIFIED) == simplified


def test_convert_command_writes_traditional_and_back(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("头发与发展\n\n　　皇后在后面理发。干部用计算机，吃面条。\n", encoding="utf-8")
    traditional, back = tmp_path / "t.md", tmp_path / "s.md"
    run = [sys.executable, "-m", "reader", "convert"]
    subprocess.run(run + [str(source), "--script", "traditional", "--out", str(traditional)], check=True,
                   capture_output=True)
    text = traditional.read_text(encoding="utf-8")
    for word in PAIRS.values():
        assert word in text
    subprocess.run(run + [str(traditional), "--script", "simplified", "--out", str(back)], check=True,
                   capture_output=True)
    assert "皇后在后面理发。干部用计算机，吃面条。" in back.read_text(encoding="utf-8")


def test_convert_command_refuses_an_unknown_script_with_status_2(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("发展\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reader", "convert", str(source), "--script", "klingon",
                             "--out", str(tmp_path / "x.md")], capture_output=True, text=True)
    assert result.returncode == 2 and "klingon" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_taiwan_and_hong_kong_forms_differ_where_their_standards_do():
    assert convert_text("里面的软件", Script.TAIWAN) == "裡面的軟體"
    assert convert_text("里面", Script.HONG_KONG) == "裏面"


def test_display_conversion_keeps_the_length_even_where_a_phrase_changes_it():
    text = "把U盘插上，头发长了。"
    assert len(convert_text("U盘", Script.TAIWAN)) != len("U盘")  # Taiwan vocabulary: 隨身碟
    shown = shown_text(text, Script.TAIWAN)
    assert len(shown) == len(text)
    assert shown.endswith("頭髮長了。")
    assert shown_text(text, Script.AS_WRITTEN) is text


def test_search_forms_cover_both_scripts():
    assert "头发" in query_forms("頭髮") and "頭髮" in query_forms("头发")
    assert other_forms("头发") == {"traditional": "頭髮"}
    assert other_forms("頭髮") == {"simplified": "头发"}
    assert other_forms("我们") == {"traditional": "我們"}


def test_slides_and_handouts_get_the_article_in_the_chosen_script_with_ids_and_spans_kept():
    from reader.core.annotation import AnnotatedArticle
    from reader.core.lang.scripts import article_in_script
    from test_ui_helpers import annotate_article, make_article

    article = make_article()
    annotated = annotate_article(article)
    shown, shown_annotation = article_in_script(article, annotated, Script.TRADITIONAL)
    assert shown.title == "推進高質量發展" and shown.sections[1].heading == "強化標準引領"
    pairs = list(zip(article.paragraphs(), shown.paragraphs()))
    assert all(a.id == b.id and len(a.text) == len(b.text) for a, b in pairs)
    first = shown_annotation.paragraphs[pairs[0][0].id]
    assert first.text == pairs[0][1].text and first.tokens[1].text == "發展" and first.tokens[1].readings == ("fa1", "zhan3")
    assert "強化標準引領" in shown_annotation.headings
    assert isinstance(shown_annotation, AnnotatedArticle)
    assert article_in_script(article, annotated, Script.AS_WRITTEN) == (article, annotated)
