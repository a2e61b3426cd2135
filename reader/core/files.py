"""Writing a file so that it is either complete or not there: the one atomic-write helper of every writer.

The content goes to a temporary file beside the target, is flushed to disk, and is then renamed onto the target, so
a crash, a full disk or a kill leaves the old file (or none), never half a file. An existing file is replaced only
when asked to (`force=True`), and never when it is a folder, a device, a pipe or a socket. Problems are raised as the
caller's kind of `DubaoError` (an `ExportProblem` unless told otherwise), naming the file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from reader.core.errors import DubaoError, ExportProblem

NEW_FILE_MODE = 0o644  # a new file is readable by others, as a plain write would leave it; a replaced one keeps its mode


def check_target(target: str | Path, force: bool, problem: type[DubaoError] = ExportProblem) -> Path:
    """Return the target path if a file may be written there; raise `problem` naming it otherwise."""
    path = Path(target)
    if path.exists() and path.is_dir():
        raise problem("this is a folder, not a file", path)
    if path.exists() and not force:
        raise problem("the file exists already; choose another name or use --force", path)
    if path.exists() and not path.is_file():  # --force must never replace a device or a pipe with a file
        raise problem("this is not a regular file (a device, pipe or socket); choose a file name", path)
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise problem("the folder to write into does not exist", path)
    return path


def write_atomically(target: str | Path, write: Callable[[Path], None], force: bool = False,
                     problem: type[DubaoError] = ExportProblem) -> Path:
    """Call `write(temporary_path)`, then move the finished file onto `target`; return the target.

    `write` may raise a `DubaoError` itself (for example when it finds what it wrote incomplete): nothing is replaced.
    """
    path = check_target(target, force, problem)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(handle)
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.is_file() else NEW_FILE_MODE)
    except OSError as error:
        raise problem(f"cannot write in this folder ({error.strerror})", path) from None
    try:
        write(Path(temporary))
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        if path.exists() and not force:
            raise problem("the file appeared while it was being written; nothing was overwritten", path)
        os.replace(temporary, path)
    except OSError as error:
        raise problem(f"the file could not be written ({error.strerror or error})", path) from None
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def write_text_atomically(target: str | Path, text: str, force: bool = False,
                          problem: type[DubaoError] = ExportProblem) -> Path:
    """Write UTF-8 text (with Unix line ends) atomically; see `write_atomically`."""
    return write_atomically(target, lambda temporary: temporary.write_text(text, encoding="utf-8", newline="\n"),
                            force, problem)


def write_bytes_atomically(target: str | Path, data: bytes, force: bool = False,
                           problem: type[DubaoError] = ExportProblem) -> Path:
    """Write bytes atomically; see `write_atomically`."""
    return write_atomically(target, lambda temporary: temporary.write_bytes(data), force, problem)
