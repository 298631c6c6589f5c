"""Issue 9, item 1 (nothing merged, dropped or wiped on import) and the spreadsheet side of
items 2 and 3 (the bounds of validation.py; bad input is exit 2, never exit 3)."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.cli import main
from vergoedingcheck.io.spreadsheet import SpreadsheetError, read_spreadsheet, write_xlsx
from vergoedingcheck.model import Benefit
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.services.transfer import TransferError, apply_import, plan_import
from vergoedingcheck.store import Store

D = Decimal
PAY_HEAD = "referentie;datum;bedrag;soort;uren\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def ten_payments_xlsx(path: Path, hours: Decimal | None = None) -> Path:
    residents = [ResidentRecord("R1", "An", date(1980, 1, 1), benefits=(Benefit("bijstand"),))]
    payments = [
        PaymentRecord("R1", date(2025, 1 + i, 1), D("10.00"), "vrijwilligersvergoeding", hours)
        for i in range(10)
    ]
    write_xlsx(path, residents, payments)
    return path


def rewrite_sheet(path: Path, sheet: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    items[sheet] = change(items[sheet])
    with zipfile.ZipFile(path, "w") as z:
        for n, data in items.items():
            z.writestr(n, data)


def test_an_understated_xlsx_dimension_imports_every_row(tmp_path: Path) -> None:
    """Defect: `<dimension ref="A1:K4"/>` on a sheet of 10 payments read 3 of them, exit 0."""
    path = ten_payments_xlsx(tmp_path / "d.xlsx")
    rewrite_sheet(
        path,
        "xl/worksheets/sheet2.xml",
        lambda x: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:K4"/>', x),
    )
    with zipfile.ZipFile(path) as z:
        assert b'<dimension ref="A1:K4"/>' in z.read("xl/worksheets/sheet2.xml")
    plan = read_spreadsheet(path)
    assert plan.ok, plan.errors
    assert len(plan.payments) == 10  # 10 rows written, 10 read


def test_xlsx_numeric_hours_are_numbers(tmp_path: Path) -> None:
    """Defect: 1.125 hours in a number cell became 1125 through the Dutch thousands rule."""
    plan = read_spreadsheet(ten_payments_xlsx(tmp_path / "d.xlsx", hours=D("1.125")))
    assert plan.ok, plan.errors
    assert {p.hours for p in plan.payments} == {D("1.125")}


def test_a_truncated_xlsx_sheet_is_a_refusal(tmp_path: Path) -> None:
    path = ten_payments_xlsx(tmp_path / "d.xlsx")
    rewrite_sheet(path, "xl/worksheets/sheet2.xml", lambda x: x[: len(x) // 2])
    with pytest.raises(SpreadsheetError, match="beschadigd of afgebroken"):
        read_spreadsheet(path)


def test_an_unbalanced_csv_quote_names_the_row(tmp_path: Path) -> None:
    """Defect: the quote swallowed every following row into one field, silently."""
    f = write(
        tmp_path / "b.csv",
        PAY_HEAD + "R1;3-3-2026;50,00;gift;\n" + 'R1;4-3-2026;"50,00;gift;\n' + "R1;5-3-2026;50,00;gift;\n",
    )
    with pytest.raises(SpreadsheetError, match=r"rij 3: een aanhalingsteken"):
        read_spreadsheet(f, ["R1"])


def test_byte_0x81_and_a_huge_field_are_refusals(tmp_path: Path) -> None:
    f = tmp_path / "b.csv"
    f.write_bytes((PAY_HEAD + "R1;3-3-2026;50,00;gift;\n").encode() + b"R\x81;3-3-2026;5;gift;\n")
    with pytest.raises(SpreadsheetError, match="regel 3: byte 0x81"):
        read_spreadsheet(f, ["R1"])
    f.write_bytes(
        b"\xef\xbb\xbf" + (PAY_HEAD + "R1;3-3-2026;50,00;gift;\n").encode() + b"R\xe9;3-3-2026;5;gift;\n"
    )
    with pytest.raises(SpreadsheetError, match="regel 3: byte 0xe9"):  # a BOM says UTF-8: the right byte
        read_spreadsheet(f, ["R1"])
    f = write(tmp_path / "c.csv", PAY_HEAD + 'R1;3-3-2026;50,00;gift;"' + "x" * 140_000 + '"\n')
    with pytest.raises(SpreadsheetError, match="rij 2: een veld is langer dan 128 KiB"):
        read_spreadsheet(f, ["R1"])


@pytest.mark.parametrize(
    "cells, column, words",
    [
        ("R1;3-3-2026;123456789012345678901234567890;gift;", "bedrag", "meer dan € 1.000.000,00"),
        ("R1;3-3-2026;1.000.000,01;gift;", "bedrag", "meer dan € 1.000.000,00"),
        ("R1;3-3-2026;50,00;vrijwilligersvergoeding;745", "uren", "meer uren dan een maand"),  # > 24 × 31
        ("R1;3-3-2026;50,00;vrijwilligersvergoeding;1.125", "uren", "meer uren dan een maand"),  # 1125 h
        ("R1;3-3-2026;50,00;vrijwilligersvergoeding;0,00001", "uren", "meer dan 4 decimalen"),
        ("R" * 101 + ";3-3-2026;50,00;gift;", "referentie", "langer dan 100 tekens"),
    ],
)
def test_csv_bounds_are_the_case_file_bounds(tmp_path: Path, cells: str, column: str, words: str) -> None:
    f = write(tmp_path / "b.csv", PAY_HEAD + cells + "\n")
    plan = read_spreadsheet(f, ["R1", "R" * 101], status="betaald")
    assert [(e.row, e.column) for e in plan.errors] == [(2, column)], plan.errors
    assert words in plan.errors[0].message
    assert not plan.payments


def test_a_residents_csv_without_name_columns_keeps_the_stored_fields(tmp_path: Path) -> None:
    """Defect: a CSV with only referentie and geboortedatum wiped name, municipality, household
    (and with the municipality the municipal overlay)."""
    with Store(tmp_path / "vc.db") as store:
        store.import_records(
            [
                ResidentRecord(
                    "R1", "An Jansen", date(1980, 1, 1), "Goes", "H1", benefits=(Benefit("bijstand"),)
                )
            ],
            [],
        )
        f = write(tmp_path / "r.csv", "referentie;geboortedatum\nR1;2-1-1980\n")
        apply_import(plan_import(f, store), store)
        (r,) = store.residents()
        assert (r.name, r.municipality, r.household) == ("An Jansen", "Goes", "H1")
        assert r.birth_date == date(1980, 1, 2)  # the column that is there is imported
        assert [b.type for b in r.benefits] == ["bijstand"]  # no uitkering column: kept too
        # a column that is there but empty does clear the field
        f = write(tmp_path / "r2.csv", "referentie;geboortedatum;naam\nR1;2-1-1980;\n")
        apply_import(plan_import(f, store), store)
        assert store.residents()[0].name is None


def test_two_identical_payments_stay_two_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two € 120 payments on one day for a 27+ bijstand resident: € 240 in March 2025 is over the
    € 210 monthly cap (rules-nl.md, table 2024/2025), so NIET VEILIG. Keeping one (€ 120 ≤ € 210)
    turned it into VEILIG."""
    db = tmp_path / "vc.db"
    res = write(
        tmp_path / "r.csv",
        "referentie;naam;geboortedatum;uitkering;sinds\nR1;An;1-1-1980;bijstand;1-1-2024\n",
    )
    pay = write(
        tmp_path / "b.csv",
        "referentie;datum;bedrag;soort\nR1;10-3-2025;120,00;vrijwilligersvergoeding\n"
        "R1;10-3-2025;120,00;vrijwilligersvergoeding\n",
    )
    assert main(["transfer", "import", str(res), "--db", str(db), "--create"]) == 0
    assert main(["transfer", "import", str(pay), "--db", str(db), "--status", "betaald"]) == 0
    # the same file again is refused (its payments have no kenmerk: they would come twice)
    assert main(["transfer", "import", str(pay), "--db", str(db), "--status", "betaald"]) == 2
    out = tmp_path / "case.yaml"
    assert main(["transfer", "export", str(out), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["check", str(out), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    (r,) = result["residents"]
    (year,) = [y for y in r["years"] if y["year"] == 2025]
    march = next(m for m in year["months"] if m["month"] == "2025-03")
    assert march["paid"] == "240.00"  # 2 × 120.00
    assert year["status"] == "unsafe"


def test_a_bad_spreadsheet_through_the_cli_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "vc.db"
    f = tmp_path / "b.csv"
    f.write_bytes(b"referentie;datum;bedrag;soort\nR\x81;3-3-2026;5;gift\n")
    assert main(["transfer", "import", str(f), "--db", str(db), "--create"]) == 2
    assert "byte 0x81" in capsys.readouterr().err
    with pytest.raises(TransferError), Store(db) as store:
        plan_import(f, store)


def test_an_xlsx_number_cell_out_of_bounds_is_refused() -> None:
    from vergoedingcheck.io.spreadsheet import parse_money_nl

    for value in (float("inf"), 1e400, 1e30, 2_000_000.0):
        with pytest.raises(ValueError, match=r"1\.000\.000|1,000,000|eindig|finite"):
            parse_money_nl(value)
    assert parse_money_nl(1_000_000.0) == D("1000000.00")  # MAX_AMOUNT itself is allowed


@pytest.mark.parametrize(
    "row, column, words",
    [
        ("R1;1-1-2099;bijstand;;;;", "geboortedatum", "toekomst"),
        ("R1;1-1-1980;bijstand;1-6-2025;1-1-2025;;", "tot", "tot ligt vóór sinds"),
        ("R1;1-1-1980;bijstand;;;ja;", "toestemming_uwv", "alleen een WW-uitkering"),
        ("R1;1-1-1980;wia;;;;14,25", "ww_uurloon", "alleen een WW-uitkering"),
    ],
)
def test_a_residents_csv_is_checked_like_a_case_file(
    tmp_path: Path, row: str, column: str, words: str
) -> None:
    """Defect: CSV took a future birth date, `tot` before `sinds` and UWV fields on a non-WW
    benefit, which a case file refuses."""
    f = write(
        tmp_path / "r.csv",
        "referentie;geboortedatum;uitkering;sinds;tot;toestemming_uwv;ww_uurloon\n" + row + "\n",
    )
    plan = read_spreadsheet(f)
    assert [(e.row, e.column) for e in plan.errors] == [(2, column)], plan.errors
    assert words in plan.errors[0].message
    assert not plan.residents
