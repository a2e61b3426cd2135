"""Opening a new article: its pinyin arrives part by part (the opening screen first) without moving the lines; a
reading that fails halfway keeps what arrived; a newer article drops the older one's late parts; closing the window
ends the child process; a cached article starts none."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.core.annotation import AnnotatedArticle
from reader.core.errors import StorageProblem
from reader.core.importer import to_markdown
from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.ui import services
from reader.ui.app import build_window, open_initial_article
from reader.ui.launch import build_parser

from test_ui_helpers import annotate_article, make_article

SHORT = ["高质量发展是首要任务。", "我们要坚持质量第一。", "推进供给侧结构性改革。", "建设品质西海岸。",
         "新区的城市更美好。", "加快形成工作格局。"]


class GatedReading:
    """Stands in for a child's reading: each part, and then the end, waits until the test opens its gate."""

    def __init__(self, article: Article, parts: list[list[str]], fail: bool = False) -> None:
        self.whole, self.fail = annotate_article(article), fail
        self.parts = [AnnotatedArticle({k: v for k, v in self.whole.paragraphs.items() if k in keys},
                                       {k: v for k, v in self.whole.headings.items() if k in keys}) for keys in parts]
        self.gates = [threading.Event() for _ in range(len(parts) + 1)]
        self.stopped = False

    def run(self, report) -> AnnotatedArticle:
        """Report the parts, then return the whole (or fail), each once its gate opens."""
        for gate, part in zip(self.gates, self.parts):
            assert gate.wait(10)
            report(part)
        assert self.gates[-1].wait(10)
        if self.fail:
            raise StorageProblem("the article could not be annotated (killed)", Path("annotations.sqlite3"))
        return self.whole

    def open(self, gate: int) -> None:
        """Let part `gate` (or the end, after the last part) through."""
        self.gates[gate].set()

    def stop(self) -> None:
        """Remember the reading was stopped (the gates stay as they are: late parts still come)."""
        self.stopped = True


def short_article(title: str = "推进高质量发展") -> Article:
    """An article of one-line paragraphs (so the lines cannot re-wrap when the pinyin arrives)."""
    drafts = [SectionDraft(None, 0, SectionKind.LEAD, SHORT[:3]),
              SectionDraft("强化标准引领", 1, SectionKind.BODY, SHORT[3:])]
    return Article(title=title, sections=build_sections(drafts))


def first_part(article: Article) -> list[str]:
    """The keys of an opening screen: the title and the first two paragraphs."""
    return [article.title, *[p.id for p in list(article.paragraphs())[:2]]]


@pytest.fixture
def readings(monkeypatch):
    """Every article opened gets a GatedReading: the first part is its opening screen, the second the rest."""
    made: list[GatedReading] = []
    calls: list[str | None] = []

    def start(article, from_paragraph=None):
        calls.append(from_paragraph)
        rest = [p.id for p in list(article.paragraphs())[2:]] + [s.heading for s in article.sections if s.heading]
        fails = article.title.endswith("坏")  # a child that dies after the opening screen
        made.append(GatedReading(article, [first_part(article)] + ([] if fails else [rest]), fail=fails))
        return made[-1]

    monkeypatch.setattr(services, "start_reading", start)
    yield made, calls
    for reading in made:  # no worker thread left waiting
        for gate in reading.gates:
            gate.set()


def open_window(qtbot, path: Path, size=(1000, 700)):
    window = build_window()
    qtbot.addWidget(window)
    window.resize(*size)
    open_initial_article(window, build_parser().parse_args([str(path)]))
    window.show()
    qtbot.waitExposed(window)
    return window


def write(tmp_path: Path, article: Article, name: str = "article.md") -> Path:
    path = tmp_path / name
    path.write_text(to_markdown(article), encoding="utf-8")
    return path


def line_tops(view) -> list[tuple[int, float, float]]:
    """(block, top, ruby row height) of every line on screen, as the reader sees it (scroll included)."""
    top = view.verticalScrollBar().value()
    visible = view.layout_.visible_lines(top, top + view.viewport().height())
    return [(view.layout_.lines[i].block, view.layout_.lines[i].top - top, view.layout_.lines[i].ruby_height)
            for i in visible]


def test_the_opening_screen_gets_its_pinyin_first_then_the_rest(qtbot, tmp_path, readings):
    made, _calls = readings
    article = short_article()
    window = open_window(qtbot, write(tmp_path, article))
    controller, document = window.controller, window.view.document
    events: list[str] = []
    controller.annotationProgressed.connect(lambda doc: events.append("part"))
    controller.annotationReady.connect(lambda doc: events.append("whole"))
    with qtbot.waitSignal(controller.annotationProgressed, timeout=5000):
        made[0].open(0)
    annotated = {block.key for block in document.blocks if block.tokens is not None}
    assert annotated == set(first_part(article))
    assert not document.annotated and controller.annotation is None  # learner and presenting wait for the whole
    assert "adding pinyin" in window.status.text()
    assert any(window.view._line_data[0][2])  # the title's pinyin is laid out to be drawn now
    with qtbot.waitSignal(controller.annotationReady, timeout=5000):
        made[0].open(1)
        made[0].open(2)
    assert events == ["part", "part", "whole"]
    assert document.annotated and all(block.tokens is not None for block in document.blocks)
    assert controller.annotation is made[0].whole
    assert "adding pinyin" not in window.status.text()


def test_the_lines_do_not_move_when_the_pinyin_arrives(qtbot, tmp_path, readings):
    made, _calls = readings
    window = open_window(qtbot, write(tmp_path, short_article()), size=(1000, 380))
    view = window.view
    qtbot.waitUntil(lambda: bool(view.layout_ is not None and view.layout_.lines))
    assert view.verticalScrollBar().maximum() > 0  # taller than the view: the scroll position must hold too
    before = line_tops(view)
    assert all(ruby > 0 for _block, _top, ruby in before)  # the pinyin row's room is kept while it is on its way
    with qtbot.waitSignal(window.controller.annotationProgressed, timeout=5000):
        made[0].open(0)
    assert view.document.blocks[0].tokens is not None
    assert line_tops(view) == before
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        made[0].open(1)
        made[0].open(2)
    assert line_tops(view) == before


def test_a_reading_that_fails_halfway_keeps_the_part_that_arrived(qtbot, tmp_path, readings):
    made, _calls = readings
    article = short_article("推进高质量发展坏")
    window = open_window(qtbot, write(tmp_path, article))
    messages: list[str] = []
    window.controller.problem.connect(messages.append)
    with qtbot.waitSignal(window.controller.annotationProgressed, timeout=5000):
        made[0].open(0)
    with qtbot.waitSignal(window.controller.annotationFailed, timeout=5000):
        made[0].open(1)
    annotated = {block.key for block in window.view.document.blocks if block.tokens is not None}
    assert annotated == set(first_part(article))
    assert len(messages) == 1 and "could not be added to the rest of the article" in messages[0]
    assert "adding pinyin" not in window.status.text()


def test_a_newer_article_drops_the_older_readings_late_parts(qtbot, tmp_path, readings):
    made, _calls = readings
    window = open_window(qtbot, write(tmp_path, short_article("第一篇文章")))
    parts: list[object] = []
    window.controller.annotationProgressed.connect(parts.append)
    assert window.open_path(write(tmp_path, make_article(), "second.md"))
    first, second = made
    assert first.stopped and not second.stopped
    document = window.view.document
    for gate in range(3):
        first.open(gate)  # the older child's parts and end come late: nothing of them is applied
    qtbot.wait(200)
    assert parts == [] and window.controller.annotation is None
    assert all(block.tokens is None for block in document.blocks)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=5000):
        for gate in range(3):
            second.open(gate)
    assert window.controller.annotation is second.whole and parts == [document, document]


def test_the_first_part_is_read_from_the_saved_position(qtbot, tmp_path, readings):
    made, calls = readings
    article = make_article()
    window = open_window(qtbot, write(tmp_path, article), size=(700, 400))
    for gate in range(3):
        made[0].open(gate)
    qtbot.waitUntil(lambda: window.controller.annotation is not None, timeout=5000)
    entry = window.controller.opened.entry_id
    paragraph = list(article.paragraphs())[3]
    block = next(i for i, b in enumerate(window.view.document.blocks) if b.key == paragraph.id)
    window.view.scroll_to(block, 0)
    window.open_path(write(tmp_path, short_article(), "other.md"))  # saves the position in the first
    window.open_entry(entry)
    assert calls == [None, None, paragraph.id]


def test_closing_the_window_ends_the_child_process(qtbot, tmp_path):
    article = make_article("关闭窗口时的文章")
    window = open_window(qtbot, write(tmp_path, article))
    reading = window.controller._reading
    assert reading is not None and reading.pid is not None  # a real child, reading
    window.close()
    assert reading._process.poll() is not None  # ended at once (the autouse check also finds no child left)


def test_a_cached_article_starts_no_child(qtbot, tmp_path, monkeypatch):
    article = short_article("已经读过的文章")
    path = write(tmp_path, article)
    monkeypatch.setattr(services, "cached_annotation", lambda shown: annotate_article(shown))

    def no_child(*_args, **_kwargs):
        raise AssertionError("a child process was started for a cached article")

    monkeypatch.setattr(services, "start_reading", no_child)
    window = open_window(qtbot, path)
    assert window.controller.annotation is not None and window.view.document.annotated


@pytest.fixture
def early(monkeypatch):
    """A fresh slot for the reading `read_early` starts at launch (ended after the test if nobody took it)."""
    slot: dict = {}
    monkeypatch.setattr(services, "_EARLY", slot)
    yield slot
    services._discard_early_reading()


def test_a_file_from_the_command_line_is_read_from_launch_and_the_window_takes_the_reading_over(qtbot, tmp_path,
                                                                                               early, monkeypatch):
    from reader.core.lang import annotator as annotator_module

    path = write(tmp_path, make_article("命令行上的文章"))
    services.read_early(str(path))
    reading = early["reading"]
    assert reading.pid is not None and reading._process.poll() is None  # reading before Qt and the window

    def no_second_child(*_args, **_kwargs):
        raise AssertionError("a second child was started for the same article")

    monkeypatch.setattr(annotator_module.Annotator, "start_reading", no_second_child)
    window = build_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.annotationReady, timeout=60_000):
        open_initial_article(window, build_parser().parse_args([str(path)]))
        assert window.controller._reading is reading and "reading" not in early
    assert window.view.document.annotated and window.view.document.blocks[0].tokens


def test_read_early_starts_nothing_for_a_cached_or_unreadable_article(tmp_path, early, monkeypatch):
    from reader.core.lang import annotator as annotator_module

    services.read_early(str(tmp_path / "missing.txt"))
    services.read_early("https://example.org/page")
    assert early == {}
    monkeypatch.setattr(annotator_module.Annotator, "is_cached", lambda self, article: True)
    path = write(tmp_path, make_article())
    services.read_early(str(path))
    assert "reading" not in early
    article = services.load_article_file(path)
    assert article is early["of"]  # read once: the window's open does not parse the file again
    assert services.load_article_file(path) is not article  # but a later open reads it afresh


def test_an_early_reading_no_window_took_over_ends_at_exit(tmp_path, early):
    services.read_early(str(write(tmp_path, make_article("交给另一个窗口的文章"))))
    reading = early["reading"]
    services._discard_early_reading()  # what atexit runs when another Dubao was handed the file
    assert reading._process.poll() is not None and "reading" not in early
