"""The command line imports only the module of the command it runs (importing all of them cost about 0.1 s at every
start), yet lists every command in its help and gives each its own options."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_ROOT
from reader.cli import COMMANDS, build_parser, command_named

PROBE = """
import sys
from reader.cli import main
main(sys.argv[1:])
print(sorted(m for m in sys.modules if m.startswith("reader.cli.")))
"""


def test_only_the_command_being_run_is_imported(tmp_path):
    result = subprocess.run([sys.executable, "-c", PROBE, "--data-dir", str(tmp_path), "pinyin", "--numbers", "重整"],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "重整/chong2 zheng3"
    assert lines[-1] == "['reader.cli.pinyin_cmd']"


def test_the_command_is_found_after_the_global_options():
    assert command_named(["--data-dir", "lookup", "pinyin", "好"]) == "pinyin"  # "lookup" is the folder here
    assert command_named(["--version"]) is None
    assert command_named(["annotate", "--json", "a.md"]) == "annotate"


def test_help_lists_every_command_and_each_command_has_its_options():
    parser, modules = build_parser(["lookup", "好"])
    assert list(modules) == ["lookup"]
    listed = parser._subparsers._group_actions[0].choices  # noqa: SLF001 (argparse keeps them there)
    assert list(listed) == list(COMMANDS)
    assert parser.parse_args(["lookup", "--json", "好"]).json is True
    _, everything = build_parser()
    assert list(everything) == list(COMMANDS)
