"""The suite's own rules: under CI=true a skipped end-to-end test fails the run (a CI machine that cannot run it is
broken), while a developer's machine without Xvfb just skips it."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import PROJECT_ROOT


def run_e2e_without_tools(tmp_path, ci: str) -> subprocess.CompletedProcess:
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    env = dict(os.environ, PATH=str(empty), CI=ci)  # no Xvfb, xdotool or imagemagick on this PATH
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_e2e_reader.py"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_skipped_end_to_end_test_fails_the_run_under_ci(tmp_path):
    result = run_e2e_without_tools(tmp_path, "true")
    assert result.returncode == 1, result.stdout[-2000:]
    assert "skipped under CI=true" in result.stdout and "needs Xvfb" in result.stdout


def test_outside_ci_it_is_only_skipped(tmp_path):
    result = run_e2e_without_tools(tmp_path, "")
    assert result.returncode == 0, result.stdout[-2000:]
    assert "1 skipped" in result.stdout
