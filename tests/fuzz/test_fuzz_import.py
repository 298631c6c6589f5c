"""Issue 9 item 7: every way into the store, mutated. `transfer import` of a mutated payments CSV,
residents CSV, case file (YAML and JSON) and XLSX (cells and bytes) into a private copy of a
store holding four residents and no payments.

The promise: exit 0 (imported), or exit 2 with every stderr line naming the file or its sheet and
row, and then every table of the store exactly as before (a dump of all rows, not the file's
bytes). Never exit 3, never a traceback or an exception class name. And one result check on
exit 0: the store holds exactly as many new payments as the import said it read as good (two
identical rows are two payments; nothing merged or dropped).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from fuzzkit import (
    CSV_HOSTILE,
    HOSTILE,
    TALLY,
    dump_store,
    fuzz_settings,
    keep_promise,
    mutate_bytes,
    mutate_text,
    payment_count,
    position,
    run_cli,
)
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUURT, PAYMENTS_CSV, RESIDENTS_CSV

SHEETS = ("Bewoners", "Betalingen", "Betalers")


def import_located(name: str) -> Callable[[str], bool]:
    """An import's stderr line: `<file or sheet> rij|regel N[, kolom|veld X]: message`, a whole-file
    sentence `vergoedingcheck: <file>: ...`, or the closing `niets ingelezen ...`."""
    who = "|".join(re.escape(s) for s in (name, *SHEETS))
    pat = re.compile(rf"^(vergoedingcheck: )?({who}|\S*/{re.escape(name)})( (rij|regel) \d+)?[,:]")
    return lambda ln: bool(pat.match(ln)) or ln.startswith("niets ingelezen")


def import_and_hold(
    kind: str, capsys: pytest.CaptureFixture[str], db: Path, path: Path, *extra: str
) -> tuple[int, str, str]:
    before = dump_store(db)
    paid_before = payment_count(db)
    code, out, err = run_cli(capsys, "transfer", "import", path, "--db", db, *extra)
    keep_promise(kind, code, out, err, line_ok=import_located(path.name), ok_codes=(0,))
    if code == 2:
        after = dump_store(db)
        if after != before:
            TALLY[(kind, "store changed")] += 1
            changed = [t for t in before if before[t] != after.get(t)]
            raise AssertionError(f"{kind}: refused (exit 2) but the store changed: {changed}\n{err[:500]}")
        return code, out, err
    m = re.search(r"(\d+) betalingen goed", out)
    assert m, out
    added = payment_count(db) - paid_before
    if added != int(m.group(1)):
        TALLY[(kind, "wrong result")] += 1
        raise AssertionError(f"{kind}: {m.group(1)} payments read as good, {added} in the store\n{out}")
    return code, out, err


FUZZ = fuzz_settings(0.5)


def with_refs(csv_text: str) -> str:
    lines = csv_text.split("\r\n")
    out = [lines[0] + ";kenmerk"] + [f"{ln};P{i}" for i, ln in enumerate(lines[1:], 1) if ln]
    return "\r\n".join(out) + "\r\n"


@FUZZ
@given(
    data=st.data(), table=st.sampled_from(["payments", "residents"]), raw=st.booleans(), refs=st.booleans()
)
def test_a_mutated_csv_imports_or_leaves_the_store_as_it_was(
    capsys: pytest.CaptureFixture[str],
    store_copy: Callable[[], Path],
    data: st.DataObject,
    table: str,
    raw: bool,
    refs: bool,
) -> None:
    base = PAYMENTS_CSV if table == "payments" else RESIDENTS_CSV
    if refs and table == "payments":  # the payment reference column `kenmerk` (P1 … P6)
        base = with_refs(base)
    text = mutate_text(base, data, CSV_HOSTILE, ";")
    content = text.encode("utf-8", "surrogatepass")
    if raw:  # and byte-level damage on top: a flipped byte, bytes inserted, the tail cut off
        content = mutate_bytes(content, data)
    db = store_copy()
    path = db.parent / ("betalingen.csv" if table == "payments" else "bewoners.csv")
    path.write_bytes(content)
    import_and_hold(f"{table} CSV (import)", capsys, db, path)


@FUZZ
@given(data=st.data(), as_json=st.booleans())
def test_a_mutated_case_file_imports_whole_or_not_at_all(
    capsys: pytest.CaptureFixture[str],
    store_copy: Callable[[], Path],
    data: st.DataObject,
    as_json: bool,
) -> None:
    case = BUURT.read_text(encoding="utf-8")
    if as_json:
        case = json.dumps(yaml.safe_load(case), default=str, indent=1)
        text = mutate_text(case, data, HOSTILE, ",:{}\\[\\]")
    else:
        text = mutate_text(case, data, HOSTILE, ",:{}\\[\\]")
    db = store_copy()
    path = db.parent / ("case.json" if as_json else "case.yaml")
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    import_and_hold("case file (import)", capsys, db, path)


# -- XLSX -------------------------------------------------------------------------------------


def _rows(csv_text: str) -> list[list[Any]]:
    """The CSV fixture as typed cells, the way a spreadsheet program saves them: dates as dates,
    amounts and hours as numbers."""
    out: list[list[Any]] = []
    for i, line in enumerate(csv_text.lstrip("\ufeff").strip().split("\r\n")):
        cells: list[Any] = []
        for cell in next(csv.reader([line], delimiter=";")):
            if i and re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", cell):
                d, m, y = map(int, cell.split("-"))
                cells.append(datetime(y, m, d))
            elif i and re.fullmatch(r"(€ )?[\d.]+(,\d+)?", cell) and not cell.startswith("R"):
                cells.append(float(cell.replace("€ ", "").replace(".", "").replace(",", ".")))
            else:
                cells.append(cell or None)
        out.append(cells)
    return out


CELL_HOSTILE: list[Any] = [
    None,
    "",
    " ",
    0,
    -1,
    1.125,
    1e308,
    -1e308,
    5e-324,
    float("inf"),
    float("nan"),
    10**30,
    True,
    "=1+1",
    '=HYPERLINK("http://x")',
    "+31",
    "@A1",
    "\x1b[2J",
    "\u202e",
    "\x00",
    "\x07",
    "🙂" * 30,
    "x" * 5000,
    "31-2-2026",
    "2026-02-30",
    "45000",  # a date as its serial number, in text
    45000,  # and as a number
    -45000,
    datetime(1899, 12, 30),
    datetime(9999, 12, 31),
    date(1900, 1, 1),
    "1.125",
    "1,125",
    "€ 1.250,50",
    "ww",
    "nee",
    "ja",
]


def _workbook(residents: list[list[Any]], payments: list[list[Any]], data: st.DataObject | None) -> bytes:
    for _ in range(data.draw(st.integers(1, 3), label="cell edits") if data else 0):
        assert data is not None
        rows = (
            residents
            if data.draw(st.sampled_from(["Bewoners", "Betalingen"]), label="sheet") == "Bewoners"
            else payments
        )
        how = data.draw(st.sampled_from(["cell", "cell", "empty row", "extra column", "drop column", "far"]))
        r = data.draw(st.integers(0, len(rows) - 1), label="row")
        if how == "cell":
            c = data.draw(st.integers(0, len(rows[r]) - 1), label="col")
            rows[r][c] = data.draw(st.sampled_from(CELL_HOSTILE), label="cell")
        elif how == "empty row":
            rows.insert(r + 1, [None] * len(rows[0]))
        elif how == "extra column":
            for row in rows:
                row.append(data.draw(st.sampled_from(["extra", None, 1, "referentie"]), label="x"))
        elif how == "drop column":
            c = data.draw(st.integers(0, len(rows[0]) - 1), label="dcol")
            for row in rows:
                del row[c : c + 1]
        else:  # one cell far away (a sheet of 1,048,576 rows on paper)
            rows.append([None] * (len(rows[0]) - 1) + ["far"])
            rows.append(["__FAR__"])
    wb = openpyxl.Workbook()
    ws0 = wb.active
    assert ws0 is not None
    wb.remove(ws0)
    for title, rows in (("Bewoners", residents), ("Betalingen", payments)):
        ws = wb.create_sheet(title)
        for row in rows:
            if row == ["__FAR__"] and data is not None:
                ws.cell(row=data.draw(st.sampled_from([5000, 1_048_576])), column=16384, value="ver")
                continue
            ws.append([_cell(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(v: Any) -> Any:
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
        return str(v)  # openpyxl writes big ints as is; Excel would keep 15 digits: text here
    if isinstance(v, str) and v.startswith("="):
        return v  # a formula cell, as Excel saves one (without a cached value)
    if isinstance(v, str):  # control characters the way Excel stores them: _x001B_ (OOXML ST_Xstring)
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", v)
    return v


def _damage_zip(raw: bytes, data: st.DataObject) -> bytes:
    """Byte-level: the zip cut short, a sheet's XML corrupted, the <dimension> understated or
    absurd, or the bytes of the archive damaged at random."""
    how = data.draw(st.sampled_from(["truncate", "sheet xml", "dimension", "bytes"]), label="zip")
    if how == "truncate":
        return raw[: position(data, len(raw), "cut")]
    if how == "bytes":
        return mutate_bytes(raw, data)
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    sheet = data.draw(
        st.sampled_from(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]), label="sheet"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == sheet:
                xml = body.decode("utf-8")
                if how == "dimension":
                    ref = data.draw(st.sampled_from(["A1:B2", "A1", "A1:XFD1048576", "Z9:A1", "", "A0:B-1"]))
                    if "<dimension" in xml:
                        xml = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', xml)
                    else:
                        xml = xml.replace("<sheetData", f'<dimension ref="{ref}"/><sheetData', 1)
                else:
                    pos = position(data, len(xml) + 1, "xpos")
                    junk = data.draw(
                        st.sampled_from(
                            ["<", ">", "</row>", '<c r="A0">', "&bogus;", "<!DOCTYPE x>", '"', "\x00"]
                        )
                    )
                    xml = xml[:pos] + junk + xml[pos + data.draw(st.integers(0, 10), label="xdel") :]
                body = xml.encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


@FUZZ
@given(data=st.data(), damage=st.booleans())
def test_a_mutated_xlsx_imports_or_leaves_the_store_as_it_was(
    capsys: pytest.CaptureFixture[str],
    store_copy: Callable[[], Path],
    data: st.DataObject,
    damage: bool,
) -> None:
    payments = with_refs(PAYMENTS_CSV) if data.draw(st.booleans(), label="kenmerk") else PAYMENTS_CSV
    raw = _workbook(_rows(RESIDENTS_CSV), _rows(payments), data)
    if damage:
        raw = _damage_zip(raw, data)
    db = store_copy()
    path = db.parent / "import.xlsx"
    path.write_bytes(raw)
    import_and_hold("XLSX (import)", capsys, db, path)


def test_the_unmutated_xlsx_imports_every_payment(
    capsys: pytest.CaptureFixture[str], store_copy: Callable[[], Path]
) -> None:
    """The fuzz base itself is valid: six payment rows (PAYMENTS_CSV) are six payments."""
    wb_rows = _rows(PAYMENTS_CSV)
    assert len(wb_rows) == 7  # header + 6
    raw = _workbook(_rows(RESIDENTS_CSV), wb_rows, None)
    db = store_copy()
    path = db.parent / "import.xlsx"
    path.write_bytes(raw)
    code, _out, err = import_and_hold("XLSX (import)", capsys, db, path)
    assert code == 0, err
    assert payment_count(db) == 6
