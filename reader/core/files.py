"""Writing a file so that it is either complete or not there: the one atomic-write helper of every writer.

The content goes to a temporary file beside the target, is flushed to disk, and is then renamed onto the target, so
a crash, a full disk or a kill leaves the old file (or none), never half a file. An existing file is replaced only
when asked to (`force=True`), and never when it is a folder, a device, a pipe or a socket. Problems are raised as the
caller's kind of `DubaoError` (an `ExportProblem` unless told otherwise), naming the file.

Reading a user's text file (a glossary, a word list, a pack) goes through `read_text`, which names the file and what
it was meant to be in one ImportProblem.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from reader.core.errors import DubaoError, ExportProblem, ImportProblem



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
    except OSError as error:
        raise problem(f"cannot write in this folder ({error.strerror})", path) from None
    try:
        write(Path(temporary))
        os.chmod(temporary, _mode_for(path))  # mkstemp made it private (0600); the file is an ordinary one
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


def _mode_for(path: Path) -> int:
    """Return the permissions a new file gets under the process's umask (a replaced file keeps its own)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """Return the process's umask (read from /proc where it can be, so it is never changed even for a moment)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomically(target: str | Path, text: str, force: bool = False,
                          problem: type[DubaoError] = ExportProblem) -> Path:
    """Write UTF-8 text (with Unix line ends) atomically; see `write_atomically`."""
    return write_atomically(target, lambda temporary: temporary.write_text(text, encoding="utf-8", newline="\n"),
                            force, problem)


def write_bytes_atomically(target: str | Path, data: bytes, force: bool = False,
                           problem: type[DubaoError] = ExportProblem) -> Path:
    """Write bytes atomically; see `write_atomically`."""
    return write_atomically(target, lambda temporary: temporary.write_bytes(data), force, problem)


def read_text(path: Path, what: str) -> str:
    """Return the text of a UTF-8 file (a BOM is dropped); ImportProblem naming the file and `what` it was meant to be
    ("the word list") when it is missing or unreadable."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise ImportProblem(f"{what} does not exist", path) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ImportProblem(f"{what} cannot be read as UTF-8 text ({error})", path) from error
