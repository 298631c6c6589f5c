"""Issue 10 item 2: the office letter states only what is known (text read from the PDF)."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from conftest import Make, pdf_text
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import Organisation, compose_letter, render_pdf
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

LETTER_DATE = date(2025, 12, 1)
RULE_ID = re.compile(r"\b(?:pw|tax|ww|uwv|aow|gifts|toeslagen|policy|benefit)\.[a-z_]+")


def _office_pdf(
    ruleset: Ruleset,
    org: Organisation,
    residents: list[Resident],
    payments: list[Payment],
    rid: str,
    office: str,
) -> str:
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        "office",
        "nl",
        result.resident(rid),
        residents,
        payments,
        ruleset,
        year=2025,
        letter_date=LETTER_DATE,
        organisation=org,
        office=office,
    )
    return pdf_text(render_pdf(letter))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_amounts_by_payer_and_a_gift_is_not_for_volunteer_work(ruleset: Ruleset, org: Organisation) -> None:
    r = Resident(
        "G1", date(1980, 1, 1), name="Anna Gift", municipality="Goes", benefits=(Benefit("bijstand"),)
    )
    pays = [
        Payment("G1", date(2025, 2, 10), Decimal("100.00"), "vrijwilligersvergoeding"),
        Payment(
            "G1", date(2025, 3, 10), Decimal("100.00"), "vrijwilligersvergoeding", payer=org.name
        ),  # our own name: ours
        Payment(
            "G1", date(2025, 3, 20), Decimal("60.00"), "vrijwilligersvergoeding", payer="Voedselbank Goes"
        ),
        Payment("G1", date(2025, 5, 1), Decimal("75.00"), "gift"),
    ]
    text = _flat(_office_pdf(ruleset, org, [r], pays, "G1", "gemeente"))
    own = text.index("Door ons betaald")
    other = text.index("Betaald door Voedselbank Goes, zoals opgegeven door de bewoner")
    assert own < other
    # our table: 100 + 100 volunteer allowance + 75 gift = 275; the food bank's: 60
    assert "€ 275,00" in text[own:other] and "€ 60,00" not in text[own:other]
    assert "€ 60,00" in text[other : text.index("5. Toetsing")]
    assert "voor vrijwilligerswerk" not in text.replace("geen vergoeding voor vrijwilligerswerk", "")
    assert "Een gift is geen vergoeding voor vrijwilligerswerk" in text
    # no consent is recorded in the store: the letter makes no such claim
    assert "op verzoek van betrokkene" not in text
    assert not RULE_ID.search(text), RULE_ID.search(text)


def test_the_right_word_per_outcome_and_a_line_for_the_client_number(
    ruleset: Ruleset, org: Organisation
) -> None:
    ww = Resident("W1", date(1975, 6, 6), name="Wim Weg", benefits=(Benefit("ww", uwv_permission=False),))
    pays = [Payment("W1", date(2025, m, 15), Decimal("60.00"), "vrijwilligersvergoeding") for m in (2, 3)]
    text = _flat(_office_pdf(ruleset, org, [ww], pays, "W1", "uwv"))
    row = text[text.index("Toestemming UWV voor vrijwilligerswerk") :][:120]
    assert "ontbreekt" in row and "overschreden" not in text  # a permission is missing, not exceeded
    assert re.search(r"Klantnummer _{10,}", text)  # no client number known: a line to write it on
    # the tax regime no longer applies after a month over the cap: "niet van toepassing"
    wia = Resident("W2", date(1970, 2, 2), name="Wil Wia", benefits=(Benefit("wia"),))
    pays = [Payment("W2", date(2025, 5, 15), Decimal("260.00"), "vrijwilligersvergoeding")]
    text = _flat(_office_pdf(ruleset, org, [wia], pays, "W2", "uwv"))
    row = text[text.index("Loonbelasting: vrijwilligersregeling") :][:100]
    assert "niet van toepassing" in row and "overschreden" not in row


def test_whole_year_is_geheel_and_aow_is_not_means_tested(ruleset: Ruleset, org: Organisation) -> None:
    # 11 x € 200 = € 2.200 > the year's vrijlating (€ 2.100 in 2025): the whole year counts
    r = Resident(
        "B1", date(1980, 5, 14), name="Bert Jaar", municipality="Goes", benefits=(Benefit("bijstand"),)
    )
    pays = [
        Payment("B1", date(2025, m, 15), Decimal("200.00"), "vrijwilligersvergoeding") for m in range(1, 12)
    ]
    text = _flat(_office_pdf(ruleset, org, [r], pays, "B1", "gemeente"))
    concl = text[text.index("6. Conclusie") :]
    assert "geheel buiten de vrijlating" in concl and "(deels)" not in concl
    assert "€ 2.200,00" in concl
    # AOW and AIO from the SVB: the AOW is not means-tested, never "binnen de vrijlating"
    old = Resident("A1", date(1955, 3, 3), name="Ada Oud", benefits=(Benefit("aow"), Benefit("aio")))
    pays = [Payment("A1", date(2025, 1, 15), Decimal("50.00"), "vrijwilligersvergoeding")]
    text = _flat(_office_pdf(ruleset, org, [old], pays, "A1", "svb"))
    assert "niet inkomensafhankelijk" in text
    assert "vrijlating voor de AOW" not in text


def test_room_to_sign(make: Make) -> None:
    pdf = render_pdf(make("office", "nl", "safe_bijstand"))
    mm = 72 / 25.4
    spots: dict[str, float] = {}
    reader = PdfReader(io.BytesIO(pdf))

    for n, page in enumerate(reader.pages):

        def visit(text, cm, tm, _fd, _fs, n=n):  # type: ignore[no-untyped-def]
            if text.strip():
                spots.setdefault(text.strip(), -n * 1000 + tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
    closing = spots["Hoogachtend,"]
    name = next(v for k, v in spots.items() if k.startswith("Sanne de Vries") and v < closing)
    assert closing - name >= 15 * mm  # a hand signature needs about 15 mm
