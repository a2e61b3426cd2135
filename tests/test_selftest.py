"""`python -m reader self-test`: passes on a working installation, one clear line when something is missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT
from reader.cli import main, selftest_cmd


def run_cli(*arguments: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reader", *arguments], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_self_test_passes_and_reports_each_check():
    result = run_cli("self-test")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for check in ("seed article", "annotation", "dictionary", "resources", "characters"):
        assert any(line.strip().startswith(f"{check} ") and " ok " in line for line in lines), (check, lines)
    assert lines[-1].startswith("self-test passed: 5 checks")
    assert selftest_cmd.LOOKUP_WORD in result.stdout


def test_self_test_gui_paints_the_window():
    result = run_cli("self-test", "--gui")
    assert result.returncode == 0, result.stderr
    window_line = next(line for line in result.stdout.splitlines() if line.strip().startswith("window "))
    assert "window painted" in window_line
    assert result.stdout.splitlines()[-1].startswith("self-test passed: 6 checks")


def test_missing_seed_is_one_line_naming_the_file(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(selftest_cmd, "articles_dir", lambda: tmp_path)
    assert main(["self-test"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(tmp_path / selftest_cmd.SEED_FILE) in err
    assert "seed article" in err and "missing" in err


def test_unexpected_breakage_is_one_line_not_a_traceback(monkeypatch, capsys):
    def broken(state):
        raise FileNotFoundError(2, "No such file or directory", "jieba/dict.txt")

    monkeypatch.setattr(selftest_cmd, "check_annotation", broken)
    assert main(["self-test"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "self-test failed at annotation: FileNotFoundError" in err and "jieba/dict.txt" in err


def test_missing_icon_fails_the_resources_check(monkeypatch, tmp_path):
    monkeypatch.setattr("reader.core.desktop.resources_dir", lambda: tmp_path)
    state = selftest_cmd.SelfTestState()
    with pytest.raises(selftest_cmd.ImportProblem) as raised:
        selftest_cmd.check_resources(state)
    assert raised.value.path is not None and raised.value.path.parent == tmp_path / "icons"


def test_gui_self_test_leaves_the_users_data_folder_alone(isolated_dirs):
    before = sorted(p.name for p in isolated_dirs.iterdir())
    result = run_cli("self-test", "--gui")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in isolated_dirs.iterdir()) == before
