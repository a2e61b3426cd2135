"""Showing an article in the reader's script: as written, simplified, traditional, or the Taiwan or Hong Kong forms.

OpenCC converts phrase by phrase (头发 → 頭髮 but 发展 → 發展; 皇后 stays), which character tables cannot do. One
converter per configuration is made on first use and kept.

Two uses with different needs:
- `convert_text` converts a whole text for writing a new file; phrases may change length (软件 → 軟體 in Taiwan forms).
- `shown_text` converts for display only and keeps the length, so every offset (words, pinyin slots, notes, find)
  still points at the same character. Where a phrase conversion would change the length, that clause is converted
  character by character instead.

Scripts: "traditional" uses the forms most readers meet in print (OpenCC's Taiwan character standard, 為 麵 著 裡),
"tw" adds Taiwan vocabulary where it keeps the text's shape, "hk" the Hong Kong forms; "simplified" converts any
traditional text back.
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import StrEnum
from functools import lru_cache

from reader.core.annotation import AnnotatedArticle, AnnotatedParagraph
from reader.core.model import Article


class Script(StrEnum):
    """The characters an article is shown in."""

    AS_WRITTEN = "as-written"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "tw"
    HONG_KONG = "hk"


# The OpenCC configuration behind each script (none for "as written").
OPENCC_CONFIGS: dict[Script, str] = {
    Script.SIMPLIFIED: "t2s",
    Script.TRADITIONAL: "s2tw",
    Script.TAIWAN: "s2twp",
    Script.HONG_KONG: "s2hk",
}

_CLAUSE = re.compile(r"[^，。！？；：、,.!?;:\s]+|[，。！？；：、,.!?;:\s]+")


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc  # loaded only when a script other than "as written" is chosen

    return opencc.OpenCC(config)


def convert_text(text: str, script: Script) -> str:
    """Return `text` converted to `script` phrase by phrase (its length may change)."""
    if script is Script.AS_WRITTEN or not text:
        return text
    return _converter(OPENCC_CONFIGS[script]).convert(text)


def shown_text(text: str, script: Script) -> str:
    """Return `text` in `script` with exactly its length: character i of the result shows character i of `text`."""
    converted = convert_text(text, script)
    if len(converted) == len(text):
        return converted
    pieces = []
    for clause in _CLAUSE.findall(text):
        shown = convert_text(clause, script)
        if len(shown) != len(clause):
            shown = "".join(_one_char(char, script) for char in clause)
        pieces.append(shown)
    return "".join(pieces)


def _one_char(char: str, script: Script) -> str:
    shown = convert_text(char, script)
    return shown if len(shown) == 1 else char


def query_forms(query: str) -> list[str]:
    """Return `query` and its forms in the other scripts with the same length, so that a search typed in either
    script finds the text in the other."""
    forms = [query]
    for script in (Script.SIMPLIFIED, Script.TRADITIONAL, Script.HONG_KONG, Script.TAIWAN):
        form = shown_text(query, script)
        if form not in forms:
            forms.append(form)
    return forms


def other_forms(word: str) -> dict[str, str]:
    """Return the word's simplified and traditional forms that differ from it (for the word popup)."""
    forms = {"simplified": convert_text(word, Script.SIMPLIFIED), "traditional": convert_text(word, Script.TRADITIONAL)}
    return {name: form for name, form in forms.items() if form != word}


def article_in_script(article: Article, annotated: AnnotatedArticle | None,
                      script: Script) -> tuple[Article, AnnotatedArticle | None]:
    """Return copies of an article and its annotation showing `script`, for slides and handouts: every text keeps
    its length and every paragraph its id, so words, pinyin, glossary terms and notes stay where they were."""
    if script is Script.AS_WRITTEN:
        return article, annotated
    show = lambda text: shown_text(text, script) if text else text  # noqa: E731
    sections = [replace(section, heading=show(section.heading),
                        paragraphs=[replace(p, text=show(p.text)) for p in section.paragraphs])
                for section in article.sections]
    shown_article = replace(article, title=show(article.title), subtitle=show(article.subtitle),
                            byline=show(article.byline), dateline=show(article.dateline), sections=sections)
    if annotated is None:
        return shown_article, None
    return shown_article, AnnotatedArticle(
        {key: _paragraph_in_script(p, show) for key, p in annotated.paragraphs.items()},
        {show(key): _paragraph_in_script(p, show) for key, p in annotated.headings.items()})


def _paragraph_in_script(paragraph: AnnotatedParagraph, show) -> AnnotatedParagraph:
    tokens = tuple(replace(token, text=show(token.text)) for token in paragraph.tokens)
    return replace(paragraph, text=show(paragraph.text), tokens=tokens)
