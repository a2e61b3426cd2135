"""Word-level reading facts the pinyin engine applies over pypinyin's own tables.

These are facts of the language (readings as 现代汉语词典 gives them), not fixes for one text:
- `WORD_READINGS`: words pypinyin reads wrongly, obligatorily neutral syllables, place names with special readings.
- `CHAR_READINGS`: the ordinary reading of a lone character where pypinyin picks a rare one.
- `SURNAME_READINGS`: how a character is read as a family name (applied to person names only).
Readings are numbered syllables; 5 is the neutral tone; ü is written v.
"""

from __future__ import annotations


def _table(spec: str) -> dict[str, tuple[str, ...]]:
    """Parse 'word:syl syl; word:syl …' into a mapping."""
    table: dict[str, tuple[str, ...]] = {}
    for item in spec.split(";"):
        item = item.strip()
        if item:
            word, readings = item.split(":")
            syllables = tuple(readings.split())
            assert len(syllables) == len(word), item
            table[word.strip()] = syllables
    return table


# 重 read chóng ("again, re-") before verbs of renewal.
_CHONG = """
重整:chong2 zheng3; 重塑:chong2 su4; 重振:chong2 zhen4; 重构:chong2 gou4; 重整旗鼓:chong2 zheng3 qi2 gu3;
重新:chong2 xin1; 重建:chong2 jian4; 重组:chong2 zu3; 重启:chong2 qi3; 重返:chong2 fan3; 重申:chong2 shen1;
重温:chong2 wen1; 重现:chong2 xian4; 重修:chong2 xiu1; 重写:chong2 xie3; 重播:chong2 bo1; 重叠:chong2 die2;
重复:chong2 fu4; 重阳:chong2 yang2; 重逢:chong2 feng2; 重围:chong2 wei2; 重走:chong2 zou3; 重来:chong2 lai2
"""

# 处 read chǔ as a verb ("to be situated, to deal with").
_CHU = """
处在:chu3 zai4; 身处:shen1 chu3; 地处:di4 chu3; 处于:chu3 yu2; 相处:xiang1 chu3; 处置:chu3 zhi4; 处理:chu3 li3;
处分:chu3 fen4; 处罚:chu3 fa2; 处境:chu3 jing4; 处世:chu3 shi4; 处事:chu3 shi4; 设身处地:she4 shen1 chu3 di4
"""

# Syllables 现代汉语词典 marks as obligatorily neutral (·).
_NEUTRAL = """
认识:ren4 shi5; 故事:gu4 shi5; 告诉:gao4 su5; 明白:ming2 bai5; 时候:shi2 hou5; 朋友:peng2 you5; 休息:xiu1 xi5;
衣服:yi1 fu5; 消息:xiao1 xi5; 麻烦:ma2 fan5; 舒服:shu1 fu5; 漂亮:piao4 liang5; 喜欢:xi3 huan5; 先生:xian1 sheng5;
客气:ke4 qi5; 打算:da3 suan5; 商量:shang1 liang5; 清楚:qing1 chu5; 热闹:re4 nao5; 事情:shi4 qing5; 知道:zhi1 dao5;
样子:yang4 zi5; 晚上:wan3 shang5; 早上:zao3 shang5; 身上:shen1 shang5; 工夫:gong1 fu5; 力气:li4 qi5;
耳朵:er3 duo5; 头发:tou2 fa5; 眼睛:yan3 jing5; 窗户:chuang1 hu5; 豆腐:dou4 fu5; 月亮:yue4 liang5; 葡萄:pu2 tao5; 玻璃:bo1 li5;
萝卜:luo2 bo5; 石头:shi2 tou5; 木头:mu4 tou5; 骨头:gu3 tou5; 舌头:she2 tou5; 念头:nian4 tou5; 苗头:miao2 tou5;
奔头:ben4 tou5; 规矩:gui1 ju5; 丈夫:zhang4 fu5; 媳妇:xi2 fu5; 姑娘:gu1 niang5; 嘱咐:zhu3 fu5; 吩咐:fen1 fu5;
招呼:zhao1 hu5; 收拾:shou1 shi5; 打听:da3 ting5; 答应:da1 ying5; 认得:ren4 de5; 觉得:jue2 de5; 记得:ji4 de5;
晓得:xiao3 de5; 懂得:dong3 de5; 舍得:she3 de5; 显得:xian3 de5; 免得:mian3 de5; 怎么:zen3 me5; 什么:shen2 me5;
这么:zhe4 me5; 那么:na4 me5; 多么:duo1 me5; 这个:zhe4 ge5; 那个:na4 ge5; 哪个:na3 ge5; 上头:shang4 tou5;
东边:dong1 bian5; 西边:xi1 bian5; 南边:nan2 bian5; 北边:bei3 bian5; 里边:li3 bian5; 外边:wai4 bian5
"""

# Place and proper names whose reading differs from the characters' everyday one.
_PLACES = """
会稽:kuai4 ji1; 涡阳:guo1 yang2; 莘县:shen1 xian4; 洪洞:hong2 tong2; 单县:shan4 xian4; 繁峙:fan2 shi4;
尉氏:wei4 shi4; 阆中:lang4 zhong1; 浚县:xun4 xian4; 百色:bai3 se4; 解州:xie4 zhou1; 费县:bi4 xian4; 漯河:luo4 he2;
六安:lu4 an1; 丽水:li2 shui3; 蚌埠:beng4 bu4; 番禺:pan1 yu2; 铅山:yan2 shan1; 乐亭:lao4 ting2; 台州:tai1 zhou1;
东阿:dong1 e1; 曲阜:qu1 fu4; 枞阳:zong1 yang2; 歙县:she4 xian4; 华山:hua4 shan1; 华县:hua4 xian4; 厦门:xia4 men2;
重庆:chong2 qing4; 都江堰:du1 jiang1 yan4; 济南:ji3 nan2; 黄陂:huang2 pi2; 蔚县:yu4 xian4; 乐清:yue4 qing1;
犍为:qian2 wei2; 荥阳:xing2 yang2; 牟平:mu4 ping2; 亳州:bo2 zhou1; 盱眙:xu1 yi2; 茌平:chi2 ping2; 句容:ju4 rong2;
丽江:li4 jiang1; 吐蕃:tu3 bo1; 阿房宫:e1 pang2 gong1; 可汗:ke4 han2; 龟兹:qiu1 ci2; 单于:chan2 yu2; 月氏:yue4 zhi1;
长江:chang2 jiang1; 长沙:chang2 sha1; 长春:chang2 chun1; 长治:chang2 zhi4; 长城:chang2 cheng2; 长安:chang2 an1;
济宁:ji3 ning2; 蚌山:beng4 shan1; 大栅栏:da4 shi2 lan5; 瑷珲:ai4 hui1; 秘鲁:bi4 lu3
"""

# Other words pypinyin reads with a rarer sense, and 为 wéi in verb compounds ("to be, to become, to act").
_OTHER = """
擦靓:ca1 liang4; 靓丽:liang4 li4; 必应:bi4 ying4; 有求必应:you3 qiu2 bi4 ying4; 与会:yu4 hui4; 参与:can1 yu4;
化为:hua4 wei2; 转化为:zhuan3 hua4 wei2; 转为:zhuan3 wei2; 变为:bian4 wei2; 最为:zui4 wei2; 更为:geng4 wei2;
极为:ji2 wei2; 尤为:you2 wei2; 较为:jiao4 wei2; 颇为:po1 wei2; 甚为:shen4 wei2; 而为:er2 wei2; 视为:shi4 wei2;
称为:cheng1 wei2; 分为:fen1 wei2; 列为:lie4 wei2; 评为:ping2 wei2; 选为:xuan3 wei2; 誉为:yu4 wei2; 定为:ding4 wei2;
沦为:lun2 wei2; 改为:gai3 wei2; 作为:zuo4 wei2; 成为:cheng2 wei2; 认为:ren4 wei2; 以为:yi3 wei2; 行为:xing2 wei2;
为例:wei2 li4; 不失为:bu4 shi1 wei2; 为功:wei2 gong1; 为止:wei2 zhi3; 为首:wei2 shou3; 为难:wei2 nan2;
支行:zhi1 hang2; 总行:zong3 hang2; 长效:chang2 xiao4; 还林:huan2 lin2; 还草:huan2 cao3; 还田:huan2 tian2;
长得:zhang3 de5; 还钱:huan2 qian2; 还款:huan2 kuan3; 还债:huan2 zhai4; 还贷:huan2 dai4; 还书:huan2 shu1;
还给:huan2 gei3; 还清:huan2 qing1; 还原:huan2 yuan2; 还击:huan2 ji1; 还手:huan2 shou3; 还嘴:huan2 zui3;
归还:gui1 huan2; 偿还:chang2 huan2; 退还:tui4 huan2; 送还:song4 huan2; 返还:fan3 huan2; 奉还:feng4 huan2
"""

WORD_READINGS: dict[str, tuple[str, ...]] = {
    **_table(_CHONG), **_table(_CHU), **_table(_NEUTRAL), **_table(_PLACES), **_table(_OTHER)
}

CHAR_READINGS: dict[str, str] = {
    "晟": "sheng4",  # 通用规范汉字表 and 现汉: shèng
    "靓": "liang4",  # "pretty, shiny" (靓丽, 靓女); jìng only in the bookish 靓妆
    "什": "shi2",  # shén only in 什么 and its words, which the dictionaries read; alone and in names (布什) shí
    "一": "yi1",  # citation tone; spoken sandhi is a display option
    "不": "bu4",
}

# Readings of a character standing alone as a word (pypinyin's default for it is a bound use).
LONE_CHAR_READINGS: dict[str, str] = {
    "长": "chang2",  # "long"; zhǎng "grow, head of" comes from words (成长, 局长) and the context rules
}

SURNAME_READINGS: dict[str, str] = {
    "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "区": "ou1", "查": "zha1", "曾": "zeng1",
    "盖": "ge3", "乐": "yue4", "缪": "miao4", "翟": "zhai2", "覃": "qin2", "召": "shao4", "种": "chong2",
    "员": "yun4", "繁": "po2", "秘": "bi4", "华": "hua4", "任": "ren2", "宁": "ning4", "柏": "bai3", "纪": "ji3",
    "折": "she2", "过": "guo1", "隗": "wei3", "句": "gou1", "车": "che1", "燕": "yan1", "应": "ying1", "薄": "bo2",
    "谌": "chen2", "殷": "yin1", "石": "shi2", "都": "du1", "沈": "shen3", "贾": "jia3", "尉": "wei4", "长": "chang2",
    "万": "wan4", "冯": "feng2", "晟": "sheng4", "盛": "sheng4", "黑": "he4",
}

# Compound surnames read as a unit.
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = _table(
    "万俟:mo4 qi2; 尉迟:yu4 chi2; 长孙:zhang3 sun1; 令狐:ling2 hu2; 澹台:tan2 tai2; 单于:chan2 yu2; 皇甫:huang2 fu3"
)
