"""Issue 10: the toetsingsinkomen of toeslagpartners is theirs together; the letter names the
partner (`toeslagen.partner_income_raised`) instead of "uw inkomen" (text read from the PDF)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from conftest import pdf_text
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import Organisation, compose_letter, render_pdf
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset


def test_partner_income_is_named(ruleset: Ruleset, org: Organisation) -> None:
    residents = [
        Resident("T1", date(1980, 1, 1), name="Tineke Toe", household="TT", benefits=(Benefit("toeslagen"),)),
        Resident("T2", date(1978, 1, 1), name="Theo Toe", household="TT", benefits=(Benefit("toeslagen"),)),
    ]
    payments = [
        Payment("T1", date(2025, 3, 1), Decimal("300.00"), "vrijwilligersvergoeding"),
        Payment("T2", date(2025, 3, 1), Decimal("250.00"), "vrijwilligersvergoeding"),
        Payment("T2", date(2025, 4, 1), Decimal("250.00"), "vrijwilligersvergoeding"),
    ]
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        "resident",
        "nl",
        result.resident("T1"),
        residents,
        payments,
        ruleset,
        year=2025,
        letter_date=date(2025, 11, 2),
        organisation=org,
    )
    text = " ".join(pdf_text(render_pdf(letter)).split())
    # each is over the 2025 month cap of € 210, so the whole allowance is taxable: T1 € 300,
    # T2 € 250 + € 250 = € 500; together € 800 raise the partners' toetsingsinkomen
    assert "Het inkomen van u en Theo Toe samen wordt € 800,00 hoger" in text
    assert "Uw inkomen wordt € 800,00 hoger" not in text
