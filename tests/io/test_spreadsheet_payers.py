"""Payers in spreadsheets (spec §1 `payers:`; issue 8 item 1): a `Betalers` sheet or CSV table
(naam; soort; niet_marktconform) is read with the same row/column errors as the other tables,
stored with the import, and written by the XLSX and CSV exports, so an export imports again."""

from __future__ import annotations

from pathlib import Path

from vergoedingcheck.io.spreadsheet import read_spreadsheet
from vergoedingcheck.model import Payer
from vergoedingcheck.services.transfer import apply_import, export, plan_import
from vergoedingcheck.store import Store


def test_a_payers_csv_is_read_with_dutch_words(tmp_path: Path) -> None:
    f = tmp_path / "betalers.csv"
    f.write_text(
        "naam;soort;niet_marktconform\n"
        "Buurthuis De Linde;ANBI;ja\n"
        "Garage Noord BV;commercieel;\n"
        "Voetbalclub;sportorganisatie;nee\n",
        encoding="utf-8",
    )
    plan = read_spreadsheet(f)
    assert plan.ok, plan.errors
    assert plan.payers == [
        Payer("Buurthuis De Linde", "anbi", True),
        Payer("Garage Noord BV", "commercial", False),
        Payer("Voetbalclub", "sport", False),
    ]


def test_bad_payer_rows_name_the_row_and_column(tmp_path: Path) -> None:
    f = tmp_path / "betalers.csv"
    f.write_text("naam;soort\nGarage;winkel\nGarage;ANBI\n;ANBI\n", encoding="utf-8")
    plan = read_spreadsheet(f)
    got = [(e.row, e.column) for e in plan.errors]
    assert (2, "soort") in got  # 'winkel' is no kind of payer
    assert (4, "naam") in got  # a payer needs a name
    assert plan.payers == [Payer("Garage", "anbi", False)]  # row 3; row 2 was refused


def test_payers_round_trip_through_xlsx_and_csv(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(
        "version: 1\nresidents:\n  - {id: R1, birth_date: 1980-01-01, benefits: []}\n"
        "payers:\n  - {name: '=Garage BV', type: commercial}\n  - {name: Buurthuis, type: anbi, below_market_rate: true}\n"
        "payments: []\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "a.db") as a:
        apply_import(plan_import(case, a), a)
        export(tmp_path / "out.xlsx", a)
        export(tmp_path / "betalers.csv", a, table="betalers")
    text = (tmp_path / "betalers.csv").read_text(encoding="utf-8-sig")
    assert "'=Garage BV;commercieel bedrijf;nee" in text  # a formula-like name is neutralised
    for src in ("out.xlsx", "betalers.csv"):
        with Store(tmp_path / f"b-{src}.db") as b:
            plan = plan_import(tmp_path / src, b)
            assert plan.ok, plan.errors
            apply_import(plan, b)
            assert b.payers() == [("=Garage BV", "commercial", False), ("Buurthuis", "anbi", True)]
