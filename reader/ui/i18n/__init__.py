"""Interface languages: English (the source texts) and Simplified Chinese (`dubao_zh_CN.qm`, made with Qt's tools).

The `.ts` file is the translators' source; `pyside6-lupdate` collects the texts and `pyside6-lrelease` compiles it
(see `update_translations.sh` beside this file). Both tools come with PySide6-Essentials.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_INSTALLED: list[QTranslator] = []


def translation_file(language: str) -> Path | None:
    """Return our compiled translation for a locale name ("zh_CN", "zh_Hans_CN", "zh"), or None for English."""
    if not language.lower().startswith("zh"):
        return None
    path = TRANSLATIONS_DIR / "dubao_zh_CN.qm"
    return path if path.exists() else None


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Translate the interface into `language` when we ship it (plus Qt's own dialogs); return True if installed."""
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()
    path = translation_file(language)
    if path is None:
        return False
    ours = QTranslator(app)
    if not ours.load(str(path)):
        return False
    app.installTranslator(ours)
    _INSTALLED.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _INSTALLED.append(qt_own)
    return True
