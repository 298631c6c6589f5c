"""Issue 12 item 3: every change to residents, benefits, payments and letters is recorded with who,
when and before/after, by the database itself; the audit cannot be edited. Both engines."""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import LetterRecord, PaymentRecord, ResidentRecord, Store, StoreError

D = Decimal


def resident(rid: str = "R1") -> ResidentRecord:
    return ResidentRecord(rid, name="Anna de Vries", benefits=(Benefit("bijstand", since=date(2021, 3, 1)),))


@pytest.fixture
def store(db_target: str) -> Iterator[Store]:
    s = Store(db_target)
    yield s
    s.close()


def _expected_who(s: Store) -> str:
    if s.dialect == "sqlite":
        return getpass.getuser()
    with s.engine.connect() as c:
        return str(c.exec_driver_sql("SELECT current_user").scalar())


def test_every_change_is_recorded_with_who_when_before_and_after(store: Store) -> None:
    store.add_resident(resident())
    p = store.add_payment(PaymentRecord("R1", date(2026, 3, 10), D("50.00"), "vrijwilligersvergoeding"))
    r = store.resident("R1")
    store.update_resident(replace(r, name="Anna de Vries-Bakker"))
    store.update_payment(replace(p, amount=D("60.00")))
    store.record_letter(LetterRecord("R1", 2026, "resident", "nl", {"a": 1}, {"status": "safe"}, "sha256:x"))
    store.delete_payment(p.id)  # type: ignore[arg-type]
    h = store.history("R1")
    steps = [(e.table, e.action) for e in h]
    assert steps == [
        ("residents", "insert"),
        ("benefits", "insert"),
        ("payments", "insert"),
        ("residents", "update"),
        ("benefits", "delete"),  # an edit replaces the benefits
        ("benefits", "insert"),
        ("payments", "update"),
        ("letters", "insert"),
        ("payments", "delete"),
    ]
    who = _expected_who(store)
    assert {e.who for e in h} == {who}
    assert all(e.at.endswith("+00:00") and e.at[:4] == str(date.today().year) for e in h)
    name_change = h[3].changed()
    assert name_change["name"] == ("Anna de Vries", "Anna de Vries-Bakker")
    amount = h[6].changed()["amount"]
    assert amount == ("50.00", "60.00")  # money stays exact decimal text in the audit too
    assert h[8].before is not None and h[8].before["amount"] == "60.00" and h[8].after is None
    assert store.history("NOBODY") == []


def test_an_import_is_recorded_row_by_row(store: Store) -> None:
    store.import_records(
        [resident("R1"), resident("R2")],
        [PaymentRecord("R2", date(2026, 1, 5), D("10.00"), "vrijwilligersvergoeding")],
    )
    assert [(e.table, e.action) for e in store.history("R2")] == [
        ("residents", "insert"),
        ("benefits", "insert"),
        ("payments", "insert"),
    ]


@pytest.mark.parametrize("sql", ["UPDATE audit SET who = 'iemand anders'", "DELETE FROM audit"])
def test_the_audit_cannot_be_edited(store: Store, sql: str) -> None:
    store.add_resident(resident())
    before = store.history("R1")
    with pytest.raises(StoreError, match="logboek"), store.transaction() as c:
        c.exec_driver_sql(sql)
    assert store.history("R1") == before


def test_an_edit_outside_the_app_is_recorded_too(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(resident())
    con = sqlite3.connect(db)  # the sqlite3 shell, a script: no app, no audit_actor
    con.execute("UPDATE residents SET name = 'Iemand' WHERE id = 'R1'")
    con.commit()
    con.close()
    with Store(db) as s:
        last = s.history("R1")[-1]
    assert last.who == "(buiten de app)" and last.changed()["name"] == ("Anna de Vries", "Iemand")


def test_history_command(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    from vergoedingcheck.cli import main

    with Store(db_target) as s:
        s.add_resident(resident())
        s.update_resident(replace(s.resident("R1"), name="Anna \x1b[2J Bakker"))
    assert main(["history", "R1", "--db", db_target]) == 0
    out = capsys.readouterr().out
    assert "residents R1: insert" in out and "residents R1: update" in out
    assert "name: Anna de Vries → Anna \\x1b[2J Bakker" in out and "\x1b" not in out
    assert main(["history", "R1", "--db", db_target, "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["action"] == "insert" and lines[0]["after"]["name"] == "Anna de Vries"
    assert main(["history", "R9", "--db", db_target]) == 2
    assert "niets vastgelegd" in capsys.readouterr().err


def test_upgrading_a_version_2_store_starts_an_empty_audit(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "store-v2.db", path)
    with Store(path) as s:
        assert s.history("R1") == []
        s.update_resident(replace(s.resident("R1"), note="nieuw"))
        assert s.history("R1")[0].action == "update"
        with s.engine.connect() as c:
            assert c.execute(sa.text("SELECT count(*) FROM audit_actor")).scalar() == 0
