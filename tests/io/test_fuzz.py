"""Issue 9, item 7: mutate valid case files and CSV files (wrong types, huge and tiny numbers,
unicode, control characters, structure) and hold the promise: exit 0/1 with a result, or exit 2
with `file:line: ...`; never exit 3, never a traceback.

A small example budget keeps it well under a minute; `VC_FUZZ_EXAMPLES=2000` for a longer run."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vergoedingcheck.cli import main
from vergoedingcheck.io.spreadsheet import SpreadsheetError, read_spreadsheet

EXAMPLES = int(os.environ.get("VC_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

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

HOSTILE = [
    "1e400",
    "-1e400",
    "1e-400",
    "123456789012345678901234567890",
    '"1e50"',
    "0",
    "-0",
    "-5",
    ".nan",
    ".inf",
    "NaN",
    "sNaN",
    "''",
    '""',
    "null",
    "~",
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "true",
    "no",
    "0x1F",
    "2025-02-30",
    "9999-12-31",
    "0001-01-01",
    "&a x",
    "*a",
    "!!binary aGVsbG8=",
    "!!python/none",
    '"\\e[2J"',
    '"\\u202e"',
    '"\\0"',
    "Łukasz",
    "ﬁ",
    "🙂" * 50,
    "x" * 3000,
    "1,5",
    "1.250,50",
    "'=1+1'",
]
CSV_HOSTILE = [
    "1e400",
    "123456789012345678901234567890",
    "1.125",
    "0,00001",
    "-1",
    "",
    " ",
    "=1+1",
    '"',
    '"x',
    "\x1b[2J",
    "\u202e",
    "31-2-2025",
    "99-99-9999",
    "x" * 3000,
    "€€",
    "1.2.3",
    "ja nee",
    "\x00",
    "\x81",
]


def _mutate(text: str, data: st.DataObject, pool: list[str], separators: str) -> str:
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        how = data.draw(st.sampled_from(["value", "insert", "delete", "duplicate"]), label="how")
        if how == "value":  # replace one value (what stands between two separators) by a hostile one
            spans = [m.span() for m in re.finditer(rf"[^{separators}\n]+", text)]
            start, end = data.draw(st.sampled_from(spans), label="span")
            text = text[:start] + data.draw(st.sampled_from(pool), label="value") + text[end:]
        elif how == "insert":
            pos = data.draw(st.integers(0, len(text)), label="pos")
            chunk = data.draw(
                st.one_of(
                    st.sampled_from(pool), st.text(max_size=4), st.sampled_from(list("{}[]:,-&*!#'\"\t\n;"))
                ),
                label="chunk",
            )
            text = text[:pos] + chunk + text[pos:]
        elif how == "delete":
            pos = data.draw(st.integers(0, len(text)), label="pos")
            text = text[:pos] + text[pos + data.draw(st.integers(1, 20), label="len") :]
        else:  # a line twice (duplicate key, duplicate payment, duplicate resident)
            lines = text.split("\n")
            i = data.draw(st.integers(0, len(lines) - 1), label="line")
            text = "\n".join(lines[: i + 1] + lines[i:])
    return text


@FUZZ
@given(data=st.data(), as_json=st.booleans())
def test_a_mutated_case_file_is_a_result_or_a_clean_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: st.DataObject, as_json: bool
) -> None:
    if as_json:
        import yaml

        text = _mutate(json.dumps(yaml.safe_load(CASE), default=str, indent=1), data, HOSTILE, ",:{}\\[\\]")
    else:
        text = _mutate(CASE, data, HOSTILE, ",:{}\\[\\]")
    path = tmp_path / ("case.json" if as_json else "case.yaml")
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    capsys.readouterr()
    rc = main(["check", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert rc in (0, 1, 2), err
    if rc == 2:
        lines = err.strip().splitlines()
        assert lines and all(line.startswith(f"{path}:") for line in lines), err
        assert "Traceback" not in err and "internal error" not in err and "interne fout" not in err
    else:
        assert json.loads(out)["residents"] is not None


@FUZZ
@given(data=st.data())
def test_a_mutated_csv_is_rows_or_a_clean_refusal(tmp_path: Path, data: st.DataObject) -> None:
    text = _mutate(CSV, data, CSV_HOSTILE, ";")
    path = tmp_path / "betalingen.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        plan = read_spreadsheet(path, ["R1", "R2"])
    except SpreadsheetError as exc:
        assert str(exc)  # a sentence naming the row or the header
        return
    for e in plan.errors:
        assert e.row >= 1 and e.message, e
    # every row is either read or named in an error: nothing dropped silently
    assert len(plan.payments) + len(plan.bad_rows) == plan.rows_read or plan.errors
