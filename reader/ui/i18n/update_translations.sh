#!/usr/bin/env bash
# Collect the interface texts into the Chinese translation source and compile it (run from anywhere).
# Qt's tools come with PySide6-Essentials: pyside6-lupdate keeps existing translations, pyside6-lrelease compiles.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ui="$(dirname "$here")"
bin="$(dirname "$(command -v python)")"
[ -x "$ui/../../.venv/bin/pyside6-lupdate" ] && bin="$ui/../../.venv/bin"
sources=$(ls "$ui"/*.py "$ui"/panels/*.py "$ui"/view/*.py | grep -v -e launch.py -e about.py -e single_instance.py -e handout_pdf.py)
"$bin/pyside6-lupdate" $sources -ts "$here/dubao_zh_CN.ts"
"$bin/pyside6-lrelease" "$here/dubao_zh_CN.ts" -qm "$here/dubao_zh_CN.qm"
