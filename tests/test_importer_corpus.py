"""Real articles of other shapes (read by path from the shared corpus, never copied): the facts they must satisfy."""

from __future__ import annotations

from collections import Counter

import pytest

from reader.cli import main as cli_main
from reader.core.importer import load_article
from reader.core.importer.spacing import han_characters


def _texts(article):
    return [p.text for p in article.paragraphs()]


def _output_han(article, with_title: bool = True) -> Counter:
    parts = [article.subtitle, article.byline, article.dateline] + ([article.title] if with_title else [])
    parts += [s.heading for s in article.sections] + _texts(article)
    return Counter(han_characters("".join(p for p in parts if p)))


@pytest.fixture
def web(corpus_dir):
    return load_article(corpus_dir / "02_web_article_tanguan.txt")


@pytest.fixture
def gov(corpus_dir):
    return load_article(corpus_dir / "03_gov_doc_xiangcun_zhenxing.txt")


@pytest.fixture
def brief(corpus_dir):
    return load_article(corpus_dir / "04_brief_zhongxinwang.txt")


@pytest.fixture
def gb(corpus_dir):
    return load_article(corpus_dir / "06_gb18030_netflix_maokeboluo.txt")


# 02: web copy --------------------------------------------------------------------------------------------------


def test_web_two_parts_headed_by_dash_lines(web):
    parts = [s.heading for s in web.sections if s.level == 1 and s.heading]
    assert parts == ["如何在美国把贪官送进监狱——", "如何在美国打官司，向贪官要回钱——"]


def test_web_numbers_survive(web):
    text = "".join(_texts(web))
    for number in ("1994年—2001年", "4.85亿美元", "144个月"):
        assert number in text


def test_web_subheads_under_parts_and_closing_section(web):
    subheads = [s.heading for s in web.sections if s.level == 2]
    assert len(subheads) == 9
    assert subheads[0].startswith("法律用美国的：") and subheads[4].startswith("要做到以上这些")
    assert subheads[5].startswith("拿着刑事判决") and subheads[-1] == "结语"
    closing = web.sections[-1]
    assert [p.text[:8] for p in closing.paragraphs] == ["看来，在美国起诉"]


def test_web_doubled_captions_become_single_caption_paragraphs(web):
    captions = [p.text for p in web.paragraphs() if p.role == "caption"]
    assert len(captions) == 5
    assert "余振东被遣返回中国后被判处12年有期徒刑。" in captions
    assert all(c[: len(c) // 2] != c[len(c) // 2:] for c in captions)


def test_web_title_inferred_from_first_heading(web):
    assert web.source.title_inferred is True
    assert web.title == "如何在美国把贪官送进监狱"


# 03: government document -------------------------------------------------------------------------------------


def test_gov_title_without_bom_and_date_line(gov):
    assert gov.title == "中共中央 国务院关于实施乡村振兴战略的意见"
    assert gov.dateline == "2018年1月2日"
    assert gov.source.date == "2018-01-02"
    assert gov.source.encoding == "utf-8-sig"
    assert not any("2018年1月2日" in (s.heading or "") for s in gov.sections)
    assert not any(t.startswith("（2018年1月2日）") for t in _texts(gov))
    assert "\ufeff" not in gov.title


def test_gov_five_top_level_sections(gov):
    assert [s.heading for s in gov.sections if s.level == 1] == [
        "一、新时代实施乡村振兴战略的重大意义",
        "二、实施乡村振兴战略的总体要求",
        "三、提升农业发展质量，培育乡村发展新动能",
        "四、推进乡村绿色发展，打造人与自然和谐共生发展新格局",
        "五、繁荣兴盛农村文化，焕发乡风文明新气象",
    ]


def test_gov_sixteen_second_level_items_split_at_first_full_stop(gov):
    counts, current = Counter(), None
    for section in gov.sections:
        if section.level == 1:
            current = section.heading[0]
        elif section.level == 2:
            counts[current] += 1
    assert counts == {"二": 3, "三": 5, "四": 4, "五": 4}
    guide = next(s for s in gov.sections if s.heading == "（一）指导思想")
    assert guide.paragraphs[0].text.startswith("全面贯彻党的十九大精神")
    assert any(s.heading == "（三）基本原则" for s in gov.sections)


def test_gov_every_line_break_is_a_paragraph_break(gov):
    principles = next(s for s in gov.sections if s.heading == "（三）基本原则")
    assert len(principles.paragraphs) == 7
    assert all(p.text.startswith("——坚持") for p in principles.paragraphs)
    goals = next(s for s in gov.sections if s.heading == "（二）目标任务")
    assert [p.text[:7] for p in goals.paragraphs[1:]] == ["到2020年，", "到2035年，", "到2050年，"]


def test_gov_no_han_character_lost(corpus_dir, gov):
    source = Counter(han_characters((corpus_dir / "03_gov_doc_xiangcun_zhenxing.txt").read_text("utf-8-sig")))
    assert _output_han(gov) == source


# 04: news brief ----------------------------------------------------------------------------------------------


def test_brief_dateline_split_off_the_lead(brief):
    assert brief.dateline == "中新网北京12月1日电(记者 张曦)"
    first = next(brief.paragraphs()).text
    assert first.startswith("30日晚，高圆圆和赵又廷在京举行答谢宴")
    assert brief.source.shape == "brief"


def test_brief_title_is_short_and_not_the_lead_cut_off(brief):
    assert brief.source.title_inferred is True
    assert brief.title == "高圆圆和赵又廷在京举行答谢宴"
    assert not next(brief.paragraphs()).text.startswith(brief.title) and "…" not in brief.title


def test_brief_fourteen_body_paragraphs(brief):
    texts = _texts(brief)
    assert len(texts) == 14
    assert texts[-1].endswith("拒绝宾客继续展示。")


def test_brief_subheads_and_two_deck_headings(brief):
    assert [s.heading for s in brief.sections if s.heading] == [
        "群星捧场 谢娜张杰亮相",
        "《我们结婚吧》主创捧场 黄海波(微博)获释仍未出席",
        "答谢宴细节 宾客近百人，获赠礼物",
    ]


def test_brief_keeps_the_sources_own_inconsistency_and_latin(brief):
    text = "".join(_texts(brief))
    assert "《咱们结婚吧》" in text and "《我们结婚吧》" not in text
    assert "(微信号：dazuozone)" in text and "(微博)" in text


def test_brief_no_han_character_lost(corpus_dir, brief):
    source = Counter(han_characters((corpus_dir / "04_brief_zhongxinwang.txt").read_text("utf-8")))
    assert _output_han(brief, with_title=False) == source


# 06: GB18030 -------------------------------------------------------------------------------------------------


def test_gb18030_detected(gb):
    assert gb.source.encoding == "gb18030"
    assert len(_texts(gb)) == 5


def test_gb18030_first_paragraph_and_inferred_title(gb):
    assert _texts(gb)[0].startswith("据BI消息，Netflix 正准备在本月上线其最新的原创剧集《马可波罗》。")
    assert gb.source.title_inferred is True
    # issue 15 item 6: a short title that does not repeat the lead's cut-off first sentence
    assert gb.title == "Netflix《马可波罗》"


def test_gb18030_spaces_next_to_latin_and_digits_stay(gb):
    text = "".join(_texts(gb))
    for phrase in ("第一季 10 集", "9000 万美元", "50 多个国家", "5000 万人", "12 月 12 日", "寄予了重望——Netflix 的海外市场。"):
        assert phrase in text


def test_gb18030_latin_words_all_kept(corpus_dir, gb):
    source = (corpus_dir / "06_gb18030_netflix_maokeboluo.txt").read_bytes().decode("gb18030")
    text = "".join(_texts(gb))
    assert text.count("Netflix") == source.count("Netflix") == 19
    assert text.count("HBO") == source.count("HBO") and text.count("BI") == source.count("BI")


def test_every_corpus_file_inspects_through_the_cli(corpus_dir, capsys):
    for path in sorted(corpus_dir.glob("*.txt")):
        assert cli_main(["inspect", str(path), "--json"]) == 0, path
        assert '"sections"' in capsys.readouterr().out
