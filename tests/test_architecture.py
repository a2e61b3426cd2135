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


def _imports_of(path) -> set[str]:
    """Return the reader modules a source file imports anywhere (functions too), leaving out `if TYPE_CHECKING:`."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                     and getattr(block.test, "id", "") == "TYPE_CHECKING" for node in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("reader.")}


def test_no_module_imports_a_module_that_imports_it_back():
    root = PROJECT_ROOT / "reader"
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {name: _imports_of(path) & set(names) - {name} for name, path in names.items()}
    both_ways = sorted({tuple(sorted((a, b))) for a, targets in graph.items() for b in targets if a in graph.get(b, ())
                        and not (a.startswith(b + ".") or b.startswith(a + "."))})
    assert both_ways == []
