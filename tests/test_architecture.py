"""The core stays headless: importing all of it never loads Qt."""

import pkgutil
import subprocess
import sys

import reader.core

from conftest import PROJECT_ROOT


def test_core_imports_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
    assert modules, "reader.core has no modules to check"
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', 'PyQt5', 'PyQt6'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"reader.core loaded Qt modules: {result.stdout}"
