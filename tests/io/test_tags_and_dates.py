"""Issue 9, items 2 and 3: explicit YAML tags are refused in case files and rule files (exit 2,
file:line: field), and every date of every way in lies within 1900-01-01 … 2100-12-31.

Before: `id: !!binary aGVsbG8=` read as bytes and `check` said "veilig" (exit 0); a payment on
9999-01-01 was accepted."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.cli import main
from vergoedingcheck.io.spreadsheet import read_spreadsheet
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store, StoreError
from vergoedingcheck.validation import BoundError, check_date

ROOT = Path(__file__).resolve().parents[2]


def run_check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    rc = main(["check", str(path), "--format", "json"])
    return rc, capsys.readouterr().err.strip().splitlines()


CASE = """version: 1
residents:
  - {id: R1, birth_date: 1980-01-01, benefits: [{type: bijstand}]}
payments:
  - {resident: R1, date: 2026-03-01, amount: "5.00", kind: vrijwilligersvergoeding}
"""


@pytest.mark.parametrize(
    "old, new, line, field, tag",
    [
        ("id: R1", "id: !!binary UjE=", 3, "residents[0].id", "!!binary"),
        ("id: R1", "id: !!str R1", 3, "residents[0].id", "!!str"),
        ("amount: \"5.00\"", "amount: !!python/object/apply:os.system [ls]", 5, "payments[0].amount", "!!python/object/apply:os.system"),
        ("birth_date: 1980-01-01", "birth_date: !foo 1980-01-01", 3, "residents[0].birth_date", "!foo"),
        ("benefits: [{type: bijstand}]", "benefits: !!seq [{type: bijstand}]", 3, "residents[0].benefits", "!!seq"),
        ("  - {resident: R1,", "  - !!map {resident: R1,", 5, "payments[0]", "!!map"),
        ("amount: \"5.00\"", "amount: ! \"5.00\"", 5, "payments[0].amount", "!"),
        ("{resident: R1,", "{!!python/none resident: R1,", 5, "payments[0]", "!!python/none"),
    ],
)  # fmt: skip
def test_an_explicit_tag_in_a_case_file_is_refused_with_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, line: int, field: str, tag: str
) -> None:
    path = tmp_path / "case.yaml"
    assert old in CASE
    path.write_text(CASE.replace(old, new, 1), encoding="utf-8")
    rc, err = run_check(path, capsys)
    assert rc == 2, err
    assert err == [f"{path}:{line}: {field}: YAML tags ({tag}) are not allowed: write plain values"]


def test_a_plain_case_file_still_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    assert run_check(path, capsys)[0] in (0, 1)


def test_an_explicit_tag_in_a_rule_file_is_refused(tmp_path: Path) -> None:
    from vergoedingcheck.rules import RulesError, load_ruleset

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("cases"))
    f = rules / "nl" / "tax.volunteer.month_cap.yaml"
    text = f.read_text(encoding="utf-8")
    assert '    value: "220.00"\n' in text
    f.write_text(text.replace('    value: "220.00"\n', "    value: !!binary MjIwLjAw\n", 1), encoding="utf-8")
    line = f.read_text(encoding="utf-8").splitlines().index("    value: !!binary MjIwLjAw") + 1
    with pytest.raises(RulesError) as info:
        load_ruleset(rules, today=date(2026, 11, 30))
    hits = [p for p in info.value.problems if p.file == str(f) and "YAML tags (!!binary)" in p.message]
    assert [(p.line, p.field) for p in hits] == [(line, "values.2026-01-01.value")]


# -- dates within 1900-01-01 … 2100-12-31 ---------------------------------------------------------


def test_the_date_bounds_themselves() -> None:
    assert check_date(date(1900, 1, 1)) == date(1900, 1, 1)
    assert check_date(date(2100, 12, 31)) == date(2100, 12, 31)
    for d in (date(1899, 12, 31), date(2101, 1, 1), date(9999, 12, 31), date(1, 1, 1)):
        with pytest.raises(BoundError, match="1900"):
            check_date(d)


@pytest.mark.parametrize(
    "old, new, line, field",
    [
        ("date: 2026-03-01", "date: 9999-12-31", 5, "payments[0].date"),
        ("date: 2026-03-01", 'date: "2101-01-01"', 5, "payments[0].date"),
        ("birth_date: 1980-01-01", "birth_date: 1899-12-31", 3, "residents[0].birth_date"),
        ("{type: bijstand}", "{type: bijstand, since: 0001-01-01}", 3, "residents[0].benefits[0].since"),
        ("{type: bijstand}", "{type: bijstand, until: 2200-01-01}", 3, "residents[0].benefits[0].until"),
    ],
)
def test_a_case_file_date_out_of_bounds_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, line: int, field: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(CASE.replace(old, new, 1), encoding="utf-8")
    rc, err = run_check(path, capsys)
    assert rc == 2, err
    assert any(
        re.fullmatch(
            rf"{re.escape(str(path))}:{line}: {re.escape(field)}: .* lies outside 1900-01-01 … 2100-12-31", e
        )
        for e in err
    ), err


def test_the_bounds_themselves_are_accepted_in_a_case_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    text = CASE.replace("birth_date: 1980-01-01", "birth_date: 1900-01-01").replace(
        "{type: bijstand}", "{type: bijstand, until: 2100-12-31}"
    )
    path.write_text(text, encoding="utf-8")
    rc, err = run_check(path, capsys)
    assert rc in (0, 1), err


def test_a_csv_date_out_of_bounds_names_row_and_column(tmp_path: Path) -> None:
    f = tmp_path / "betalingen.csv"
    f.write_text(
        "referentie;datum;bedrag;soort\nR1;1-1-2026;5,00;gift\nR1;31-12-9999;5,00;gift\n", encoding="utf-8"
    )
    plan = read_spreadsheet(f, ["R1"], status="betaald")
    assert [(e.row, e.column, e.message) for e in plan.errors] == [
        (3, "datum", "31-12-9999 ligt buiten 1-1-1900 … 31-12-2100")
    ]


def test_an_xlsx_date_cell_out_of_bounds_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Bewoners"
    ws.append(["referentie", "geboortedatum"])
    ws.append(["R1", date(1850, 6, 1)])
    f = tmp_path / "b.xlsx"
    wb.save(f)
    plan = read_spreadsheet(f)
    assert [(e.row, e.column) for e in plan.errors] == [(2, "geboortedatum")]
    assert "buiten 1-1-1900" in plan.errors[0].message


def test_the_store_refuses_a_date_out_of_bounds(tmp_path: Path) -> None:
    with Store(tmp_path / "vc.db") as s:
        with pytest.raises(StoreError, match="buiten"):
            s.add_resident(ResidentRecord("R1", birth_date=date(1899, 1, 1)))
        s.add_resident(ResidentRecord("R1"))
        with pytest.raises(StoreError, match="buiten"):
            s.add_payment(PaymentRecord("R1", date(2101, 1, 1), Decimal("5.00"), "gift"))
        assert s.payments() == []
