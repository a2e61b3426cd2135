"""Two trees of Dubao side by side in one run: reopening and first open, launches interleaved on one Xvfb.

    .venv/bin/python -m benchmarks.compare_trees OTHER_TREE [--runs 7]

OTHER_TREE is a checkout of another commit (`git worktree add /tmp/before <commit>`). Each tree gets its own data and
cache folders, prepared by its own `python -m reader prepare`, and reopens the bundled article; the first open is the
harness's reshuffled seed (`bench_startup.write_new_article`), new to both. Each row gives the median launch →
mapped, launch → settled (and its ratio to the bare PySide6 window measured between them), and the peak RSS and PSS
of the process tree, as `benchmarks/xwindow.py` measures them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_startup import BARE_PROGRAM, ROOT, write_new_article
from benchmarks.xwindow import LaunchTimes, measure_launch, virtual_display


def prepared_env(display: dict, folder: str, name: str, tree: Path) -> dict:
    """Return the environment of one tree's launches, its folders prepared and its article opened once."""
    env = dict(display, DUBAO_DATA_DIR=f"{folder}/{name}/data", DUBAO_CACHE_DIR=f"{folder}/{name}/cache",
               PYTHONPATH=str(tree))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # launches read compiled modules, as an installed copy does
    subprocess.run([sys.executable, "-m", "compileall", "-q", "reader"], cwd=tree, check=False)
    subprocess.run([sys.executable, "-m", "reader", "prepare"], cwd=tree, env=env, check=True,
                   stdout=subprocess.DEVNULL, timeout=600)
    measure_launch([sys.executable, "main.py"], env, quiet=2.0, timeout=300, cwd=tree)
    return env


def compare(trees: dict[str, Path], runs: int) -> dict[str, list[LaunchTimes]]:
    """Launch the bare window, then each tree reopening and opening a new article, `runs` times, interleaved."""
    results: dict[str, list[LaunchTimes]] = {}
    with virtual_display() as display, tempfile.TemporaryDirectory(prefix="dubao-trees-") as folder:
        envs = {name: prepared_env(display, folder, name, tree) for name, tree in trees.items()}
        for index in range(runs):
            article = write_new_article(Path(folder), index)
            results.setdefault("bare window", []).append(
                measure_launch([sys.executable, "-c", BARE_PROGRAM], envs["this tree"], quiet=0.5, timeout=60, cwd=ROOT))
            for name, tree in trees.items():
                for what, extra in (("reopening", []), ("first open", [str(article)])):
                    results.setdefault(f"{name}: {what}", []).append(measure_launch(
                        [sys.executable, "main.py", *extra], envs[name], quiet=0.5, timeout=120, cwd=tree))
    return results


def main() -> int:
    """Measure both trees and print one line per kind of launch."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="a checkout of the other commit")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = compare({"other tree": args.other.resolve(), "this tree": ROOT}, args.runs)
    bare = statistics.median(m.settled for m in results["bare window"])
    for name, launches in results.items():
        mapped = statistics.median(m.mapped for m in launches)
        settled = statistics.median(m.settled for m in launches)
        rss = statistics.median(m.peak_rss_mib for m in launches)
        pss = statistics.median(m.peak_pss_mib for m in launches)
        print(f"{name:<24} mapped {mapped:.3f} s  settled {settled:.3f} s ({settled / bare:.2f}×)  "
              f"RSS {rss:.1f} MiB  PSS {pss:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
