"""The store loses nothing: permissions, migrations, transactions, concurrent writers."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

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
from vergoedingcheck.store.demo import build_demo, seed_demo
from vergoedingcheck.store.schema import MIGRATIONS

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
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "data" / "vc.db")
    yield s
    s.close()


def test_file_and_directory_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "vc.db"
    with Store(path):
        pass
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_pragmas(store: Store) -> None:
    c = store._conn
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_db_path_option_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERGOEDINGCHECK_DB", str(tmp_path / "env.db"))
    assert resolve_db_path("x.db") == Path("x.db")
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("VERGOEDINGCHECK_DB")
    assert resolve_db_path(None).name == "vergoedingcheck.db"
    assert "vergoedingcheck" in str(resolve_db_path(None).parent)
    with pytest.raises(StoreError):
        resolve_db_path("postgresql://host/db")


def test_no_bsn_column_and_money_as_text(store: Store) -> None:
    cols = {r[1]: r[2] for r in store._conn.execute("PRAGMA table_info(residents)")}
    assert not any("bsn" in c.lower() for c in cols)
    store.add_resident(resident())
    store.add_payment(pay(amount="0.10"))
    store.add_payment(pay(amount="0.20"))
    row = store._conn.execute("SELECT typeof(amount), amount FROM payments").fetchone()
    assert tuple(row) == ("text", "0.10")
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


def test_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "vc.db"
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
    extra = (*MIGRATIONS, "ALTER TABLE residents ADD COLUMN phone TEXT")
    with Store(path) as s:
        s.migrate(extra)
        assert s.schema_version == len(MIGRATIONS) + 1
        s.migrate(extra)  # nothing left to do
        cols = [r[1] for r in s._conn.execute("PRAGMA table_info(residents)")]
        assert cols.count("phone") == 1
    with pytest.raises(StoreError, match="schemaversie"):
        Store(path)  # this program knows fewer migrations than the database has


def test_failed_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "vc.db"
    with Store(path) as s:
        s.add_resident(resident())
        bad = (*MIGRATIONS, "ALTER TABLE residents ADD COLUMN x TEXT; THIS IS NOT SQL")
        with pytest.raises(sqlite3.Error):
            s.migrate(bad)
        assert s.schema_version == len(MIGRATIONS)
        cols = [r[1] for r in s._conn.execute("PRAGMA table_info(residents)")]
        assert "x" not in cols


def test_crash_in_the_middle_of_an_import_leaves_the_db_as_before(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_resident(resident("R0"))
    store.add_payment(pay("R0"))
    before = (store.residents(), store.payments())
    residents, payments = build_demo()
    calls = {"n": 0}
    real = Store._insert_payment

    def crash_after_100(self: Store, c: sqlite3.Connection, p: PaymentRecord) -> int:
        calls["n"] += 1
        if calls["n"] == 100:
            raise OSError("disk full")
        return real(self, c, p)

    monkeypatch.setattr(Store, "_insert_payment", crash_after_100)
    with pytest.raises(OSError):
        store.import_records(residents, payments)
    assert (store.residents(), store.payments()) == before


def test_import_twice_adds_nothing(store: Store) -> None:
    first = seed_demo(store)
    again = seed_demo(store)
    assert first.residents_added == 40 and first.payments_added > 300
    assert again.payments_added == 0 and again.payments_skipped == first.payments_added


def test_stale_edit_is_refused_not_lost(store: Store) -> None:
    store.add_resident(resident())
    p = store.add_payment(pay())
    other = Store(store.path)
    other.update_payment(PaymentRecord(**{**_fields(p), "amount": D("60.00")}))
    with pytest.raises(ConflictError):
        store.update_payment(PaymentRecord(**{**_fields(p), "amount": D("70.00")}))
    assert store.payment(p.id).amount == D("60.00")  # type: ignore[arg-type]
    other.close()


def _fields(p: PaymentRecord) -> dict[str, object]:
    return {k: getattr(p, k) for k in PaymentRecord.__slots__}  # type: ignore[attr-defined]


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
                **{k: getattr(r, k) for k in r.__slots__},  # type: ignore[attr-defined]
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


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "vc.db"
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


def test_two_threads_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "vc.db"
    with Store(path) as s:
        s.add_resident(resident())
    threads = [threading.Thread(target=_writer, args=(str(path), f"t{k}-", 50)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store(path) as s:
        assert len(s.payments()) == 150


def test_nothing_personal_in_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG", logger="vergoedingcheck")
    with Store(tmp_path / "vc.db") as s:
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


def test_a_version_1_database_gains_the_address_and_keeps_its_residents(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as s:
        s._conn.execute("DROP TABLE residents")  # rebuild the database as version 1 had it
        s._conn.execute("DELETE FROM schema_version")
    con = sqlite3.connect(path)
    con.executescript("DROP TABLE IF EXISTS benefits; DROP TABLE IF EXISTS payments; "
                      "DROP TABLE IF EXISTS letters;")
    con.executescript(MIGRATIONS[0])
    con.execute("INSERT INTO schema_version (version, applied_at) VALUES (1, '2026-01-01')")
    con.execute("INSERT INTO residents (id, name, rev, created_at, updated_at) "
                "VALUES ('R1', 'Łukasz Öztürk', 1, 'x', 'x')")
    con.commit()
    con.close()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS) >= 2
        r = s.resident("R1")
        assert r.name == "Łukasz Öztürk" and r.address == ()
        s.update_resident(replace(r, address=("Lindelaan 12", "4461 AB Goes")))
        assert s.resident("R1").address == ("Lindelaan 12", "4461 AB Goes")
        assert s.resident("R1").to_model().address == ("Lindelaan 12", "4461 AB Goes")
