"""Issue 10: the household's gift limit explained with who received what, counted once
(`gifts.counted_on`), and told to the member on whom it is not counted (text read from the PDF)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from test_letters_readability import MIN_SCORE, flesch_douma

from conftest import Make, pdf_pages, pdf_text
from vergoedingcheck.engine import evaluate
from vergoedingcheck.letters import Organisation, ResidentLetter, compose_letter, render_pdf
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset

ADDRESS = ("Dorpsstraat 3", "4461 AB  Goes")


def _household() -> tuple[list[Resident], list[Payment]]:
    residents = [
        Resident(
            "H1",
            date(1980, 1, 1),
            name="Karin Huis",
            municipality="Goes",
            household="HH",
            benefits=(Benefit("bijstand"),),
            address=ADDRESS,
        ),
        Resident(
            "H2",
            date(1978, 1, 1),
            name="Ruud Huis",
            municipality="Goes",
            household="HH",
            benefits=(Benefit("bijstand"),),
            address=ADDRESS,
        ),
    ]
    payments = [
        Payment("H1", date(2026, 3, 1), Decimal("800.00"), "gift"),
        Payment("H2", date(2026, 6, 1), Decimal("700.00"), "gift"),
    ]
    return residents, payments


def _letter(ruleset: Ruleset, org: Organisation, rid: str) -> str:
    residents, payments = _household()
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        "resident",
        "nl",
        result.resident(rid),
        residents,
        payments,
        ruleset,
        year=2026,
        letter_date=date(2026, 11, 2),
        organisation=org,
    )
    return " ".join(pdf_text(render_pdf(letter)).split())


def test_household_gift_excess_explained_and_counted_once(ruleset: Ruleset, org: Organisation) -> None:
    # 2026: € 1.200 per household per year (Participatiewet art. 31 lid 2 onderdeel m, rules-nl);
    # € 800 + € 700 = € 1.500, excess € 1.500 - € 1.200 = € 300, counted on the first member (H1)
    h1 = _letter(ruleset, org, "H1")
    assert "Uw huishouden kreeg in 2026 samen € 1.500,00 aan giften: u € 800,00 en Ruud Huis € 700,00" in h1
    assert "De grens is € 1.200,00 per jaar voor het hele huishouden" in h1
    assert "Het deel boven de grens is € 300,00. Dat telt één keer mee, bij u." in h1
    assert "Let op: de giften in 2026 hebben gevolgen voor uw bijstand" in h1  # not "uw vergoeding"
    h2 = _letter(ruleset, org, "H2")
    assert "Karin Huis € 800,00 en u € 700,00" in h2
    assert "Het deel boven de grens is € 300,00. Dat telt één keer mee, bij Karin Huis." in h2
    assert "€ 300,00" in h2 and "telt één keer mee, bij u" not in h2  # once, not twice


def test_planned_consequence_has_no_capital_mid_sentence(make: Make) -> None:
    # looked at as a PNG: "Als wij betalen zoals gepland, telt De gemeente Goes ..." (capital mid-sentence)
    text = " ".join(pdf_text(render_pdf(make("resident", "nl", "unsafe_bijstand_year"))).split())
    # for Goes the body that pays bijstand is GR de Bevelanden (letters/offices.yaml)
    assert "Als wij betalen zoals gepland, telt GR de Bevelanden" in text
    assert "telt De gemeente" not in text


def test_household_gift_letters_stay_easy(ruleset: Ruleset, org: Organisation) -> None:
    residents, payments = _household()
    result = evaluate(residents, payments, ruleset)
    for rid in ("H1", "H2"):
        letter = compose_letter(
            "resident",
            "nl",
            result.resident(rid),
            residents,
            payments,
            ruleset,
            year=2026,
            letter_date=date(2026, 11, 2),
            organisation=org,
        )
        assert isinstance(letter, ResidentLetter)  # compose_letter returns the Letter union
        score = flesch_douma(letter.body_text())
        assert score >= MIN_SCORE, (rid, score)


def test_the_member_without_the_excess_is_not_told_no_consequences(
    ruleset: Ruleset, org: Organisation
) -> None:
    # looked at as a PNG: H2's subject said "geen gevolgen voor uw bijstand" while the
    # household's € 300 excess lowers the household's bijstand
    h2 = _letter(ruleset, org, "H2")
    assert "geen gevolgen voor uw bijstand" not in h2
    assert "Let op: de giften in uw huishouden in 2026 en uw bijstand" in h2
    assert "Maar uw huishouden kreeg te veel giften" in h2


def test_office_letter_names_the_member_the_excess_counts_on(ruleset: Ruleset, org: Organisation) -> None:
    residents, payments = _household()
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        "office",
        "nl",
        result.resident("H2"),
        residents,
        payments,
        ruleset,
        year=2026,
        letter_date=date(2026, 11, 2),
        organisation=org,
        office="gemeente",
    )
    text = " ".join(pdf_text(render_pdf(letter)).split())
    assert "bij de uitkering van Karin Huis" in text and "van H1" not in text  # no internal id
    concl = text[text.index("6. Conclusie") :]
    assert "grens (€ 300,00) zijn één keer als inkomen meegeteld, bij Karin Huis" in concl


def test_a_table_heading_stays_with_its_table(ruleset: Ruleset, org: Organisation) -> None:
    # looked at as a PNG: "5. Toetsing per regel" and its note ended page 1, the table began page 2
    residents, payments = _household()
    result = evaluate(residents, payments, ruleset)
    letter = compose_letter(
        "office",
        "nl",
        result.resident("H2"),
        residents,
        payments,
        ruleset,
        year=2026,
        letter_date=date(2026, 11, 2),
        organisation=org,
        office="gemeente",
    )
    pages = pdf_pages(render_pdf(letter))
    page = next(p for p in pages if "5. Toetsing per regel" in p)
    assert "Giften per huishouden" in page
