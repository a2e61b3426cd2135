"""The importer: files of many shapes in, one clean `Article` out.

Public API:
- `load_article(path)`: read a file (size limit 20 MB, see `decoding.MAX_FILE_BYTES`), decode it, and import it;
  Dubao's Markdown format is recognised by its front matter or a `.md` name. Every problem a user can fix (missing
  file, folder, empty, binary, undecodable, too large, permission denied, vanished) raises `ImportProblem`.
- `import_text(text, file_name=None)`: import text already decoded; the shape is detected from the text.
- `import_page(data, file_name=None, url=None)`: a web page (bytes as saved or fetched, or text): see `webpage`.
  `load_article` sends `.html`/`.htm`/`.mhtml` files (and files that start like a page) there, and `.epub`
  books to `epub` (chapters as sections).
- `decode_bytes(data, path=None)`: (text, encoding name) for UTF-8 ±BOM, UTF-16/32 with BOM, GB18030/GBK.
- `to_markdown(article)` / `from_markdown(text, file_name=None)`: Dubao's own format, lossless.

Modules: `decoding` (bytes to text), `lines` (line classification), `spacing` (joining wrapped lines,
justification spaces), `titleblock` (title, subtitle, date and page lines, inferred titles), `newspaper`
(hard-wrapped page reconstruction), `matching` (stranded headings to blocks), `perline` (one paragraph per line:
web copy, documents, briefs), `wrapped` (text cut at one width without indents), `shapes` (shape detection and
assembly), `markdown` (our format), `webpage` (saved and fetched web pages), `epub` (e-books).

How the page reconstruction decides: see the `newspaper` docstring (paragraph starts, column breaks, blocks,
heading groups, byline, lead, continuations) and `matching` (stranded headings to blocks by shared bigrams).

What it still gets wrong:
- text cut at one width without indents (a PDF copy) ends a paragraph only at a blank line or a short line, so
  a paragraph whose last line happens to fill the column runs on into the next;
- an English word cut at a line end inside a hard-wrapped paragraph is joined without its space;
- a column break that falls exactly before a paragraph start reads as a new block; it joins the block before it,
  which is right unless it then takes a heading that belongs elsewhere;
- a heading whose words appear nowhere in its body is placed by printed order only;
- a dump of several pages is read as one article: each heading only looks at nearby blocks, and only the first
  byline is taken;
- in one-paragraph-per-line text, a short body line without final punctuation (up to 48 characters) reads as a
  subhead.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ImportProblem
from reader.core.importer.decoding import MAX_FILE_BYTES, clean_text, decode_bytes, read_file_bytes, refuse_binary
from reader.core.importer.epub import import_epub, looks_like_epub
from reader.core.importer.markdown import from_markdown, looks_like_markdown, to_markdown
from reader.core.importer.shapes import import_plain_text
from reader.core.importer.webpage import import_page, looks_like_html
from reader.core.model import Article

__all__ = ["MAX_FILE_BYTES", "decode_bytes", "from_markdown", "import_page", "import_text", "load_article",
           "to_markdown"]


def import_text(text: str, file_name: str | None = None) -> Article:
    """Return the Article a decoded text holds, detecting its shape (Dubao Markdown, newspaper page, per-line)."""
    text = clean_text(text)
    if looks_like_markdown(text, file_name):
        return from_markdown(text, file_name)
    return import_plain_text(text, file_name)


def load_article(path: str | Path) -> Article:
    """Read, decode and import an article file; raise ImportProblem naming the file and the problem."""
    path = Path(path)
    data = read_file_bytes(path)
    if not data:
        raise ImportProblem("is empty", path)
    if looks_like_html(data, path.name) or looks_like_epub(data, path.name):
        read = import_epub if looks_like_epub(data, path.name) else import_page
        if read is import_page:
            refuse_binary(data, path)
        try:
            return read(data, path.name)
        except ImportProblem as problem:
            raise ImportProblem(problem.problem, path) from None
    text, encoding = decode_bytes(data, path)
    try:
        if looks_like_markdown(text, path.name):
            article = from_markdown(text, path.name)
            article.source.encoding = article.source.encoding or encoding
        else:
            article = import_plain_text(text, path.name)
            article.source.encoding = encoding
    except ImportProblem as problem:
        raise ImportProblem(problem.problem, path) from None
    return article
