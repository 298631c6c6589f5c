"""What the fuzz suite found, each pinned as a plain test (it failed before the fix)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from fuzzkit import EXCEPTION_NAME, dump_store, run_cli


def _xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Betalingen"
    ws.append(["referentie", "datum", "bedrag", "soort"])
    ws.append(["R1", "15-3-2026", 20, "gift"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _with_sheet_xml(raw: bytes, edit: Callable[[str], str]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = edit(body.decode()).encode()
            dst.writestr(item, body)
    return out.getvalue()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(
            lambda raw: _with_sheet_xml(raw, lambda x: x.replace("<sheetData>", "<sheetData>&bogus;")),
            id="an undefined entity in the sheet XML",
        ),
        pytest.param(
            lambda raw: _with_sheet_xml(raw, lambda x: x[: len(x) // 2]), id="the sheet XML cut in half"
        ),
        pytest.param(lambda raw: raw[: len(raw) // 2], id="the zip cut in half"),
        pytest.param(lambda raw: b"PK\x03\x04" + b"\x00" * 40, id="a zip header and nothing else"),
    ],
)
def test_a_damaged_xlsx_is_one_sentence_without_an_exception_name(
    damage: Callable[[bytes], bytes],
    capsys: pytest.CaptureFixture[str],
    store_copy: Callable[[], Path],
) -> None:
    # The fuzz suite found: "vergoedingcheck: import.xlsx: blad 'Betalingen' is beschadigd of
    # afgebroken (ParseError)" — exit 2 and the store untouched, but a Python class name in a
    # sentence for a coordinator (issue 9 item 3: never an exception name).
    db = store_copy()
    path = db.parent / "import.xlsx"
    path.write_bytes(damage(_xlsx()))
    before = dump_store(db)
    code, out, err = run_cli(capsys, "transfer", "import", path, "--db", db)
    assert code == 2, out + err
    assert re.match(r"vergoedingcheck: import\.xlsx: ", err), err
    assert not EXCEPTION_NAME.search(err), err
    assert not re.search(r"\([A-Z][A-Za-z]+\)", err), err  # no "(SomeClass)" tail of any kind
    assert dump_store(db) == before
