"""CSV as Dutch spreadsheets write it, and XLSX: parsing, round trips, row/column errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.io.spreadsheet import (
    parse_date_nl,
    parse_decimal_nl,
    parse_money_nl,
    read_spreadsheet,
    write_csv,
    write_xlsx,
)
from vergoedingcheck.services.transfer import TransferError, apply_import, export, plan_import
from vergoedingcheck.store import Store
from vergoedingcheck.store.demo import build_demo

D = Decimal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("€ 1.250,50", "1250.50"),
        ("1250,5", "1250.5"),
        ("12.50", "12.50"),
        ("1.250", "1250"),
        ("€\u00a012,00", "12.00"),
        ("1,250.50", "1250.50"),
        ("7", "7"),
        ("1.250.000,00", "1250000.00"),
    ],
)
def test_dutch_amounts(text: str, value: str) -> None:
    assert parse_decimal_nl(text) == D(value)


@pytest.mark.parametrize("text", ["12,345", "abc", "", "1,2,3", "12.5.1"])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal_nl(text)


def test_xlsx_float_cells_are_checked_to_the_cent() -> None:
    assert parse_money_nl(0.1 + 0.2) == D("0.30")
    assert parse_money_nl(220.0) == D("220.00")
    with pytest.raises(ValueError):
        parse_money_nl(12.345)
    with pytest.raises(ValueError):
        parse_money_nl("-5")


@pytest.mark.parametrize("text", ["3-3-2026", "03-03-2026", "3/3/2026", "3.3.2026", "2026-03-03"])
def test_dutch_dates(text: str) -> None:
    assert parse_date_nl(text) == date(2026, 3, 3)


def test_impossible_date() -> None:
    with pytest.raises(ValueError, match="bestaande"):
        parse_date_nl("29-2-2026")


def write(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def test_csv_with_bom_semicolons_euro_and_decimal_comma(tmp_path: Path) -> None:
    f = write(
        tmp_path / "b.csv",
        "Referentie;Datum;Bedrag;Soort;Uren;Bonnen;In natura;Status\n"
        "R1;3-3-2026;€ 1.250,50;vrijwilligersvergoeding;4,5;nee;ja;gepland\n"
        "R1;4-3-2026;12,50;onkostenvergoeding;;ja;;betaald\n",
    )
    plan = read_spreadsheet(f, ["R1"])
    assert plan.ok
    p1, p2 = plan.payments
    assert (p1.amount, p1.hours, p1.in_kind, p1.status) == (D("1250.50"), D("4.5"), True, "planned")
    assert (p2.amount, p2.receipts, p2.status) == (D("12.50"), True, "paid")


def test_windows_1252_and_comma_separator(tmp_path: Path) -> None:
    f = write(
        tmp_path / "r.csv",
        "referentie,naam,geboortedatum,uitkering\nR1,Çağ Öz,1-2-1980,bijstand\n".replace("ğ", "g"),
        encoding="cp1252",
    )
    plan = read_spreadsheet(f)
    assert plan.ok and plan.residents[0].name == "Çag Öz"


def test_bad_rows_are_named_by_row_and_column(tmp_path: Path) -> None:
    f = write(
        tmp_path / "b.csv",
        "referentie;datum;bedrag;soort\n"
        "R1;3-3-2026;50,00;vrijwilligersvergoeding\n"
        "R1;31-2-2026;50,00;vrijwilligersvergoeding\n"
        "R1;3-3-2026;50,001;vrijwilligersvergoeding\n"
        "R1;3-3-2026;50,00;salaris\n"
        "X9;3-3-2026;50,00;gift\n",
    )
    plan = read_spreadsheet(f, ["R1"], status="betaald")
    got = {(e.row, e.column) for e in plan.errors}
    assert got == {(3, "datum"), (4, "bedrag"), (5, "soort"), (6, "referentie")}
    assert len(plan.payments) == 1
    assert "rij 3, kolom datum" in str(plan.errors[0])


def test_unknown_or_missing_columns(tmp_path: Path) -> None:
    f = write(tmp_path / "b.csv", "referentie;datum;bedrag;soortt\nR1;3-3-2026;5;gift\n")
    plan = read_spreadsheet(f, ["R1"], status="betaald")
    assert {(e.row, e.column) for e in plan.errors} == {(1, "soort"), (1, "soortt")}
    assert not plan.payments


def test_residents_one_row_per_benefit(tmp_path: Path) -> None:
    f = write(
        tmp_path / "r.csv",
        "referentie;naam;geboortedatum;uitkering;toestemming_uwv;ww_uurloon\n"
        "R1;Fatima;1-10-1956;aow;;\nR1;Fatima;1-10-1956;aio;;\nR2;Mehmet;12-4-1968;ww;nee;16,40\n"
        "R3;Piet;1-1-1970;;;\nR4;Anders;1-1-1970;aow;;\nR4;Ander;1-1-1970;aio;;\n",
    )
    plan = read_spreadsheet(f)
    by = {r.id: r for r in plan.residents}
    assert [b.type for b in by["R1"].benefits] == ["aow", "aio"]
    assert by["R2"].benefits[0].uwv_permission is False
    assert by["R2"].benefits[0].ww_hourly_wage == D("16.40")
    assert by["R3"].benefits == ()
    assert "R4" not in by and [(e.row, e.column) for e in plan.errors] == [(7, "naam")]


def test_csv_round_trip_of_the_demo(tmp_path: Path) -> None:
    residents, payments = build_demo()
    write_csv(tmp_path / "r.csv", "bewoners", residents, payments)
    write_csv(tmp_path / "p.csv", "betalingen", residents, payments)
    raw = (tmp_path / "p.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    r_plan = read_spreadsheet(tmp_path / "r.csv")
    p_plan = read_spreadsheet(tmp_path / "p.csv", [r.id for r in residents])
    assert r_plan.ok and p_plan.ok
    assert sorted(r_plan.residents, key=lambda r: r.id) == sorted(
        [r.__class__(**{**{k: getattr(r, k) for k in r.__slots__}, "rev": 0}) for r in residents],
        key=lambda r: r.id,
    )
    assert [(p.resident, p.date, p.amount, p.kind, p.status) for p in p_plan.payments] == [
        (p.resident, p.date, p.amount, p.kind, p.status) for p in payments
    ]


def test_windows_1252_export_refuses_what_it_cannot_hold(tmp_path: Path) -> None:
    residents, payments = build_demo()
    with pytest.raises(ValueError, match="past niet"):
        write_csv(tmp_path / "r.csv", "bewoners", residents, payments, encoding="cp1252")


def test_xlsx_round_trip_of_the_demo(tmp_path: Path) -> None:
    residents, payments = build_demo()
    write_xlsx(tmp_path / "d.xlsx", residents, payments)
    plan = read_spreadsheet(tmp_path / "d.xlsx")
    assert plan.ok, plan.errors[:3]
    assert len(plan.residents) == len(residents)
    assert [(p.resident, p.date, p.amount, p.hours) for p in plan.payments] == [
        (p.resident, p.date, p.amount, p.hours) for p in payments
    ]


def test_import_is_all_or_nothing_unless_good_rows_chosen(tmp_path: Path) -> None:
    f = write(tmp_path / "b.csv", "referentie;naam;geboortedatum\nR1;An;1-1-1980\nR2;Bo;31-2-1980\n")
    with Store(tmp_path / "vc.db") as store:
        plan = plan_import(f, store)
        with pytest.raises(TransferError):
            apply_import(plan, store)
        assert store.residents() == []
        apply_import(plan, store, good_rows_only=True)
        assert [r.id for r in store.residents()] == ["R1"]


def test_case_file_round_trip_through_the_store(tmp_path: Path) -> None:
    residents, payments = build_demo()
    with Store(tmp_path / "a.db") as a:
        a.import_records(residents, payments)
        export(tmp_path / "case.yaml", a)
    with Store(tmp_path / "b.db") as b:
        plan = plan_import(tmp_path / "case.yaml", b)
        assert plan.ok
        apply_import(plan, b)
        assert len(b.payments()) == len(payments)
        assert {p.status for p in b.payments()} == {"planned", "paid"}
