"""Bad case files: one problem per line naming file, line and field; exit code 2; no traceback;
nothing half-read. Good ones round-trip through write_case_file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.io.casefile import read_case_file, write_case_file
from vergoedingcheck.sourcefile import InputError

GOOD = """\
version: 1
municipality: Goes
residents:
  - id: R1
    name: Łukasz Öztürk
    birth_date: 1985-04-02
    household: H1
    note: "Spreekt liever Pools; bel na 17.00"
    benefits:
      - {type: ww, since: 2023-01-01, uwv_permission: true, ww_hourly_wage: "14.20"}
payments:
  - {resident: R1, date: 2025-03-10, amount: "50.00", kind: vrijwilligersvergoeding, hours: 4}
  - {resident: R1, date: 2025-03-11, amount: "12.60", kind: onkostenvergoeding, receipts: true}
"""


def _problems(tmp_path: Path, text: str, name: str = "case.yaml") -> list[str]:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_case_file(f)
    return [str(p) for p in exc.value.problems]


def test_good_file_reads_into_engine_input(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(GOOD, encoding="utf-8")
    case = read_case_file(f)
    r = case.residents[0]
    assert r.municipality == "Goes"  # the file default
    assert r.benefits[0].ww_hourly_wage == Decimal("14.20")
    assert case.payments[0].amount == Decimal("50.00") and case.payments[0].hours == Decimal(4)
    assert case.payments[1].is_proven_costs


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(GOOD, encoding="utf-8")
    case = read_case_file(f)
    out = tmp_path / "out" / "again.yaml"
    write_case_file(out, case.residents, case.payments, case.municipality)
    again = read_case_file(out)
    assert again.residents == case.residents and again.payments == case.payments
    assert again.residents[0].note == "Spreekt liever Pools; bel na 17.00"
    assert os.stat(out).st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("text", "line", "field", "words"), [
    ("  - {resident: R1, date: 2025-03-10, amount: 50.5, kind: gift}\n", 14, "payments[2].amount", "quoted"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"-5.00\", kind: gift}\n", 14, "payments[2].amount", "negative"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"0.00\", kind: gift}\n", 14, "payments[2].amount", "more than 0"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"1.005\", kind: gift}\n", 14, "payments[2].amount", "two decimals"),
    ("  - {resident: R1, date: 2025-02-30, amount: \"5.00\", kind: gift}\n", 14, "payments[2].date", "not a valid date"),
    ("  - {resident: R7, date: 2025-03-10, amount: \"5.00\", kind: gift}\n", 14, "payments[2].resident", "R7"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"5.00\", kind: bonus}\n", 14, "payments[2].kind", "vrijwilligersvergoeding"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"5.00\", kind: gift, colour: red}\n", 14, "payments[2].colour", "unknown field"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"5.00\", kind: loon, receipts: true}\n", 14, "payments[2].receipts", "onkostenvergoeding"),
    ("  - {resident: R1, date: 2025-03-10, amount: \"5.00\", kind: gift, hours: -1}\n", 14, "payments[2].hours", "more than 0"),
])
def test_each_bad_payment_is_named_with_file_line_and_field(
        tmp_path: Path, text: str, line: int, field: str, words: str) -> None:
    problems = _problems(tmp_path, GOOD + text)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path / 'case.yaml'}:{line}: {field}:")
    assert words in problems[0]


def test_resident_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("payments:\n", """\
  - id: R1
    birth_date: 1990-13-01
    benefits: [{type: bijstnd}, {type: bijstand, since: 2024-05-01, until: 2024-01-01}]
payments:
""")
    problems = _problems(tmp_path, text)
    joined = "\n".join(problems)
    assert ":11: residents[1].id: duplicate resident id 'R1'" in joined
    assert ":12: residents[1].birth_date:" in joined and "not a valid date" in joined
    assert ":13: residents[1].benefits[0].type:" in joined


def test_benefit_fields_only_where_they_belong(tmp_path: Path) -> None:
    text = GOOD.replace("{type: ww, since: 2023-01-01,", "{type: bijstand, since: 2023-01-01,")
    problems = _problems(tmp_path, text)
    assert any("residents[0].benefits[0].uwv_permission: only a WW benefit" in p for p in problems)


def test_missing_birth_date_and_version(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD.replace("version: 1\n", "version: 2\n").replace(
        "    birth_date: 1985-04-02\n", ""))
    assert any(":1: version: only version 1" in p for p in problems)
    assert any("residents[0].birth_date: this field is required" in p for p in problems)


def test_syntax_error_and_duplicate_key(tmp_path: Path) -> None:
    assert ":3:" in _problems(tmp_path, "version: 1\nresidents: [\n  - oops: : :\n")[0]
    dup = _problems(tmp_path, GOOD.replace("    household: H1\n", "    household: H1\n    household: H2\n"))
    assert any(":8: residents[0].household: duplicate key" in p for p in dup)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    f = tmp_path / "latin1.yaml"
    f.write_bytes("version: 1\nresidents:\n  - {id: R1, name: Jos\xe9}\n".encode("latin-1"))
    with pytest.raises(InputError) as exc:
        read_case_file(f)
    assert "not UTF-8" in str(exc.value) and ":3" in str(exc.value)
    with pytest.raises(InputError) as exc:
        read_case_file(tmp_path / "nope.yaml")
    assert "cannot read" in str(exc.value)


def test_json_case_file_is_read_too(tmp_path: Path) -> None:
    f = tmp_path / "case.json"
    f.write_text('{"version": 1, "residents": [{"id": "R1", "birth_date": "1980-01-01", "benefits": []}],'
                 ' "payments": [{"resident": "R1", "date": "2024-01-05", "amount": "10.00",'
                 ' "kind": "vrijwilligersvergoeding"}]}', encoding="utf-8")
    case = read_case_file(f)
    assert case.payments[0].date == date(2024, 1, 5)
    f.write_text('{"version": 1, "residents": [{"id": "R1", "birth_date": "1980-01-01"}],'
                 ' "payments": [{"resident": "R1", "date": "2024-01-05", "amount": 10.5, "kind": "gift"}]}',
                 encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_case_file(f)
    assert "payments[0].amount" in str(exc.value)


def test_cli_bad_input_exit_2_one_line_per_problem_no_traceback(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(GOOD + "  - {resident: R9, date: 2025-02-30, amount: 5.5, kind: gift}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "vergoedingcheck", "check", str(f)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith(f"{f}:14: payments[2].") for line in lines)
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_files_with_personal_data_are_owner_only(tmp_path: Path) -> None:
    from vergoedingcheck.files import write_private

    old = os.umask(0o022)
    try:
        p = write_private(tmp_path / "sub" / "x.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert p.read_bytes() == b"%PDF" and os.stat(p).st_mode & 0o777 == 0o600
    assert [f.name for f in p.parent.iterdir()] == ["x.pdf"]  # no temporary file left behind


def test_letters_command_writes_owner_only(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text(GOOD, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "vergoedingcheck", "letters", str(f), "--resident", "R1",
                           "--year", "2025", "--to", "resident", "--zonder-adres", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert os.stat(pdf).st_mode & 0o777 == 0o600


def test_address_travels_into_the_letter(tmp_path: Path) -> None:
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.letters import compose_letter, preview_text
    from vergoedingcheck.rules import load_ruleset

    f = tmp_path / "case.yaml"
    f.write_text("version: 1\nresidents:\n  - id: R1\n    name: Jansen & Zn <BV>\n    birth_date: 1980-01-01\n"
                 "    address: [Lindelaan 12, 4461 AB Goes]\npayments:\n"
                 "  - {resident: R1, date: 2026-03-02, amount: \"20.00\", kind: vrijwilligersvergoeding}\n",
                 encoding="utf-8")
    case = read_case_file(f)
    assert case.residents[0].address == ("Lindelaan 12", "4461 AB Goes")
    write_case_file(tmp_path / "again.yaml", case.residents, case.payments)
    assert read_case_file(tmp_path / "again.yaml").residents == case.residents
    rs = load_ruleset()
    result = evaluate(case.residents, case.payments, rs)
    letter = compose_letter("resident", "nl", result.residents[0], case.residents, case.payments, rs,
                            year=2026, letter_date=date(2026, 3, 1))
    text = preview_text(letter)
    assert "Jansen & Zn <BV>" in text and "Lindelaan 12" in text and "4461 AB Goes" in text
