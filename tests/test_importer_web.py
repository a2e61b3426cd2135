"""Saved web pages: the 27 pages of `../shared/corpus/html` (read by path, never copied) and the MUSTs of its
FACTS.md — the headline without the site's name, the body from its first paragraph to its last without page chrome,
subheadings as sections, date/source/author as metadata, captions as captions — plus encodings and inline markup on
small pages written here."""

from __future__ import annotations

import codecs

import pytest

from conftest import CORPUS, need_shared
from reader.core.errors import ImportProblem
from reader.core.importer import from_markdown, load_article, to_markdown
from reader.core.importer.webpage import import_page

HTML_DIR = CORPUS / "html"

# page: (headline, how the first paragraph of text starts, how the last one ends)
PAGES = {
    "163_1.html": ('多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？', "（原标题：多地项目连环爆雷", "龙湖给投资者作一个交代。"),
    "163_2.html": ("姚明对周琦说了啥？周琦上下半场判若两人", "（原标题：姚明对周琦说了啥？", "外加2次抢断、2记盖帽。"),
    "163_3.html": ('奖金711万元！"中国诺贝尔奖"首位获奖女性啥来头?', "（原标题：单项奖金100万美元，", "人民的生活更幸福!”"),
    "163_5.html": ("女警打百个电话遭停机 评:运营商识别诈骗智商感人", "（原标题：民警电话遭停机，", "技术手段下尽量避免误伤。"),
    "baijiahao_1.html": ("英国美女在殡仪馆工作太痛苦，转行当美人鱼！每小时收入近千元", "英国汉普郡贝辛斯托克的一位女士",
                         "将飞往埃及参加国际决赛。"),
    "baijiahao_2.html": ("日本最后一家传呼机公司停止服务，殡仪馆为BB机送终", "IT之家9月30日消息", "表示“没见过也没用过”。"),
    "cjddsb_1.html": ("常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动", "为持续推动金融消费者教育",
                      "文/图 刘玺东 易赛楠)"),
    "gsc_1.html": ("2019年中国人文地理学术年会在重庆•西南大学成功举行！", "5月10-12日，2019年中国人文地理学术年会",
                   "研究成果和学科发展盛况。"),
    "guancha_2.html": ("我国集成电路进口突破3000亿美元！魏少军：产业结构扭曲，没将产品作为中心", "9月3日，在第二届全球IC企业家大会",
                       "及台资在大陆的企业贡献。"),
    "guancha_guancha.html": ("王文：中美贸易“持久战”，中国人的斗志被激发", "“中美贸易战正在变成一场持久战，",
                             "中国无惧“比拼耐力”。"),
    "huanqiu_1.html": ("补壹刀：别笑！18人的“新八国联军”今天成立了", "西方世界的一些反华分子正试图串联起来。",
                       "刀哥想说，都9020年了，自信一点，理性一点，可以吗。"),
    "ifeng_1.html": ("女童眼睛被塞几十片纸，“无法用科学解释”", "7岁小花（化名）“眼睛被塞纸”事件", "（实习生王金茹对此文亦有贡献）"),
    "ifeng_ifeng.html": ("董又霖主持首秀状况百出大方道歉：会继续努力", "据台媒报道，艺人董又霖6日晚间", "成为社交平台的话题人物。"),
    "njxfhn_1.html": ("[诗婷露雅化妆品]江门七旬阿婆接来电称其涉黑被骗上百万！冒充公检法电诈团伙被端", "冒充银行经理来电骗事主",
                      "不准时可拨打110求证。"),
    "qq_2.html": ("棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等", "划重点：", "第三方数据行业的整顿仍将持续。"),
    "qq_qq.html": ("儿歌一分钱被改成一元钱 原作者女儿：改成这样不觉得拗口吗？", "潘振声女儿马莉表示", "《56个民族新儿歌》等作品。"),
    "sina_1.html": ("中国人习以为常的地方 为何老外却说“了不得”？", "原标题：视界丨这个中国人习以为常的地方", "鼓励市民健身运动的公园。"),
    "sina_2.html": ('60万"12306账号"外泄? 中铁总辟谣称消息不实', "新京报快讯（记者 裴剑飞）", "正常渠道购票带来的风险。"),
    "sina_sina.html": ("最强“中国芯”本月商用 华为抢跑5G芯片大战", "原标题：最强“中国芯”本月商用", "投入上已超过10亿美元。"),
    "sxmu_1.html": ("中华人民共和国监察法", "《中华人民共和国监察法》是为了推进", "《中华人民共和国行政监察法》同时废止。"),
    "thepaper_1.html": ("共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性", "“以前花一两元就能充满电，",
                        "（原题为《是“收割韭菜”还是“回归理性”》）"),
    "thepaper_2.html": ("定了！广州南沙邮轮母港即将开通！地铁直达+无敌免...", "本文原标题：《定了！广州南沙邮轮母港即将开通！",
                        "开始搓搓手了！！！"),
    "toutiao_2.html": ("最不愁吃肉的国家：顿顿有肉吃，却要靠中国运输蔬菜水果", "当全世界绝大部分国家都在为能够吸引中国游客",
                       "世界第二大内陆国的蒙古国。"),
    "toutiao_3.html": ("海螺沟寻子一个月：儿子消失在眼前十几米，搜寻无果母亲不舍离去", "8岁儿子在四川海螺沟景区失联的第32天",
                       "孩子，他一定会回来的。”"),
    "wechat_1.html": ("三星 Galaxy S20 系列手机正式发布", "今天凌晨，三星在美国旧金山举行发布会", "拥有黑、金、紫三色可选。"),
    "xds_1.html": ("【资讯汇总】9月26日盘中重要资讯汇总 准确把握市场走向", "收盘播报", "券资金使用情况是良好的。"),
    "zyyfy_1.html": ("【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛",
                     "本站讯（职工通讯员 李琴雯 刘会）", "提高医院的药学服务水平。"),
}

# Page chrome none of the 27 articles holds anywhere in its title, headings or text …
CHROME = ("分享到", "责任编辑", "Copyright", "版权所有", "扫一扫", "二维码", "微信号", "功能介绍", "关注该公众号",
          "感谢您的反馈", "澎湃新闻报料", "返回腾讯网首页", "查看更多", "免责声明", "延伸 · 推荐")
# … and words that make a short line chrome (a long paragraph may well speak of a 举报信 or of 评论).
CHROME_LINES = ("举报", "已发送", "字号", "关键词", "相关阅读", "相关新闻", "热门推荐", "登录", "注册", "评论", "上一篇",
                "下一篇", "收藏", "打印")
# Navigation: channel names that stand alone as links on the portals' pages.
CHANNELS = {"财经", "时尚", "科技", "军事", "汽车", "体育", "娱乐", "首页", "新闻", "视频", "图片", "国际", "社会"}


@pytest.fixture(scope="module")
def html_dir():
    return need_shared(HTML_DIR)


@pytest.fixture(scope="module")
def imported(html_dir):
    return {name: load_article(html_dir / name) for name in PAGES if (html_dir / name).exists()}


def _texts(article, role="text"):
    return [p.text for p in article.paragraphs() if p.role == role]


def _everything(article):
    return [article.title, *(s.heading for s in article.sections if s.heading), *(p.text for p in article.paragraphs())]


def test_every_development_page_is_listed(html_dir):
    assert sorted(p.name for p in html_dir.glob("*.htm*")) == sorted(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_title_is_the_headline_without_the_site_name(imported, name):
    assert imported[name].title == PAGES[name][0]
    assert imported[name].source.shape == "web" and not imported[name].source.title_inferred


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_body_runs_from_the_first_paragraph_to_the_last(imported, name):
    texts = _texts(imported[name])
    assert texts[0].startswith(PAGES[name][1])
    assert texts[-1].endswith(PAGES[name][2])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_chrome_in_title_headings_or_text(imported, name):
    for text in _everything(imported[name]):
        assert not [word for word in CHROME if word in text], text
        assert len(text) > 60 or not [word for word in CHROME_LINES if word in text], text
        assert text.strip() not in CHANNELS, text


def test_the_channel_list_of_a_portal_is_not_in_the_body(imported):
    article = imported["163_1.html"]
    assert not CHANNELS & set(_texts(article))
    assert "2019年，龙湖集团即将迎来赴港上市10周年" in "".join(_texts(article))


def test_subheadings_become_sections(imported):
    headings = [s.heading for s in imported["sina_sina.html"].sections]
    assert "巨头暗战5G芯片" in headings
    assert "巨头暗战5G芯片" not in _texts(imported["sina_sina.html"])
    assert {"河流、丛林、野兽与冰川", "冰洞搜索", "开学和期待"} <= {s.heading for s in imported["toutiao_3.html"].sections}
    assert {"“打蛇打七寸”", "兴于现金贷", "灰色地带中的 “爬虫”"} <= {s.heading for s in imported["qq_2.html"].sections}
    assert not [s for s in imported["huanqiu_1.html"].sections if s.heading]  # bold quoted speech is no subheading


def test_date_source_and_author_are_metadata_not_body(imported):
    paper = imported["thepaper_1.html"]
    assert paper.source.date == "2019-09-24" and paper.byline == "石佳/中国青年报"
    assert not [t for t in _everything(paper) if "石佳" in t or "2019-09-24" in t]
    netease = imported["163_1.html"]
    assert (netease.source.date, netease.source.publisher) == ("2019-09-07", "证券市场红周刊")
    assert imported["ifeng_1.html"].byline == "澎湃新闻记者 段彦超 廖艳"
    assert "澎湃新闻记者 段彦超 廖艳" not in _texts(imported["ifeng_1.html"])
    assert imported["gsc_1.html"].source.publisher == "中国地理学会"


def test_photo_captions_are_captions(imported):
    assert "图片来源：未来科学大奖官网" in _texts(imported["163_3.html"], "caption")
    assert "图片来源：未来科学大奖官网" not in _texts(imported["163_3.html"])
    assert {"小花家。", "大涧学校。"} <= set(_texts(imported["ifeng_1.html"], "caption"))
    assert _texts(imported["cjddsb_1.html"], "caption") == ["活动现场", "志愿者们积极向市民宣传金融知识"]  # <center>


def test_a_web_article_survives_our_markdown(imported):
    article = imported["sina_sina.html"]
    again = from_markdown(to_markdown(article))
    assert again.to_dict() | {"source": None} == article.to_dict() | {"source": None}
    assert (again.source.date, again.source.shape) == (article.source.date, "web")


PAGE = """<html><head><meta charset="{charset}"><title>新闻标题_示例网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">财经</a> <a href="/b">科技</a></div>
<h1>新闻标题</h1><div class="info">2024-03-05 来源：示例日报</div>
<div class="content">
<p>第一段讲了<a href="https://example.invalid/x">一个链接</a>和<strong>加粗的字</strong>，段落没有断开。</p>
<p><strong>小标题在这里</strong></p>
<p>第二段也是正文，有逗号，有句号。还有第二句，内容足够长，读起来像文章。</p>
<p>第三段是最后一段，说完了全部的内容，就此结束。</p>
</div><div class="footer">版权所有 © 示例网</div></body></html>"""


def test_inline_links_and_bold_stay_inside_their_paragraph():
    article = import_page(PAGE.format(charset="utf-8").encode("utf-8"), "page.html")
    assert article.title == "新闻标题"
    assert _texts(article)[0] == "第一段讲了一个链接和加粗的字，段落没有断开。"
    assert [s.heading for s in article.sections] == [None, "小标题在这里"]
    assert (article.source.date, article.source.publisher) == ("2024-03-05", "示例日报")


@pytest.mark.parametrize("charset, encoding", [("gb2312", "gb18030"), ("GBK", "gb18030"), ("gb18030", "gb18030")])
def test_a_page_in_a_declared_chinese_encoding(tmp_path, charset, encoding):
    path = tmp_path / "gbk.htm"
    path.write_bytes(PAGE.format(charset=charset).encode("gb18030"))
    article = load_article(path)
    assert article.title == "新闻标题" and article.source.encoding == encoding
    assert _texts(article)[-1] == "第三段是最后一段，说完了全部的内容，就此结束。"


def test_a_page_with_a_bom_and_a_page_saved_as_utf8_under_an_old_declaration(tmp_path):
    bom = tmp_path / "bom.html"
    bom.write_bytes(codecs.BOM_UTF8 + PAGE.format(charset="utf-8").encode("utf-8"))
    resaved = tmp_path / "resaved.html"
    resaved.write_bytes(PAGE.format(charset="gb2312").encode("utf-8"))  # a browser saves UTF-8, keeps the meta tag
    for path in (bom, resaved):
        article = load_article(path)
        assert article.title == "新闻标题" and "\ufeff" not in article.title
        assert _texts(article)[0].startswith("第一段讲了")


def test_an_mhtml_page(tmp_path):
    body = PAGE.format(charset="gbk").encode("gb18030")
    path = tmp_path / "saved.mhtml"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
                     b"Content-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
                     + b"\r\n--B\r\nContent-Type: image/png\r\n\r\nPNG\r\n--B--\r\n")
    assert load_article(path).title == "新闻标题"


def test_a_page_without_article_text_is_one_clear_problem(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><a href='/'>首页</a><a href='/b'>财经</a></body></html>", encoding="utf-8")
    with pytest.raises(ImportProblem, match="holds no article text"):
        load_article(path)


def test_readers_comments_never_win_over_a_shorter_article():
    comments = "".join(f"<div class='item'><p>网友{i}：这篇文章写得很好，我完全同意作者的看法，希望以后多写一些这样的文章，谢谢！"
                       f"另外，我还想补充几点看法，供大家参考，欢迎讨论。</p></div>" for i in range(30))
    page = (f"<html><head><title>短新闻_示例网</title></head><body><h1>短新闻</h1><div class='article'>"
            f"<p>第一段，事情的经过是这样的，时间不长。</p><p>第二段，结果也很简单，就此结束。</p></div>"
            f"<div id='comment-list'>{comments}</div></body></html>")
    article = import_page(page.encode("utf-8"), "short.html")
    assert _texts(article) == ["第一段，事情的经过是这样的，时间不长。", "第二段，结果也很简单，就此结束。"]


def test_a_news_dateline_and_an_end_mark_are_not_body_text():
    page = ("<html><head><title>高铁新线开通运营-示例网</title></head><body><h1>高铁新线开通运营</h1>"
            "<div class='left_zw'><p>　　中新网5月6日电 一条新的高速铁路今日开通运营，沿线城市进入高铁时代。</p>"
            "<p>　　这条线路全长三百多公里，共设十个车站。</p><p>　　（完）</p><div>【编辑:孙七】</div></div></body></html>")
    article = import_page(page.encode("utf-8"), "news.html")
    assert article.dateline == "中新网5月6日电"
    assert _texts(article) == ["一条新的高速铁路今日开通运营，沿线城市进入高铁时代。", "这条线路全长三百多公里，共设十个车站。"]
    assert "metadata line: 【编辑:孙七】" in article.source.notes


def test_an_article_split_by_an_ad_keeps_both_parts_and_not_the_ad():
    part = "<div class='part'>{}</div>"
    first = "".join(f"<p>上半部分第{i}段，内容连贯，读者需要读到全部的文字。</p>" for i in range(3))
    second = "".join(f"<p>下半部分第{i}段，故事继续讲下去，直到最后结束。</p>" for i in range(3))
    page = (f"<html><head><title>分成两半的文章_示例网</title></head><body><h1>分成两半的文章</h1><div class='body'>"
            f"{part.format(first)}<div class='promo'><img src='ad.png'><a href='/buy'>限时优惠 立即购买</a></div>{part.format(second)}"
            f"</div></body></html>")
    texts = _texts(import_page(page.encode("utf-8"), "split.html"))
    assert texts[0].startswith("上半部分第0段") and texts[-1].startswith("下半部分第2段")
    assert len(texts) == 6 and not [t for t in texts if "优惠" in t]


def test_a_post_in_nested_sections_keeps_every_part_with_the_subheading_between():
    def part(word: str) -> str:
        return "".join(f"<section><p><span>{word}第{i}段，公众号的文章常常这样排版，每段包在好几层标签里。</span></p></section>"
                       for i in range(4))
    page = (f"<html><head><title>公众号文章</title></head><body><h2 class='rich_media_title'>公众号文章</h2>"
            f"<div id='js_content'><section>{part('上半')}</section><section><img src='a.png'></section>"
            f"<section><p><strong>二、小标题</strong></p></section><section>{part('下半')}</section></div>"
            f"<div><p>微信扫一扫<br>关注该公众号</p></div></body></html>")
    article = import_page(page.encode("utf-8"), "post.html")
    assert [s.heading for s in article.sections] == [None, "二、小标题"]
    texts = _texts(article)
    assert len(texts) == 8 and texts[0].startswith("上半第0段") and texts[-1].startswith("下半第3段")
