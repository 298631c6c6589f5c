"""2027 readiness: no 2027 figure is confirmed yet, so a 2027 payment is `unknown` with a finding
that names the missing figure (never the 2026 amount), and what is already known of the
Participatiewet in balans phases 2 and 3 is in rules/ as pending entries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from vergoedingcheck.engine import evaluate
from vergoedingcheck.model import Benefit, Payment, Resident
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ruleset import FigureNotCovered

PIB = (
    "pw.earnings.disregard",
    "pw.earnings.disregard_young",
    "pw.earnings.automatic_offsetting",
    "pw.earnings.buffer_budget",
)


def _unknown_missing(result: Any, year: int) -> set[str]:
    y = result.residents[0].year(year)
    return {f.missing for f in y.findings if f.outcome == "unknown" and f.missing}


def test_a_2027_volunteer_payment_is_unknown_naming_the_tax_caps(ruleset: Ruleset) -> None:
    r = Resident("R1", date(1980, 1, 1))
    pays = [Payment("R1", date(2027, 1, 15), Decimal("50.00"), "vrijwilligersvergoeding")]
    result = evaluate([r], pays, ruleset)
    y = result.residents[0].year(2027)
    assert y is not None and y.status == "unknown"
    assert y.tax.taxable is None
    missing = _unknown_missing(result, 2027)
    assert {"tax.volunteer.month_cap", "tax.volunteer.year_cap"} <= missing
    f = next(f for f in y.findings if f.missing == "tax.volunteer.month_cap")
    assert f.explanation == "figure.missing"
    assert dict(f.params)["reason"] == "announced but still to be confirmed"
    assert "2027" in dict(f.params)["note"]


def test_a_2027_payment_in_bijstand_is_unknown_naming_the_disregard(ruleset: Ruleset) -> None:
    r = Resident("R1", date(1980, 1, 1), benefits=(Benefit("bijstand"),))
    pays = [Payment("R1", date(2027, 3, 1), Decimal("50.00"), "vrijwilligersvergoeding")]
    result = evaluate([r], pays, ruleset)
    y = result.residents[0].year(2027)
    assert y is not None and y.status == "unknown"
    bijstand = next(b for b in y.benefits if b.type == "bijstand")
    assert bijstand.status == "unknown"
    assert "pw.volunteer.month_cap" in _unknown_missing(result, 2027)


def test_the_tax_caps_carry_a_pending_2027_entry(ruleset: Ruleset) -> None:
    for fid in (
        "tax.volunteer.month_cap",
        "tax.volunteer.year_cap",
        "pw.volunteer.month_cap",
        "pw.volunteer.year_cap",
    ):
        entry = dict(ruleset.history(fid))[date(2027, 1, 1)]
        assert entry is not None and entry.pending, fid
        with pytest.raises(FigureNotCovered):
            ruleset.value(fid, date(2027, 1, 1))


@pytest.mark.parametrize("fid", PIB)
def test_participatiewet_in_balans_phase_2_and_3_are_pending(ruleset: Ruleset, fid: str) -> None:
    hist = ruleset.history(fid)
    assert [d for d, _ in hist] == [date(2027, 1, 1)]
    entry = hist[0][1]
    assert entry is not None and entry.pending and entry.value is None
    assert entry.note and "Nog te bevestigen" in entry.note
    assert "Participatiewet in balans" in entry.legal_basis.article


def test_they_show_up_in_show_and_new_year(cli: Any, real_rules: Any) -> None:
    _, out, _ = cli("rules", "show", "--on", "2027-01-01", "--dir", real_rules)
    for fid in PIB:
        assert f"{fid} — " in out
    code, out, err = cli("rules", "new-year", "2027", "--dir", real_rules)
    assert code == 1
    for fid in (*PIB, "tax.volunteer.month_cap", "tax.volunteer.year_cap"):
        assert f"# {fid} — " in out
        assert f"  {fid}: nog niet bevestigd (pending)" in err
