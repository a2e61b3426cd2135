"""`python -m reader self-test [--gui]`: check that this installation (or bundle) can do its job, and say so.

Opens the bundled seed article, annotates it, looks a word up in the dictionary and the glossary, checks the icon,
and prints one line per check with its time. With `--gui` it also builds the reader window offscreen and paints it
once. Exit status 0 when everything works; otherwise one line naming the failed check (status 2).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from reader import __version__
from reader.core.errors import DubaoError, ImportProblem
from reader.core.paths import articles_dir, data_dir

SEED_FILE = "xihaian-2025-quality-page.md"
LOOKUP_WORD = "质量"  # "quality": the seed article's subject, in the dictionary and on the HSK lists
GLOSSARY_TERM = "高质量发展"  # the seed's key policy term, in the shipped glossary
GUI_TIMEOUT_SECONDS = 120.0


class SelfTestFailure(DubaoError):
    """A self-test check found this installation unable to do its job."""


@dataclass
class SelfTestState:
    """What the checks hand on to each other (the article, its annotation) and the report lines."""

    article: Any = None
    annotation: Any = None
    lines: list[str] = field(default_factory=list)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the self-test's options."""
    parser.add_argument("--gui", action="store_true", help="also build the reader window offscreen and paint it once")


def run(args: argparse.Namespace) -> int:
    """Run every check in order; print a report; raise SelfTestFailure at the first failed check."""
    state = SelfTestState()
    checks: list[tuple[str, Callable[[SelfTestState], str]]] = [
        ("seed article", check_seed), ("annotation", check_annotation), ("dictionary", check_lookup),
        ("resources", check_resources), ("characters", check_scripts)]
    if args.gui:
        checks.append(("window", check_window))
    started = time.perf_counter()
    print(f"Dubao {__version__} self-test (data folder {data_dir()})")
    for name, check in checks:
        _run_check(name, check, state)
    print(f"self-test passed: {len(checks)} checks in {time.perf_counter() - started:.2f} s")
    return 0


def _run_check(name: str, check: Callable[[SelfTestState], str], state: SelfTestState) -> None:
    """Run one check and print its line; turn any failure into one SelfTestFailure line."""
    started = time.perf_counter()
    try:
        detail = check(state)
    except DubaoError as error:
        raise SelfTestFailure(f"self-test failed at {name}: {error.problem}", error.path) from None
    except Exception as error:  # noqa: BLE001 (a broken installation shows up as anything; report it in one line)
        raise SelfTestFailure(f"self-test failed at {name}: {type(error).__name__}: {error}") from None
    print(f"  {name:<13} ok  {time.perf_counter() - started:6.2f} s  {detail}")


def check_seed(state: SelfTestState) -> str:
    """Open the bundled seed article through the importer."""
    from reader.core.importer import load_article

    path = articles_dir() / SEED_FILE
    if not path.is_file():
        raise ImportProblem("the bundled seed article is missing from this installation", path)
    state.article = load_article(path)
    paragraphs = list(state.article.paragraphs())
    if not paragraphs:
        raise ImportProblem("the seed article has no paragraphs", path)
    return f"{state.article.title} — {len(state.article.sections)} sections, {len(paragraphs)} paragraphs"


def check_annotation(state: SelfTestState) -> str:
    """Annotate the seed and check that every paragraph got a reading for every Han character."""
    from reader.core import lang
    from reader.core.lang.chars import is_han

    state.annotation = lang.annotate(state.article)
    readings = 0
    for paragraph in state.article.paragraphs():
        annotated = state.annotation.paragraphs.get(paragraph.id)
        if annotated is None:
            raise SelfTestFailure(f"paragraph {paragraph.id} has no annotation")
        for char, reading in zip(paragraph.text, annotated.readings()):
            if is_han(char) and not reading:
                raise SelfTestFailure(f"no reading for {char} in paragraph {paragraph.id}")
            readings += bool(reading)
    hits = sum(len(p.glossary_hits) for p in state.annotation.paragraphs.values())
    if hits == 0:
        raise SelfTestFailure("no glossary term was found in the seed article: is the shipped glossary missing?")
    return f"{readings} readings, {hits} glossary terms found"


def check_lookup(state: SelfTestState) -> str:
    """Look a word of the seed up: it must have a dictionary reading and meaning, an HSK level, a glossary term."""
    from reader.core import lang

    result = lang.lookup(LOOKUP_WORD)
    if not result.in_dictionary or not result.readings or not result.definitions:
        raise SelfTestFailure(f"the dictionary has no entry for {LOOKUP_WORD}")
    if result.hsk_level is None:
        raise SelfTestFailure(f"the HSK lists have no level for {LOOKUP_WORD}")
    term = lang.lookup(GLOSSARY_TERM).glossary
    if term is None:
        raise SelfTestFailure(f"the glossary has no entry for {GLOSSARY_TERM}")
    meaning = result.definitions[0]
    return (f"{LOOKUP_WORD} [{result.readings[0]}] {_shorten(meaning)}, HSK {result.hsk_level}; "
            f"glossary: {GLOSSARY_TERM} = {_shorten(term.english)}")


def _shorten(text: str, limit: int = 30) -> str:
    """Return `text` on one line, cut to `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_resources(state: SelfTestState) -> str:
    """Check the icon files the window and the desktop entry use."""
    from reader.core.desktop import ICON_SIZES, icon_file

    missing = [icon_file(size) for size in ICON_SIZES if not icon_file(size).is_file()]
    if not icon_file().is_file():
        missing.append(icon_file())
    if missing:
        raise ImportProblem("the application icon is missing", missing[0])
    return f"icon in {len(ICON_SIZES)} sizes and SVG"


def check_scripts(state: SelfTestState) -> str:
    """Convert a phrase to traditional characters and back (OpenCC and its dictionaries are there)."""
    from reader.core.lang.scripts import Script, convert_text

    traditional = convert_text("头发", Script.TRADITIONAL)
    if traditional != "頭髮" or convert_text(traditional, Script.SIMPLIFIED) != "头发":
        raise SelfTestFailure(f"simplified/traditional conversion is wrong: 头发 → {traditional}")
    return "头发 → 頭髮 → 头发"


def check_window(state: SelfTestState) -> str:
    """Build the reader window offscreen over a scratch data folder, open the seed, and paint the window once.

    The scratch folder keeps the check from touching the user's library and window settings.
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a check, not a session: never show a window
    from reader.cli import selftest_gui

    previous = os.environ.get("DUBAO_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="dubao-selftest-", ignore_cleanup_errors=True) as scratch:
        os.environ["DUBAO_DATA_DIR"] = scratch
        try:
            return selftest_gui.paint_reader_window(GUI_TIMEOUT_SECONDS)
        finally:
            if previous is None:
                os.environ.pop("DUBAO_DATA_DIR", None)
            else:
                os.environ["DUBAO_DATA_DIR"] = previous
