"""Properties of the importer.

- Any hard-wrapped page of indented paragraphs, cut at any width with column breaks anywhere, comes back exactly.
- Any paragraphs cut at one width without indents (last lines short), with or without blank lines between them,
  come back exactly.
- Any text built from layout pieces imports (and round-trips through Markdown) or gives an ImportProblem; never
  another exception.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core.errors import ImportProblem
from reader.core.importer import from_markdown, import_text, to_markdown
from reader.core.importer.newspaper import is_hard_wrapped

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
INNER_PUNCTUATION = "，、；：“”‘’《》"
ENDINGS = "。！？"

paragraph_text = st.builds(
    lambda first, body, end: first + body + end,
    st.sampled_from(HAN),
    st.text(alphabet=HAN * 3 + INNER_PUNCTUATION, min_size=10, max_size=120),
    st.sampled_from(ENDINGS),
)


def hard_wrap(paragraphs: list[str], width: int, breaks: list[bool]) -> list[str]:
    """Print paragraphs as a newspaper column: indented first lines, cut every `width` characters."""
    lines = []
    for text in paragraphs:
        first = width - 2
        lines.append("\u3000\u3000" + text[:first])
        lines += [text[i:i + width] for i in range(first, len(text), width)]
    out = []
    for index, line in enumerate(lines):
        if not line.startswith("\u3000") and breaks[index % len(breaks)]:
            out.append("")  # a column break: a blank line followed by an unindented line
        out.append(line)
    return out


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    paragraphs=st.lists(paragraph_text, min_size=3, max_size=8),
    width=st.integers(min_value=4, max_value=30),
    breaks=st.lists(st.booleans(), min_size=1, max_size=13),
)
def test_hard_wrapped_paragraphs_come_back_exactly(paragraphs, width, breaks):
    lines = hard_wrap(paragraphs, width, breaks)
    assume(is_hard_wrapped(lines))
    article = import_text("\n".join(lines) + "\n")
    assert [p.text for p in article.paragraphs()] == paragraphs
    assert len(article.sections) == 1
    assert article.source.shape == "newspaper"


LAYOUT_PIECES = st.sampled_from([
    "\n", "\n\n", "\u3000\u3000", " ", "——", "———", "（上接第一版）", "（下转第二版）", "□本报记者 王明", "一、", "（一）",
    "1.", "。", "，", "“", "”", "新华社北京1月2日电", "（2025年1月2日）", "第3版", "---\n", "title: ", "## ", "> ",
    "结语", "质量", "品质", "发展", "ABC", "12", "１２", "……",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LAYOUT_PIECES, st.text(alphabet=HAN + "。，", min_size=1, max_size=12)), max_size=60))
def test_any_text_imports_or_gives_an_import_problem(pieces):
    text = "".join(pieces)
    try:
        article = import_text(text, "fuzz.txt")
    except ImportProblem as problem:
        assert problem.path is not None and problem.problem
        return
    assert article.title
    texts = [p.text for p in article.paragraphs()]
    assert all(text and "\n" not in text for text in texts)
    assert from_markdown(to_markdown(article)) == article


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    paragraphs=st.lists(
        st.builds(lambda body, end: body + end,
                  st.text(alphabet=HAN * 3 + "，：“”《》", min_size=12, max_size=150), st.sampled_from(ENDINGS)),
        min_size=3, max_size=8),
    width=st.integers(min_value=10, max_value=40),
    blank_between=st.booleans(),
)
def test_text_cut_at_one_width_comes_back_exactly(paragraphs, width, blank_between):
    assume(all(len(text) > width and 0 < len(text) % width < width - 2 for text in paragraphs))
    lines = []
    for text in paragraphs:
        lines += [text[i:i + width] for i in range(0, len(text), width)] + ([""] if blank_between else [])
    article = import_text("\n".join(lines) + "\n")
    assert [p.text for p in article.paragraphs()] == paragraphs
