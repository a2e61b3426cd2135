"""pypinyin, imported with its data tables taken from a prepared table instead of its JSON files.

pypinyin reads its phrase table (47,000 words, 2.5 MB of JSON) and its character table at import, about a third of a
second in a fresh process. `import_pypinyin` gives it the same two dictionaries from a prepared table (`tables.py`,
marshal, every syllable stored once), handed to its import system as the modules `pypinyin.phrases_dict` and
`pypinyin.pinyin_dict`, so pypinyin itself runs unchanged and stays the engine. The table's key is pypinyin's version
and its two data files; a table of another version is passed over, pypinyin then reads its JSON as usual, and the
table is built again from what it read.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import threading
from types import ModuleType
from typing import Any

from reader.core.lang.tables import PYPINYIN_DATA, TableFolders, dist_version, file_key, package_folder

TABLE_NAME = PYPINYIN_DATA
TABLE_FORMAT = 1
DATA_FILES = {"pypinyin.phrases_dict": ("phrases_dict.json", "phrases_dict"),
              "pypinyin.pinyin_dict": ("pinyin_dict.json", "pinyin_dict")}
_LOCK = threading.Lock()


def table_key() -> str | None:
    """Return the version key of pypinyin's table (its version and data files), or None when they are not found."""
    folder = package_folder("pypinyin")
    if folder is None:
        return None
    try:
        files = ":".join(file_key(folder / name) for name, _ in DATA_FILES.values())
    except OSError:
        return None
    return f"pypinyin-data:{TABLE_FORMAT}:{dist_version('pypinyin')}:{files}"


def import_pypinyin(tables: TableFolders) -> ModuleType:
    """Import pypinyin (once per process), its data tables from the prepared table when a current one is found;
    otherwise as usual, then write the table into `tables.build_into`."""
    with _LOCK:
        if "pypinyin" in sys.modules:
            return sys.modules["pypinyin"]
        key = table_key()
        payload = tables.read(TABLE_NAME, key) if key is not None else None
        data = _unpack(payload)
        if data is None:
            import pypinyin

            if key is not None:
                _write_table(tables, key)
            return pypinyin
        finder = _PreparedData(data)
        sys.meta_path.insert(0, finder)
        try:
            import pypinyin
        finally:
            sys.meta_path.remove(finder)
        return pypinyin


def prepare_table(tables: TableFolders) -> str:
    """Make sure a current table is in `tables` (imports pypinyin when it must be built); say what was done."""
    key = table_key()
    if key is None:
        return "pypinyin's data files were not found"
    if _unpack(tables.read(TABLE_NAME, key)) is None:
        import_pypinyin(tables)
        if _unpack(tables.read(TABLE_NAME, key)) is None and _write_table(tables, key) is None:
            return "pypinyin's table could not be written"
    return "ready"


def _write_table(tables: TableFolders, key: str) -> Any:
    """Write the table from the data pypinyin's own modules hold (as read from its files)."""
    import importlib

    phrases, singles = (getattr(importlib.import_module(f"pypinyin.{name}"), name)
                        for name in ("phrases_dict", "pinyin_dict"))
    return tables.write(TABLE_NAME, key, pack(phrases, singles))


def pack(phrases: dict[str, list[list[str]]], singles: dict[int, str]) -> tuple:
    """Return the table's payload: the phrase table with each distinct syllable stored once, and the character
    table (code point → readings), as pypinyin holds them."""
    syllables: dict[str, str] = {}
    shared = {word: [[syllables.setdefault(s, s) for s in item] for item in value] for word, value in phrases.items()}
    return shared, dict(singles)


def _unpack(payload: Any) -> dict[str, dict] | None:
    """Return {module name: its table} from a payload, or None when the payload does not have the expected shape."""
    try:
        phrases, singles = payload
    except (TypeError, ValueError):
        return None
    if not (isinstance(phrases, dict) and isinstance(singles, dict) and phrases and singles):
        return None
    return {"pypinyin.phrases_dict": phrases, "pypinyin.pinyin_dict": singles}


class _PreparedData(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Provides pypinyin's two data modules, holding the prepared tables, while pypinyin is imported."""

    def __init__(self, data: dict[str, dict]) -> None:
        self._data = data

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        """Claim pypinyin's data modules; leave every other import alone."""
        if fullname not in self._data:
            return None
        return importlib.util.spec_from_loader(fullname, self, origin=_data_path(fullname))

    def create_module(self, spec: Any) -> None:
        """Use the default module object."""
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Give the module the attribute pypinyin reads from it (`phrases_dict` or `pinyin_dict`)."""
        name = module.__name__
        setattr(module, DATA_FILES[name][1], self._data[name])


def _data_path(fullname: str) -> str | None:
    folder = package_folder("pypinyin")
    return str(folder / DATA_FILES[fullname][0]) if folder is not None else None

