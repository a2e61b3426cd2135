"""Dubao's log: a small rotating file in the data folder, for "Report a problem" and for anyone helping a user.

    from reader.core import logs
    logs.start_logging()                  # once, at start-up (the GUI and the command line)
    logging.getLogger(__name__).warning("the daily backup was skipped: %s", problem)
    logs.last_lines(200)                  # what a diagnostic bundle carries

The log lives in `<data folder>/logs/dubao.log` and rotates at 256 KB, keeping three older files, so it never grows
past about 1 MB. Log lines name files and problems, never article text or notes. Logging must never break the app:
when the data folder cannot be written, `start_logging` returns None and the app runs without a log file.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from reader.core import paths

LOGGER_NAME = "reader"
LOG_FOLDER = "logs"
LOG_FILE = "dubao.log"
MAX_BYTES = 256 * 1024
KEEP_FILES = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path(data_folder: str | Path | None = None) -> Path:
    """Return where the log file is (or would be) for a data folder (default: the user's)."""
    return paths.data_dir(data_folder) / LOG_FOLDER / LOG_FILE


def start_logging(data_folder: str | Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the `reader` loggers' records to the rotating log file; return its path, or None when it cannot be made.

    Calling it again for the same file changes nothing (no duplicate lines).
    """
    try:
        path = log_path(data_folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        logger = logging.getLogger(LOGGER_NAME)
        if not any(_writes_to(handler, path) for handler in logger.handlers):
            handler = RotatingLog(path)
            handler.setFormatter(logging.Formatter(FORMAT))
            logger.addHandler(handler)
        logger.setLevel(level)
        return path
    except OSError:  # a read-only or full data folder: run without a log rather than not at all
        return None


def stop_logging(data_folder: str | Path | None = None) -> None:
    """Close and remove the log file handler of a data folder (tests, or before the folder is moved)."""
    logger = logging.getLogger(LOGGER_NAME)
    path = log_path(data_folder)
    for handler in [h for h in logger.handlers if _writes_to(h, path)]:
        logger.removeHandler(handler)
        handler.close()


def _writes_to(handler: logging.Handler, path: Path) -> bool:
    return isinstance(handler, RotatingLog) and handler.path == path.resolve()


class RotatingLog(logging.Handler):
    """The log file handler: the standard library's rotating file handler, made (and its module, with the socket,
    pickle and queue modules it imports, about 10 ms) only when the first line is written, which most sessions
    never do. The file itself is opened at the first line too."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path.resolve()
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write one record to the file (rotating it when it is full)."""
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(self.path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES,
                                             encoding="utf-8", delay=True)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        """Close the file, if it was opened."""
        if self._file is not None:
            self._file.close()
        super().close()


def last_lines(count: int = 200, data_folder: str | Path | None = None) -> list[str]:
    """Return the last `count` lines of the log (older rotated files first when the current one is short)."""
    path = log_path(data_folder)
    files = [path.with_name(f"{LOG_FILE}.{n}") for n in range(KEEP_FILES, 0, -1)] + [path]
    lines: list[str] = []
    for file in files:
        try:
            lines += file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
    return lines[-count:] if count > 0 else []


def log_uncaught(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """An `sys.excepthook`: write an unexpected error to the log (with its traceback), then to stderr as usual."""
    logging.getLogger(LOGGER_NAME).critical("unexpected error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
