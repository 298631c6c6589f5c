"""Issue 9, item 7: mutate valid case files and CSV files (wrong types, huge and tiny numbers,
unicode, control characters, structure) and hold the promise: exit 0/1 with a result, or exit 2
with `file:line: ...`; never exit 3, never a traceback.

Moved from tests/io/test_fuzz.py; the example budget is the Hypothesis profile's (fuzzkit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzzkit import CSV_HOSTILE, HOSTILE, TALLY, fuzz_settings, keep_promise, located, mutate_text, run_cli
from hypothesis import given
from hypothesis import strategies as st

from vergoedingcheck.io.spreadsheet import SpreadsheetError, read_spreadsheet

FUZZ = fuzz_settings(1.0)

CASE = """version: 1
municipality: Goes
residents:
  - id: R1
    name: An Jansen
    birth_date: 1980-05-14
    household: H1
    benefits:
      - {type: bijstand, since: 2024-01-01}
  - {id: R2, birth_date: 1960-01-01, benefits: [{type: ww, uwv_permission: true, ww_hourly_wage: "14.25"}]}
payments:
  - {resident: R1, date: 2025-03-15, amount: "220.00", kind: vrijwilligersvergoeding, hours: 8}
  - {resident: R1, date: 2025-03-20, amount: "12.60", kind: onkostenvergoeding, receipts: true}
  - {resident: R2, date: 2025-04-01, amount: "50.00", kind: gift, note: taart}
"""
CSV = (
    "referentie;datum;bedrag;soort;uren;bonnen;in_natura;betaler;notitie;status\r\n"
    "R1;15-3-2025;€ 220,00;vrijwilligersvergoeding;8;nee;nee;Platform;;betaald\r\n"
    'R1;20-3-2025;12,60;onkostenvergoeding;;ja;;;"bus; trein";gepland\r\n'
    "R2;1-4-2025;50;gift;;;;;taart;\r\n"
)


@FUZZ
@given(data=st.data(), as_json=st.booleans())
def test_a_mutated_case_file_is_a_result_or_a_clean_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: st.DataObject, as_json: bool
) -> None:
    if as_json:
        import yaml

        text = mutate_text(
            json.dumps(yaml.safe_load(CASE), default=str, indent=1), data, HOSTILE, ",:{}\\[\\]"
        )
    else:
        text = mutate_text(CASE, data, HOSTILE, ",:{}\\[\\]")
    path = tmp_path / ("case.json" if as_json else "case.yaml")
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    rc, out, err = run_cli(capsys, "check", path, "--format", "json")
    keep_promise("case file (check)", rc, out, err, line_ok=located(path))
    if rc != 2:
        assert json.loads(out)["residents"] is not None


@FUZZ
@given(data=st.data())
def test_a_mutated_csv_is_rows_or_a_clean_refusal(tmp_path: Path, data: st.DataObject) -> None:
    text = mutate_text(CSV, data, CSV_HOSTILE, ";")
    path = tmp_path / "betalingen.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        plan = read_spreadsheet(path, ["R1", "R2"])
    except SpreadsheetError as exc:
        assert str(exc)  # a sentence naming the row or the header
        TALLY[("payments CSV (reader)", "refused")] += 1
        return
    TALLY[("payments CSV (reader)", "ok")] += 1
    for e in plan.errors:
        assert e.row >= 1 and e.message, e
    # every row is either read or named in an error: nothing dropped silently
    assert len(plan.payments) + len(plan.bad_rows) == plan.rows_read or plan.errors
