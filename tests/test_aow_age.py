"""The AOW age (`rules/nl/aow.age.yaml`, unit `months`) and the day someone reaches it.

The law: art. 7a Algemene Ouderdomswet. The age that applies is the one of the calendar year in
which a person reaches it. Figures (rules file, with sources): 2019-2021 66 years 4 months (796),
2022 66y7m (799), 2023 66y10m (802), 2024-2027 67 years (804), 2028-2030 67y3m (807); 2031 not set
yet (pending)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vergoedingcheck.engine import evaluate
from vergoedingcheck.model import Benefit
from vergoedingcheck.records import ResidentRecord, to_models
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ages import add_months, aow_day, format_months_nl
from vergoedingcheck.rules.ruleset import load_ruleset
from vergoedingcheck.services.worklist import worklist
from vergoedingcheck.sourcefile import InputError

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        # 1960-03-10 + 67 years = 2027-03-10, and 2027's age is 67 years: AOW from that day
        (date(1960, 3, 10), (date(2027, 3, 10), 804)),
        # 1961-02-01 + 67 y = 2028-02-01, but 2028's age is 67 y 3 m: 2028-05-01
        (date(1961, 2, 1), (date(2028, 5, 1), 807)),
        # 1961-09-30 + 67 y 3 m = 2028-12-30 (September 30th plus three months)
        (date(1961, 9, 30), (date(2028, 12, 30), 807)),
        # 1955-06-01 + 66 y 4 m = 2021-10-01 (2021's age)
        (date(1955, 6, 1), (date(2021, 10, 1), 796)),
        # 1963-10-15 + 67 y 3 m = 2031-01-15: 2031's age is not set yet -> no date, never a guess
        (date(1963, 10, 15), None),
        (date(1964, 1, 1), None),
    ],
)
def test_the_day_someone_reaches_aow_age(birth: date, expected: tuple[date, int] | None) -> None:
    assert aow_day(birth, load_ruleset(ROOT / "rules")) == expected


def test_ages_in_months_read_as_years_and_months() -> None:
    assert format_months_nl(804) == "67 jaar"
    assert format_months_nl(807) == "67 jaar en 3 maanden"
    assert format_months_nl(793) == "66 jaar en 1 maand"
    # a 29 February birthday moves to 1 March in a common year, as model.age_on counts it
    assert add_months(date(1960, 2, 29), 67 * 12) == date(2027, 3, 1)


def test_the_worklist_names_who_reaches_aow_age_in_the_next_three_months(ruleset: Ruleset) -> None:
    today = date(2026, 12, 1)  # three months ahead: up to 1 March 2027
    residents = [
        # 1960-01-15 + 67 y (2027's age) = 15 January 2027: within three months
        ResidentRecord("A1", "Aad", date(1960, 1, 15), benefits=(Benefit("bijstand"),)),
        # 1960-06-15 -> 15 June 2027: too far ahead for the list
        ResidentRecord("A2", "Bep", date(1960, 6, 15), benefits=(Benefit("bijstand"),)),
    ]
    res, pays = to_models(residents, [])
    result = evaluate(res, pays, ruleset, years=[2026])
    items = [
        (i.resident, i.text) for i in worklist(residents, [], result, ruleset, today) if i.section == "age"
    ]
    assert items == [
        (
            "A1",
            "bereikt op 15 januari 2027 de AOW-leeftijd (67 jaar): een uitkering van "
            "gemeente of UWV stopt dan; vanaf dan is de SVB het loket (AOW, eventueel AIO).",
        )
    ]


def test_an_age_in_months_outside_0_to_120_years_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "nl").mkdir(parents=True)
    for f in (ROOT / "rules" / "nl").glob("*.yaml"):
        (rules / "nl" / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    p = rules / "nl" / "aow.age.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("value: 804", "value: 80400", 1), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_ruleset(rules)
    assert "aow.age.yaml" in str(exc.value) and "between 0 and 1440" in str(exc.value)
