"""Render a composed letter to PDF with reportlab (the pretix invoice structure).

A4; a first-page template with the address window (left, for a window envelope), the sender block
(right) and the logo; a later-page template with a running header; "Pagina X van Y" and the
ruleset footer on every page, drawn once the page count is known. Every data value is escaped
before it reaches a Paragraph (`Text.markup`). With `invariant=True` (the default) the same letter
gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import threading
import unicodedata
from collections.abc import Sequence
from datetime import date
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
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import ActionFlowable

from vergoedingcheck.letters.compose import LetterError
from vergoedingcheck.letters.content import fill, letters_dir
from vergoedingcheck.letters.model import (
    Block,
    Bullets,
    Heading,
    KeyValues,
    Letter,
    LetterHead,
    PageBreak,
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


# every table cell starts in the embedded font (reportlab's default cell font is Helvetica,
# which is never embedded: an empty spacer cell was enough to reference it)
_BASE_FONT: Any = ("FONT", (0, 0), (-1, -1), FONT, 9)

_cmap: dict[str, frozenset[int]] = {}


def font_coverage(font: str = FONT) -> frozenset[int]:
    """The code points the embedded font can print (its cmap)."""
    if font not in _cmap:
        register_fonts()
        face = pdfmetrics.getFont(font).face
        _cmap[font] = frozenset(face.charToGlyph)
    return _cmap[font]


# characters that are layout, not glyphs: never looked up in the font
_LAYOUT_CHARS = frozenset(map(ord, "\n\r\t\xa0\u00ad\u200b"))


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` that the embedded font (regular or bold) cannot print. Control
    characters are not glyphs and not counted here (the text preview shows them escaped; a PDF
    with one is still refused by `check_glyphs`)."""
    covered = font_coverage(FONT)
    bold = font_coverage(FONT_BOLD)
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        cp = ord(ch)
        if unicodedata.category(ch) == "Cc":
            continue
        if cp not in _LAYOUT_CHARS and not (cp in covered and cp in bold) and ch not in out:
            out.append(ch)
    return out


def describe_glyphs(chars: list[str]) -> str:
    """ "U+674E (CJK UNIFIED IDEOGRAPH-674E)": the code point and its name, never the text around it."""
    return ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'onbekend teken')})" for c in chars)


def check_fields(fields: list[tuple[str, str | None]]) -> None:
    """Each `(field, value)` the letter prints must be printable in the embedded font; otherwise
    a `LetterError` names the field and the characters (not the value: it may be personal data),
    before the letter is made."""
    register_fonts()
    problems = [f"{where}: {describe_glyphs(chars)}" for where, value in fields
                if value and (chars := missing_glyphs(value))]
    if problems:
        raise LetterError("het lettertype van de brief kan deze tekens niet afdrukken (er zou een "
                          "leeg vakje staan): " + "; ".join(problems)
                          + ". Pas deze gegevens aan, bijvoorbeeld in Latijnse letters.")


def check_glyphs(letter: Letter) -> None:
    """A letter with a character the embedded font cannot print is refused with a clear error
    (reportlab would print an empty box and the PDF would still look fine to a test)."""
    covered = font_coverage(FONT)
    bold = font_coverage(FONT_BOLD)
    missing: dict[str, str] = {}
    for text in _letter_texts(letter):
        for ch in unicodedata.normalize("NFC", text):
            cp = ord(ch)
            if cp in _LAYOUT_CHARS or (cp in covered and cp in bold):
                continue
            missing.setdefault(ch, text)
    if missing:
        # the text itself is not shown: it may be a resident's name (no personal data in errors)
        raise LetterError(f"het lettertype kan deze tekens niet afdrukken: "
                          f"{describe_glyphs(list(missing))}; pas de tekst aan")


def _letter_texts(letter: Letter) -> list[str]:
    head = letter.head
    out = [*head.recipient, *head.sender, head.subject.plain(), head.footer, head.organisation]
    out += [f"{k} {v}" for k, v in head.meta]
    for b in (*letter.blocks, *letter.footnote):
        if isinstance(b, Heading | Para):
            out.append(b.text.plain())
        elif isinstance(b, Bullets):
            out += [x.plain() for x in b.items]
        elif isinstance(b, Table):
            out += [h.plain() for h in b.header]
            out += [c for row in b.rows for c in row]
            out += list(b.total or ())
        elif isinstance(b, KeyValues):
            out += [f"{k.plain()} {v}" for k, v in b.rows]
    return out


_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
           "december|January|February|March|April|May|June|July|August|September|October|"
           "November|December")
_DATE_RE = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS}) (\d{{4}})\b")
_DATE_EN_RE = re.compile(rf"\b({_MONTHS}) (\d{{1,2}}), (\d{{4}})\b")
_PHONE_RE = re.compile(r"(?<![\d€])(\+31 ?|0)\d{1,3}(?: \d{2,4}){1,4}(?![\d,])")


def nbsp(text: str) -> str:
    """No line break inside a date ("3 maart 2025") or a phone number ("06 12 34 56 78")."""
    text = _DATE_RE.sub(lambda m: "\xa0".join(m.groups()), text)
    text = _DATE_EN_RE.sub(lambda m: f"{m[1]}\xa0{m[2]},\xa0{m[3]}", text)
    return _PHONE_RE.sub(lambda m: m[0].replace(" ", "\xa0"), text)


def clean(text: str) -> str:
    """NFC-normalise (reportlab does not combine characters) and escape a data value."""
    return escape(nbsp(unicodedata.normalize("NFC", text)))


def document_id(letter: Letter) -> bytes:
    """The PDF /ID: a digest of what the letter says (frozen dataclasses have a stable repr), so
    the same letter gives the same bytes and two letters never share an /ID."""
    return hashlib.sha256(repr(letter).encode()).digest()[:16]


MAX_ADDRESS_LINES = 6
ADDRESS_FONT_SIZES = (10.0, 9.0, 8.0)


def address_font_size(lines: tuple[str, ...]) -> float:
    """The largest size (10, 9 or 8 pt) at which every address line fits the window's width."""
    for size in ADDRESS_FONT_SIZES:
        if all(pdfmetrics.stringWidth(unicodedata.normalize("NFC", x), FONT, size)
               <= LetterRenderer.address_width for x in lines):
            return size
    raise LetterError("een adresregel is te lang voor het venster van de envelop "
                      f"({LetterRenderer.address_width / mm:.0f} mm): {max(lines, key=len)!r}")


def check_address(head: LetterHead) -> None:
    """The address block fits the window of a Dutch window envelope: at most six lines, each
    line within the window's width (shrunk to 8 pt at most)."""
    if head.kind == "coordinator":
        return
    if len(head.recipient) > MAX_ADDRESS_LINES:
        raise LetterError(f"het adres heeft {len(head.recipient)} regels; in het venster van de "
                          f"envelop passen er {MAX_ADDRESS_LINES}")
    address_font_size(head.recipient)


CLOSING_SECTION_BLOCKS = 8
"""A closing section longer than this (in blocks) is not kept whole: only its last paragraphs."""


def closing_group(blocks: Sequence[Block]) -> tuple[int, int] | None:
    """The blocks `[start, end)` that end with the signature and stay on one page: back from the
    signature over paragraphs and lists to the heading of the section the closing ends (at most
    `CLOSING_SECTION_BLOCKS` blocks); without such a heading, the signature and the three
    paragraphs before it. None for a letter without a signature (the coordinator's overview)."""
    sig = next((i for i in range(len(blocks) - 1, -1, -1)
                if isinstance(blocks[i], Para) and blocks[i].style == "signature"), None)  # type: ignore[union-attr]
    if sig is None:
        return None
    start = sig
    while start > 0 and sig - start < CLOSING_SECTION_BLOCKS:
        prev = blocks[start - 1]
        if isinstance(prev, Heading):
            return start - 1, sig + 1
        if not isinstance(prev, Para | Bullets):
            break
        start -= 1
    return max(start, sig - 3), sig + 1


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Buffers pages, then draws "Pagina X van Y" and the footer on each once Y is known."""

    def __init__(self, *args: Any, page_label: str, footer: str, running: str,
                 created: date | None = None, doc_id: bytes | None = None, **kwargs: Any):
        # the canvas's own first font is the embedded one: no unembedded Helvetica reference
        kwargs["initialFontName"] = FONT  # the doc template passes None: Helvetica
        kwargs["initialFontSize"] = 10
        kwargs["initialLeading"] = 12
        super().__init__(*args, **kwargs)
        if created is not None:
            stamp = f"D:{created:%Y%m%d}000000+00'00'"
            self._doc.info._dateFormatter = lambda *_a: stamp
        if doc_id is not None:
            from reportlab.pdfbase.pdfdoc import DummyDoc, PDFText

            ids = PDFText(doc_id, enc="raw").format(DummyDoc())
            self._doc._ID = b"\n[" + ids + ids + b"]\n"
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
    # the address window of a Dutch window envelope (EA5/6, C5/6 and DL, window on the left):
    # the windows of these envelopes start 15-22 mm from the left and 40-50 mm from the top of
    # the folded A4 and are 30-40 mm high and 90-110 mm wide; the block below lies inside all of
    # them (22-107 mm across, 50-80 mm down), six lines of 10 pt on 13 pt leading = 27.5 mm.
    # The date and reference are in the sender column at 125 mm, right of every window.
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
        # the office letter is signed by hand: room for a signature above the name
        s.add(ParagraphStyle("Signature", parent=s["Normal"],
                             spaceBefore=16 * mm if kind == "office" else base * 0.5))
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
            # columns next to each other, in bands of at most `band` rows per column: the outer
            # table has one row per band, so a long list splits between pages (one outer row
            # holding 250 rows was taller than a page: the LayoutError of 95+ payments)
            n = b.side_by_side
            band = 30
            per = min(band, -(-len(b.rows) // n))
            gap = 6 * mm
            part_w = (width - gap * (n - 1)) / n
            step = per * n
            outer_rows: list[list[Any]] = []
            for start in range(0, len(b.rows), step):
                chunk = b.rows[start:start + step]
                cells: list[Any] = []
                for i in range(n):
                    part = chunk[i * per:(i + 1) * per]
                    if i:
                        cells.append("")
                    if not part:
                        cells.append("")
                        continue
                    offset = start + i * per
                    cells.append(self._table(Table(
                        b.header, part, b.align, b.widths,
                        bold_rows=tuple(r - offset for r in b.bold_rows
                                        if offset <= r < offset + per)), s, part_w))
                outer_rows.append(cells)
            widths = [part_w if i % 2 == 0 else gap for i in range(2 * n - 1)]
            outer = RLTable(outer_rows, colWidths=widths, hAlign="LEFT")
            outer.setStyle(TableStyle([_BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
            return outer
        def cell(text: str, col: int, bold: bool) -> Any:
            if b.align[col] == "r":
                # amounts never wrap: a plain string is drawn as is (no markup, so no escaping)
                return unicodedata.normalize("NFC", text)
            return Paragraph(clean(text), s["CellBold" if bold else "Cell"])

        header = [Paragraph(nbsp(t.markup()), s["CellBoldRight" if b.align[i] == "r" else "CellBold"])
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
        t.setStyle(TableStyle([_BASE_FONT, *style]))
        return t

    def _keyvalues(self, b: KeyValues, s: StyleSheet1, width: float) -> Flowable:
        data = [[Paragraph(nbsp(k.markup()), s["Cell"]), Paragraph(clean(v), s["CellBold"])]
                for k, v in b.rows]
        t = RLTable(data, colWidths=[0.35 * width, 0.65 * width], hAlign="LEFT")
        t.setStyle(TableStyle([_BASE_FONT,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return t

    def _block(self, b: Block, s: StyleSheet1, width: float, *, kept: bool = False) -> Flowable:
        if isinstance(b, Heading) and kept:  # already kept with what follows
            return Paragraph(nbsp(b.text.markup()), s["Heading"])
        if isinstance(b, Heading):
            # a heading never ends a page: start a new page when little room is left
            return KeepTogether([CondPageBreak(28 * mm), Paragraph(nbsp(b.text.markup()), s["Heading"])])
        if isinstance(b, Para):
            markup = nbsp(b.text.markup())
            if b.style == "signature":
                markup = markup.replace("\n", "<br/>")
            style = {"body": "Normal", "lead": "Lead", "small": "Small",
                     "signature": "Signature"}[b.style]
            return Paragraph(markup, s[style])
        if isinstance(b, Bullets):
            items = [ListItem(Paragraph(nbsp(t.markup()), s["Normal"]), leftIndent=14, value="•")
                     for t in b.items]
            return ListFlowable(items, bulletType="bullet", start="•", leftIndent=14,
                                bulletFontName=FONT, bulletFontSize=s["Normal"].fontSize)
        if isinstance(b, Table):
            return self._table(b, s, width)
        if isinstance(b, PageBreak):
            return RLPageBreak()
        return self._keyvalues(b, s, width)

    def story(self, letter: Letter, *, compact: bool = False) -> list[Flowable]:
        head = letter.head
        s = self.stylesheet(head.kind, compact=compact)
        width = self.pagesize[0] - self.left_margin - self.right_margin
        story: list[Flowable] = [NextPageTemplate("later")]
        if head.kind == "coordinator":
            story.append(Paragraph(nbsp(head.subject.markup()), s["Subject"]))
            meta = " · ".join(f"{clean(k)}: {clean(v)}" for k, v in head.meta)
            story.append(Paragraph(f"{clean(head.organisation)} · {meta}", s["Meta"]))
            story.append(Spacer(1, 4 * mm))
        else:
            size = address_font_size(head.recipient) if head.recipient else 10.0
            address = ParagraphStyle("AddressFit", parent=s["Address"], fontSize=size,
                                     leading=size * 1.3)
            story += [Paragraph(clean(line), address) for line in head.recipient]
            story.append(FrameBreak())
            story.append(Paragraph(clean(head.sender[0]), s["SenderName"]))
            story += [Paragraph(clean(line), s["Sender"]) for line in head.sender[1:]]
            story.append(Spacer(1, 4 * mm))
            story += [Paragraph(f"{clean(k)}: {clean(v)}", s["Meta"]) for k, v in head.meta]
            story.append(FrameBreak())
            story.append(Paragraph(nbsp(head.subject.markup()), s["Subject"]))
        blocks = list(letter.blocks)
        # the closing stays with the text before it: the section it ends (from its heading) and
        # the signature are kept together, so no page holds only "Hoogachtend," and the name
        # (looked at as PNG: a one-month office letter's page 3 held only the closing)
        group = closing_group(blocks)
        for i, b in enumerate(blocks):
            if group is not None and i == group[0]:
                story.append(KeepTogether([self._block(x, s, width, kept=True)
                                           for x in blocks[group[0]:group[1]]]))
            if group is not None and group[0] <= i < group[1]:
                continue
            nxt = blocks[i + 1:i + 3]
            if (isinstance(b, Heading) and len(nxt) == 2 and isinstance(nxt[0], Para)
                    and nxt[0].style == "small" and isinstance(nxt[1], Table)):
                # a heading and its note never end a page without the table's first rows
                story.append(CondPageBreak(50 * mm))
            story.append(self._block(b, s, width))
        if letter.footnote:
            story.append(Spacer(1, 2 * mm))
            story += [self._block(b, s, width) for b in letter.footnote]
        return story

    def render(self, letter: Letter) -> bytes:
        """The PDF, built once. A resident letter that would spill a few lines onto a second page
        is set a little tighter, decided by measuring the story before the build (the old way
        built such letters twice)."""
        check_glyphs(letter)
        check_address(letter.head)
        compact = letter.head.kind == "resident" and self._fits_when_tight(letter)
        return self._render(letter, compact=compact)[0]

    def _story_height(self, letter: Letter, *, compact: bool) -> float:
        width = self.pagesize[0] - self.left_margin - self.right_margin
        total = 0.0
        story = self.story(letter, compact=compact)
        canv = Canvas(io.BytesIO(), initialFontName=FONT)
        breaks = [i for i, f in enumerate(story) if isinstance(f, ActionFlowable)]
        flat: list[Flowable] = []
        for f in story[breaks[-1] + 1:] if breaks else story:
            flat += list(f._content) if isinstance(f, KeepTogether) else [f]
        for f in flat:
            if isinstance(f, CondPageBreak | ActionFlowable):
                continue
            _w, h = f.wrapOn(canv, width, 10_000)
            total += h + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def _fits_when_tight(self, letter: Letter) -> bool:
        """True when the normal setting needs a little more than page 1 and the tight one fits."""
        _w, h = self.pagesize
        room = h - self.body_top_first - self.bottom_margin
        normal = self._story_height(letter, compact=False)
        # the measure counts the last block's space after it: it is a few points high
        if normal <= room - 2 or normal > room + self.max_spill:
            return False
        return bool(self._story_height(letter, compact=True) <= room + 2)

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
                                        footer=head.footer, running=running,
                                        created=head.letter_date, doc_id=document_id(letter))
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
