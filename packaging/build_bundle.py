"""Build Dubao's one-folder bundle with PyInstaller, then check it: `python packaging/build_bundle.py`.

Options: `--dist DIR` (default `dist/`), `--work DIR` (default `build/`), `--no-check` to skip running the bundled
self-test. Prints the build time, the bundle's size and the self-test's result; exits non-zero when any step fails.
Needs PyInstaller: `pip install '.[bundle]'`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "dubao.spec"
BUNDLE_NAME = "dubao"


def prepare_tables(folder: Path) -> Path:
    """Build the prepared language tables (dictionary index, HSK lists, jieba's and pypinyin's tables) into
    `folder` with `python -m reader prepare --tables-only`, from the libraries the bundle is made of."""
    env = dict(os.environ, DUBAO_PREPARED_DIR=str(folder))
    subprocess.run([sys.executable, "-m", "reader", "prepare", "--tables-only"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return folder


def build(dist: Path, work: Path) -> Path:
    """Prepare the language tables, run PyInstaller on the spec (which carries them); return the bundle folder."""
    tables = prepare_tables(work / "prepared")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(command, cwd=ROOT, check=True, env=dict(os.environ, DUBAO_PREPARED_DIR=str(tables)))
    return dist / BUNDLE_NAME


def folder_size(folder: Path) -> int:
    """Return the total size in bytes of the files under `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def bundle_environment(scratch: Path) -> dict[str, str]:
    """Return an environment with no Python on the PATH, the offscreen Qt platform and data folders in `scratch`."""
    empty_bin = scratch / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    keep = {k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "LC_ALL", "TMPDIR", "XDG_RUNTIME_DIR")}
    return {**keep, "PATH": str(empty_bin), "QT_QPA_PLATFORM": "offscreen",
            "DUBAO_DATA_DIR": str(scratch / "data"), "DUBAO_CACHE_DIR": str(scratch / "cache")}


def run_self_test(bundle: Path, *options: str) -> subprocess.CompletedProcess:
    """Run the bundled `dubao-cli self-test` with no Python on the PATH; return the finished process."""
    executable = bundle / ("dubao-cli.exe" if sys.platform == "win32" else "dubao-cli")
    with tempfile.TemporaryDirectory(prefix="dubao-selftest-") as scratch:
        env = bundle_environment(Path(scratch))
        return subprocess.run([str(executable), "self-test", *options], env=env, capture_output=True, text=True,
                              timeout=600, cwd=scratch)


def main(argv: list[str] | None = None) -> int:
    """Build the bundle, report time and size, and run its self-test; return the exit status."""
    parser = argparse.ArgumentParser(description="Build Dubao's PyInstaller bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-check", action="store_true", help="do not run the bundled self-test")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = build(args.dist.resolve(), args.work.resolve())
    print(f"built {bundle} in {time.perf_counter() - started:.0f} s, {folder_size(bundle) / 2**20:.0f} MiB")
    if args.no_check:
        return 0
    for options in ((), ("--gui",)):
        started = time.perf_counter()
        result = run_self_test(bundle, *options)
        print(result.stdout, end="")
        print(result.stderr, end="", file=sys.stderr)
        label = " ".join(("self-test", *options))
        print(f"{label}: exit {result.returncode} in {time.perf_counter() - started:.1f} s")
        if result.returncode != 0:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
