"""`provisional` (spec §3, Coverage): a year whose figures are announced but not confirmed stays
`unknown`; the planning answer uses the last confirmed value of each pending figure.

rules/nl: tax.volunteer.month_cap is €220 from 2026-01-01 and `pending` from 2027-01-01."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ruleset import FigureNotCovered


def test_the_real_ruleset_never_answers_a_pending_period(ruleset: Ruleset) -> None:
    with pytest.raises(FigureNotCovered) as exc:
        ruleset.value("tax.volunteer.month_cap", date(2027, 1, 15))
    assert exc.value.code == "pending"


def test_the_planning_copy_assumes_the_last_confirmed_value(ruleset: Ruleset) -> None:
    prov = ruleset.assuming_confirmed()
    v = prov.value("tax.volunteer.month_cap", date(2027, 1, 15))
    assert v.decimal == Decimal("220.00")  # the 2026 value, still in force on 2026-12-31
    assert v.assumed_from == 2026
    assert prov.value("tax.volunteer.year_cap", date(2027, 6, 1)).decimal == Decimal("2200.00")
    # a confirmed value is unchanged and not marked as assumed
    assert prov.value("tax.volunteer.month_cap", date(2026, 5, 1)).assumed_from is None
    # before the first value there is still nothing to assume
    with pytest.raises(FigureNotCovered):
        prov.value("tax.volunteer.month_cap", date(2010, 1, 1))
    # the real ruleset is untouched (its cache too)
    with pytest.raises(FigureNotCovered):
        ruleset.value("tax.volunteer.month_cap", date(2027, 1, 15))
    assert prov.assuming_confirmed() is prov


def _check(ruleset: Ruleset, text: str) -> dict:  # type: ignore[type-arg]
    from vergoedingcheck.engine.evaluate import start_evaluation
    from vergoedingcheck.engine.provisional import with_provisional
    from vergoedingcheck.engine.result import CheckResult
    from vergoedingcheck.io.casefile import case_from_doc
    from vergoedingcheck.sourcefile import parse_text

    case = case_from_doc(parse_text(text, "case.yaml"))
    ev = start_evaluation(case.residents, case.payments, ruleset)
    rrs = tuple(with_provisional(ev, rr) for rr in ev.results())
    res = CheckResult(ruleset.id, ruleset.fingerprint, rrs, as_of=date(2026, 12, 1)).to_json()
    return {y["year"]: y for y in res["residents"][0]["years"]}


HEAD = "version: 1\nresidents: [{id: R1, birth_date: 1980-05-14, benefits: [{type: %s}]}]\npayments:\n"


def test_provisional_can_be_unsafe_and_never_changes_status(ruleset: Ruleset) -> None:
    years = _check(
        ruleset,
        HEAD % "bijstand"
        + '  - {resident: R1, date: 2026-06-01, amount: "50.00", kind: vrijwilligersvergoeding}\n'
        + '  - {resident: R1, date: 2027-01-15, amount: "250.00", kind: vrijwilligersvergoeding}\n',
    )
    # 2027: the caps are pending, so the year is unknown; with the 2026 caps (€220 a month)
    # €250 in January is over the monthly cap: unsafe, headroom 0.
    assert years[2027]["status"] == "unknown"
    assert years[2027]["provisional"] == {"status": "unsafe", "headroom": "0.00", "assuming": "2026"}
    # 2026 is confirmed: no provisional at all
    assert years[2026]["status"] == "safe" and "provisional" not in years[2026]


def test_no_provisional_when_something_else_is_unknown_too(ruleset: Ruleset) -> None:
    # WW without a recorded UWV permission is unknown whatever the figures: planning cannot help.
    years = _check(
        ruleset,
        HEAD % "ww"
        + '  - {resident: R1, date: 2027-01-15, amount: "50.00", kind: vrijwilligersvergoeding}\n',
    )
    assert years[2027]["status"] == "unknown"
    assert "provisional" not in years[2027]


def test_evaluate_itself_gives_provisional_so_the_app_and_letters_can_plan_january(ruleset: Ruleset) -> None:
    """Before, only `check` and the scenario runner added `provisional`; the app and the letters
    call `evaluate()`. 2027-01-15: 100.00 allowance, no benefit. 2027 figures pending -> status
    unknown. Assuming the 2026 figures (220.00 / 2200.00): safe, headroom 2200.00 - 100.00 = 2100.00
    (months: January 220.00 - 100.00 = 120.00, others 220.00; 11 x 220.00 + 120.00 = 2540.00)."""
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.model import Payment, Resident

    r = Resident("R1", date(1970, 1, 1), "Test", None, None, ())
    rr = evaluate(
        [r], [Payment("R1", date(2027, 1, 15), Decimal("100.00"), "vrijwilligersvergoeding")], ruleset
    ).resident("R1")
    assert rr is not None
    y = rr.year(2027)
    assert y is not None and y.status == "unknown"
    assert y.provisional is not None
    assert (y.provisional.status, y.provisional.headroom, y.provisional.assuming) == (
        "safe",
        Decimal("2100.00"),
        "2026",
    )
