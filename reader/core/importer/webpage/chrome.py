"""Page chrome: the lines every news page wraps around an article. General patterns of Chinese news sites (share
and login prompts, copyright and report lines, editor credits, "related" and "recommended" lists, reaction and
comment counters), never the classes or addresses of a particular site.
"""

from __future__ import annotations

import re

# A short block matching one of these is chrome wherever it stands.
CHROME = re.compile(
    r"分享到|分享至|扫一扫|扫码|二维码|微信扫|长按(?:识别|二维码)|关注(?:我们|该公众号|公众号)|微信号|功能介绍|"
    r"举报|版权所有|版权声明|copyright|©|免责声明|未经(?:授权|许可)|不得转载|违法和不良信息|"
    r"责任编辑|^编辑[：:]|^关键词|^关键字|报料|打印本页|^字号|^[【\[]?(?:大|中|小)[】\]]?$|收藏本文|"
    r"^(?:上|下)一篇|返回(?:\S{0,8})首页|查看更多|阅读原文|阅读全文|^已发送|^发送到看一看|感谢您的反馈|"
    r"参与评论|条评论|人参与|我要评论|发表评论|网友评论|^评论$|^赞赏|^点赞|^在看|^喜欢此内容的人还喜欢|"
    r"^(?:A|T)\s*[-+]|^(?:A-|A\+)|缩小字体|放大字体|^登录|^注册|^一键登录|下载.{0,6}客户端|下载APP|^APP$|"
    r"^[\ufffd\s]+$|^[【\[]?(?:广告|推广)[】\]]?[：:]?|^[（(]\s*完\s*[)）]$|^声明[：:]|纠错|^分享[：:]?$|^收藏$|^【?打印】?$|^【?关闭】?$|返回顶部|^上一页|^下一页|"
    r"打开APP|APP内|展开全文|^阅读\s*\d|阅读量|^点击(?:关注|进入|查看|阅读)|^\+?\s*关注$|点击菜单|点【在看】|^\d+[、.]\s*回复【|^(?:原创|转载|来源)$|^\d+$|^[>\s/|·•-]+$|^正文$",
    re.IGNORECASE)
CHROME_MAX_CHARS = 60

# A block matching one of these ends the article: what follows is other articles or the page's footer.
END_MARKER = re.compile(
    r"^[【\[]?(?:延伸|相关|推荐|热门|热点|猜你喜欢|更多|精彩|往期|最新|今日|编辑推荐|大家都在看|为您推荐)"
    r"\s*[·•]?\s*(?:阅读|推荐|新闻|文章|链接|报道|专题|资讯|视频|图片|精选|回顾|推送|稿件|评论)?[】\]]?\s*[:：]?$|"
    r"^责任编辑|^本文来源[：:].{0,20}责任编辑|返回\S{0,8}[，,]?查看更多")

_TRAILING_LINK = re.compile(r"\s*返回\S{0,8}首页\s*(?:>>|»)?\s*$")


def is_chrome(text: str) -> bool:
    """True when a short block is page chrome rather than article text."""
    return len(text) <= CHROME_MAX_CHARS and bool(CHROME.search(text))


def ends_article(text: str) -> bool:
    """True when a block marks the end of the article (a "related" heading, the editor's credit …)."""
    return len(text) <= CHROME_MAX_CHARS and bool(END_MARKER.search(text))


_SLIDE_COUNTER = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\s+(?=\S)")


def strip_glued_chrome(text: str) -> str:
    """Return a paragraph without chrome glued to it: a "back to the home page" link at its end, a slide counter
    ("1/10") at its start."""
    return _SLIDE_COUNTER.sub("", _TRAILING_LINK.sub("", text))
