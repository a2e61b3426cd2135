"""The first start on a new machine: empty data and cache folders, launch → the bundled article painted with its
pinyin and settled, without and with `python -m reader prepare` run at set-up (as `make run` does), beside a bare
PySide6 window in the same run. And the first run of the command line (issue 18): `python -m reader annotate SEED
--json` with empty cache and data folders (the installation's prepared tables present, as after `make`'s set-up or in
a bundle; and, for comparison, absent), beside plain jieba + pypinyin reading the same text in a fresh process (with
jieba's own cache in place, its state after its first run), wall time and peak memory of each process.

Run: `python -m benchmarks.bench_first_start [--runs N] [--command-line-only]` (the window under Xvfb, which the
harness starts).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_startup import BARE_PROGRAM, ROOT
from benchmarks.harness import Row, at_most_ratio, below, table_text
from benchmarks.xwindow import measure_launch, virtual_display

FIRST_START_TARGET_S = 3.0
FIRST_RUN_TARGET_RATIO = 1.5
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "xihaian-2025-quality-page.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else ROOT / "articles" / "xihaian-2025-quality-page.md"
PLAIN_PROGRAM = """
import sys
import jieba
import pypinyin
jieba.setLogLevel(60)
text = open(sys.argv[1], encoding="utf-8").read()
readings = [pypinyin.pinyin(word) for word in jieba.lcut(text)]
"""


def first_start_rows(runs: int) -> list[Row]:
    """Bare window; first start with nothing prepared; with only the installation's prepared tables (a bundle's first
    start); and after `prepare` (`make run`'s set-up) — each in fresh data and cache folders."""
    python = sys.executable
    samples: dict[str, list[float]] = {}
    with virtual_display() as display:
        for _ in range(runs):
            measure_launch([python, "-c", BARE_PROGRAM], display, quiet=0.5, timeout=60, cwd=ROOT).add_to(
                samples, "bare")
            for key in ("unprepared", "tables", "prepared"):
                with tempfile.TemporaryDirectory(prefix="dubao-first-") as folder:
                    env = dict(display, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
                    if key == "unprepared":
                        env["DUBAO_PREPARED_DIR"] = f"{folder}/no-prepared-tables"
                    else:  # the installation's tables (the checkout's prepared/), made when missing
                        subprocess.run([python, "-m", "reader", "prepare", "--tables-only"], env=env, cwd=ROOT,
                                       check=True, stdout=subprocess.DEVNULL, timeout=600)
                    if key == "prepared":
                        subprocess.run([python, "-m", "reader", "prepare"], env=env, cwd=ROOT, check=True,
                                       stdout=subprocess.DEVNULL, timeout=600)
                    measure_launch([python, "main.py"], env, quiet=2.0, timeout=300, cwd=ROOT).add_to(samples, key)
    bare = Row("bare PySide6 window: launch → settled", samples["bare_settled"], "s")
    return [
        bare,
        Row("first start, nothing prepared: launch → pinyin painted and settled", samples["unprepared_settled"], "s",
            bare),
        Row("first start with the installation's prepared tables (as a bundle's), empty cache: launch → pinyin "
            "painted and settled", samples["tables_settled"], "s", bare, below(FIRST_START_TARGET_S)),
        Row("first start after `prepare` (make run's set-up): launch → pinyin painted and settled",
            samples["prepared_settled"], "s", bare, below(FIRST_START_TARGET_S)),
    ]


def measure_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run `command` to its end; return its wall time in seconds and its peak resident memory in MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{command[1:4]} failed: {error.strip().splitlines()[-1:]}")
    return seconds, usage.ru_maxrss / 1024


def first_run_rows(runs: int) -> list[Row]:
    """The command line's first run on the seed, with empty cache and data folders, beside plain jieba + pypinyin;
    with the installation's prepared tables (after set-up, or in a bundle) and without them (nothing prepared)."""
    python = sys.executable
    plain = [python, "-c", PLAIN_PROGRAM, str(SEED)]
    ours = [python, "-m", "reader", "annotate", str(SEED), "--json"]
    measure_process(plain, dict(os.environ))  # jieba writes its own cache on its first run: measured after it
    samples: dict[str, list[tuple[float, float]]] = {"plain": [], "prepared": [], "unprepared": []}
    for _ in range(runs):
        samples["plain"].append(measure_process(plain, dict(os.environ)))
        for key, prepared in (("prepared", None), ("unprepared", "no-prepared-tables")):
            with tempfile.TemporaryDirectory(prefix="dubao-first-run-") as folder:
                env = dict(os.environ, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
                if prepared:
                    env["DUBAO_PREPARED_DIR"] = f"{folder}/{prepared}"
                samples[key].append(measure_process(ours, env))
    seconds = {key: [s for s, _ in values] for key, values in samples.items()}
    memory = {key: [m for _, m in values] for key, values in samples.items()}
    plain_row = Row("plain jieba + pypinyin reading the seed, fresh process: wall time", seconds["plain"], "s")
    plain_memory = Row("plain jieba + pypinyin, fresh process: peak RSS", memory["plain"], "MiB")
    return [
        plain_row,
        Row("first run (empty cache and data folders): `python -m reader annotate SEED --json`", seconds["prepared"],
            "s", plain_row, at_most_ratio(FIRST_RUN_TARGET_RATIO)),
        Row("the same without the installation's prepared tables (built on first use)", seconds["unprepared"], "s",
            plain_row),
        plain_memory,
        Row("first run, `annotate SEED --json`: peak RSS", memory["prepared"], "MiB", plain_memory),
    ]


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command-line-only", action="store_true", help="only the command line's first run")
    args = parser.parse_args()
    print(table_text(first_run_rows(max(args.runs, 5))))
    if not args.command_line_only:
        print(table_text(first_start_rows(args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
