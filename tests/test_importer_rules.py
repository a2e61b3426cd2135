"""The importer's layout rules on small texts written for the purpose (one rule per test)."""

from __future__ import annotations

from reader.core.importer import import_text
from reader.core.importer.lines import doubled_caption, numbered_heading, split_dateline
from reader.core.importer.matching import assign_headings, match_headings, similarity_matrix
from reader.core.importer.spacing import remove_justification_spaces
from reader.core.model import SectionKind

I = "\u3000\u3000"


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# justification spaces ------------------------------------------------------------------------------------------


def test_single_characters_spaced_out_are_closed_up():
    assert remove_justification_spaces("面对不 断 涌 现 的 新 需求") == "面对不断涌现的新需求"
    assert remove_justification_spaces("强化‘服 务链’") == "强化‘服务链’"
    assert remove_justification_spaces("龙\u3000年") == "龙年"


def test_real_spaces_stay():
    for text in ("红色绣花针 绣美西海岸", "本报记者 李涛", "第一季 10 集", "Netflix 的市场", "中共中央 国务院", "甲乙  丙"):
        assert remove_justification_spaces(text) == text


# hard-wrapped pages --------------------------------------------------------------------------------------------

STRANDED = page(
    "港口城市的新一年",
    "",
    "扩大开放",
    "",
    "科技引领",
    "",
    I + "今年，全市继续推进港口建",
    "设，港口吞吐量稳步增长。",
    "",
    I + "开春以来，园区实验室里",
    "",
    "忙个不停。科技引领发展，研发投入",
    "继续增加，新的成果不断出现。",
    "",
    I + "对外开放的大门越开越大。今年",
    "外贸企业数量增加，扩大开放的步伐",
    "更加坚定。",
)


def test_stranded_headings_are_matched_to_blocks_by_their_words():
    article = import_text(STRANDED)
    assert article.title == "港口城市的新一年"
    assert [(s.heading, s.kind, len(s.paragraphs)) for s in article.sections] == [
        (None, SectionKind.LEAD, 1),
        ("科技引领", SectionKind.BODY, 1),
        ("扩大开放", SectionKind.BODY, 1),
    ]
    assert article.sections[1].paragraphs[0].text.startswith("开春以来，园区实验室里忙个不停。")


def test_document_order_decides_when_words_say_nothing():
    scores = similarity_matrix(["甲乙丙", "丁戊己"], ["子丑寅卯", "辰巳午未"])
    assert scores == [[0, 0], [0, 0]]
    assert assign_headings(scores, adjacent=set()) == {0: 0, 1: 1}
    assert assign_headings(scores, adjacent={(0, 1)}) == {0: 1, 1: 0}


def test_continued_pieces_are_kept_last_with_their_marker():
    article = import_text(page(
        "（上接第一版）全市道路",
        "整修完成，出行更加方便。",
        I + "新的公园也已开放。",
        "",
        "城市更新",
        "",
        I + "城市更新工作全面展开，",
        "老旧小区改造进展顺利。",
        "",
        I + "另一篇文章的开头，写到",
        "这里为止。（下转第三版）",
    ))
    kinds = [(s.heading, s.kind, len(s.paragraphs)) for s in article.sections]
    assert kinds == [("城市更新", SectionKind.BODY, 1), (None, SectionKind.CONTINUATION, 2),
                     (None, SectionKind.CONTINUATION, 1)]
    assert article.sections[1].paragraphs[0].text == "（上接第一版）全市道路整修完成，出行更加方便。"
    assert article.sections[2].paragraphs[-1].text == "另一篇文章的开头，写到这里为止。（下转第三版）"


def test_page_and_date_lines_and_an_inline_byline():
    article = import_text(page(
        "第3版",
        "城市的春天",
        "——记一次植树活动",
        "2025年3月12日 星期三",
        "",
        I + "□本报记者 王明",
        I + "植树节这天，市民们一早",
        "来到山坡上，种下了新树。",
        I + "活动持续了",
        "一个上午。",
    ))
    assert (article.title, article.subtitle, article.byline) == ("城市的春天", "记一次植树活动", "本报记者 王明")
    assert (article.source.page, article.source.date) == ("第3版", "2025-03-12")
    assert [len(s.paragraphs) for s in article.sections] == [2]


# one paragraph per line ----------------------------------------------------------------------------------------


def test_numbered_headings_and_run_in_headings():
    assert numbered_heading("（一）指导思想。全面提升。") .heading == "（一）指导思想"
    assert numbered_heading("1．加强监管。做好服务。").level == 3
    assert numbered_heading("2.完善制度").level == 3
    assert numbered_heading("1.5亿元的投资已经到位。") is None
    assert numbered_heading("一、总体要求").level == 1
    assert numbered_heading("（2）加强宣传。广泛动员。").level == 4


def test_full_width_numbers_and_latin_are_recognised_and_kept():
    article = import_text(page(
        "关于ＡＩ应用的通知",
        "一、工作目标",
        "１．提升能力。到２０２５年，覆盖ＡＩ应用场景１００个。",
    ))
    assert [(s.heading, s.level) for s in article.sections] == [("一、工作目标", 1), ("１．提升能力", 3)]
    assert article.sections[1].paragraphs[0].text == "到２０２５年，覆盖ＡＩ应用场景１００个。"


def test_datelines_of_news_agencies_including_traditional_characters():
    assert split_dateline("新华社北京1月2日电 今天，全国……") == ("新华社北京1月2日电", "今天，全国……")
    assert split_dateline("新華社北京１月２日電　記者獲悉……") == ("新華社北京１月２日電", "記者獲悉……")
    assert split_dateline("本报讯（记者 王明）近日……") == ("本报讯（记者 王明）", "近日……")
    assert split_dateline("今天下午，会议召开。") is None


def test_two_deck_headings_merge_and_captions_are_kept_once():
    article = import_text(page(
        "城市新貌",
        "",
        "走进新城区。这里的变化很大。",
        "",
        "新楼拔地而起",
        "",
        "老街焕然一新",
        "",
        "街道变宽了，绿地变多了。",
        "新建的图书馆新建的图书馆",
    ))
    assert [s.heading for s in article.sections] == [None, "新楼拔地而起 老街焕然一新"]
    assert [(p.text, p.role) for p in article.sections[1].paragraphs] == [
        ("街道变宽了，绿地变多了。", "text"), ("新建的图书馆", "caption")]
    assert doubled_caption("图片 图片说明") is None
    assert doubled_caption("哈哈哈哈哈哈哈哈") is None and doubled_caption("000000一000000一") is None
    assert doubled_caption("新建的图书馆 新建的图书馆") == "新建的图书馆"


def test_editor_notes_in_brackets_are_paragraphs_not_headings():
    article = import_text(page("会议召开", "会议今天召开。", "（完）", "（责任编辑：王明）"))
    assert [s.heading for s in article.sections] == [None]
    assert [p.text for p in article.paragraphs()] == ["会议今天召开。", "（完）", "（责任编辑：王明）"]


def test_traditional_characters_with_indented_lines_one_paragraph_each():
    article = import_text(page(
        "城市發展報告",
        I + "今年經濟穩定增長，各項指標良好。",
        I + "明年將繼續推動產業升級。",
    ))
    assert article.title == "城市發展報告"
    assert [p.text for p in article.paragraphs()] == ["今年經濟穩定增長，各項指標良好。", "明年將繼續推動產業升級。"]
    assert article.source.shape == "plain"


def test_text_without_title_gets_the_main_clause_of_its_first_sentence():
    article = import_text("今天天气很好，我们去公园散步，看到很多人在锻炼身体。然后回家。\n")
    assert article.source.title_inferred is True
    assert article.title == "今天天气很好"
    dated = import_text("近日，市政府发布了关于推进城市更新的实施意见，明确了今后五年的主要任务。\n")
    assert dated.title == "市政府发布了关于推进城市更新的实施意见"  # the opening "when" is left out
    long = import_text("据新华社消息，国家统计局今天上午在北京发布了今年前三个季度全国经济运行情况的详细数据报告。\n")
    assert long.title.endswith("…") and len(long.title) <= 25 and not long.title.startswith("据")


def test_metadata_lines_before_an_article_go_to_its_metadata():
    text = ("【时政】\n作者：张明\n2024-05-06 10:30\n来源：示例日报\n【打印】【关闭】\n======\n\n"
            "城市更新进入新阶段\n\n今年，全市推进城市更新项目一百二十个，惠及居民十万户。\n\n下一步将继续扩大范围。\n")
    article = import_text(text)
    assert article.title == "城市更新进入新阶段" and article.byline == "张明"
    assert article.source.date == "2024-05-06"
    assert [p.text for p in article.paragraphs()] == ["今年，全市推进城市更新项目一百二十个，惠及居民十万户。", "下一步将继续扩大范围。"]
    assert "metadata line: 来源：示例日报" in article.source.notes


def test_metadata_lines_before_an_untitled_text_are_neither_title_nor_text():
    article = import_text("作者：李华\n2024年5月6日\n\n近日，市政府发布了关于推进城市更新的实施意见，明确了主要任务。\n")
    assert article.byline == "李华" and article.source.date == "2024-05-06"
    assert article.title == "市政府发布了关于推进城市更新的实施意见"
    assert [p.text for p in article.paragraphs()] == ["近日，市政府发布了关于推进城市更新的实施意见，明确了主要任务。"]


def test_many_headings_match_nearby_blocks_by_their_words():
    words = ["港口建设", "科技创新", "对外开放", "城市更新", "乡村振兴", "生态保护", "文化繁荣", "教育发展", "医疗卫生", "交通运输"]
    headings, blocks = [], []
    for page_number in range(5):  # each page prints its two headings first, then the two blocks in swapped order
        first, second = words[2 * page_number], words[2 * page_number + 1]
        base = page_number * 4
        headings += [(base, first), (base + 1, second)]
        blocks += [(base + 2, f"今年{second}取得进展。"), (base + 3, f"全市{first}稳步推进。")]
    far_copy = (100, "这里也写到" + words[0] + "，" + words[0] + "，" + words[0] + "。")
    chosen = match_headings(headings, blocks + [far_copy])
    assert len(headings) > 8
    for heading, block in chosen.items():
        assert headings[heading][1] in blocks[block][1]
    assert len(chosen) == len(headings)


def test_text_cut_at_one_width_without_indents_is_joined_into_paragraphs():
    paragraphs = [
        "今年以来，全市坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，各项工作取得新的进展。",
        "工业生产保持增长。规模以上工业增加值同比增长百分之六，高技术制造业增长较快，新动能持续壮大。",
        "消费市场稳步恢复，社会消费品零售总额继续增长，线上消费活跃，服务消费加快回暖。",
    ]

    def cut(text: str) -> list[str]:
        return [text[i:i + 20] for i in range(0, len(text), 20)]

    article = import_text(page("全市经济运行情况", "", *cut(paragraphs[0]), *cut(paragraphs[1]), "一、下一步工作",
                               *cut(paragraphs[2])))
    assert article.title == "全市经济运行情况"
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in article.sections] == [
        (None, paragraphs[:2]), ("一、下一步工作", paragraphs[2:])]


def test_one_paragraph_per_line_is_not_mistaken_for_cut_lines():
    lines = ["短句。", "这是一个比较长的段落，内容完整，结尾有句号。", "第三段也很完整。", "第四段。", "第五段写完了。", "第六段。"]
    article = import_text(page(*lines))
    assert [p.text for p in article.paragraphs()] == lines
    assert not any("joined" in note for note in article.source.notes)
