"""`Ruleset.last_verified` (the newest check of any entry) and `oldest_verified_in_force(day)` (the
oldest check among the values in force that day), which the app and the letters show."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from vergoedingcheck.rules import Ruleset, load_ruleset
from vergoedingcheck.rules.ruleset import FigureNotCovered


def _set_verified(root: Path, fid: str, start: str, day: str, where: str = "nl") -> None:
    f = root / where / f"{fid}.yaml"
    text = f.read_text(encoding="utf-8")
    pat = re.compile(rf"(?ms)(^ *{start}:\n.*?verified_on: )\d{{4}}-\d\d-\d\d")
    new, n = pat.subn(rf"\g<1>{day}", text, count=1)
    assert n == 1, (fid, start)
    f.write_text(new, encoding="utf-8")


@pytest.fixture
def dated(tiny: Path) -> Ruleset:
    _set_verified(tiny, "tax.volunteer.month_cap", "2017-01-01", "2024-03-01")  # old, not in force
    _set_verified(tiny, "tax.volunteer.month_cap", "2026-01-01", "2026-01-10")
    _set_verified(tiny, "pw.volunteer.year_cap", "2026-01-01", "2025-12-01")  # oldest in force 2026
    _set_verified(tiny, "tax.volunteer.year_cap", "2027-01-01", "2026-02-01")  # pending: newest
    return load_ruleset(tiny, today=date(2026, 6, 1))


def test_last_verified_is_the_newest_check_of_any_entry(dated: Ruleset) -> None:
    assert dated.last_verified == date(2026, 2, 1)


def test_oldest_verified_in_force_looks_only_at_values_in_force(dated: Ruleset) -> None:
    assert dated.oldest_verified_in_force(date(2026, 6, 1)) == date(2025, 12, 1)
    # in 2018 the 2017 entry of the month cap (checked 2024-03-01) is in force
    assert dated.oldest_verified_in_force(date(2018, 6, 1)) == date(2024, 3, 1)


def test_oldest_verified_in_force_skips_pending_and_absent_values(dated: Ruleset) -> None:
    day = date(2027, 6, 1)
    with pytest.raises(FigureNotCovered):
        dated.value("tax.volunteer.year_cap", day)
    # the pending 2027 entries do not count; the figures still in force do
    assert dated.oldest_verified_in_force(day) == date(2025, 12, 1)
    assert dated.oldest_verified_in_force(date(2010, 1, 1)) is None


def test_the_real_rules(ruleset: Ruleset) -> None:
    today = date.today()
    every = [
        e.verified_on
        for f in ruleset.figures.values()
        for e in f.values.values()
        if e is not None and e.verified_on
    ]
    assert ruleset.last_verified == max(every)
    oldest = ruleset.oldest_verified_in_force(today)
    assert oldest is not None and oldest <= ruleset.last_verified
    for fid in ruleset.figures:
        try:
            v = ruleset.value(fid, today)
        except FigureNotCovered:
            continue
        assert v.verified_on is not None and v.verified_on >= oldest


def test_municipal_overlays_count_for_freshness(tiny: Path) -> None:
    _set_verified(tiny, "testdorp", "2022-01-01", "2026-05-01", where="gemeenten")
    rs = load_ruleset(tiny, today=date(2026, 6, 1))
    assert rs.last_verified == date(2026, 5, 1)
    _set_verified(tiny, "testdorp", "2022-01-01", "2021-01-01", where="gemeenten")
    rs = load_ruleset(tiny, today=date(2026, 6, 1))
    assert rs.oldest_verified_in_force(date(2023, 6, 1)) == date(2021, 1, 1)
