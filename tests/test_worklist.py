"""The coordinator's worklist (issue 11 item 3) on 1 December 2026, with the law's figures for
2026 (€ 220 a month, € 2.200 a year; bijstand disregard from 27; the higher hourly norm from 21)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from vergoedingcheck.engine import evaluate
from vergoedingcheck.model import Benefit
from vergoedingcheck.records import PaymentRecord, ResidentRecord, to_models
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.rules.ages import format_months_nl
from vergoedingcheck.services.worklist import _age_text, banner, worklist

TODAY = date(2026, 12, 1)
D = Decimal


def _items(ruleset: Ruleset) -> dict[str, list[tuple[str, str]]]:
    residents = [
        ResidentRecord("R1", "Anna", date(1999, 12, 20), benefits=(Benefit("bijstand"),)),
        ResidentRecord("R2", "Bram", date(1970, 1, 1), benefits=(Benefit("ww"),)),
        ResidentRecord("R3", "Cor", date(1970, 1, 1)),
        ResidentRecord("R4", "Dirk", date(1970, 1, 1)),
    ]
    payments = [
        PaymentRecord("R2", date(2026, 3, 1), D("20.00"), "vrijwilligersvergoeding"),
        PaymentRecord("R3", date(2026, 12, 15), D("250.00"), "vrijwilligersvergoeding", status="planned"),
        PaymentRecord("R3", date(2026, 11, 20), D("10.00"), "vrijwilligersvergoeding", status="planned"),
        PaymentRecord("R4", date(2026, 1, 10), D("100.00"), "vrijwilligersvergoeding"),
    ]
    res, pays = to_models(residents, payments)
    result = evaluate(res, pays, ruleset, years=[2026])
    out: dict[str, list[tuple[str, str]]] = {}
    for item in worklist(residents, payments, result, ruleset, TODAY):
        out.setdefault(item.section, []).append((item.resident, item.text))
    return out


def test_each_section_names_what_to_act_on(ruleset: Ruleset) -> None:
    items = _items(ruleset)
    # R3: € 250 planned on 15 December > € 220 month cap -> December not safe
    assert [r for r, _ in items["over"]] == ["R3"] and "niet veilig" in items["over"][0][1]
    # R3: € 10 planned on 20 November, before today, still planned
    assert [r for r, _ in items["past_planned"]] == ["R3"]
    # R2: WW without recorded permission: the year is unknown, and the WW section says so
    assert [r for r, _ in items["unknown"]] == ["R2"]
    assert [r for r, _ in items["ww"]] == ["R2"] and "niet vastgelegd" in items["ww"][0][1]
    # R1 turns 27 on 20 December 2026, within three months: allowances can then be disregarded
    assert items["age"] == [
        ("R1", "wordt 27 op 20 december 2026: vanaf dan kan een vergoeding vrijgelaten worden.")
    ]
    # room this month: R4 paid € 100 in January: December 220.00 - 0.00, the year 2200.00 - 100.00
    # -> min(220.00, remaining 220.00) = 220.00. R1 (under 27 on bijstand) and R2 (no permission)
    # have none; R3's planned € 260 makes its year unsafe (no room).
    rooms = {r: t.replace("\xa0", " ") for r, t in items["room"]}
    assert rooms == {"R4": "€ 220,00 deze maand (nog € 220,00 dit jaar)."}


def test_the_banner_says_next_years_figures_are_not_confirmed(ruleset: Ruleset) -> None:
    # rules/nl: the 2027 caps are announced (pending), not confirmed
    assert banner(ruleset, TODAY) == (
        "De bedragen voor 2027 zijn nog niet vastgesteld; voorlopig gerekend met die van 2026."
    )


def test_the_banner_in_english(ruleset: Ruleset) -> None:
    # the same pending 2027 caps, from the catalogue's English sentence (group worklist)
    assert banner(ruleset, TODAY, "en") == (
        "The amounts for 2027 are not confirmed yet; provisionally calculated with those of 2026."
    )


@pytest.mark.parametrize("months", [804, 807, 793, 1])
def test_the_aow_age_words_are_format_months_nl(months: int) -> None:
    # the worklist's AOW age now comes from the catalogue; in Dutch it reads as before
    # (804 = 67 x 12: "67 jaar"; 807: "67 jaar en 3 maanden"; 793: "66 jaar en 1 maand")
    assert _age_text(months, "nl") == format_months_nl(months)
