"""Storage benchmarks at library scale: listing, full-text search, note-save latency, opening, size per article.

A synthetic library of seed-size articles (benchmarks/make_library.py; 10,000 by default, built once and reused
from the temporary folder) is measured beside references in the same run:
- search: our bigram index vs. a brute-force scan (`instr` over every stored text), first 20 hits with snippets;
- note saves: `annotations.add_note` (commit included) vs. a bare INSERT + commit into a one-column table of the
  same database;
- opening: `Store.open` (quick integrity check) vs. a bare `sqlite3.connect` + one query.
Run: `.venv/bin/python -m benchmarks.bench_storage [--count 10000] [--repeat 15]`; writes benchmarks/results/storage.md.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Callable

from benchmarks.harness import Row, below, percentile
from benchmarks.make_library import make_library

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["质", "质量", "西海岸", "高质量发展", "海岸", "第7期", "不存在词"]


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    """Run `action` `repeat` times after one warm-up; return seconds per run."""
    action()
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        result.append(time.perf_counter() - started)
    return result


def row(what: str, values: list[float], reference: Row | None, limit_ms: float | None = None) -> Row:
    """Return one table row (benchmarks.harness): `values` in seconds, shown in ms beside the reference row."""
    return Row(what, [v * 1000 for v in values], "ms", reference, below(limit_ms) if limit_ms else None)


def brute_force(conn: sqlite3.Connection, query: str) -> list[int]:
    """The reference search: scan every stored article's text for the substring, newest first, first 20."""
    from reader.core.storage.packing import unpack_text

    conn.create_function("unpack_text", 1, unpack_text, deterministic=True)
    rows = conn.execute(
        "SELECT article_id FROM article_texts WHERE instr(unpack_text(article), ?) > 0 ORDER BY article_id DESC "
        "LIMIT 20",
        (query,),
    )
    return [r[0] for r in rows]


def search_rows(store, repeat: int) -> list[Row]:
    """Rows for the search queries, each beside the brute-force scan."""
    rows = []
    for query in QUERIES:
        ours = store.library.search(query)
        reference = brute_force(store.connection, query)
        assert [h.article_id for h in ours] == reference, f"search disagrees with brute force for {query}"
        ref_times = timings(lambda: brute_force(store.connection, query), max(3, repeat // 3))
        rows.append(row(f"brute-force scan for {query} (first 20 ids, no snippets)", ref_times, None))
        rows.append(row(f"search {query} ({len(ours)} hits with snippets, same ids as the scan)",
                        timings(lambda: store.library.search(query), repeat), rows[-1], 50))
    return rows


def note_save_rows(store, count: int = 2000) -> list[Row]:
    """p50/p99 of saving a note (commit included) beside a bare insert + commit."""
    from reader.core.anchoring import Anchor

    article_id = store.library.list(limit=1)[0].id
    conn = store.connection
    conn.execute("CREATE TABLE IF NOT EXISTS bench_bare (value TEXT)")
    bare, ours = [], []
    for number in range(count):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_bare VALUES (?)", (f"note {number}",))
        conn.execute("COMMIT")
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.annotations.add_note(article_id, Anchor("p", 0, 2, "质量", "", "第一"), f"note {number}")
        ours.append(time.perf_counter() - started)
    conn.execute("DROP TABLE bench_bare")
    bare_median, bare_p99 = row("bare INSERT + commit", bare, None), row("bare INSERT + commit, p99", [percentile(bare, 0.99)], None)
    return [bare_median, row("note save + commit", ours, bare_median), bare_p99,
            row("note save + commit, p99", [percentile(ours, 0.99)], bare_p99, 5)]


def measure(count: int, repeat: int, library: Path) -> tuple[list[Row], str]:
    """Build (or reuse) the library of `count` articles; return the rows and a line on its size."""
    folder = library / str(count)
    built = make_library(folder, count)
    from reader.core.storage import Store, database

    open_bare = lambda: sqlite3.connect(database.database_path(folder)).execute("SELECT count(*) FROM articles").fetchone()  # noqa: E731
    open_ours = lambda: Store.open(folder, daily_backup=False).close()  # noqa: E731
    open_checked = lambda: Store.open(folder, check="quick", daily_backup=False).close()  # noqa: E731
    open_bare_t, open_ours_t, open_checked_t = timings(open_bare, 5), timings(open_ours, 5), timings(open_checked, 3)
    store = Store.open(folder, daily_backup=False)
    list_all = timings(lambda: store.library.list(), repeat)
    bare_open = row("bare sqlite3 connect + count", open_bare_t, None)
    rows = [
        bare_open,
        row("Store.open, first start of the day (quick integrity check of the whole file)", open_checked_t, bare_open),
        row("Store.open, later starts (a large database is checked once a day)", open_ours_t, bare_open),
        row("library list, first 50, most recent first", timings(lambda: store.library.list(limit=50), repeat), None, 50),
        row(f"library list, all {count}", list_all, None),
        *search_rows(store, repeat),
        *note_save_rows(store),
    ]
    store.close()
    size = os.path.getsize(database.database_path(folder))
    rows.append(Row("database size per article", [size / count / 1024], "KiB"))
    note = (f"Library: {count} synthetic seed-size articles (built in {built:.0f} s this run, 0 when reused); "
            f"database {size / 1e6:.0f} MB, {size / count / 1024:.1f} KiB per article.")
    return rows, note


def main() -> int:
    """Build (or reuse) the library, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--library", type=Path, default=Path(tempfile.gettempdir()) / "dubao-bench-library-v4")
    args = parser.parse_args()
    from benchmarks.harness import table_text

    rows, note = measure(args.count, args.repeat, args.library)
    print(table_text(rows) + "\n\n" + note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
