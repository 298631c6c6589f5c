"""Issue 9, items 4 and 5: text outputs show data and never run it; exports are safe to open,
complete or absent, and the project's own XLSX export imports again without loss."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from vergoedingcheck.cli import main
from vergoedingcheck.io.spreadsheet import read_spreadsheet, safe_cell, write_csv, write_xlsx
from vergoedingcheck.model import Benefit
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.services.transfer import TransferError, export
from vergoedingcheck.store import Store
from vergoedingcheck.validation import visible

D = Decimal
EVIL = "Kapot\x1b[2J\x1b]0;pwned\x07\u202eNaam\x9b"
CASE = f"""version: 1
residents:
  - {{id: R1, name: "{EVIL.encode("unicode_escape").decode()}", birth_date: 1980-01-01, benefits: [{{type: bijstand, since: 2024-01-01}}]}}
payments:
  - {{resident: R1, date: 2025-03-10, amount: "250.00", kind: vrijwilligersvergoeding, payer: "P\\x1b[31m"}}
"""
CONTROL = [chr(c) for c in (*range(0, 9), *range(11, 32), *range(0x7F, 0xA0))] + ["\u202e"]


def no_control(text: str) -> bool:
    return not any(c in text for c in CONTROL)


def test_visible_keeps_line_breaks_and_shows_the_rest() -> None:
    assert visible("a\x1b[2Jb\nc\u202ed\t") == "a\\x1b[2Jb\nc\\u202ed\\x09"
    assert visible("Łukasz Öztürk € 1.250,50") == "Łukasz Öztürk € 1.250,50"


def test_check_table_writes_no_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    assert main(["check", str(path), "--format", "table"]) == 1  # € 250 > € 210 a month (2025): not safe
    out = capsys.readouterr().out
    assert no_control(out), repr(out[:300])
    assert "Kapot\\x1b[2J" in out  # shown, not run


def test_letters_text_writes_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    for to in ("resident", "office", "coordinator"):
        # the coordinator's overview covers every resident: `--resident` is refused with it
        who = [] if to == "coordinator" else ["--resident", "R1"]
        rc = main(["letters", str(path), *who, "--year", "2025", "--to", to, "--format", "text"])
        out = capsys.readouterr().out
        assert rc in (0, 1), to
        assert out and no_control(out), (to, repr(out[:300]))


def test_a_problem_message_shows_a_key_with_esc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.yaml"
    path.write_text('version: 1\nresidents: []\n"x\\eZ": 1\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert no_control(err) and "x\\x1bZ: unknown field" in err


HOSTILE = ["=1+1", "+31 6 1234", "-2", "@SUM(A1)", "\tx", "\rx", "'=already", "''-two", "'plain", "plain"]


def records() -> tuple[list[ResidentRecord], list[PaymentRecord]]:
    residents = [
        ResidentRecord(
            f"R{i}" if i % 2 else f"=R{i}",
            name=v,
            birth_date=date(1980, 1, 1),
            municipality="=Goes" if i == 0 else "Goes",
            household="@H1",
            note=f"-{v}",
            benefits=(Benefit("ww", date(2024, 1, 1), None, True, D("14.25"), "+123"),),
        )
        for i, v in enumerate(HOSTILE)
    ]
    payments = [
        PaymentRecord(
            r.id,
            date(2025, 3, 1 + i),
            D("12.50") + i,
            "vrijwilligersvergoeding",
            D("1.125"),
            payer='=HYPERLINK("http://x")',
            note=f"@{i}",
            status="planned" if i % 3 else "paid",
        )
        for i, r in enumerate(residents)
    ]
    return residents, payments


def test_safe_cell_is_owasp_and_reversible() -> None:
    for v in HOSTILE:
        s = safe_cell(v)
        assert s[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("plain") == "plain" and safe_cell("'plain") == "'plain"


def test_csv_export_neutralises_formulas_and_imports_back(tmp_path: Path) -> None:
    residents, payments = records()
    for table in ("bewoners", "betalingen"):
        path = tmp_path / f"{table}.csv"
        write_csv(path, table, residents, payments)
        text = path.read_text(encoding="utf-8-sig")
        for line in text.splitlines()[1:]:
            for cell in line.split(";"):
                assert cell.strip('"')[:1] not in ("=", "+", "-", "@", "\t", "\r"), line
        plan = read_spreadsheet(path, [r.id for r in residents])
        assert plan.ok, plan.errors[:3]
        if table == "bewoners":
            got = {r.id: (r.name, r.municipality, r.household, r.note) for r in plan.residents}
            want = {r.id: (r.name, r.municipality, r.household, r.note) for r in residents}  # exactly
            assert got == want
        else:
            assert [(p.resident, p.payer, p.note) for p in plan.payments] == [
                (p.resident, p.payer, p.note) for p in payments
            ]


def test_xlsx_export_holds_no_formula_and_imports_back_without_loss(tmp_path: Path) -> None:
    residents, payments = records()
    path = tmp_path / "export.xlsx"
    write_xlsx(path, residents, payments)
    wb = load_workbook(path)  # not read-only: data_type is the stored cell type
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.value[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell.value
    plan = read_spreadsheet(path)
    assert plan.ok, plan.errors[:3]

    def nl(v: str | None) -> str | None:
        return v and v.replace("\r", "\n")  # XML (XLSX) keeps a carriage return as a line feed

    def res_key(r: ResidentRecord) -> tuple[object, ...]:
        return (r.id, nl(r.name), r.birth_date, r.municipality, r.household, nl(r.note), r.benefits)

    def pay_key(p: PaymentRecord) -> tuple[object, ...]:
        return (
            p.resident,
            p.date,
            p.amount,
            p.kind,
            p.hours,
            p.receipts,
            p.in_kind,
            p.payer,
            p.note,
            p.status,
        )

    assert sorted(map(res_key, plan.residents)) == sorted(map(res_key, residents))
    assert [pay_key(p) for p in plan.payments] == [pay_key(p) for p in payments]
    assert {p.hours for p in plan.payments} == {D("1.125")}  # a number cell, not 1125


def test_a_failed_export_leaves_no_file_and_keeps_a_good_one(tmp_path: Path) -> None:
    residents = [ResidentRecord("R1", "Çağ Öz", date(1980, 1, 1))]  # ğ is not in Windows-1252
    with Store(tmp_path / "vc.db", create=True) as store:
        store.import_records(residents, [])
        target = tmp_path / "out.csv"
        with pytest.raises(TransferError, match="past niet"):
            export(target, store, table="bewoners", encoding="cp1252")
        assert not target.exists()  # was a 0-byte file
        target.write_text("good export\n")
        with pytest.raises(TransferError):
            export(target, store, table="bewoners", encoding="cp1252")
        assert target.read_text() == "good export\n"
    assert not list(tmp_path.glob(".vc-*"))  # no temporary file left behind
