"""The store loses nothing: permissions, migrations, transactions, concurrent writers.

Most tests run twice: on SQLite and on a throwaway PostgreSQL cluster (conftest.py)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import (
    ConflictError,
    LetterRecord,
    PaymentRecord,
    ResidentRecord,
    Store,
    StoreError,
    resolve_db_path,
)
from vergoedingcheck.store import db as store_db
from vergoedingcheck.store.db import head_revision
from vergoedingcheck.store.demo import build_demo, seed_demo

FIXTURES = Path(__file__).parent / "fixtures"

D = Decimal


def resident(rid: str = "R1", **kw: object) -> ResidentRecord:
    base: dict[str, object] = {
        "name": "Łukasz Öztürk",
        "birth_date": date(1984, 5, 2),
        "municipality": "Goes",
        "benefits": (Benefit("bijstand", since=date(2021, 3, 1)),),
    }
    base.update(kw)
    return ResidentRecord(rid, **base)  # type: ignore[arg-type]


def pay(rid: str = "R1", amount: str = "50.00", day: date = date(2026, 3, 10), **kw: object) -> PaymentRecord:
    return PaymentRecord(rid, day, D(amount), "vrijwilligersvergoeding", **kw)  # type: ignore[arg-type]


@pytest.fixture
def store(db_target: str) -> Iterator[Store]:
    s = Store(db_target)
    yield s
    s.close()


def test_file_and_directory_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "vc.db"
    with Store(path):
        pass
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_pragmas(tmp_path: Path) -> None:
    with Store(tmp_path / "vc.db") as store, store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        busy = c.exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert busy is not None and busy >= 5000


def test_db_path_option_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERGOEDINGCHECK_DB", str(tmp_path / "env.db"))
    assert resolve_db_path("x.db") == Path("x.db")
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("VERGOEDINGCHECK_DB")
    assert resolve_db_path(None).name == "vergoedingcheck.db"
    assert "vergoedingcheck" in str(resolve_db_path(None).parent)
    with pytest.raises(StoreError):
        resolve_db_path("postgresql://host/db")  # a URL is not a file
    assert store_db.resolve_db("postgresql://u@host/db") == "postgresql://u@host/db"
    monkeypatch.setenv("VERGOEDINGCHECK_DB", "postgresql://u@host/db")
    assert store_db.is_postgres(None)


def test_no_bsn_column_and_money_as_text(store: Store) -> None:
    insp = sa.inspect(store.engine)
    for table in insp.get_table_names():
        assert not any("bsn" in c["name"].lower() for c in insp.get_columns(table))
    store.add_resident(resident())
    store.add_payment(pay(amount="0.10"))
    store.add_payment(pay(amount="0.20"))
    with store.engine.connect() as c:
        row = c.exec_driver_sql("SELECT amount FROM payments ORDER BY id").first()
    assert row is not None and row[0] == "0.10" and isinstance(row[0], str)
    total = sum((p.amount for p in store.payments()), D(0))
    assert total == D("0.30")


def test_round_trip_to_engine_models(store: Store) -> None:
    store.add_resident(
        resident(
            benefits=(
                Benefit("ww", uwv_permission=None, ww_hourly_wage=D("14.20"), client_number="K1"),
                Benefit("toeslagen"),
            )
        )
    )
    store.add_payment(pay(hours=D("4"), payer="Platform", note="maart", status="planned"))
    residents, payments = store.engine_input()
    assert residents[0].benefits[0] == Benefit("ww", None, None, None, D("14.20"), "K1")
    assert payments[0].planned and payments[0].hours == D("4") and payments[0].id


def test_migrations_reach_the_head_and_opening_again_changes_nothing(db_target: str) -> None:
    with Store(db_target) as s:
        assert s.schema_revision == head_revision() and s.schema_version >= 2
        s.add_resident(resident())
    with Store(db_target) as s:
        s.migrate()  # nothing left to do
        assert s.schema_revision == head_revision()
        assert [r.id for r in s.residents()] == ["R1"]


def test_a_newer_schema_is_refused_with_a_sentence(db_target: str) -> None:
    with Store(db_target) as s, s.transaction() as c:
        c.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="schemaversie 9999"):
        Store(db_target)


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "store-v2.db", path)
    before = _dump_sqlite(path)

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("migration failed half-way")

    monkeypatch.setattr("alembic.command.upgrade", broken)
    monkeypatch.setattr(store_db, "head_revision", lambda: "9998")
    with pytest.raises(RuntimeError):
        Store(path)
    assert _dump_sqlite(path) == before  # not even the Alembic stamp stayed


def _dump_sqlite(path: Path, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    names = tables or tuple(
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    )
    out = {n: con.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    con.close()
    return out


DATA_TABLES = ("residents", "benefits", "payments", "letters")


def test_a_version_2_store_of_before_alembic_upgrades_row_by_row(tmp_path: Path) -> None:
    """tests/store/fixtures/store-v2.db was written by the store of schema version 2 (its own
    `schema_version` table), before the port to SQLAlchemy/Alembic: 3 residents, 5 payments, 2 letters."""
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "store-v2.db", path)
    before = _dump_sqlite(path, DATA_TABLES)
    assert [len(before[n]) for n in DATA_TABLES] == [3, 3, 5, 2]
    with Store(path) as s:
        assert s.schema_revision == head_revision()
        after = _dump_sqlite(path, DATA_TABLES)
        # every row, every column, byte for byte; migration 0004 appends payments.team_id, the one
        # implicit team of a SQLite store, and 0006 payments.ref, `auto-<row id>` for an old payment
        assert {n: [r[: len(before[n][0])] for r in rows] for n, rows in after.items()} == before
        assert {r[-2] for r in after["payments"]} == {"standaard"}
        assert [r[-1] for r in after["payments"]] == [f"auto-{r[0]}" for r in after["payments"]]
        r1 = s.resident("R1")
        assert r1.name == "Łukasz Öztürk" and r1.address == ("Dorpsstraat 1", "4461 AA Goes")
        assert r1.note == "eerste notitie" and r1.benefits[0].since == date(2021, 3, 1)
        ww = s.resident("R2").benefits[0]
        assert ww.uwv_permission is True and ww.ww_hourly_wage == D("14.20")
        amounts = [p.amount for p in s.payments()]
        assert amounts == [D("50.00"), D("50.00"), D("0.10"), D("25.00"), D("1800.01")]
        assert s.payments("R3")[0].rev == 2  # the revision counter survives
        assert s.letters("R1")[0].inputs == {"a": 1, "naam": "Łukasz"}
        p = s.add_payment(pay("R3", amount="1.00"))
        assert p.id == 6  # AUTOINCREMENT continues after the old rows
    with Store(path) as s:  # opening again: already at the head
        assert s.schema_revision == head_revision()


def test_crash_in_the_middle_of_an_import_leaves_the_db_as_before(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_resident(resident("R0"))
    store.add_payment(pay("R0"))
    before = (store.residents(), store.payments())
    residents, payments = build_demo()
    calls = {"n": 0}
    real = Store._insert_payments

    def crash_in_batch_3(c: sa.Connection, rows: list[dict[str, object]]) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # after 2 x 50 payments were written in this transaction
            raise OSError("disk full")
        real(c, rows)

    monkeypatch.setattr(Store, "IMPORT_BATCH", 50)
    monkeypatch.setattr(Store, "_insert_payments", staticmethod(crash_in_batch_3))
    with pytest.raises(OSError):
        store.import_records(residents, payments)
    assert (store.residents(), store.payments()) == before


def test_import_twice_adds_nothing(store: Store) -> None:
    first = seed_demo(store)
    again = seed_demo(store)
    assert first.residents_added == 40 and first.payments_added > 300
    assert again.payments_added == 0 and again.payments_skipped == first.payments_added


def test_stale_edit_is_refused_not_lost(store: Store, db_target: str) -> None:
    store.add_resident(resident())
    p = store.add_payment(pay())
    other = Store(db_target)
    other.update_payment(PaymentRecord(**{**_fields(p), "amount": D("60.00")}))
    with pytest.raises(ConflictError):
        store.update_payment(PaymentRecord(**{**_fields(p), "amount": D("70.00")}))
    assert store.payment(p.id).amount == D("60.00")  # type: ignore[arg-type]
    other.close()


def _fields(p: PaymentRecord) -> dict[str, Any]:
    return {k: getattr(p, k) for k in PaymentRecord.__slots__}


def test_bad_payment_is_refused(store: Store) -> None:
    store.add_resident(resident())
    for bad in (
        pay(amount="0"),
        pay(amount="-5"),
        PaymentRecord("R1", date(2026, 1, 1), D("1.234"), "vrijwilligersvergoeding"),
        PaymentRecord("R1", date(2026, 1, 1), D("1"), "salaris"),
    ):
        with pytest.raises(StoreError):
            store.add_payment(bad)
    with pytest.raises(StoreError):
        store.add_payment(pay("NOBODY"))
    assert store.payments() == []


def test_deleting_a_resident_deletes_payments_and_renaming_cascades(store: Store) -> None:
    store.add_resident(resident())
    store.add_payment(pay())
    r = store.resident("R1")
    store.update_resident(
        ResidentRecord(
            **{
                **{k: getattr(r, k) for k in r.__slots__},
                "id": "R2",
            }
        ),
        old_id="R1",
    )
    assert [p.resident for p in store.payments()] == ["R2"]
    assert store.resident("R2").benefits == r.benefits
    store.delete_resident("R2")
    assert store.payments() == [] and store.residents() == []


def test_letters_record_inputs_result_and_fingerprint(store: Store) -> None:
    store.add_resident(resident())
    lid = store.record_letter(
        LetterRecord(
            "R1",
            2026,
            "resident",
            "nl",
            {"payments": ["50.00"]},
            {"status": "safe"},
            "sha256:abc",
            "/tmp/x.pdf",
        )
    )
    (letter,) = store.letters("R1")
    assert letter.id == lid and letter.result == {"status": "safe"}
    assert letter.fingerprint == "sha256:abc" and letter.created_at


def _writer(path: str, prefix: str, n: int) -> None:
    with Store(path) as s:
        for i in range(n):
            s.add_payment(
                PaymentRecord(
                    "R1",
                    date(2026, 1, 1 + i % 28),
                    D(f"{i + 1}.00"),
                    "vrijwilligersvergoeding",
                    note=f"{prefix}{i}",
                )
            )


def test_two_processes_writing_at_once_lose_nothing(db_target: str) -> None:
    path = db_target
    with Store(path) as s:
        s.add_resident(resident())
    code = (
        "import sys; from datetime import date; from decimal import Decimal as D\n"
        "from vergoedingcheck.store import Store, PaymentRecord\n"
        "with Store(sys.argv[1]) as s:\n"
        "    for i in range(60):\n"
        "        s.add_payment(PaymentRecord('R1', date(2026, 1, 1 + i % 28), D(f'{i + 1}.00'),\n"
        "            'vrijwilligersvergoeding', note=f'{sys.argv[2]}{i}'))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), f"p{k}-"]) for k in range(2)]
    _writer(str(path), "main-", 60)  # and this process too, at the same time
    for p in procs:
        assert p.wait(60) == 0
    with Store(path) as s:
        notes = {p.note for p in s.payments()}
    assert len(notes) == 180


def test_two_threads_writing_at_once_lose_nothing(db_target: str) -> None:
    path = db_target
    with Store(path) as s:
        s.add_resident(resident())
    threads = [threading.Thread(target=_writer, args=(str(path), f"t{k}-", 50)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store(path) as s:
        assert len(s.payments()) == 150


def test_nothing_personal_in_logs(db_target: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG", logger="vergoedingcheck")
    with Store(db_target) as s:
        seed_demo(s)
    text = caplog.text
    assert text  # it does log (counts, schema versions)
    for secret in ("Öztürk", "B-001", "180.00", "Goes", "1984"):
        assert secret not in text


def test_demo_is_deterministic_and_covers_the_cases() -> None:
    a, b = build_demo(), build_demo()
    assert a == b
    residents, payments = a
    names = {r.name for r in residents}
    assert {
        "Łukasz Öztürk",
        "Nguyễn Thị Hoa",
        "Çağla Yıldız",
        "Jansen & Zn <test>",
        "Ĳsbrand de Vries",
    } <= names
    assert 35 <= len(residents) <= 45
    types = {b.type for r in residents for b in r.benefits}
    assert {"bijstand", "ww", "wajong", "wia", "aow", "aio", "toeslagen"} <= types
    perms = {b.uwv_permission for r in residents for b in r.benefits if b.type == "ww"}
    assert perms == {True, False, None}
    assert any(not r.benefits for r in residents)
    assert {"Goes", "Noordenveld"} <= {r.municipality for r in residents}
    households = [r.household for r in residents if r.household]
    assert len(households) == 2 and len(set(households)) == 1
    years = {p.date.year for p in payments}
    assert years == {2025, 2026}
    assert {"planned", "paid"} == {p.status for p in payments if p.date.year == 2026}
    assert store_db.PaymentRecord is PaymentRecord


def test_a_version_1_store_gains_the_address_and_keeps_its_residents(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "store-v2.db", path)
    con = sqlite3.connect(path)  # turn the fixture back into version 1: no address column
    con.execute("ALTER TABLE residents DROP COLUMN address")
    con.execute("DELETE FROM schema_version WHERE version = 2")
    con.commit()
    con.close()
    with Store(path) as s:
        assert s.schema_revision == head_revision()
        r = s.resident("R1")
        assert r.name == "Łukasz Öztürk" and r.address == ()
        s.update_resident(replace(r, address=("Lindelaan 12", "4461 AB Goes")))
        assert s.resident("R1").to_model().address == ("Lindelaan 12", "4461 AB Goes")


KILL_CODE = """
import sys, time
from vergoedingcheck.store import Store
from vergoedingcheck.store.demo import build_demo
real = Store._insert_payments
n = 0
def slow(c, rows):
    global n
    n += 1
    if n == 3:
        print("half-way", flush=True)
        time.sleep(600)
    real(c, rows)
Store.IMPORT_BATCH = 50
Store._insert_payments = staticmethod(slow)
with Store(sys.argv[1]) as s:
    s.import_records(*build_demo())
"""


def test_kill_9_in_the_middle_of_an_import_leaves_the_store_as_before(db_target: str) -> None:
    with Store(db_target) as s:
        s.add_resident(resident("R0"))
        s.add_payment(pay("R0"))
        before = (s.residents(), s.payments())
    proc = subprocess.Popen([sys.executable, "-c", KILL_CODE, db_target], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "half-way"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    with Store(db_target) as s:
        assert (s.residents(), s.payments()) == before
        seed_demo(s)  # and the store is usable: the lock went with the process
        assert len(s.residents()) == 41


def test_several_processes_importing_and_editing_at_once_lose_nothing(db_target: str) -> None:
    with Store(db_target) as s:
        s.add_resident(resident())
    importer = (
        "import sys\n"
        "from vergoedingcheck.store import Store\n"
        "from vergoedingcheck.store.demo import seed_demo\n"
        "with Store(sys.argv[1]) as s: seed_demo(s)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", importer, db_target]) for _ in range(2)]
    _writer(db_target, "edit-", 40)  # and edits from this process meanwhile
    for p in procs:
        assert p.wait(120) == 0
    residents, payments = build_demo()
    with Store(db_target) as s:
        assert len(s.residents()) == len(residents) + 1
        stored = s.payments()
    # the demo once (the second import skips every payment), plus the 40 edits
    assert len(stored) == len(payments) + 40
    assert len({p.note for p in stored if p.note and p.note.startswith("edit-")}) == 40


def test_a_corrupt_database_is_one_sentence_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from vergoedingcheck.cli import main

    path = tmp_path / "kapot.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="beschadigd"):
        Store(path)
    assert main(["demo", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "beschadigd" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_postgresql_url_runs_a_command(pg_cluster: object, capsys: pytest.CaptureFixture[str]) -> None:
    from vergoedingcheck.cli import main

    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    assert main(["demo", "--db", url]) == 0
    with Store(url) as s:
        assert len(s.residents()) == 40  # the demo's 40 residents
