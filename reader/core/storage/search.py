"""Full-text search that finds any substring of any length: 质, 质量, 西海岸, 高质量发展.

Design. Chinese has no spaces, so word tokenizers miss substrings (a jieba index has 西海岸 but not 海岸), and FTS5's
trigram tokenizer finds nothing under three characters. We index *overlapping character bigrams* instead:
the text 西海岸 becomes the tokens 西海 海岸 岸 (the last character of a document stands alone), one per position.
- a 2-character query is one token;
- a longer query is the phrase of its bigrams (西海 海岸 at consecutive positions), which matches exactly where the
  substring stands;
- a 1-character query is a prefix query (every position's token starts with its character), served by a prefix
  index.
Each character is written as four base-36 digits so that FTS5's unicode61 tokenizer sees plain ASCII words and never
splits, folds or drops anything (punctuation and spaces are searchable too). The index is contentless: the text
lives once, compressed, in `article_texts`; hits are checked against it (so a hit is always a real occurrence) and the snippet is
cut from it. Results come newest article first (descending article id), so the first 20 hits need no ranking pass.

Raw SQL in this module: sqlite-utils' `enable_fts` makes an external-content FTS table over one table's columns with
its own tokenizer options; it cannot declare this contentless bigram index (content='', prefix, columnsize=0) or
write its tokens and FTS5 'delete' commands. Statements still go through the sqlite-utils `Database`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from reader.core.storage.packing import unpack_text

if TYPE_CHECKING:
    from sqlite_utils import Database

INDEX_TABLE = "search_index"
SNIPPET_CONTEXT = 24
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class SearchHit:
    """One article that contains the query, with the first occurrence cut out as a snippet."""

    article_id: int
    title: str
    source_path: str
    paragraph_id: str | None  # None when the match is in the title
    before: str
    match: str
    after: str
    cut_before: bool = False  # the paragraph goes on before `before` (so a "…" belongs there)
    cut_after: bool = False  # the paragraph goes on after `after`

    @property
    def snippet(self) -> str:
        """The snippet as one line of plain text, the match in 【】, with "…" only where the text was cut."""
        return f"{'…' if self.cut_before else ''}{self.before}【{self.match}】{self.after}{'…' if self.cut_after else ''}"


def _encode_char(char: str) -> str:
    code = ord(char)
    digits = []
    for _ in range(4):
        code, rest = divmod(code, 36)
        digits.append(_DIGITS[rest])
    return "".join(reversed(digits))


class _CodeTable(dict):
    """A `str.translate` table that maps each character to its four-digit code, filled on first use."""

    def __missing__(self, code_point: int) -> str:
        value = _encode_char(chr(code_point))
        self[code_point] = value
        return value


_CODES = _CodeTable()


def index_tokens(text: str) -> str:
    """Return the space-separated bigram tokens that represent `text` in the index."""
    codes = text.translate(_CODES)
    tokens = [codes[i : i + 8] for i in range(0, len(codes) - 4, 4)]
    if codes:
        tokens.append(codes[-4:])
    return " ".join(tokens)


def match_expression(query: str) -> str | None:
    """Return the FTS5 MATCH expression for a query (terms split on whitespace, all required), or None if empty."""
    parts = []
    for term in query.split():
        codes = [_encode_char(c) for c in term]
        if len(codes) == 1:
            parts.append(f"\"{codes[0]}\"*")
        else:
            parts.append('"' + " ".join(codes[i] + codes[i + 1] for i in range(len(codes) - 1)) + '"')
    return " AND ".join(parts) if parts else None


def document_text(title: str, paragraphs: list[str]) -> str:
    """Return the searchable text of an article: its title and paragraphs, one per line."""
    return "\n".join([title, *paragraphs])


def create_index(db: Database) -> None:
    """Create the (empty) search index."""
    db.execute(
        f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(body, content='', columnsize=0, prefix='4', "
        "tokenize='unicode61 remove_diacritics 0')"
    )


def index_document(db: Database, article_id: int, text: str) -> None:
    """Add an article's searchable text to the index (inside the caller's transaction)."""
    db.execute(f"INSERT INTO {INDEX_TABLE} (rowid, body) VALUES (?, ?)", (article_id, index_tokens(text)))


def unindex_document(db: Database, article_id: int, text: str) -> None:
    """Remove an article from the index; `text` must be the text it was indexed with."""
    db.execute(
        f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, body) VALUES ('delete', ?, ?)",
        (article_id, index_tokens(text)),
    )


def stored_document(article_json: str | bytes) -> tuple[str, list[tuple[str, str]]]:
    """Return (title, [(paragraph id, text)…]) from an article stored as JSON (packed or plain)."""
    data = json.loads(unpack_text(article_json))
    paragraphs = [(p["id"], p["text"]) for s in data.get("sections", []) for p in s.get("paragraphs", [])]
    return data.get("title", ""), paragraphs


def reindex_all(db: Database) -> int:
    """Rebuild the index from every stored article; return how many were indexed."""
    db.execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('delete-all')")
    count = 0
    for row in list(db["article_texts"].rows_where(select="article_id, article")):
        title, paragraphs = stored_document(row["article"])
        index_document(db, row["article_id"], document_text(title, [text for _, text in paragraphs]))
        count += 1
    return count


def _candidates(db: Database, expression: str) -> Iterator[int]:
    cursor = db.execute(
        f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ? ORDER BY rowid DESC", (expression,)
    )
    for (rowid,) in cursor:
        yield rowid


def _hit_for(db: Database, article_id: int, terms: list[str]) -> SearchHit | None:
    row = db.execute(
        "SELECT a.title, a.source_path, t.article FROM articles a JOIN article_texts t ON t.article_id = a.id "
        "WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    title, paragraphs = stored_document(row[2])
    whole = document_text(title, [text for _, text in paragraphs])
    if not all(term in whole for term in terms):
        return None
    first = terms[0]
    for paragraph_id, text in [(None, title), *paragraphs]:
        at = text.find(first)
        if at >= 0:
            before = text[max(0, at - SNIPPET_CONTEXT) : at]
            after = text[at + len(first) : at + len(first) + SNIPPET_CONTEXT]
            end = at + len(first) + SNIPPET_CONTEXT
            return SearchHit(article_id, row[0], row[1], paragraph_id, before, first, after,
                             cut_before=at > SNIPPET_CONTEXT, cut_after=end < len(text))
    return None


def search(db: Database, query: str, limit: int = 20) -> list[SearchHit]:
    """Return up to `limit` articles containing every whitespace-separated term of `query`, newest first."""
    expression = match_expression(query)
    if expression is None:
        return []
    terms = query.split()
    hits: list[SearchHit] = []
    for article_id in _candidates(db, expression):
        hit = _hit_for(db, article_id, terms)
        if hit is not None:
            hits.append(hit)
            if len(hits) >= limit:
                break
    return hits
