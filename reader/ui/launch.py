"""The `dubao` GUI entry point (also `python main.py`): parse options, then start or hand off to the app.

Options: `dubao [PATH]`, `--present PATH [--section N]`, `--install-desktop`, `--uninstall-desktop`,
`--data-dir DIR`. Everything here that needs no window runs before Qt is imported.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Callable, Sequence

from reader import __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the GUI's command line (shared by `dubao` and `python main.py`)."""
    parser = argparse.ArgumentParser(prog="dubao", description="Dubao 读报: read Chinese news with pinyin and notes.")
    parser.add_argument("path", nargs="?", help="an article to open (text, Markdown, a saved web page) or a web address")
    parser.add_argument("--present", metavar="PATH", help="start presenting this article full screen")
    parser.add_argument("--section", type=int, default=1, help="with --present: start at section N (1-based)")
    parser.add_argument("--install-desktop", action="store_true", help="add Dubao to the application menu and exit")
    parser.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop wrote")
    parser.add_argument("--data-dir", help="use this data folder (also $DUBAO_DATA_DIR)")
    parser.add_argument("--version", action="version", version=f"Dubao {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Start Dubao; return the process exit status."""
    args = build_parser().parse_args(argv)
    if args.data_dir:
        os.environ["DUBAO_DATA_DIR"] = args.data_dir
    if args.install_desktop or args.uninstall_desktop:
        from reader.core import desktop

        return desktop.run_install_command(uninstall=args.uninstall_desktop)
    from reader.ui.startup_check import window_problem

    problem = window_problem()
    if problem is not None:
        print(f"dubao: {problem}", file=sys.stderr)
        return 2
    if args.present or args.path:  # a new article's reading starts now, while Qt loads and the window is built
        from reader.ui.services import read_early

        read_early(args.present or args.path)
    restore_collections = collect_less_while_starting()
    from reader.ui.app import run_app

    return run_app(args, restore_collections)


STARTUP_GC_THRESHOLD = 100_000  # allocations between young collections while starting (Python's default is 700)


def collect_less_while_starting() -> Callable[[], None]:
    """Make Python's cycle collector run rarely while the window starts, and return what restores it.

    A start creates some 300,000 objects that live as long as the window (modules, Qt types, the article), so the
    hundreds of collections the default thresholds make meanwhile find almost nothing and cost about 25 ms."""
    previous = gc.get_threshold()
    gc.set_threshold(STARTUP_GC_THRESHOLD, *previous[1:])
    return lambda: gc.set_threshold(*previous)


if __name__ == "__main__":
    sys.exit(main())
