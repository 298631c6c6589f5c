"""Render a composed letter to PDF with reportlab (the pretix invoice structure).

A4; a first-page template with the address window (left, for a window envelope), the sender block
(right) and the logo; a later-page template with a running header; "Pagina X van Y" and the
ruleset footer on every page, drawn once the page count is known. Every data value is escaped
before it reaches a Paragraph (`Text.markup`). With `invariant=True` (the default) the same letter
gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import threading
import unicodedata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from vergoedingcheck.letters.content import fill, letters_dir
from vergoedingcheck.letters.model import (
    Block,
    Bullets,
    Heading,
    KeyValues,
    Letter,
    LetterHead,
    Para,
    Table,
)

FONT = "VCSans"
FONT_BOLD = "VCSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
GREY = colors.HexColor("#555555")
LIGHT = colors.HexColor("#e8e8e8")
RULE = colors.HexColor("#999999")

_font_lock = threading.Lock()
_fonts_registered: str | None = None


def register_fonts(directory: str | Path | None = None) -> None:
    """Register the embedded DejaVu Sans family once per process (regular + bold; italic maps to
    regular, which keeps the shipped font small)."""
    global _fonts_registered
    with _font_lock:
        if _fonts_registered is not None:
            return
        fonts = letters_dir(directory) / "fonts"
        for name, file in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                      boldItalic=FONT_BOLD)
        _fonts_registered = str(fonts)


def clean(text: str) -> str:
    """NFC-normalise (reportlab does not combine characters) and escape a data value."""
    return escape(unicodedata.normalize("NFC", text))


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Buffers pages, then draws "Pagina X van Y" and the footer on each once Y is known."""

    def __init__(self, *args: Any, page_label: str, footer: str, running: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._page_label = page_label
        self._footer = footer
        self._running = running

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        page = self._pageNumber
        w, _h = A4
        left, right = LetterRenderer.left_margin, w - LetterRenderer.right_margin
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(left, 17 * mm, right, 17 * mm)
        label = fill(self._page_label, {"page": str(page), "pages": str(total)}, markup=False)
        self.setFont(FONT, 8)
        self.setFillColor(colors.black)
        self.drawRightString(right, 12 * mm, label)
        self.setFont(FONT, 6.5)
        self.setFillColor(GREY)
        lines = simpleSplit(self._footer, FONT, 6.5, right - left - 30 * mm)
        for i, line in enumerate(lines[:2]):
            self.drawString(left, 12 * mm - i * 8, line)
        if page > 1 and self._running:
            self.setFont(FONT, 7.5)
            self.drawString(left, A4[1] - 14 * mm, self._running[:120])
            self.line(left, A4[1] - 16 * mm, right, A4[1] - 16 * mm)
        self.restoreState()


class LetterRenderer:
    """Layout constants in mm (pretix style) and `render(letter) -> bytes`."""

    pagesize = A4
    left_margin = 25 * mm
    right_margin = 20 * mm
    top_margin = 20 * mm
    bottom_margin = 22 * mm
    # the address window of a Dutch window envelope (EA5/6, venster links)
    address_left = 22 * mm
    address_top = 50 * mm
    address_width = 85 * mm
    address_height = 30 * mm
    sender_left = 125 * mm
    sender_top = 22 * mm
    sender_width = 65 * mm
    sender_height = 60 * mm
    body_top_first = 84 * mm
    report_top_first = 30 * mm  # the coordinator's overview has no address window
    max_spill = 38 * mm  # a resident letter whose second page holds less is set again tighter

    def __init__(self, *, invariant: bool = True, fonts_dir: str | Path | None = None):
        register_fonts(fonts_dir)
        self.invariant = invariant

    # -- styles ------------------------------------------------------------------------------
    def stylesheet(self, kind: str, *, compact: bool = False) -> StyleSheet1:
        base = (10.5 if kind == "resident" else 9.5) - (0.5 if compact else 0)
        lead = base * (1.3 if compact else 1.38)
        s = StyleSheet1()
        s.add(ParagraphStyle("Normal", fontName=FONT, fontSize=base, leading=lead,
                             spaceAfter=base * 0.3))
        s.add(ParagraphStyle("Lead", parent=s["Normal"], fontName=FONT_BOLD,
                             spaceBefore=base * 0.3))
        s.add(ParagraphStyle("Signature", parent=s["Normal"], spaceBefore=base * 0.5))
        s.add(ParagraphStyle("Subject", parent=s["Normal"], fontName=FONT_BOLD,
                             fontSize=base + 2, leading=(base + 2) * 1.3, spaceAfter=base))
        s.add(ParagraphStyle("Heading", parent=s["Normal"], fontName=FONT_BOLD,
                             fontSize=base + 1, leading=(base + 1) * 1.3, spaceBefore=base * 0.55,
                             spaceAfter=base * 0.2))
        s.add(ParagraphStyle("Small", parent=s["Normal"], fontSize=7.5, leading=9.5,
                             textColor=GREY))
        s.add(ParagraphStyle("Cell", parent=s["Normal"], fontSize=base - 1.5,
                             leading=(base - 1.5) * 1.3, spaceAfter=0))
        s.add(ParagraphStyle("CellRight", parent=s["Cell"], alignment=TA_RIGHT))
        s.add(ParagraphStyle("CellBold", parent=s["Cell"], fontName=FONT_BOLD))
        s.add(ParagraphStyle("CellBoldRight", parent=s["CellRight"], fontName=FONT_BOLD))
        s.add(ParagraphStyle("Address", parent=s["Normal"], fontSize=10, leading=13,
                             spaceAfter=0))
        s.add(ParagraphStyle("Sender", parent=s["Normal"], fontSize=8, leading=10.5,
                             spaceAfter=0, textColor=GREY))
        s.add(ParagraphStyle("SenderName", parent=s["Sender"], fontName=FONT_BOLD,
                             textColor=colors.black, fontSize=9))
        s.add(ParagraphStyle("Meta", parent=s["Sender"], textColor=colors.black))
        return s

    # -- pages --------------------------------------------------------------------------------
    def _frames_first(self) -> list[Frame]:
        w, h = self.pagesize
        pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        return [
            Frame(self.address_left, h - self.address_top - self.address_height,
                  self.address_width, self.address_height, id="address", **pad),
            Frame(self.sender_left, h - self.sender_top - self.sender_height, self.sender_width,
                  self.sender_height, id="sender", **pad),
            Frame(self.left_margin, self.bottom_margin, w - self.left_margin - self.right_margin,
                  h - self.body_top_first - self.bottom_margin, id="body", **pad),
        ]

    def _frames_report(self) -> list[Frame]:
        w, h = self.pagesize
        return [Frame(self.left_margin, self.bottom_margin,
                      w - self.left_margin - self.right_margin,
                      h - self.report_top_first - self.bottom_margin, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]

    def _frames_later(self) -> list[Frame]:
        w, h = self.pagesize
        return [Frame(self.left_margin, self.bottom_margin,
                      w - self.left_margin - self.right_margin,
                      h - self.top_margin - 2 * mm - self.bottom_margin, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]

    def _on_first_page(self, head: LetterHead, canv: Canvas, _doc: Any) -> None:
        if head.logo is None:
            return
        _w, h = self.pagesize
        img = ImageReader(str(head.logo))
        iw, ih = img.getSize()
        width = 30 * mm
        height = width * ih / iw
        canv.drawImage(img, self.left_margin, h - 12 * mm - height, width, height, mask="auto")

    # -- story --------------------------------------------------------------------------------
    def _table(self, b: Table, s: StyleSheet1, width: float) -> Flowable:
        if b.side_by_side > 1 and b.total is None:
            n = b.side_by_side
            per = -(-len(b.rows) // n)
            gap = 6 * mm
            part_w = (width - gap * (n - 1)) / n
            parts = [self._table(Table(b.header, b.rows[i * per:(i + 1) * per], b.align, b.widths,
                                       bold_rows=tuple(r - i * per for r in b.bold_rows)),
                                 s, part_w) for i in range(n) if b.rows[i * per:(i + 1) * per]]
            cells: list[Any] = []
            widths: list[float] = []
            for i, part in enumerate(parts):
                if i:
                    cells.append("")
                    widths.append(gap)
                cells.append(part)
                widths.append(part_w)
            outer = RLTable([cells], colWidths=widths, hAlign="LEFT")
            outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            return outer
        def cell(text: str, col: int, bold: bool) -> Any:
            if b.align[col] == "r":
                # amounts never wrap: a plain string is drawn as is (no markup, so no escaping)
                return unicodedata.normalize("NFC", text)
            return Paragraph(clean(text), s["CellBold" if bold else "Cell"])

        header = [Paragraph(t.markup(), s["CellBoldRight" if b.align[i] == "r" else "CellBold"])
                  for i, t in enumerate(b.header)]
        data: list[list[Any]] = [header]
        for r, row in enumerate(b.rows):
            data.append([cell(v, i, r in b.bold_rows) for i, v in enumerate(row)])
        if b.total is not None:
            data.append([cell(v, i, True) for i, v in enumerate(b.total)])
        t = RLTable(data, colWidths=[f * width for f in b.widths], repeatRows=1, hAlign="LEFT")
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]
        cell_style = s["Cell"]
        style += [("FONT", (0, 1), (-1, -1), FONT, cell_style.fontSize, cell_style.leading),
                  ("ALIGN", (0, 0), (-1, -1), "LEFT")]
        style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i, a in enumerate(b.align) if a == "r"]
        bold = [r + 1 for r in b.bold_rows] + ([len(data) - 1] if b.total is not None else [])
        style += [("FONT", (0, r), (-1, r), FONT_BOLD, cell_style.fontSize, cell_style.leading)
                  for r in bold]
        if b.total is not None:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
        t.setStyle(TableStyle(style))
        return t

    def _keyvalues(self, b: KeyValues, s: StyleSheet1, width: float) -> Flowable:
        data = [[Paragraph(k.markup(), s["Cell"]), Paragraph(clean(v), s["CellBold"])]
                for k, v in b.rows]
        t = RLTable(data, colWidths=[0.35 * width, 0.65 * width], hAlign="LEFT")
        t.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return t

    def _block(self, b: Block, s: StyleSheet1, width: float) -> Flowable:
        if isinstance(b, Heading):
            # a heading never ends a page: start a new page when little room is left
            return KeepTogether([CondPageBreak(28 * mm), Paragraph(b.text.markup(), s["Heading"])])
        if isinstance(b, Para):
            markup = b.text.markup()
            if b.style == "signature":
                markup = markup.replace("\n", "<br/>")
            style = {"body": "Normal", "lead": "Lead", "small": "Small",
                     "signature": "Signature"}[b.style]
            return Paragraph(markup, s[style])
        if isinstance(b, Bullets):
            items = [ListItem(Paragraph(t.markup(), s["Normal"]), leftIndent=14, value="•")
                     for t in b.items]
            return ListFlowable(items, bulletType="bullet", start="•", leftIndent=14,
                                bulletFontName=FONT, bulletFontSize=s["Normal"].fontSize)
        if isinstance(b, Table):
            return self._table(b, s, width)
        return self._keyvalues(b, s, width)

    def story(self, letter: Letter, *, compact: bool = False) -> list[Flowable]:
        head = letter.head
        s = self.stylesheet(head.kind, compact=compact)
        width = self.pagesize[0] - self.left_margin - self.right_margin
        story: list[Flowable] = [NextPageTemplate("later")]
        if head.kind == "coordinator":
            story.append(Paragraph(head.subject.markup(), s["Subject"]))
            meta = " · ".join(f"{clean(k)}: {clean(v)}" for k, v in head.meta)
            story.append(Paragraph(f"{clean(head.organisation)} · {meta}", s["Meta"]))
            story.append(Spacer(1, 4 * mm))
        else:
            story += [Paragraph(clean(line), s["Address"]) for line in head.recipient]
            story.append(FrameBreak())
            story.append(Paragraph(clean(head.sender[0]), s["SenderName"]))
            story += [Paragraph(clean(line), s["Sender"]) for line in head.sender[1:]]
            story.append(Spacer(1, 4 * mm))
            story += [Paragraph(f"{clean(k)}: {clean(v)}", s["Meta"]) for k, v in head.meta]
            story.append(FrameBreak())
            story.append(Paragraph(head.subject.markup(), s["Subject"]))
        blocks = list(letter.blocks)
        # the closing and signature stay together
        tail: list[Flowable] = []
        while blocks and isinstance(blocks[-1], Para) and blocks[-1].style == "signature":
            tail.insert(0, self._block(blocks.pop(), s, width))
            if blocks and isinstance(blocks[-1], Para):
                tail.insert(0, self._block(blocks.pop(), s, width))
        story += [self._block(b, s, width) for b in blocks]
        if tail:
            story.append(KeepTogether(tail))
        if letter.footnote:
            story.append(Spacer(1, 2 * mm))
            story += [self._block(b, s, width) for b in letter.footnote]
        return story

    def render(self, letter: Letter) -> bytes:
        """The PDF. A resident letter that spills a few lines onto a second page is set again a
        little tighter, so the resident gets one page where one page is enough."""
        pdf, pages, spill = self._render(letter, compact=False)
        if letter.head.kind == "resident" and pages == 2 and spill < self.max_spill:
            tight, tight_pages, _ = self._render(letter, compact=True)
            if tight_pages == 1:
                return tight
        return pdf

    def _render(self, letter: Letter, *, compact: bool) -> tuple[bytes, int, float]:
        """(pdf, pages, height used on the last page)."""
        head = letter.head
        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf, pagesize=self.pagesize, title=head.title, author=head.organisation,
            subject=head.subject.plain(), creator="vergoedingcheck", lang=head.language_tag,
            invariant=1 if self.invariant else 0,
            leftMargin=self.left_margin, rightMargin=self.right_margin,
            topMargin=self.top_margin, bottomMargin=self.bottom_margin,
        )
        first = self._frames_report() if head.kind == "coordinator" else self._frames_first()
        doc.addPageTemplates([
            PageTemplate("first", first,
                         onPage=functools.partial(self._on_first_page, head)),
            PageTemplate("later", self._frames_later()),
        ])
        running = f"{head.organisation} · {head.subject.plain()}"
        canvasmaker = functools.partial(_NumberedCanvas, page_label=head.page_label,
                                        footer=head.footer, running=running)
        doc.build(self.story(letter, compact=compact), canvasmaker=canvasmaker)
        frame = doc.frame
        # the height used in the last frame (its top minus the current position)
        spill = float(frame._y2 - frame._topPadding - frame._y) if frame is not None else 0.0
        return buf.getvalue(), doc.page, spill


_default: LetterRenderer | None = None


def render_pdf(letter: Letter, *, invariant: bool = True) -> bytes:
    global _default
    if not invariant:
        return LetterRenderer(invariant=False).render(letter)
    if _default is None:
        _default = LetterRenderer()
    return _default.render(letter)
