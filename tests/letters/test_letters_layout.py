"""Issue 10 items 4 and 5: a layout that cannot break and PDFs a municipality can archive."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from conftest import Make, pdf_pages, pdf_trailer
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import LetterError, Organisation, compose_letter, render_pdf
from vergoedingcheck.letters.render import MAX_ADDRESS_LINES, nbsp
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset


def _fonts(pdf: bytes) -> list[dict[str, Any]]:
    # pypdf types every entry as PdfObject; read as plain dicts (which they are) the entries are Any
    reader = PdfReader(io.BytesIO(pdf))
    out: list[dict[str, Any]] = []
    for page in reader.pages:
        res = cast(DictionaryObject, page["/Resources"])
        for font in res.get("/Font", {}).values():
            out.append(cast(DictionaryObject, font.get_object()))
    return out


def test_every_font_is_embedded_no_helvetica(make: Make) -> None:
    for kind, key in (
        ("resident", "unsafe_bijstand_year"),
        ("office", "safe_bijstand"),
        ("coordinator", None),
    ):
        pdf = render_pdf(make(kind, "nl", key))
        assert b"Helvetica" not in pdf  # the canvas's default first font is not referenced
        fonts = _fonts(pdf)
        assert fonts
        for f in fonts:
            assert (
                "VCSans" in str(f["/BaseFont"])
                or "DejaVu" in str(f["/BaseFont"])
                or f["/Subtype"] == "/Type0"
                or "/FontDescriptor" in f
            ), f
            desc = (
                f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in f
                else f["/FontDescriptor"]
            ).get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), f


def test_creation_date_is_the_letter_date_and_ids_differ(make: Make) -> None:
    a = render_pdf(make("resident", "nl", "safe_bijstand"))
    b = render_pdf(make("resident", "nl", "unsafe_tax_only"))
    later = render_pdf(make("resident", "nl", "safe_bijstand", letter_date=date(2025, 3, 4)))
    ra, rb = PdfReader(io.BytesIO(a)), PdfReader(io.BytesIO(b))
    assert ra.metadata is not None
    assert str(ra.metadata["/CreationDate"]).startswith("D:20250303")  # LETTER_DATE 3 March 2025
    ida, idb = pdf_trailer(ra)["/ID"][0], pdf_trailer(rb)["/ID"][0]
    assert ida != idb  # two residents' letters never share an /ID
    assert pdf_trailer(PdfReader(io.BytesIO(later)))["/ID"][0] != ida  # another date, another letter
    assert render_pdf(make("resident", "nl", "safe_bijstand")) == a  # still reproducible
    assert ra.metadata.title and pdf_trailer(ra)["/Root"]["/Lang"] == "nl-NL"


def test_a_resident_with_500_payments_renders(ruleset: Ruleset, org: Organisation) -> None:
    r = Resident(
        id="R500",
        birth_date=date(1980, 1, 1),
        name="Veel Betalingen",
        municipality="Goes",
        benefits=(Benefit("bijstand"),),
    )
    pays = [
        Payment(
            "R500", date(2025, 1, 1) + timedelta(days=i % 365), Decimal("1.00"), "vrijwilligersvergoeding"
        )
        for i in range(500)
    ]
    result = evaluate([r], pays, ruleset)
    for kind in ("resident", "office"):
        letter = compose_letter(
            kind,
            "nl",
            result.resident("R500"),
            [r],
            pays,
            ruleset,
            year=2025,
            letter_date=date(2025, 12, 1),
            organisation=org,
        )
        pages = pdf_pages(render_pdf(letter))  # 95 payments raised a LayoutError before
        assert len(pages) >= 1
        assert "Veel Betalingen" in pages[0]


def test_address_block_at_most_six_lines(make: Make) -> None:
    letter = make("resident", "nl", "safe_bijstand")
    long = replace(
        letter, head=replace(letter.head, recipient=tuple(f"regel {i}" for i in range(MAX_ADDRESS_LINES + 1)))
    )
    with pytest.raises(LetterError, match="regels"):
        render_pdf(long)
    ok = replace(
        letter, head=replace(letter.head, recipient=tuple(f"regel {i}" for i in range(MAX_ADDRESS_LINES)))
    )
    assert "regel 5" in pdf_pages(render_pdf(ok))[0]
    wide = replace(letter, head=replace(letter.head, recipient=("W" * 80,)))
    with pytest.raises(LetterError, match="venster"):
        render_pdf(wide)


def test_address_lies_in_the_window_and_date_outside_it(make: Make) -> None:
    """Window of a Dutch window envelope: 22-107 mm from the left, 50-80 mm from the top."""
    mm = 72 / 25.4
    pdf = render_pdf(make("resident", "nl", "safe_bijstand"))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    spots: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, _fd, _fs):  # type: ignore[no-untyped-def]
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            spots.setdefault(text.strip(), (x, height - y))

    page.extract_text(visitor_text=visit)
    name = next(v for k, v in spots.items() if "Fatima El Amrani" in k)
    assert 22 * mm - 1 <= name[0] <= 107 * mm and 50 * mm <= name[1] <= 80 * mm
    date_spot = next(v for k, v in spots.items() if "3 maart 2025" in k.replace("\xa0", " "))
    assert date_spot[0] > 107 * mm  # the date is right of every window


def test_a_name_the_font_cannot_print_is_refused(make: Make) -> None:
    letter = make("resident", "nl", "safe_bijstand")
    bad = replace(letter, head=replace(letter.head, recipient=("李小龍 \U0001f600", "Straat 1")))
    with pytest.raises(LetterError, match="U\\+674E"):
        render_pdf(bad)


def test_no_break_inside_dates_and_phone_numbers() -> None:
    assert (
        nbsp("bel 06 12 34 56 78 of 0113 123 456") == "bel 06\xa012\xa034\xa056\xa078 of 0113\xa0123\xa0456"
    )
    assert nbsp("op 15 juni 2026.") == "op 15\xa0juni\xa02026."
    assert nbsp("€ 1.250,50 in 2025") == "€ 1.250,50 in 2025"  # amounts untouched


def test_no_last_page_with_only_the_closing(make: Make) -> None:
    from letter_scenarios import SCENARIOS

    for s in SCENARIOS:
        pages = pdf_pages(render_pdf(make("resident", "nl", s.key)))
        if len(pages) > 1:
            body = re.sub(r"Pagina \d+ van \d+", "", pages[-1])
            assert len(body.split()) > 40, (s.key, pages[-1])
