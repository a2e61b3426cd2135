"""Hand-built articles and annotations for the reader window's tests (no language libraries needed)."""

from __future__ import annotations

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph, GlossaryHit, Token
from reader.core.model import Article, SectionDraft, SectionKind, build_sections

WORDS = {
    "高质量": ("gao1", "zhi4", "liang4"), "发展": ("fa1", "zhan3"), "是": ("shi4",), "首要": ("shou3", "yao4"),
    "任务": ("ren4", "wu5"), "品质": ("pin3", "zhi4"), "西海岸": ("xi1", "hai3", "an4"), "建设": ("jian4", "she4"),
    "我们": ("wo3", "men5"), "要": ("yao4",), "坚持": ("jian1", "chi2"), "质量": ("zhi4", "liang4"),
    "第一": ("di4", "yi1"), "供给侧": ("gong1", "ji3", "ce4"), "结构性": ("jie2", "gou4", "xing4"),
    "改革": ("gai3", "ge2"), "推进": ("tui1", "jin4"), "新区": ("xin1", "qu1"), "的": ("de5",),
    "标准": ("biao1", "zhun3"), "引领": ("yin3", "ling3"), "强化": ("qiang2", "hua4"), "和": ("he2",),
    "城市": ("cheng2", "shi4"), "更": ("geng4",), "美好": ("mei3", "hao3"), "一": ("yi1",), "流": ("liu2",),
    "加快": ("jia1", "kuai4"), "形成": ("xing2", "cheng2"), "工作": ("gong1", "zuo4"), "格局": ("ge2", "ju2"),
}
HSK = {"是": 1, "的": 1, "我们": 1, "要": 2, "发展": 4, "质量": 4, "工作": 1, "第一": 1, "和": 1, "更": 3}
GLOSSARY = ("供给侧结构性改革", "品质西海岸", "高质量发展")

LEAD = "高质量发展是首要任务。我们要坚持质量第一，推进供给侧结构性改革。"
BODY = ("建设“品质西海岸”，要强化标准引领。" * 6).rstrip()
BODY2 = "新区的城市更美好，一流的标准和一流的质量。"
CONT = "加快形成工作格局，推进高质量发展。"


def make_article(title: str = "推进高质量发展") -> Article:
    """Return an article with a lead, two headed sections and a continuation."""
    drafts = [
        SectionDraft(None, 0, SectionKind.LEAD, [LEAD]),
        SectionDraft("强化标准引领", 1, SectionKind.BODY, [BODY, BODY2]),
        SectionDraft("建设品质西海岸", 1, SectionKind.BODY, [BODY2 + "我们要坚持。", LEAD + "我们"]),
        SectionDraft(None, 1, SectionKind.CONTINUATION, [CONT]),
    ]
    return Article(title=title, subtitle="新区建设侧记", byline="本报记者", sections=build_sections(drafts))


def annotate_text(text: str) -> AnnotatedParagraph:
    """Segment `text` by longest match over WORDS (others one character each) and find GLOSSARY terms."""
    tokens, i = [], 0
    while i < len(text):
        word = next((text[i:i + n] for n in (3, 2, 1) if text[i:i + n] in WORDS), None)
        if word is None:
            han = "\u4e00" <= text[i] <= "\u9fff"
            tokens.append(Token(i, i + 1, text[i], ("x1",) if han else (None,)))
            i += 1
            continue
        tokens.append(Token(i, i + len(word), word, WORDS[word], True, HSK.get(word)))
        i += len(word)
    hits = []
    for term in GLOSSARY:
        start = text.find(term)
        while start >= 0:
            hits.append(GlossaryHit(start, start + len(term), term))
            start = text.find(term, start + 1)
    return AnnotatedParagraph("", text, tuple(tokens), tuple(sorted(hits, key=lambda h: h.start)))


def annotate_article(article: Article) -> AnnotatedArticle:
    """Return the hand-made annotation of every paragraph, heading and the title."""
    annotated = AnnotatedArticle()
    for paragraph in article.paragraphs():
        result = annotate_text(paragraph.text)
        annotated.paragraphs[paragraph.id] = AnnotatedParagraph(paragraph.id, result.text, result.tokens,
                                                                result.glossary_hits)
    for heading in [article.title, article.subtitle] + [s.heading for s in article.sections]:
        if heading:
            annotated.headings[heading] = annotate_text(heading)
    return annotated


class HandMadeReading:
    """Stands in for the child process's `BatchReading`: annotates with a function, on the worker thread, and hands
    `parts` (lists of paragraph ids or heading texts) to `report` first, like batches of a child."""

    def __init__(self, article: Article, annotate, parts: list[list[str]] = ()) -> None:
        self.article, self.annotate, self.parts = article, annotate, parts

    def run(self, report) -> AnnotatedArticle:
        """Report each part's annotation, then return the whole."""
        whole = self.annotate(self.article)
        for part in self.parts:
            report(AnnotatedArticle({k: v for k, v in whole.paragraphs.items() if k in part},
                                    {k: v for k, v in whole.headings.items() if k in part}))
        return whole

    def stop(self) -> None:
        """Nothing runs outside the worker thread."""


def hand_made_reading(annotate=None, parts: list[list[str]] = ()):
    """Return a stand-in for `services.start_reading` that annotates with `annotate` (the hand-made annotation)."""
    return lambda article, from_paragraph=None: HandMadeReading(article, annotate or annotate_article, parts)
