"""The fields added to the check result on 1 December 2026 (spec/case-files.md §2 "Added fields"):
`as_of`, `headroom_remaining`, the findings' `message`, and `check --as-of/--lang`.

Figures used (rules/nl, Wet LB 1964 art. 2 lid 6 / Uitvoeringsregeling LB art. 2a): 2026 monthly
cap €220, yearly cap €2,200; 2025 €210 / €2,100."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from vergoedingcheck.engine import evaluate
from vergoedingcheck.io.casefile import case_from_doc
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.sourcefile import parse_text

CASE = """version: 1
residents: [{id: R1, birth_date: 1980-01-01, benefits: []}]
payments:
  - {resident: R1, date: 2025-05-10, amount: "100.00", kind: vrijwilligersvergoeding}
  - {resident: R1, date: 2026-03-10, amount: "100.00", kind: vrijwilligersvergoeding}
"""


def _year(ruleset: Ruleset, year: int):  # type: ignore[no-untyped-def]
    case = case_from_doc(parse_text(CASE, "case.yaml"))
    res = evaluate(case.residents, case.payments, ruleset)
    rr = res.resident("R1")
    assert rr is not None
    y = rr.year(year)
    assert y is not None
    return y


def test_headroom_remaining_counts_only_the_months_from_as_of_on(ruleset: Ruleset) -> None:
    y = _year(ruleset, 2026)
    # 2026, no benefit: €100 in March. Month rooms: March 220 - 100 = 120, every other month 220.
    # Year room 2,200 - 100 = 2,100; all months 11 x 220 + 120 = 2,540; headroom = 2,100.
    assert y.headroom == Decimal("2100.00")
    # as_of 15 June: June..December = 7 months x 220 = 1,540 < 2,100.
    assert y.headroom_remaining(date(2026, 6, 15)) == Decimal("1540.00")
    # as_of 1 December: only December, 220.
    assert y.headroom_remaining(date(2026, 12, 1)) == Decimal("220.00")
    # as_of 31 December: December still counts (months from the month of as_of on).
    assert y.headroom_remaining(date(2026, 12, 31)) == Decimal("220.00")
    # a year after as_of: equals headroom
    assert y.headroom_remaining(date(2025, 11, 1)) == y.headroom
    # as_of in January of the year: every month, so the year's room bounds it: 2,100.
    assert y.headroom_remaining(date(2026, 1, 1)) == Decimal("2100.00")


def test_a_year_wholly_before_as_of_has_no_remaining_headroom(ruleset: Ruleset) -> None:
    y = _year(ruleset, 2025)
    # 2025: 2,100 - 100 = 2,000 headroom, but every month of 2025 is before December 2026.
    assert y.headroom == Decimal("2000.00")
    assert y.headroom_remaining(date(2026, 12, 1)) == Decimal("0.00")
    assert y.to_json(date(2026, 12, 1))["headroom_remaining"] == "0.00"


def test_every_finding_carries_a_message_in_the_chosen_language(ruleset: Ruleset) -> None:
    y = _year(ruleset, 2026)
    nl = y.to_json(date(2026, 12, 1), "nl")["findings"]
    en = y.to_json(date(2026, 12, 1), "en")["findings"]
    assert nl and len(nl) == len(en)
    month = next(f for f in nl if f["rule"] == "tax.volunteer.month_cap")
    nbsp = "\u00a0"  # amounts keep € and the number together
    assert month["message"] == (
        f"maart 2026: €{nbsp}100,00 telt mee, binnen het maandmaximum van €{nbsp}220,00."
    )
    month_en = next(f for f in en if f["rule"] == "tax.volunteer.month_cap")
    assert month_en["message"].startswith("March 2026: ")
    assert month_en["explanation"] == month["explanation"] == "tax.month_within_cap"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vergoedingcheck", *args], capture_output=True, text=True, timeout=120
    )


def test_check_as_of_and_lang_in_the_json(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(CASE, encoding="utf-8")
    proc = _run("check", str(f), "--format", "json", "--as-of", "2026-06-15", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["as_of"] == "2026-06-15"
    years = {y["year"]: y for y in doc["residents"][0]["years"]}
    assert years[2026]["headroom_remaining"] == "1540.00"  # 7 x 220, see above
    assert years[2025]["headroom_remaining"] == "0.00"
    assert all(f["message"] and f["message"] != f["explanation"] for f in years[2026]["findings"])
    assert "within the monthly cap" in json.dumps(years[2026]["findings"])
    compact = _run("check", str(f), "--format", "json", "--as-of", "2026-06-15")
    assert compact.returncode == 0


def test_check_as_of_defaults_to_today(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(CASE, encoding="utf-8")
    before = date.today().isoformat()
    proc = _run("check", str(f), "--format", "json")
    assert json.loads(proc.stdout)["as_of"] in (before, date.today().isoformat())


def test_check_refuses_a_bad_as_of_date_with_exit_2(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(CASE, encoding="utf-8")
    for bad in ("2026-02-30", "20261201", "morgen", "2026-1-5"):
        proc = _run("check", str(f), "--format", "json", "--as-of", bad)
        assert proc.returncode == 2, bad
        assert "--as-of" in proc.stderr and bad in proc.stderr
        assert "Traceback" not in proc.stderr
        assert proc.stdout == ""
