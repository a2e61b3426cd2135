"""Dubao's own article format: Markdown with a small front-matter block. Trainers may write it by hand.

    ---
    title: 把高质量发展之路走得更有奔头、更有劲头
    subtitle: 全区2025年党建引领高质量发展暨品质西海岸建设动员大会侧记
    byline: 本报记者 李涛
    dateline: 新华社北京1月2日电
    source-file: page.txt
    source-page: 第3版
    source-date: 2025-02-06
    source-encoding: utf-8
    source-shape: newspaper
    source-url: https://example.cn/news/1.html
    source-publisher: 新华社
    title-inferred: false
    note: one line of what the importer decided (repeatable)
    ---

    <!-- section kind=lead level=0 -->

    第一段。

    ## 建设“品质西海岸” 背后的战略考量

    一段。

    > 图片说明（a paragraph with role "caption"）

    ### 深一级的标题

    ## 无标题的一节 {kind=continuation}

Rules:
- Front matter: one `key: value` per line between `---` lines; every key is optional except that a file without a
  title gets one inferred. A value starting with `"` is a JSON string (used for values with outer spaces).
  An unknown key, a line without `key:`, a bad JSON value or a missing closing `---` is an ImportProblem.
- A `# ` line before the first section is the title when the front matter has none.
- `## ` is a level-1 heading, `### ` level 2, and so on. A heading's section kind is `body` unless the heading ends
  with `{kind=lead}`, `{kind=continuation}`, `{kind=caption}` …
- A section without a heading starts with `<!-- section kind=K level=N -->`. Paragraphs before any heading or
  marker form a lead section.
- Paragraphs are separated by blank lines; the lines of one paragraph are joined (with nothing between two Chinese
  characters or marks, with a space otherwise). A paragraph starting with `> ` is a caption. A paragraph that would
  start with `#`, `>`, `<!--`, `---` or a backslash is written with a backslash in front.
- Paragraph roles are "text" and "caption"; heading levels are 1–9 (`##` to `##########`).
`from_markdown(to_markdown(article)) == article` for every article the importer produces.
"""

from __future__ import annotations

import json
import re

from reader.core.errors import ImportProblem
from reader.core.importer.lines import UNHEADED_LEVEL
from reader.core.importer.spacing import is_wide
from reader.core.model import Article, SectionDraft, SectionKind, Source, build_sections

_FIELDS = ("title", "subtitle", "byline", "dateline")
_SOURCE_FIELDS = {"source-file": "file_name", "source-page": "page", "source-date": "date",
                  "source-encoding": "encoding", "source-shape": "shape", "source-url": "url",
                  "source-publisher": "publisher"}
_HEADING = re.compile(r"^(#{2,10}) (.*)$")
_KIND_SUFFIX = re.compile(r"\s*\{kind=([a-z_]+)\}$")
_MARKER = re.compile(r"^<!--\s*section\s+kind=([a-z_]+)\s+level=(\d+)\s*-->$")
_NEEDS_ESCAPE = ("#", ">", "<!--", "---", "\\")


def looks_like_markdown(text: str, file_name: str | None = None) -> bool:
    """True when a text is in Dubao's Markdown format (front matter at the top, or a .md/.markdown name)."""
    if file_name and str(file_name).lower().endswith((".md", ".markdown")):
        return True
    return text.lstrip("\ufeff").startswith("---\n") and "\ntitle:" in text[:2000]


def to_markdown(article: Article) -> str:
    """Return the article in Dubao's Markdown format."""
    out = ["---"] + _front_matter(article) + ["---", ""]
    for section in article.sections:
        kind = SectionKind(section.kind).value
        if section.heading is None:
            out += [f"<!-- section kind={kind} level={section.level} -->", ""]
        else:
            suffix = "" if kind == "body" and not _KIND_SUFFIX.search(section.heading) else f" {{kind={kind}}}"
            out += ["#" * (max(section.level, 1) + 1) + " " + section.heading + suffix, ""]
        for paragraph in section.paragraphs:
            out += [_paragraph_line(paragraph.text, paragraph.role), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _front_matter(article: Article) -> list[str]:
    source = article.source
    lines = [f"{name}: {_value(getattr(article, name))}" for name in _FIELDS if getattr(article, name) is not None]
    for key, attribute in _SOURCE_FIELDS.items():
        if getattr(source, attribute) is not None:
            lines.append(f"{key}: {_value(getattr(source, attribute))}")
    lines.append(f"title-inferred: {'true' if source.title_inferred else 'false'}")
    lines += [f"note: {_value(note)}" for note in source.notes]
    return lines


def _value(text: str) -> str:
    if text != text.strip() or text.startswith('"') or text.splitlines() != [text]:
        return json.dumps(text, ensure_ascii=False)
    return text


def _paragraph_line(text: str, role: str) -> str:
    if role == "caption":
        return "> " + text
    return "\\" + text if text.startswith(_NEEDS_ESCAPE) else text


def from_markdown(text: str, file_name: str | None = None) -> Article:
    """Read an article in Dubao's Markdown format; malformed front matter raises ImportProblem."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields, body_start = _read_front_matter(lines, file_name)
    drafts, title_line = _read_body(lines[body_start:])
    source = _source(fields, file_name)
    title = fields.pop("title", None) or title_line
    if not title:
        from reader.core.importer.titleblock import infer_title

        first_heading = drafts[0].heading if drafts else None
        first_text = next((t for d in drafts for t in d.texts), None)
        title = infer_title(first_heading, first_text)
        source.title_inferred = True
    return Article(title=title, subtitle=fields.get("subtitle"), byline=fields.get("byline"),
                   dateline=fields.get("dateline"), source=source, sections=build_sections(drafts))


def _source(fields: dict, file_name: str | None) -> Source:
    source = Source(file_name=file_name, shape="markdown")
    for key, attribute in _SOURCE_FIELDS.items():
        if key in fields:
            setattr(source, attribute, fields[key])
    source.title_inferred = fields.get("title-inferred", False)
    source.notes = fields.get("note", [])
    return source


def _read_front_matter(lines: list[str], file_name: str | None) -> tuple[dict, int]:
    """Return the front-matter fields and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    closing = next((index for index in range(1, len(lines)) if lines[index].strip() == "---"), None)
    if closing is None:
        raise ImportProblem("the front matter that opens with --- is never closed by a --- line", file_name)
    fields: dict = {}
    for index in range(1, closing):
        line = lines[index].strip()
        if line:
            _read_field(line, index + 1, fields, file_name)
    return fields, closing + 1


def _read_field(line: str, number: int, fields: dict, file_name: str | None) -> None:
    key, colon, raw = line.partition(":")
    key = key.strip()
    if not colon or key not in (*_FIELDS, *_SOURCE_FIELDS, "title-inferred", "note"):
        problem = f"line {number} of the front matter is not a known 'key: value' line: {line[:40]}"
        raise ImportProblem(problem, file_name)
    value = _parse_value(raw.strip(), number, file_name)
    if key == "note":
        fields.setdefault("note", []).append(value or "")
    elif key == "title-inferred":
        if raw.strip() not in ("true", "false"):
            raise ImportProblem(f"line {number}: title-inferred must be true or false", file_name)
        fields[key] = raw.strip() == "true"
    elif value is not None:
        fields[key] = value


def _parse_value(raw: str, number: int, file_name: str | None) -> str | None:
    if not raw:
        return None
    if raw.startswith('"'):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            raise ImportProblem(f"line {number} of the front matter has a broken quoted value", file_name) from None
        if not isinstance(value, str):
            raise ImportProblem(f"line {number} of the front matter has a broken quoted value", file_name)
        return value
    return raw


def _read_body(lines: list[str]) -> tuple[list[SectionDraft], str | None]:
    """Return the section drafts of the body and a `# ` title line if one stands before the first section."""
    drafts: list[SectionDraft] = []
    title: str | None = None
    pending: list[str] = []

    def flush() -> None:
        """End the paragraph being read, starting a lead section when it comes before any heading."""
        if pending:
            if not drafts:
                drafts.append(SectionDraft(None, UNHEADED_LEVEL, SectionKind.LEAD))
            _add_paragraph(drafts[-1], pending)
            pending.clear()

    for line in lines:
        stripped = line.strip()
        heading, marker = _HEADING.match(stripped), _MARKER.match(stripped)
        if not stripped:
            flush()
        elif stripped.startswith("# ") and not drafts and not pending and title is None:
            title = stripped[2:].strip()
        elif heading or marker:
            flush()
            drafts.append(_section_start(heading, marker))
        else:
            pending.append(stripped)
    flush()
    return drafts, title


def _section_start(heading: re.Match | None, marker: re.Match | None) -> SectionDraft:
    if marker:
        return SectionDraft(None, int(marker.group(2)), _kind(marker.group(1)))
    text = heading.group(2)
    suffix = _KIND_SUFFIX.search(text)
    kind = _kind(suffix.group(1)) if suffix else SectionKind.BODY
    if suffix:
        text = text[: suffix.start()]
    return SectionDraft(text, len(heading.group(1)) - 1, kind)


def _kind(name: str) -> SectionKind:
    try:
        return SectionKind(name)
    except ValueError:
        return SectionKind.BODY


def _add_paragraph(draft: SectionDraft, lines: list[str]) -> None:
    role = "caption" if lines[0].startswith("> ") or lines[0] == ">" else "text"
    if role == "caption":
        lines = [line[1:].lstrip() if line.startswith(">") else line for line in lines]
    elif lines[0].startswith("\\"):
        lines = [lines[0][1:]] + lines[1:]
    text = lines[0]
    for line in lines[1:]:
        glue = "" if text and line and is_wide(text[-1]) and is_wide(line[0]) else " "
        text += glue + line
    if not text.strip():  # a lone escape ("\\") or quote mark (">") holds no paragraph
        return
    draft.texts.append(text)
    draft.roles.append(role)
