"""Splitting an article into slides: title first, one section per slide, never a cut inside a sentence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import Article, SectionDraft, SectionKind, build_sections
from reader.core.slides import (
    MIN_BUDGET,
    characters_fit,
    SlideKind,
    first_slide_of_section,
    plan_slides,
)
from reader.core.sentences import sentence_spans


def make_article(*sections: tuple[str | None, list[str]]) -> Article:
    drafts = [SectionDraft(heading, 1, SectionKind.BODY, texts) for heading, texts in sections]
    return Article(title="把高质量发展之路走得更有奔头", sections=build_sections(drafts))


def test_sentence_spans_keep_closing_quotes_with_their_sentence():
    text = "他说：“必须统筹好。”我们要坚持质量第一！真的吗？是的……好；完"
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == ["他说：“必须统筹好。”", "我们要坚持质量第一！", "真的吗？", "是的……", "好；", "完"]


def test_sentence_spans_without_an_end_mark_is_one_sentence():
    assert sentence_spans("没有句号的标题") == [(0, 7)]
    assert sentence_spans("") == []


def test_title_slide_then_one_slide_per_short_section():
    article = make_article(("一、强化质量支撑", ["提升质量。", "加快推进。"]), ("二、强化品牌带动", ["品牌展现。"]))
    slides = plan_slides(article, characters_fit(200))
    assert [s.kind for s in slides] == [SlideKind.TITLE, SlideKind.SECTION, SlideKind.SECTION]
    assert slides[0].heading == article.title
    assert [s.section_index for s in slides] == [None, 0, 1]
    assert slides[1].paragraph_ids == tuple(p.id for p in article.sections[0].paragraphs)
    assert (slides[1].part, slides[1].parts) == (1, 1)


def test_long_section_splits_between_paragraphs():
    paragraphs = ["甲" * 30 + "。", "乙" * 30 + "。", "丙" * 30 + "。"]
    article = make_article(("标题", paragraphs))
    slides = plan_slides(article, characters_fit(70))
    body = slides[1:]
    assert [len(s.pieces) for s in body] == [2, 1]
    assert all(piece.is_whole_paragraph for s in body for piece in s.pieces)
    assert [(s.part, s.parts) for s in body] == [(1, 2), (2, 2)]
    assert all(s.heading == "标题" for s in body)


def test_long_paragraph_splits_between_sentences_only():
    sentences = ["提升质量是优化供给结构的重要途径。", "要坚持质量第一、效益优先！", "“坚持质量第一”绝不能只是一句口号。", "只有这样才能提升质量；"]
    text = "".join(sentences) * 3
    article = make_article((None, [text]))
    slides = plan_slides(article, characters_fit(40))
    pieces = [piece for s in slides[1:] for piece in s.pieces]
    assert len(pieces) > 1
    assert "".join(p.text for p in pieces) == text
    for piece in pieces:
        assert not piece.is_whole_paragraph
        assert piece.text in text
        assert piece.end == len(text) or text[piece.end - 1] in "。！；”"


def test_sentence_longer_than_a_slide_stays_whole():
    long_sentence = "长" * 100 + "。"
    article = make_article((None, ["短句。", long_sentence + "后句。"]))
    slides = plan_slides(article, characters_fit(30))
    texts = [piece.text for s in slides[1:] for piece in s.pieces]
    assert long_sentence in texts


def test_empty_section_still_gets_its_slide():
    article = make_article(("只有标题", []), ("二", ["正文。"]))
    slides = plan_slides(article, characters_fit(100))
    assert [s.section_index for s in slides] == [None, 0, 1]
    assert slides[1].pieces == ()


def test_first_slide_of_section_finds_continued_sections():
    article = make_article(("一", ["甲" * 50 + "。", "乙" * 50 + "。"]), ("二", ["丙。"]))
    slides = plan_slides(article, characters_fit(60))
    assert first_slide_of_section(slides, 0) == 1
    assert slides[first_slide_of_section(slides, 1)].heading == "二"
    assert first_slide_of_section(slides, 99) == len(slides) - 1


sentence = st.text(alphabet="质量发展品牌标准“”，、", min_size=0, max_size=40).map(
    lambda body: body + "。")
paragraph_text = st.lists(sentence, min_size=1, max_size=6).map("".join)
section = st.tuples(st.one_of(st.none(), st.text(alphabet="一二三强化", min_size=1, max_size=8)),
                    st.lists(paragraph_text, min_size=0, max_size=5))


@settings(max_examples=200, deadline=None)
@given(st.lists(section, min_size=1, max_size=5), st.integers(min_value=1, max_value=300))
def test_every_paragraph_lands_exactly_once_and_no_sentence_is_cut(sections, budget):
    article = make_article(*sections)
    slides = plan_slides(article, characters_fit(budget))
    shown: dict[str, list] = {}
    for slide in slides[1:]:
        for piece in slide.pieces:
            shown.setdefault(piece.paragraph_id, []).append(piece)
    for section_index, section_ in enumerate(article.sections):
        for paragraph in section_.paragraphs:
            pieces = shown.pop(paragraph.id)
            assert "".join(p.text for p in pieces) == paragraph.text
            assert [p.start for p in pieces] == sorted(p.start for p in pieces)
            boundaries = {end for _, end in sentence_spans(paragraph.text)}
            assert all(p.end in boundaries for p in pieces)
    assert shown == {}
    sections_in_order = [s.section_index for s in slides[1:]]
    assert sections_in_order == sorted(sections_in_order)
    assert set(sections_in_order) == set(range(len(article.sections)))
    room = max(budget, MIN_BUDGET)
    for slide in slides[1:]:
        over = slide.char_count() > room + len(slide.heading or "") + MIN_BUDGET
        assert not over or len(slide.pieces) == 1 and len(sentence_spans(slide.pieces[0].text)) == 1


def presentation(budget: int = 60):
    from reader.core.presentation import PresentationState

    article = make_article(("一", ["甲" * 50 + "。", "乙" * 50 + "。"]), ("二", ["丙。"]), ("三", ["丁。"]))
    return PresentationState(plan_slides(article, characters_fit(budget)))


def test_state_walks_clamps_and_jumps_to_typed_sections():
    state = presentation()
    assert len(state.slides) == 5 and state.index == 0
    assert state.previous() is False and state.index == 0
    state.next()
    state.next()
    assert (state.section_index, state.slide.part) == (0, 2)
    state.go_to(99)
    assert state.index == 4 and state.next_slide is None
    state.type_digit("2")
    state.enter()
    assert state.section_index == 1 and state.typed_number == ""
    state.type_digit("0")
    state.enter()
    assert state.index == 0
    state.enter()
    assert state.index == 1


def test_blank_screen_comes_back_before_moving():
    from reader.core.presentation import Blank

    state = presentation()
    state.next()
    state.toggle_blank(Blank.BLACK)
    assert state.blank is Blank.BLACK
    state.toggle_blank(Blank.WHITE)
    assert state.blank is Blank.WHITE
    state.next()
    assert (state.blank, state.index) == (Blank.NONE, 1)
    state.toggle_blank(Blank.BLACK)
    state.toggle_blank(Blank.BLACK)
    assert state.blank is Blank.NONE


def test_overlays_close_on_escape_and_on_moving():
    state = presentation()
    state.next()
    state.focus_paragraph(state.slide.paragraph_ids[0])
    state.toggle_cards()
    assert state.close_overlay() is True
    assert (state.focused_paragraph, state.cards_visible) == (None, False)
    assert state.close_overlay() is False
    state.show_card("新质生产力")
    state.next()
    assert state.card_term is None
    state.focus_paragraph("x")
    state.focus_paragraph("x")
    assert state.focused_paragraph is None


def test_elapsed_clock_pauses_and_resets():
    from reader.core.presentation import ElapsedClock, format_elapsed

    clock = ElapsedClock()
    clock.start(100.0)
    clock.pause(130.0)
    assert clock.elapsed(500.0) == 30.0 and not clock.running
    clock.toggle(600.0)
    assert clock.elapsed(610.0) == 40.0
    clock.reset(620.0)
    assert clock.elapsed(625.0) == 5.0 and clock.running
    assert (format_elapsed(65.4), format_elapsed(3725)) == ("1:05", "1:02:05")


def test_trainer_notes_of_the_slide_in_reading_order():
    from types import SimpleNamespace as Obj

    from reader.core.presentation import trainer_notes

    def item(kind, pid, start, exact, note=None, name=None, deleted_at=None):
        return Obj(kind=kind, note=note, name=name, deleted_at=deleted_at,
                   anchor=Obj(paragraph_id=pid, start=start, exact=exact))

    stored = [item("note", "p2", 0, "品牌", note="ask about brands"), item("highlight", "p1", 5, "质量"),
              item("bookmark", "p1", 1, "", name="start here"), item("note", "p9", 0, "x", note="elsewhere"),
              item("note", "p1", 9, "旧", note="deleted", deleted_at=1.0)]
    assert trainer_notes(stored, ["p1", "p2"]) == ["🔖 start here", "▍「质量」", "✎ 「品牌」 ask about brands"]
