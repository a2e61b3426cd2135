"""The suite's own rules: under CI=true a skipped end-to-end test fails the run (a CI machine that cannot run it is
broken), while a developer's machine without Xvfb just skips it; a test that leaves a thread or a child process
running fails."""

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


LEAKY = '''
import subprocess, sys, threading, time


def test_leaves_a_child_process():
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])


def test_leaves_a_thread():
    threading.Thread(target=time.sleep, args=(5,), daemon=True).start()


def test_waits_for_its_thread():
    worker = threading.Thread(target=time.sleep, args=(0.2,))
    worker.start()
'''


def test_a_test_leaving_background_work_running_fails(tmp_path):
    (tmp_path / "test_leaky.py").write_text(LEAKY, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT)]),
               DUBAO_TEST_BACKGROUND_GRACE="1")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "conftest",
                             "-W", "ignore::ResourceWarning", str(tmp_path / "test_leaky.py")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert "3 passed, 2 errors" in result.stdout, result.stdout[-3000:]  # the third waited for its thread
    assert "ERROR test_leaky.py::test_leaves_a_child_process" in result.stdout
    assert "ERROR test_leaky.py::test_leaves_a_thread" in result.stdout
