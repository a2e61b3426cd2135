"""Print a handout plan (`reader.core.handout`) as a PDF with Qt's own PDF writer.

Title, the chosen sections with pinyin above the characters as the plan says, optional ruled note lines, a glossary
table, page numbers. Text is drawn as text, so the Chinese in the PDF can be selected and searched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QRawFont

from reader.core.errors import ExportProblem
from reader.core.files import write_atomically
from reader.core.handout import GlossaryRow, HandoutPlan, HandoutSection
from reader.core.layout import LayoutBlock, layout_document
from reader.ui.fonts import choose_family
from reader.ui.present.ruby_paint import RubyStyle, paint_lines, scaled_font, styles_measure
from reader.ui.text_measure import QtTextMeasure

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGINS_MM = QMarginsF(16, 13, 16, 11)
GLOSSARY_TITLE = "词语表 Glossary"
COLUMN_SHARES = (0.15, 0.2, 0.23, 0.42)
NOTE_LINES_PER_SECTION = 5


def pt(points: float) -> float:
    """Return `points` in the writer's pixels."""
    return points * RESOLUTION / 72


def mm(millimetres: float) -> float:
    """Return `millimetres` in the writer's pixels."""
    return millimetres * RESOLUTION / 25.4


@dataclass
class Piece:
    """Something of a fixed height in the page flow, drawn at a given top."""

    height: float
    draw: Callable[[QPainter, float], None]
    gap_before: float = 0.0
    keep_with_next: bool = False


def handout_styles(family: str) -> dict[str, RubyStyle]:
    """Return the printed styles of the text blocks."""
    return {
        "title": RubyStyle(scaled_font(family, pt(18), bold=True), scaled_font(family, pt(8))),
        "subtitle": RubyStyle(scaled_font(family, pt(10)), scaled_font(family, pt(6))),
        "heading": RubyStyle(scaled_font(family, pt(13), bold=True), scaled_font(family, pt(7))),
        "subheading": RubyStyle(scaled_font(family, pt(11), bold=True), scaled_font(family, pt(6.5))),
        "paragraph": RubyStyle(scaled_font(family, pt(10.5)), scaled_font(family, pt(6)),
                               QColor("#000000"), QColor("#444444")),
    }


def _text_blocks(plan: HandoutPlan) -> tuple[list[LayoutBlock], set[int]]:
    """Return the title block, then each section's heading (if it has one) and paragraphs, as layout blocks; and
    the indices of the blocks that end a part (where note lines go)."""
    blocks = [LayoutBlock(plan.title, "title", (), [None] * len(plan.title), align="center")]
    for line in plan.title_lines:
        blocks.append(LayoutBlock(line, "subtitle", (), [None] * len(line), align="center", space_before=0.2))
    part_ends = set()
    for section in plan.sections:
        if section.starts_part and len(blocks) > 1 + len(plan.title_lines):
            part_ends.add(len(blocks) - 1)
        blocks.extend(_section_blocks(section))
    part_ends.add(len(blocks) - 1)
    return blocks, part_ends


def _section_blocks(section: HandoutSection) -> list[LayoutBlock]:
    """Return a section's heading (none for a lead or a continuation; smaller for a sub-item) and paragraphs."""
    blocks = []
    if section.heading:
        kind = "heading" if section.level <= 1 or section.starts_part else "subheading"
        blocks.append(LayoutBlock(section.heading, kind, (), [None] * len(section.heading), align="left",
                                  space_before=1.0 if kind == "heading" else 0.6))
    for paragraph in section.paragraphs:
        words, ruby, start = [], [], 0
        for word in paragraph.words:
            words.append((start, start + len(word.text)))
            ruby.extend(word.ruby)
            start += len(word.text)
        blocks.append(LayoutBlock(paragraph.text, "paragraph", words, ruby, indent_em=2.0, space_before=0.25))
    return blocks


def _text_pieces(plan: HandoutPlan, blocks: list[LayoutBlock], part_ends: set[int], styles: dict[str, RubyStyle],
                 measure: QtTextMeasure, width: float, left: float) -> list[Piece]:
    """Lay the text out at `width` and return one piece per line (plus note lines after each part)."""
    layout = layout_document(blocks, width, measure, line_spacing=1.04)
    pieces: list[Piece] = []
    previous_bottom = 0.0
    for index, line in enumerate(layout.lines):
        def draw(painter: QPainter, top: float, index=index, line=line) -> None:
            paint_lines(painter, layout, blocks, styles, measure, QPointF(left, top - line.top), [index])

        is_heading = blocks[line.block].kind in ("heading", "subheading")
        pieces.append(Piece(line.height, draw, max(0.0, line.top - previous_bottom), keep_with_next=is_heading))
        previous_bottom = line.bottom
        last_of_block = index + 1 == len(layout.lines) or layout.lines[index + 1].block != line.block
        if plan.note_lines and last_of_block and line.block in part_ends:
            pieces.extend(_note_line_pieces(left, width))
    return pieces


def _note_line_pieces(left: float, width: float) -> list[Piece]:
    def draw(painter: QPainter, top: float) -> None:
        painter.setPen(QPen(QColor("#9a9a9a"), mm(0.2)))
        painter.drawLine(QPointF(left, top + mm(8)), QPointF(left + width, top + mm(8)))

    return [Piece(mm(8), draw, gap_before=mm(2) if i == 0 else 0.0) for i in range(NOTE_LINES_PER_SECTION)]


def _glossary_pieces(rows: tuple[GlossaryRow, ...], family: str, left: float, width: float) -> list[Piece]:
    """Return the glossary title, header row and one piece per row of the table."""
    if not rows:
        return []
    title_font = scaled_font(family, pt(13), bold=True)
    title_height = QFontMetricsF(title_font).height()

    def draw_title(painter: QPainter, top: float) -> None:
        painter.setFont(title_font)
        painter.setPen(QColor("#000000"))
        painter.drawText(QRectF(left, top, width, title_height), Qt.AlignmentFlag.AlignLeft, GLOSSARY_TITLE)

    header = GlossaryRow("词语 Term", "拼音 Pinyin", "English", "说明 Explanation")
    pieces = [Piece(title_height, draw_title, gap_before=mm(5), keep_with_next=True)]
    pieces.append(_row_piece(header, family, left, width, bold=True))
    pieces[-1].keep_with_next = True
    pieces.extend(_row_piece(row, family, left, width) for row in rows)
    return pieces


def _row_piece(row: GlossaryRow, family: str, left: float, width: float, bold: bool = False) -> Piece:
    font = scaled_font(family, pt(7.5), bold=bold)
    term_font = scaled_font(family, pt(8.5), bold=True)
    pad = mm(0.75)
    cells = (row.term, row.pinyin, row.english, row.explanation)
    widths = [width * share for share in COLUMN_SHARES]
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    fonts = [term_font, font, font, font]
    heights = [QFontMetricsF(f).boundingRect(QRectF(0, 0, w - 2 * pad, 1e6), flags, text).height()
               for f, w, text in zip(fonts, widths, cells)]
    height = max(heights) + 2 * pad

    def draw(painter: QPainter, top: float) -> None:
        x = left
        painter.setPen(QPen(QColor("#777777"), mm(0.2)))
        painter.drawLine(QPointF(left, top + height), QPointF(left + width, top + height))
        painter.setPen(QColor("#000000"))
        for cell_font, cell_width, text in zip(fonts, widths, cells):
            painter.setFont(cell_font)
            painter.drawText(QRectF(x + pad, top + pad, cell_width - 2 * pad, height), flags, text)
            x += cell_width

    return Piece(height, draw)


def paginate(pieces: list[Piece], page_height: float) -> list[list[tuple[float, Piece]]]:
    """Place pieces on pages top to bottom; a run of keep-with-next pieces moves with the piece that ends it."""
    pages: list[list[tuple[float, Piece]]] = [[]]
    y = 0.0
    for index, piece in enumerate(pieces):
        gap = piece.gap_before if pages[-1] else 0.0
        need = gap + piece.height + _kept_height(pieces, index)
        if y + need > page_height and pages[-1]:
            pages.append([])
            y, gap = 0.0, 0.0
        pages[-1].append((y + gap, piece))
        y += gap + piece.height
    return pages


def _kept_height(pieces: list[Piece], index: int) -> float:
    """Return the height of the pieces that must follow pieces[index] onto the same page."""
    height = 0.0
    while pieces[index].keep_with_next and index + 1 < len(pieces):
        index += 1
        height += pieces[index].gap_before + pieces[index].height
    return height


def _draw_footer(painter: QPainter, family: str, rect: QRectF, number: int, total: int, title: str) -> None:
    painter.setFont(scaled_font(family, pt(8)))
    painter.setPen(QColor("#555555"))
    footer = QRectF(rect.left(), rect.bottom() - pt(12), rect.width(), pt(12))
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), title)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), f"{number} / {total}")


def open_writer(plan: HandoutPlan, out: Path) -> QPdfWriter:
    """Return a PDF writer for `out` on the plan's paper, with the handout's margins and metadata."""
    writer = QPdfWriter(str(out))
    width, height = plan.paper.size_mm
    writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, plan.paper.value.upper()))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(plan.title)
    writer.setCreator("Dubao")
    return writer


def write_handout_pdf(plan: HandoutPlan, out: Path, family: str) -> int:
    """Draw `plan` into the PDF file `out` with the CJK font `family`; return the number of pages."""
    writer = open_writer(plan, out)
    rect = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION)).translated(
        -writer.pageLayout().paintRectPixels(RESOLUTION).topLeft())
    styles = handout_styles(family)
    measure = styles_measure(styles)
    blocks, part_ends = _text_blocks(plan)
    pieces = _text_pieces(plan, blocks, part_ends, styles, measure, rect.width(), rect.left())
    pieces += _glossary_pieces(plan.glossary, family, rect.left(), rect.width())
    pages = paginate(pieces, rect.height() - pt(18))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportProblem("cannot write the PDF there", out)
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            for top, piece in page:
                piece.draw(painter, rect.top() + top)
            _draw_footer(painter, family, rect, number, len(pages), plan.title)
    finally:
        painter.end()
    stand_ins = radical_stand_ins(_drawn_text(plan), [s.font for s in styles.values()]
                                  + [scaled_font(family, pt(10), bold=True)])
    out.write_bytes(fix_radical_mappings(out.read_bytes(), stand_ins))
    return len(pages)


RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals


def _drawn_text(plan: HandoutPlan) -> str:
    """Return every character the handout draws."""
    parts = [plan.title, *plan.title_lines, GLOSSARY_TITLE, "词语拼音说明"]
    for section in plan.sections:
        parts.append(section.heading or "")
        parts.extend(paragraph.text for paragraph in section.paragraphs)
    parts.extend(row.term + row.explanation + row.english for row in plan.glossary)
    return "".join(parts)


_TO_UNICODE_REF = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def radical_stand_ins(drawn: str, fonts: list[QFont]) -> dict[int, int]:
    """Return {radical code: ideograph code} for the radicals that share a glyph with an ideograph in `drawn`."""
    ideographs = sorted({char for char in drawn if ord(char) > RADICALS.stop})
    mapping: dict[int, int] = {}
    for font in fonts:
        raw = QRawFont.fromFont(font)
        by_glyph = dict(zip(raw.glyphIndexesForString("".join(ideographs)), ideographs))
        for code in RADICALS:
            glyph = raw.glyphIndexesForString(chr(code))
            if glyph and glyph[0] and glyph[0] in by_glyph:
                mapping.setdefault(code, ord(by_glyph[glyph[0]]))
    return mapping


def _ideograph_code(match: re.Match[bytes], stand_ins: dict[int, int]) -> bytes:
    """Return `<XXXX>` of the ideograph a radical code stands for (the same code when it is no radical)."""
    code = int(match.group(1), 16)
    if code not in RADICALS:
        return match.group(0)
    normal = unicodedata.normalize("NFKC", chr(code))
    target = stand_ins.get(code) or (ord(normal) if len(normal) == 1 else code)
    return f"<{target:04X}>".encode() if target <= 0xFFFF else match.group(0)


def _fix_cmap_line(line: bytes, stand_ins: dict[int, int]) -> bytes:
    """Rewrite the Unicode side of one bfchar/bfrange line; the glyph codes before it stay as they are."""
    def replace(match: re.Match[bytes]) -> bytes:
        return _ideograph_code(match, stand_ins)

    if b"[" in line:
        head, _, tail = line.partition(b"[")
        return head + b"[" + _HEX_CODE.sub(replace, tail)
    codes = list(_HEX_CODE.finditer(line))
    if len(codes) == 2 or len(codes) == 3 and codes[0].group(1) == codes[1].group(1):
        last = codes[-1]
        return line[: last.start()] + replace(last) + line[last.end():]
    return line


def fix_radical_mappings(pdf: bytes, stand_ins: dict[int, int] | None = None) -> bytes:
    """Make the PDF's text say 高, not the look-alike Kangxi radical ⾼, when copied or searched.

    CJK fonts such as Noto CJK give a radical and its ideograph one glyph, and Qt's PDF writer maps each glyph back
    to its lowest code point, which is the radical. The ToUnicode maps are rewritten in place: every code has four
    hex digits before and after, so no length or offset in the file changes. `stand_ins` (from `radical_stand_ins`)
    names the ideograph of each radical that was really drawn; radicals not in it fall back to their NFKC form.
    """
    stand_ins = stand_ins or {}
    for number in sorted(set(_TO_UNICODE_REF.findall(pdf))):
        found = re.search(rb"\n" + number + rb" 0 obj\n.*?stream\n(.*?)endstream", pdf, re.S)
        if not found:
            continue
        cmap = found.group(1)
        fixed = b"\n".join(_fix_cmap_line(line, stand_ins) for line in cmap.split(b"\n"))
        if len(fixed) == len(cmap):
            pdf = pdf[: found.start(1)] + fixed + pdf[found.end(1):]
    return pdf


def default_font_family() -> str:
    """Return the best Chinese serif font of this machine, or Qt's default family when there is none."""
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return choose_family(families, serif=True) or QFont().family()


def save_handout_pdf(plan: HandoutPlan, out: Path) -> int:
    """Write the handout to `out` atomically, replacing a file the reader agreed to replace (an existing file stays
    intact if anything fails); return the number of pages."""
    pages: list[int] = []

    def draw(temporary: Path) -> None:
        pages.append(write_handout_pdf(plan, temporary, default_font_family()))
        written = temporary.read_bytes()
        if not (written.startswith(b"%PDF") and written.rstrip().endswith(b"%%EOF")):  # Qt fails silently
            raise ExportProblem("the PDF could not be written completely (is the disk full?); nothing was replaced", out)

    write_atomically(out, draw, force=True)
    return pages[0]
