"""`python -m benchmarks [--quick]`: run every benchmark, print one table, and write it to BENCHMARKS.md.

Every row shows what was measured, its median, min–max, the reference it is compared with (measured in the same
run), the ratio to it, the target (issue 8) and whether it is met. The table replaces the part of BENCHMARKS.md between
the `<!-- results -->` markers; the text around it (what the rows mean, which targets are not met and why) is kept.
Before measuring, the reader's modules are compiled to bytecode, as an installed copy has them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from benchmarks.harness import Row, skipped, table_markdown, table_text

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- results:start -->", "<!-- results:end -->"


def sections(quick: bool) -> list[tuple[str, Callable[[], list[Row]]]]:
    """Return (title, measure) of every benchmark, with the run counts of a full or a quick run."""
    from benchmarks import bench_calibre, bench_first_start, bench_notes, bench_startup, bench_storage

    runs = 3 if quick else 7
    library = Path(tempfile.gettempdir()) / "dubao-bench-library-v4"

    def storage() -> list[Row]:
        return bench_storage.measure(10_000, 5 if quick else 15, library)[0]

    return [
        ("Start-up and memory (Xvfb, whole process tree)", lambda: bench_startup.startup_rows(runs)),
        ("What the reopening path imports", bench_startup.reopen_import_rows),
        ("The first start on a new machine", lambda: bench_first_start.first_start_rows(1 if quick else 3)),
        ("The first run of the command line (empty cache and data folders)",
         lambda: bench_first_start.first_run_rows(3 if quick else 7)),
        ("A 100,000-character article", lambda: bench_startup.long_article_rows(2 if quick else 3)),
        ("calibre's e-book viewer on the same article", lambda: bench_calibre.calibre_rows(2 if quick else 3)),
        ("Library of 10,000 seed-size articles", storage),
        ("Scrolling and popup (offscreen, in process)", lambda: bench_startup.view_rows(3 if quick else 5)),
        ("Highlights and notes (offscreen, in process)", lambda: bench_notes.measure(3 if quick else 5)),
    ]


def run_section(title: str, measure: Callable[[], list[Row]]) -> list[Row]:
    """Measure one section; a benchmark that fails becomes one skipped row naming the error."""
    started = time.monotonic()
    try:
        rows = measure()
    except Exception as error:  # noqa: BLE001 (one broken benchmark must not lose the others' numbers)
        rows = [skipped(title, f"failed: {type(error).__name__}: {error}")]
    print(f"\n## {title} ({time.monotonic() - started:.0f} s)\n{table_text(rows)}", flush=True)
    return rows


def language_text(quick: bool) -> str:
    """Run the language-layer benchmark (its own table, no issue-8 target) and return its output."""
    result = subprocess.run([sys.executable, "-m", "benchmarks.bench_language", "--repeat", "2" if quick else "5"],
                            cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or f"failed: {result.stderr.strip().splitlines()[-1:]}"


def compile_bytecode() -> None:
    """Compile the reader's modules (an installed copy has its .pyc files; a checkout may not)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "reader", "main.py"], cwd=ROOT,
                   stdout=subprocess.DEVNULL, check=False)


def machine_line(started: str, load_before: float) -> str:
    """Return a line on when and where the table was measured."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return (f"Measured {started} UTC at commit {commit} on {os.cpu_count()} cores; load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after.")


def write_markdown(path: Path, body: str) -> None:
    """Replace the results part of BENCHMARKS.md (or create the file with just the results)."""
    block = f"{START}\n{body}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    """Run everything, print the tables, write BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs of each measurement (a few minutes)")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--no-language", action="store_true", help="leave out the language-layer table")
    args = parser.parse_args()
    started, load_before = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), os.getloadavg()[0]
    compile_bytecode()
    parts = []
    for title, measure in sections(args.quick):
        parts.append(f"### {title}\n\n{table_markdown(run_section(title, measure))}")
    if not args.no_language:
        text = language_text(args.quick)
        print(f"\n## Language layer\n{text}")
        parts.append(f"### Language layer (reference: plain jieba + pypinyin)\n\n```\n{text}\n```")
    command = "`.venv/bin/python -m benchmarks" + (" --quick`" if args.quick else "`")
    body = f"{machine_line(started, load_before)} Command: {command}.\n\n" + "\n\n".join(parts)
    write_markdown(args.output, body)
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
