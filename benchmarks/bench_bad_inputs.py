"""How long the huge files of the bad-input corpus hold the reader up, beside the seed article in the same run.

Rows: the importer (`load_article`) and the window's open path (`MainWindow.open_path`, which runs on the GUI
thread, so its duration is how long the window cannot answer) for the seed article (the reference), the
100,000-paragraph file and the one-line 2-million-character file of `tests/bad_inputs.py`. The window rows have an
absolute target: the window should never stall for 2 seconds or more.
Run: `.venv/bin/python -m benchmarks.bench_bad_inputs [--repeat 3]`; writes benchmarks/results/bad_inputs.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, below, table_markdown, table_text

ROOT = Path(__file__).resolve().parents[1]
STALL_LIMIT_MS = 2000
HUGE = ("many-paragraphs", "long-line")


def corpus_files(folder: Path) -> dict[str, Path]:
    """Write the two huge corpus files and return them with the seed (Markdown shipped with the app)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from bad_inputs import corpus

    from reader.ui.services import seed_path

    files = {"seed": seed_path()}
    for case in corpus():
        if case.name in HUGE:
            path = folder / case.file_name
            case.write(path)
            files[case.name] = path
    return files


def import_rows(files: dict[str, Path], repeat: int) -> list[Row]:
    """Time the importer on each file; the seed is the reference."""
    from reader.core.importer import load_article

    rows: list[Row] = []
    for name, path in files.items():
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            load_article(path)
            samples.append((time.perf_counter() - started) * 1000)
        rows.append(Row(f"import: {name}", samples, "ms", rows[0] if rows else None))
    return rows


def window_rows(files: dict[str, Path], repeat: int) -> list[Row]:
    """Time the window's open path (GUI thread) on each file, in a fresh window per run."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.ui.app import build_window, create_application

    create_application()
    rows: list[Row] = []
    for name, path in files.items():
        samples = []
        for _ in range(repeat):
            window = build_window()
            window.show()
            started = time.perf_counter()
            window.open_path(path)
            samples.append((time.perf_counter() - started) * 1000)
            window.close()
            window.deleteLater()
        rows.append(Row(f"window open (GUI thread): {name}", samples, "ms", rows[0] if rows else None,
                        below(STALL_LIMIT_MS)))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table and write benchmarks/results/bad_inputs.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DUBAO_DATA_DIR"] = str(Path(folder) / "data")
        files = corpus_files(Path(folder))
        rows = import_rows(files, args.repeat) + window_rows(files, args.repeat)
    print(table_text(rows))
    results = ROOT / "benchmarks" / "results" / "bad_inputs.md"
    results.write_text("# Huge inputs: importer and window open path\n\n" + table_markdown(rows) + "\n",
                       encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
