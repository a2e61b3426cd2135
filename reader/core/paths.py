"""Where Dubao keeps its data and caches, and where its bundled resources are."""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

import platformdirs

APP_DIR_NAME = "dubao"
PREPARED = "prepared"  # the installation's folder of prepared language tables


def _installed_folder(name: str) -> Path:
    """Return the folder `name` of the app's own files: in a frozen bundle, a checkout, or an installed copy."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / name
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    for prefix in (sys.prefix, sysconfig.get_config_var("userbase") or "", sys.base_prefix):
        installed = Path(prefix) / "share" / APP_DIR_NAME / name
        if prefix and installed.is_dir():
            return installed
    return checkout


def resources_dir() -> Path:
    """Return the folder of bundled resources (glossary, icons), in a checkout, an install or a frozen bundle."""
    return _installed_folder("resources")


def articles_dir() -> Path:
    """Return the folder of articles shipped with the app (the seed article lives there)."""
    return _installed_folder("articles")


def prepared_dir() -> Path:
    """Return the folder of language tables prepared ahead of time that ships with this installation (it may not
    exist): $DUBAO_PREPARED_DIR, else `prepared/` in a frozen bundle, a checkout (git-ignored, written by
    `python -m reader prepare` at `make`'s set-up) or an installed copy's share folder. Readers look here first and
    fall back to the cache folder (see `reader.core.lang.tables`)."""
    chosen = os.environ.get("DUBAO_PREPARED_DIR")
    return Path(chosen) if chosen else _installed_folder(PREPARED)


def prepared_target() -> Path | None:
    """Return where `prepare` writes the installation's prepared tables: $DUBAO_PREPARED_DIR, else the checkout's
    `prepared/` folder; None for a bundle or an installed copy (read-only: their tables go to the cache folder)."""
    chosen = os.environ.get("DUBAO_PREPARED_DIR")
    if chosen:
        return Path(chosen)
    root = Path(__file__).resolve().parents[2]
    if getattr(sys, "_MEIPASS", None) or not (root / "pyproject.toml").is_file():
        return None
    return root / PREPARED


def data_dir(override: str | Path | None = None) -> Path:
    """Return (and create) the user's data folder: `override`, else $DUBAO_DATA_DIR, else the platform's folder."""
    chosen = override or os.environ.get("DUBAO_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir(override: str | Path | None = None) -> Path:
    """Return (and create) the cache folder: `override`, else $DUBAO_CACHE_DIR, else the platform's cache folder."""
    chosen = override or os.environ.get("DUBAO_CACHE_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file in the way, a read-only disk: one clear line, never a traceback
        from reader.core.errors import StorageProblem

        raise StorageProblem(f"the cache folder cannot be created ({error.strerror})", path) from error
    return path
