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
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

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


def row(what: str, values: list[float], reference: list[float] | None, unit: str = "ms") -> list[str]:
    """Return one table row: what, median, min–max and ratio of medians to the reference."""
    scale = 1000.0 if unit == "ms" else 1.0
    median = statistics.median(values)
    ratio = f"{median / statistics.median(reference):.3g}×" if reference else "1.00× (reference)"
    return [what, f"{median * scale:.2f} {unit}", f"{min(values) * scale:.2f}–{max(values) * scale:.2f} {unit}", ratio]


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


def search_rows(store, repeat: int) -> list[list[str]]:
    """Rows for the search queries, each beside the brute-force scan."""
    rows = []
    for query in QUERIES:
        ours = store.library.search(query)
        reference = brute_force(store.connection, query)
        assert [h.article_id for h in ours] == reference, f"search disagrees with brute force for {query}"
        ref_times = timings(lambda: brute_force(store.connection, query), max(3, repeat // 3))
        rows.append(row(f"brute-force scan for {query} (first 20 ids, no snippets)", ref_times, None))
        rows.append(row(f"search {query} ({len(ours)} hits with snippets)", timings(lambda: store.library.search(query), repeat), ref_times))
    return rows


def note_save_rows(store, count: int = 2000) -> list[list[str]]:
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
    p99 = lambda values: sorted(values)[int(len(values) * 0.99) - 1]  # noqa: E731
    return [
        row("bare INSERT + commit, median", bare, None), row("note save + commit, median", ours, bare),
        row("bare INSERT + commit, p99", [p99(bare)], None), row("note save + commit, p99", [p99(ours)], [p99(bare)]),
    ]


def main() -> int:
    """Build (or reuse) the library, measure, print and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--library", type=Path, default=Path(tempfile.gettempdir()) / "dubao-bench-library-v4")
    args = parser.parse_args()
    folder = args.library / str(args.count)
    built = make_library(folder, args.count)
    from reader.core.storage import Store, database

    open_bare = lambda: sqlite3.connect(database.database_path(folder)).execute("SELECT count(*) FROM articles").fetchone()  # noqa: E731
    open_ours = lambda: Store.open(folder, daily_backup=False).close()  # noqa: E731
    open_checked = lambda: Store.open(folder, check="quick", daily_backup=False).close()  # noqa: E731
    open_bare_t, open_ours_t, open_checked_t = timings(open_bare, 5), timings(open_ours, 5), timings(open_checked, 3)
    store = Store.open(folder, daily_backup=False)
    list_all = timings(lambda: store.library.list(), args.repeat)
    rows = [
        row("bare sqlite3 connect + count", open_bare_t, None),
        row("Store.open, first start of the day (quick integrity check of the whole file)", open_checked_t, open_bare_t),
        row("Store.open, later starts (a large database is checked once a day)", open_ours_t, open_bare_t),
        row("library list, first 50, most recent first", timings(lambda: store.library.list(limit=50), args.repeat), None),
        row(f"library list, all {args.count}", list_all, None),
        *search_rows(store, args.repeat),
        *note_save_rows(store),
    ]
    store.close()
    size = os.path.getsize(database.database_path(folder))
    table = ["| what | median | min–max | ratio to reference |", "|---|---|---|---|", *("| " + " | ".join(r) + " |" for r in rows)]
    table.append(f"\nLibrary: {args.count} synthetic seed-size articles (built in {built:.0f} s this run, 0 when reused); "
                 f"database {size / 1e6:.0f} MB, {size / args.count / 1024:.1f} KiB per article.")
    text = "\n".join(table)
    print(text)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "storage.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
