"""Prepared language tables: what the reading engine needs in a fresh process, in compact precomputed form, each
checked against the version of the library and data it was made from.

A table is one file: a first line naming the format, a second line holding its version key (for example the jieba
version with the size and a digest of its dictionary file), then the payload (marshal). A reader asks for a table by
name and key; a file whose key differs (a newer library), or that is damaged, is passed over, never trusted.

Where tables are looked for, in order (`TableFolders`):
1. the installation's prepared folder (`paths.prepared_dir()`): a checkout's git-ignored `prepared/`, written by
   `python -m reader prepare` at `make run`'s and `make test`'s set-up, or the folder built into a bundle;
2. the user's cache folder, where a table missing from both (a read-only install), stale or damaged is built on first
   use, as before.
Keys use sizes and digests, not file times: a bundle's copies of the libraries' files carry other times than the
files the tables were made from. The derived tables live outside `resources/`, so the engine fingerprint
(`fingerprint.py`) does not change when they appear.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import logging
import marshal
from pathlib import Path
from typing import Any

from reader.core import paths
from reader.core.errors import StorageProblem
from reader.core.files import write_bytes_atomically

MAGIC = b"dubao-table 1\n"
_SAMPLE = 1 << 16  # bytes read from each end of a file for its key
log = logging.getLogger(__name__)


def file_key(path: Path) -> str:
    """Return a key of a data file's content: its size and a digest of its first and last 64 KiB (cheap at every
    start, and unlike its time the same in every copy of the file)."""
    digest = hashlib.blake2b(digest_size=8)
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(0)
        digest.update(handle.read(_SAMPLE))
        handle.seek(max(0, size - _SAMPLE))
        digest.update(handle.read(_SAMPLE))
    return f"{path.name}:{size}:{digest.hexdigest()}"


def package_folder(name: str) -> Path | None:
    """Return the folder of an installed package without importing it (None when it is not installed)."""
    spec = importlib.util.find_spec(name)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def dist_version(name: str) -> str:
    """Return the names of a package's `.dist-info` folders ("pypinyin-0.55.0.dist-info"), without importing it."""
    folder = package_folder(name)
    if folder is None:
        return "absent"
    return ",".join(sorted(p.name for p in folder.parent.glob(f"{name}-*.dist-info"))) or "unknown"


def hsk_table_name(standard: str | None) -> str:
    """Return the file name of the HSK lists' table of a standard (None: the default one)."""
    return f"hsk-levels-{standard or 'default'}.marshal"


# The prepared tables' file names, one per owner: dictionary.py, hsk.py, segmenter.py, pinyin_data.py.
DICTIONARY_INDEX = "cedict.sqlite3"
HSK_LISTS = hsk_table_name(None)
JIEBA_WORDS = "jieba-prefix-dict.marshal"
PYPINYIN_DATA = "pypinyin-tables.marshal"


def table_names() -> list[str]:
    """Return the file names of every prepared table."""
    return [DICTIONARY_INDEX, HSK_LISTS, JIEBA_WORDS, PYPINYIN_DATA]


class TableFolders:
    """The folders a table is read from (the installation's prepared folder, then `cache_dir`) and the one a table
    is built into (`build_into`: the cache folder, unless `prepare` names the prepared folder)."""

    def __init__(self, cache_dir: Path, prepared: Path | None = None, build_into: Path | None = None,
                 use_prepared: bool = True) -> None:
        self.cache_dir = cache_dir
        self.prepared = (prepared or paths.prepared_dir()) if use_prepared else None
        self.build_into = build_into or cache_dir

    def candidates(self, name: str) -> list[Path]:
        """Return the paths a table named `name` is looked for at, in order."""
        folders = [self.prepared, self.cache_dir] if self.prepared is not None else [self.cache_dir]
        unique = list(dict.fromkeys(folder for folder in folders))
        if self.build_into not in unique:
            unique.insert(0, self.build_into)
        return [folder / name for folder in unique]

    def target(self, name: str) -> Path:
        """Return the path a freshly built table named `name` is written to."""
        return self.build_into / name

    def read(self, name: str, key: str) -> Any | None:
        """Return the payload of the first table named `name` whose key is `key`, else None."""
        for path in self.candidates(name):
            payload = read_table(path, key)
            if payload is not None:
                return payload
        return None

    def write(self, name: str, key: str, payload: Any) -> Path | None:
        """Write a table into the build folder; return its path (None when it cannot be written: that costs only
        time at the next start)."""
        return write_table(self.target(name), key, payload)


def read_table(path: Path, key: str) -> Any | None:
    """Return the payload of the table file at `path` when its key is `key`; None when it is absent, stale or
    damaged (a damaged one is named in the log)."""
    try:
        with open(path, "rb") as handle:
            if handle.readline() != MAGIC:
                return _passed_over(path, "not a table of this format")
            if handle.readline().rstrip(b"\n").decode("utf-8", "replace") != key:
                return _passed_over(path, "made from another version of its library or data")
            data = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        return _passed_over(path, f"unreadable ({error.strerror})")
    enabled = gc.isenabled()
    gc.disable()  # the payload holds many containers: collecting while they are made only costs time
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return _passed_over(path, "damaged", warn=True)
    finally:
        if enabled:
            gc.enable()


def write_table(path: Path, key: str, payload: Any) -> Path | None:
    """Write a table file atomically; return its path, or None when it cannot be written (logged)."""
    data = MAGIC + key.encode("utf-8") + b"\n" + marshal.dumps(payload)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_bytes_atomically(path, data, force=True, problem=StorageProblem)
    except (OSError, StorageProblem) as error:
        log.info("the language table %s could not be written: %s", path, error)
        return None


def _passed_over(path: Path, why: str, warn: bool = False) -> None:
    (log.warning if warn else log.info)("the language table %s is passed over (%s); it is built again", path, why)
    return None
