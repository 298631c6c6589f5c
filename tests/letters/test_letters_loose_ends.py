"""Loose ends of issue 10 found in review: a back-dated letter claims no later check of the rules,
the office letter's reference names the office, the GR's policy is named as the GR's."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from conftest import pdf_text
from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.explain import explain
from vergoedingcheck.engine.result import Finding
from vergoedingcheck.letters import Organisation, compose_letter, render_pdf
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset


def _goes(benefit: str = "bijstand") -> tuple[list[Resident], list[Payment]]:
    residents = [Resident("G1", date(1980, 1, 1), "Gea Goes", "Goes", None, (Benefit(benefit),))]
    # 5 hours for EUR 100.00: EUR 20.00 an hour, over the tax norm (EUR 5.75 an hour in 2026),
    # which GR de Bevelanden makes a hard condition for bijstand
    payments = [
        Payment("G1", date(2026, 3, 2), Decimal("100.00"), "vrijwilligersvergoeding", hours=Decimal(5))
    ]
    return residents, payments


def _pdf(ruleset: Ruleset, org: Organisation, kind: str, letter_date: date, benefit: str = "bijstand") -> str:
    residents, payments = _goes(benefit)
    rr = evaluate(residents, payments, ruleset).resident("G1")
    letter = compose_letter(
        kind, "nl", rr, residents, payments, ruleset, year=2026, letter_date=letter_date, organisation=org
    )
    return pdf_text(render_pdf(letter))


@pytest.mark.parametrize("kind", ["resident", "office", "coordinator"])
def test_a_back_dated_letter_does_not_claim_a_later_check(
    ruleset: Ruleset, org: Organisation, kind: str
) -> None:
    verified = ruleset.last_verified
    assert verified is not None
    residents, payments = _goes()
    result = evaluate(residents, payments, ruleset)
    subject = result if kind == "coordinator" else result.resident("G1")

    def text(letter_date: date) -> str:
        letter = compose_letter(
            kind,
            "nl",
            subject,
            residents,
            payments,
            ruleset,
            year=2026,
            letter_date=letter_date,
            organisation=org,
        )
        return pdf_text(render_pdf(letter))

    months = "januari februari maart april mei juni juli augustus september oktober november december"
    shown = f"{verified.day} {months.split(' ')[verified.month - 1]}"
    before = text(verified - timedelta(days=1))
    assert "gecontroleerd" not in before and shown not in before.replace("\n", " ")
    assert "gecontroleerd op " + shown in text(verified).replace("\n", " ")


def test_the_office_reference_names_the_office(ruleset: Ruleset, org: Organisation) -> None:
    """Before: `G1-2026-gemeente` for a letter to GR de Bevelanden, which pays Goes's bijstand."""
    text = _pdf(ruleset, org, "office", date(2026, 12, 1))
    assert "G1-2026-GR de Bevelanden" in text and "-gemeente" not in text
    assert "G1-2026-UWV" in _pdf(ruleset, org, "office", date(2026, 12, 1), benefit="wia")


def test_the_grs_policy_is_named_as_the_grs(ruleset: Ruleset) -> None:
    """The hard hourly norm for Goes is GR de Bevelanden's policy (rules/gemeenten/gr-de-bevelanden.yaml),
    not the municipality's: before, 'De gemeente Goes stelt dit als eis'."""
    residents, payments = _goes()
    y = evaluate(residents, payments, ruleset).resident("G1").year(2026)  # type: ignore[union-attr]
    assert y is not None
    (f,) = [f for f in y.findings if f.rule == "policy.hourly_norm_hard"]
    assert f.outcome == "fail"
    nl, en = explain(f, "nl"), explain(f, "en")
    assert "GR de Bevelanden, die de bijstand van Goes uitvoert, stelt dit als eis" in nl
    assert "De gemeente Goes" not in nl
    assert "GR de Bevelanden, which pays Goes's bijstand, makes this a condition" in en


def test_a_municipalitys_own_policy_is_the_municipalitys() -> None:
    f = Finding(
        "policy.hourly_norm_hard",
        "fail",
        "2026-03-02",
        "pw.hourly_norm_hard",
        limit=Decimal("5.75"),
        value=Decimal("20.00"),
        params=(("amount", "100.00"), ("municipality", "Hoogeveen")),
    )
    assert "De gemeente Hoogeveen stelt dit als eis" in explain(f, "nl")
    assert "The municipality of Hoogeveen makes this a condition" in explain(f, "en")
