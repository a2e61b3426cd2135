"""Every file of the bad-input corpus through the reader window's open path (what File ▸ Open and drag-and-drop call).

A refusal: the banner says "Could not open <name>: <problem>", the article that was open stays open (same document,
same library entry), and the window still answers keys. An import: the new article is shown, exactly, with no
message, and the window still answers keys. How long the huge files hold the GUI thread while they open is measured
in benchmarks/bench_bad_inputs.py (today: seconds; see the results there).
"""

from __future__ import annotations

import pytest
from pytestqt.exceptions import TimeoutError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer

from bad_inputs import TITLE, corpus, generate, inject_fault
from reader.core.annotation import AnnotatedArticle
from reader.core.errors import ImportProblem
from reader.core.importer import decoding, load_article, to_markdown
from reader.ui import services
from reader.ui.app import build_window, open_initial_article
from reader.ui.launch import build_parser

from test_properties import article_text
from test_ui_helpers import annotate_article, hand_made_reading, make_article

CASES = {case.name: case for case in corpus()}
HAND_ANNOTATION_LIMIT = 200_000  # characters
EVENT_LOOP_TIMEOUT_MS = 10_000  # a liveness check, not a timing: how long the GUI thread stalls is a benchmark


@pytest.fixture(autouse=True)
def hand_made_annotation(monkeypatch):
    """Annotate with the tests' small word list instead of the language layer (fast and deterministic); the huge
    articles get an empty annotation (annotating them is the language layer's business, not what is tested here)."""
    def annotate(article):
        return annotate_article(article) if article.text_length() <= HAND_ANNOTATION_LIMIT else AnnotatedArticle()

    monkeypatch.setattr(services, "start_reading", hand_made_reading(annotate))
    # Long articles take the other road (the cache filled in a child process, then decoded in steps): the same here.
    monkeypatch.setattr(services, "fill_annotation_cache", lambda article: None)
    monkeypatch.setattr(services, "cached_annotation_steps", lambda article: iter([annotate(article)]))


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict:
    """The corpus, written once for this module: case name -> path."""
    return {case.name: path for case, path in generate(tmp_path_factory.mktemp("bad-inputs"))}


@pytest.fixture
def window(qtbot, tmp_path):
    """A reader window showing a good article (the one a bad file must not take away)."""
    good = tmp_path / "good-article.md"
    good.write_text(to_markdown(make_article()), encoding="utf-8")
    shown = build_window()
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.controller.annotationReady, timeout=10000):
        open_initial_article(shown, build_parser().parse_args([str(good)]))
    shown.resize(900, 600)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=3000)
    return shown


def assert_responsive(qtbot, window) -> None:
    """The event loop runs a queued timer promptly and the window still moves between sections by keyboard."""
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=EVENT_LOOP_TIMEOUT_MS)
    if len(window.view.document.sections) > 1:
        before = window.view.current_section()
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.view.current_section() != before, timeout=3000)


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if not case.imports])
def test_a_refused_file_shows_a_message_and_keeps_the_article(qtbot, window, written, monkeypatch, name):
    case, path = CASES[name], written[name]
    if case.fault:
        monkeypatch.setattr(decoding, "open", inject_fault(case.fault, path), raising=False)
    document, opened = window.view.document, window.controller.opened
    assert not window.open_path(path)
    assert window.banner.text() == f"Could not open {path.name}: {case.refused}"
    assert window.view.document is document and window.controller.opened is opened
    assert window.view.document.article.title == "推进高质量发展" and window.isVisible()
    assert_responsive(qtbot, window)


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.imports and name != "long-line"])
def test_a_file_that_imports_is_shown_exactly(qtbot, window, written, name):
    case, path = CASES[name], written[name]
    with qtbot.waitSignal(window.controller.annotationReady, timeout=120_000):
        assert window.open_path(path)
    article = window.view.document.article
    texts = [p.text for p in article.paragraphs()]
    assert article.title == case.title == TITLE
    assert texts == list(case.paragraphs) if case.paragraphs is not None else len(texts) == case.paragraph_count
    assert window.banner.text() == ""
    assert window.controller.opened.entry_id is not None  # remembered in the library
    assert_responsive(qtbot, window)



@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=article_text, name=st.sampled_from(["any.txt", "any.md"]))
def test_any_text_either_opens_and_paints_or_is_refused_with_a_message(qtbot, window, tmp_path, text, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        expected = load_article(path)
    except ImportProblem as problem:
        document = window.view.document
        assert not window.open_path(path)
        assert window.banner.text() == f"Could not open {name}: {problem.problem}"
        assert window.view.document is document
    else:
        assert window.open_path(path)
        assert window.view.document.article == expected
    assert not window.grab().isNull()  # every character laid out and painted: astral, combining, bidi, controls
    window.view.step_section(1)


FREEZE_LIMIT_MS = 30_000  # a hang detector, not a timing: how long it takes is measured in benchmarks/


def test_a_two_million_character_line_opens_and_gets_its_pinyin_without_freezing(qtbot, window, written,
                                                                                  monkeypatch):
    # The window's side only: a full hand-made annotation stands in for the child process that reads the text.
    monkeypatch.setattr(services, "cached_annotation_steps", lambda article: iter([annotate_article(article)]))
    case, path = CASES["long-line"], written["long-line"]
    assert window.open_path(path)
    assert [p.text for p in window.view.document.article.paragraphs()] == list(case.paragraphs)
    assert window.banner.text() == ""
    with qtbot.waitSignal(window.controller.annotationReady, timeout=4 * FREEZE_LIMIT_MS):
        pass  # the stand-in annotation itself takes ~20 s on this thread; the hang this guards against took minutes
    assert_responsive(qtbot, window)
