"""Issue 10 item 4 (the rest): the office letter's page breaks.

A one-month office letter (one payment, for bijstand or WIA) fits on two pages: looked at as PNG,
its page 3 held only "6. Conclusie" and the closing. A table's total row never stands alone at the
top of a page: it stays with the table's last rows, under the repeated header row.
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import Letter, Organisation, compose_letter, render_pdf
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

LETTER_DATE = date(2026, 12, 1)


def _letter(ruleset: Ruleset, org: Organisation, payments: list[Payment], benefit: str) -> Letter:
    residents = [
        Resident(
            "G1",
            date(1980, 1, 1),
            "Gea Goes",
            "Goes",
            benefits=(Benefit(benefit),),
            address=("Dorpsstraat 1", "4461 AA Goes"),
        )
    ]
    rr = evaluate(residents, payments, ruleset).resident("G1")
    return compose_letter(
        "office", "nl", rr, residents, payments, ruleset, year=2026, letter_date=LETTER_DATE, organisation=org
    )


def _layout_pages(pdf: bytes) -> list[list[str]]:
    """Each page's lines as laid out (a table row is one line), no-break spaces as spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        [ln.replace("\xa0", " ").strip() for ln in p.extract_text(extraction_mode="layout").splitlines()]
        for p in reader.pages
    ]


def _one_month() -> list[Payment]:
    # 5 hours for EUR 100.00 on 2 March 2026 (EUR 20.00 an hour): one month, one payment
    return [Payment("G1", date(2026, 3, 2), Decimal("100.00"), "vrijwilligersvergoeding", hours=Decimal(5))]


def _twelve_months() -> list[Payment]:
    # EUR 2.00 on the 1st of each month of 2026: twelve table rows, total EUR 24.00 (12 x 2.00)
    return [Payment("G1", date(2026, m, 1), Decimal("2.00"), "vrijwilligersvergoeding") for m in range(1, 13)]


@pytest.mark.parametrize("benefit", ["bijstand", "wia"])
def test_a_one_month_office_letter_fits_on_two_pages(
    ruleset: Ruleset, org: Organisation, benefit: str
) -> None:
    pages = _layout_pages(render_pdf(_letter(ruleset, org, _one_month(), benefit)))
    assert len(pages) == 2, [p[:3] for p in pages]
    assert any("Hoogachtend," in ln for ln in pages[-1])
    # the conclusion is not alone: its page also holds the end of the verdicts ("5. Toetsing")
    assert not any(ln.startswith("6. Conclusie") for ln in pages[-1][:4]), pages[-1][:4]


@pytest.mark.parametrize("benefit", ["bijstand", "wia"])
def test_the_total_row_stays_with_the_last_rows(ruleset: Ruleset, org: Organisation, benefit: str) -> None:
    pages = _layout_pages(render_pdf(_letter(ruleset, org, _twelve_months(), benefit)))
    total_label, december, november = "Totaal", "december 2026", "november 2026"
    # the total row: "Totaal  € 24,00  € 0,00 ...  € 24,00" (12 x EUR 2.00)
    (total_page,) = [
        i for i, p in enumerate(pages) for ln in p if re.match(rf"{total_label}\s+€ 24[,.]00\b", ln)
    ]
    # the monthly rows: "december 2026  € 2,00 ..." (the verdict table's periods have no amount first)
    (dec_page,) = [i for i, p in enumerate(pages) for ln in p if re.match(rf"{december}\s+€ 2[,.]00\b", ln)]
    (nov_page,) = [i for i, p in enumerate(pages) for ln in p if re.match(rf"{november}\s+€ 2[,.]00\b", ln)]
    assert total_page == dec_page == nov_page, (total_page, dec_page, nov_page)
    if total_page > 0:  # the table runs on onto a new page: its header row is repeated there
        assert any(ln.startswith("Maand") for ln in pages[total_page])
