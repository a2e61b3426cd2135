"""The first start on a new machine: empty data and cache folders, launch → the bundled article painted with its
pinyin and settled, without and with `python -m reader prepare` run at set-up (as `make run` does), beside a bare
PySide6 window in the same run.

Run: `python -m benchmarks.bench_first_start [--runs N]` (under Xvfb, which the harness starts).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile

from benchmarks.bench_startup import BARE_PROGRAM, ROOT
from benchmarks.harness import Row, below, table_text
from benchmarks.xwindow import measure_launch, virtual_display

FIRST_START_TARGET_S = 3.0


def first_start_rows(runs: int) -> list[Row]:
    """Bare window, first start without preparing, and first start after `prepare`, each in fresh folders."""
    python = sys.executable
    samples: dict[str, list[float]] = {}
    with virtual_display() as display:
        for _ in range(runs):
            measure_launch([python, "-c", BARE_PROGRAM], display, quiet=0.5, timeout=60, cwd=ROOT).add_to(
                samples, "bare")
            for key, prepared in (("unprepared", False), ("prepared", True)):
                with tempfile.TemporaryDirectory(prefix="dubao-first-") as folder:
                    env = dict(display, DUBAO_DATA_DIR=f"{folder}/data", DUBAO_CACHE_DIR=f"{folder}/cache")
                    if prepared:
                        subprocess.run([python, "-m", "reader", "prepare"], env=env, cwd=ROOT, check=True,
                                       stdout=subprocess.DEVNULL, timeout=600)
                    measure_launch([python, "main.py"], env, quiet=2.0, timeout=300, cwd=ROOT).add_to(samples, key)
    bare = Row("bare PySide6 window: launch → settled", samples["bare_settled"], "s")
    return [
        bare,
        Row("first start, nothing prepared: launch → pinyin painted and settled", samples["unprepared_settled"], "s",
            bare),
        Row("first start after `prepare` (make run's set-up): launch → pinyin painted and settled",
            samples["prepared_settled"], "s", bare, below(FIRST_START_TARGET_S)),
    ]


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    print(table_text(first_start_rows(parser.parse_args().runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
