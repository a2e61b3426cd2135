"""Getting the user's data out: notes as Markdown or CSV, vocabulary as an Anki deck or CSV/TSV.

Every export is written atomically (a temporary file beside the target, then a rename) and never replaces an existing
file unless asked to (`force=True`); problems are an `ExportProblem` naming the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from reader.core.errors import ExportProblem


def check_target(target: str | Path, force: bool) -> Path:
    """Return the target path if an export may be written there; ExportProblem otherwise."""
    path = Path(target)
    if path.exists() and not force:
        raise ExportProblem("the file exists already; choose another name or use --force", path)
    if path.exists() and path.is_dir():
        raise ExportProblem("this is a folder, not a file", path)
    if path.exists() and not path.is_file():  # --force must never replace a device or a pipe with a file
        raise ExportProblem("this is not a regular file (a device, pipe or socket); choose a file name", path)
    if not path.parent.is_dir():
        raise ExportProblem("the folder to write into does not exist", path)
    return path


def write_atomically(target: str | Path, write: Callable[[Path], None], force: bool = False) -> Path:
    """Call `write(temporary_path)`, then move the finished file onto `target`; return the target."""
    path = check_target(target, force)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise ExportProblem(f"cannot write in this folder ({error.strerror})", path) from error
    try:
        write(Path(temporary))
        os.chmod(temporary, _mode_for(path))  # mkstemp made it private (0600); an export is an ordinary file
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        if path.exists() and not force:
            raise ExportProblem("the file appeared while exporting; nothing was overwritten", path)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportProblem(f"the export could not be written ({error.strerror or error})", path) from error
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


def write_text(target: str | Path, text: str, force: bool = False) -> Path:
    """Write a text export (UTF-8) atomically."""
    return write_atomically(target, lambda temporary: temporary.write_text(text, encoding="utf-8"), force)
