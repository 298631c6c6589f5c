"""A coordinator's own sheet (issue 11 item 7): `Naam;Datum;Bedrag;Omschrijving;Project`, as CSV
and as XLSX. Unknown columns are ignored with one note per file, residents are found by name (and
birth date), soort and status are chosen once for the whole file, never guessed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from vergoedingcheck.io.spreadsheet import read_spreadsheet
from vergoedingcheck.records import ResidentRecord
from vergoedingcheck.services.transfer import TransferError, plan_import
from vergoedingcheck.store import Store

D = Decimal
Rows = Sequence[Sequence[Any]]


def write_csv(path: Path, rows: Rows) -> Path:
    text = "\r\n".join(";".join("" if v is None else str(v) for v in r) for r in rows) + "\r\n"
    p = path.with_suffix(".csv")
    p.write_bytes(text.encode("utf-8-sig"))
    return p


def write_xlsx(path: Path, rows: Rows) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Blad1"  # a coordinator's own workbook: not named Betalingen
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":  # `=SUM(...)` typed as text stays text
                cell.data_type = "s"
    p = path.with_suffix(".xlsx")
    wb.save(p)
    return p


WRITERS: dict[str, Callable[[Path, Rows], Path]] = {"csv": write_csv, "xlsx": write_xlsx}
writers = pytest.mark.parametrize("writer", list(WRITERS.values()), ids=list(WRITERS))

OWN_HEADER = ["Naam", "Datum", "Bedrag", "Omschrijving", "Project"]
OWN_ROWS = [
    OWN_HEADER,
    ["An de Boer", "3-3-2026", "50,00", "bloemen", "Moestuin"],
    ["Bo  Jansen", "4-3-2026", "25,50", "koffie", "Buurthuis"],
]
RESIDENTS = [
    ResidentRecord(id="R1", name="An de Boer", birth_date=date(1980, 1, 1)),
    ResidentRecord(id="R2", name="Bo Jansen", birth_date=date(1975, 5, 5)),
]


@writers
def test_own_sheet_imports_with_soort_and_status_chosen_once(
    tmp_path: Path, writer: Callable[[Path, Rows], Path]
) -> None:
    f = writer(tmp_path / "eigen", OWN_ROWS)
    plan = read_spreadsheet(f, residents=RESIDENTS, kind="vrijwilligersvergoeding", status="betaald")
    assert plan.ok, [str(e) for e in plan.errors]
    assert [(p.resident, p.amount, p.kind, p.status, p.note) for p in plan.payments] == [
        ("R1", D("50.00"), "vrijwilligersvergoeding", "paid", "bloemen"),
        ("R2", D("25.50"), "vrijwilligersvergoeding", "paid", "koffie"),
    ]
    # one note per file naming the ignored column, not one per line
    ignored = [n for n in plan.notes if "genegeerd" in n]
    assert ignored == ["Betalingen: kolommen genegeerd (niet bekend): Project"]


@writers
def test_own_sheet_without_soort_is_refused_saying_so(
    tmp_path: Path, writer: Callable[[Path, Rows], Path]
) -> None:
    f = writer(tmp_path / "eigen", OWN_ROWS)
    plan = read_spreadsheet(f, residents=RESIDENTS, status="betaald")
    assert [(e.row, e.column) for e in plan.errors] == [(1, "soort")]
    assert "--soort" in str(plan.errors[0]) and not plan.payments


@writers
def test_missing_or_empty_status_is_never_silently_paid(
    tmp_path: Path, writer: Callable[[Path, Rows], Path]
) -> None:
    # no status column: one error for the file (the old code read every payment as "betaald")
    f = writer(tmp_path / "eigen", OWN_ROWS)
    plan = read_spreadsheet(f, residents=RESIDENTS, kind="gift")
    assert [(e.row, e.column) for e in plan.errors] == [(1, "status")]
    assert not plan.payments
    # a status column with an empty cell: that row is an error
    rows: list[list[Any]] = [
        ["referentie", "datum", "bedrag", "soort", "status"],
        ["R1", "3-3-2026", "5", "gift", "gepland"],
        ["R1", "4-3-2026", "5", "gift", None],
    ]
    plan = read_spreadsheet(writer(tmp_path / "leeg", rows), ["R1"])
    assert [(e.row, e.column) for e in plan.errors] == [(3, "status")]
    assert [p.status for p in plan.payments] == ["planned"]
    # chosen once for the whole file, it fills only the empty cell
    plan = read_spreadsheet(writer(tmp_path / "leeg2", rows), ["R1"], status="gepland")
    assert plan.ok and [p.status for p in plan.payments] == ["planned", "planned"]


@writers
def test_name_match_missing_or_ambiguous_is_an_error_with_row_and_column(
    tmp_path: Path, writer: Callable[[Path, Rows], Path]
) -> None:
    twins = [*RESIDENTS, ResidentRecord(id="R3", name="an de boer", birth_date=date(1990, 2, 2))]
    rows = [*OWN_ROWS, ["Cor Onbekend", "5-3-2026", "10", "x", "y"]]
    plan = read_spreadsheet(writer(tmp_path / "eigen", rows), residents=twins, kind="gift", status="betaald")
    got = {(e.row, e.column): str(e) for e in plan.errors}
    assert set(got) == {(2, "naam"), (4, "naam")}
    assert "2 bewoners heten An de Boer" in got[(2, "naam")]
    assert "geen bewoner Cor Onbekend" in got[(4, "naam")]
    # a birth date column settles which An de Boer
    rows = [
        ["Naam", "Geboortedatum", "Datum", "Bedrag"],
        ["An de Boer", "2-2-1990", "3-3-2026", "50"],
        ["An de Boer", "3-3-1990", "3-3-2026", "50"],
    ]
    plan = read_spreadsheet(writer(tmp_path / "geb", rows), residents=twins, kind="gift", status="betaald")
    assert [p.resident for p in plan.payments] == ["R3"]
    assert [(e.row, e.column) for e in plan.errors] == [(3, "naam")]
    assert "geboren op 3-3-1990" in str(plan.errors[0])


@writers
def test_a_typo_column_is_still_an_error(tmp_path: Path, writer: Callable[[Path, Rows], Path]) -> None:
    # `Bonen` for `bonnen`: ignoring it would lose the receipts, so it is refused, not ignored
    rows = [
        ["referentie", "datum", "bedrag", "soort", "status", "bonen"],
        ["R1", "3-3-2026", "5", "gift", "betaald", "ja"],
    ]
    plan = read_spreadsheet(writer(tmp_path / "t", rows), ["R1"])
    assert [(e.row, e.column) for e in plan.errors] == [(1, "bonen")]
    assert "bonnen" in str(plan.errors[0])


@writers
def test_english_headers_map_to_the_known_columns(
    tmp_path: Path, writer: Callable[[Path, Rows], Path]
) -> None:
    rows = [
        ["Name", "Date", "Amount", "Description", "Status"],
        ["Bo Jansen", "2026-03-04", "7,25", "tea", "paid"],
    ]
    plan = read_spreadsheet(writer(tmp_path / "en", rows), residents=RESIDENTS, kind="gift")
    assert plan.ok and [(p.resident, p.amount, p.note) for p in plan.payments] == [("R2", D("7.25"), "tea")]


@writers
def test_formula_looking_text_stays_data(tmp_path: Path, writer: Callable[[Path, Rows], Path]) -> None:
    rows = [OWN_HEADER, ["An de Boer", "3-3-2026", "50", '=HYPERLINK("http://x")', "=1+1"]]
    plan = read_spreadsheet(writer(tmp_path / "f", rows), residents=RESIDENTS, kind="gift", status="betaald")
    assert plan.ok and plan.payments[0].note == '=HYPERLINK("http://x")'


def test_cli_own_sheet_needs_soort_then_imports(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db, create=True) as store:
        store.import_records(RESIDENTS, [])
    f = write_csv(tmp_path / "eigen", OWN_ROWS)
    cmd = [sys.executable, "-m", "vergoedingcheck", "transfer", "import", str(f), "--db", str(db)]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert r.returncode == 2 and "--soort" in r.stderr and "eigen.csv" in r.stderr
    with Store(db) as store:
        assert store.payments() == []  # nothing written
    r = subprocess.run(
        [*cmd, "--soort", "gift", "--status", "betaald"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stderr
    assert "kolommen genegeerd (niet bekend): Project" in r.stdout
    with Store(db) as store:
        assert len(store.payments()) == 2


def test_service_rejects_an_unknown_soort_for_the_file(tmp_path: Path) -> None:
    f = write_csv(tmp_path / "eigen", OWN_ROWS)
    with Store(tmp_path / "vc.db", create=True) as store, pytest.raises(TransferError, match="soort"):
        plan_import(f, store, kind="salaris", status="betaald")


@writers
def test_preview_says_who_becomes_not_safe_before_writing(
    tmp_path: Path, writer: Callable[[Path, Rows], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """An (bijstand since 2024, born 1980: 27+) gets 2 × € 120 in March 2025: € 240 is over the
    € 210 monthly cap of 2025 (rules-nl.md table, 2025 row), so March and the year are NIET VEILIG.
    Bo (no payments in the store) gets € 50 once: under every cap, stays veilig, not listed."""
    from vergoedingcheck.cli import main
    from vergoedingcheck.model import Benefit

    db = tmp_path / "vc.db"
    an = ResidentRecord(
        id="R1",
        name="An de Boer",
        birth_date=date(1980, 1, 1),
        benefits=(Benefit("bijstand", since=date(2024, 1, 1)),),
    )
    bo = ResidentRecord(
        id="R2",
        name="Bo Jansen",
        birth_date=date(1975, 5, 5),
        benefits=(Benefit("bijstand", since=date(2024, 1, 1)),),
    )
    with Store(db, create=True) as store:
        store.import_records([an, bo], [])
    rows = [
        OWN_HEADER,
        ["An de Boer", "10-3-2025", "120,00", "taalcafé", "A"],
        ["An de Boer", "11-3-2025", "120,00", "taalcafé", "A"],
        ["Bo Jansen", "10-3-2025", "50,00", "koffie", "B"],
    ]
    f = writer(tmp_path / "eigen", rows)
    args = [
        "transfer",
        "import",
        str(f),
        "--db",
        str(db),
        "--soort",
        "vrijwilligersvergoeding",
        "--status",
        "betaald",
    ]
    capsys.readouterr()
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "na inlezen worden 1 bewoners niet veilig" in out
    (line,) = [x for x in out.splitlines() if "→" in x]
    assert line.startswith("  An de Boer, 2025:") and line.endswith("→ niet veilig")
    with Store(db) as store:
        assert store.payments() == []  # the preview wrote nothing
