"""Issue 9 item 6: the store says what is wrong (read-only, full disk, missing file), reading never
waits for a writer, personal data stays owner-only, and a large import is linear.

Most tests run on SQLite and on the throwaway PostgreSQL cluster (conftest.py)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store, StoreError

D = Decimal


def resident(rid: str = "R1") -> ResidentRecord:
    return ResidentRecord(rid, name="Anna de Vries", benefits=(Benefit("bijstand", since=date(2021, 3, 1)),))


def pay(
    rid: str = "R1", amount: str = "120.00", day: date = date(2026, 3, 10), ref: str | None = None
) -> PaymentRecord:
    return PaymentRecord(rid, day, D(amount), "vrijwilligersvergoeding", ref=ref)


# -- duplicates: a stable key (the payment's ref), not "same content" ------------------------------


def test_two_identical_payments_in_one_file_are_two_payments(db_target: str) -> None:
    """Issue 9 item 1: two EUR 120 payments on one day are EUR 240, not EUR 120 (the old import kept
    one). Payments with a ref are recognised when imported again: 2 stored, the same 2 -> 0 new.
    Payments without one are always added (test_payment_ref.py)."""
    with Store(db_target) as s:
        first = s.import_records([resident()], [pay(ref="A"), pay(ref="B")])
        assert first.payments_added == 2
        assert sum(p.amount for p in s.payments()) == D("240.00")  # 120 + 120
        again = s.import_records([resident()], [pay(ref="A"), pay(ref="B")])
        assert (again.payments_added, again.payments_skipped) == (0, 2)
        # a third identical payment in a later file is a new payment: 2 stored, 3 in the file -> 1 new
        third = s.import_records([], [pay(ref="A"), pay(ref="B"), pay(ref="C")])
        assert (third.payments_added, third.payments_skipped) == (1, 2)
        assert sum(p.amount for p in s.payments()) == D("360.00")  # 3 x 120


def test_a_payment_for_an_unknown_resident_is_refused_and_nothing_is_written(db_target: str) -> None:
    with Store(db_target) as s:
        with pytest.raises(StoreError, match="onbekende bewoner"):
            s.import_records([resident()], [pay(), pay("NOBODY")])
        assert s.residents() == [] and s.payments() == []


def _bulk(n_res: int, per: int) -> tuple[list[ResidentRecord], list[PaymentRecord]]:
    residents = [resident(f"R{i:06d}") for i in range(n_res)]
    start = date(2026, 1, 1)
    payments = [
        PaymentRecord(
            r.id,
            start + timedelta(days=k % 365),
            D(f"{10 + k % 40}.00"),
            "vrijwilligersvergoeding",
            ref=f"K{k}",
        )
        for r in residents
        for k in range(per)
    ]
    return residents, payments


def test_a_100000_row_import_completes_and_reimport_adds_nothing(db_target: str, tmp_path: Path) -> None:
    """Issue 9 item 6: 100,000 rows (the old quadratic check did not finish in 300 s). 4,000
    residents x 25 payments = 100,000 payments, all stored, the same file again adds nothing, and
    the progress bar moves. How fast (and that it is linear) is measured in `make bench`
    (bench/bench_store.py, ratios against a floor of the same run), never in a timed test."""
    residents, payments = _bulk(4000, 25)
    assert len(payments) == 100_000
    calls: list[tuple[int, int]] = []
    with Store(db_target) as s:
        first = s.import_records(residents, payments, progress=lambda d, t: calls.append((d, t)))
        again = s.import_records(residents, payments)
        assert first.payments_added == 100_000 and first.residents_added == 4000
        assert again.payments_added == 0 and again.payments_skipped == 100_000
        assert len(s.payments()) == 100_000
    assert calls[-1] == (104_000, 104_000) and len(calls) > 10  # the progress bar moves


# -- missing, read-only, full --------------------------------------------------------------------


def test_a_db_path_that_does_not_exist_is_an_error_unless_asked_to_create(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vergoedingcheck.cli import main

    missing = tmp_path / "typo" / "vc.db"
    with pytest.raises(StoreError, match="bestaat niet"):
        Store(missing, create=False)
    assert not missing.exists() and not missing.parent.exists()  # nothing created
    assert main(["transfer", "export", str(tmp_path / "out.csv"), "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "bestaat niet" in err and len(err.strip().splitlines()) == 1
    assert not missing.exists() and not (tmp_path / "out.csv").exists()
    assert main(["demo", "--db", str(missing)]) == 0  # the demo creates it
    assert missing.exists()


def test_import_with_create_makes_a_new_store(tmp_path: Path) -> None:
    from vergoedingcheck.cli import main

    case = tmp_path / "case.yaml"
    case.write_text(
        "version: 1\nresidents:\n  - id: R1\n    birth_date: 1980-01-01\n    benefits: [{type: bijstand}]\n"
        "payments:\n  - {resident: R1, date: 2026-03-10, amount: '120.00', kind: vrijwilligersvergoeding}\n",
        encoding="utf-8",
    )
    db = tmp_path / "new.db"
    assert main(["transfer", "import", str(case), "--db", str(db)]) == 2
    assert not db.exists()
    assert main(["transfer", "import", str(case), "--db", str(db), "--create"]) == 0
    with Store(db) as s:
        assert [p.amount for p in s.payments()] == [D("120.00")]


def _sqlite_limit(store: Store, pragma: str) -> None:
    """Apply a per-connection PRAGMA to every pooled connection (a fresh pool first)."""
    store.engine.dispose()
    sa.event.listen(store.engine, "connect", lambda dbapi, _r: dbapi.execute(pragma))


def test_full_disk_is_one_sentence_and_nothing_half_written(db_target: str) -> None:
    with Store(db_target) as s:
        s.add_resident(resident())
        if s.dialect == "sqlite":
            # SQLITE_FULL exactly as a full disk gives it: the file may not grow any further
            with s.engine.connect() as c:
                pages = c.exec_driver_sql("PRAGMA page_count").scalar()
            _sqlite_limit(s, f"PRAGMA max_page_count = {pages}")
        else:
            # PostgreSQL's disk_full (SQLSTATE 53100), raised where the server would raise it
            with s.transaction() as c:
                c.exec_driver_sql(
                    "CREATE FUNCTION vc_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    "RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$"
                )
                c.exec_driver_sql(
                    "CREATE TRIGGER vc_full BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION vc_full()"
                )
        residents, payments = _bulk(50, 40)
        with pytest.raises(StoreError, match=r"schijf .* is vol") as info:
            s.import_records(residents, payments)
        assert "\n" not in str(info.value)
        assert [r.id for r in s.residents()] == ["R1"] and s.payments() == []


def test_full_disk_through_the_cli_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:

    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(resident())
    code = (
        "import sys, sqlalchemy as sa\n"
        "from vergoedingcheck.store import db\n"
        "real = db.Store._sqlite_connect\n"
        "def limited(dbapi, rec):\n"
        "    real(dbapi, rec)\n"
        "    n = dbapi.execute('PRAGMA page_count').fetchone()[0]\n"
        "    dbapi.execute(f'PRAGMA max_page_count = {n}')\n"
        "db.Store._sqlite_connect = staticmethod(limited)\n"
        "from vergoedingcheck.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "demo", "--db", str(db)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 2, r.stderr
    assert "vol" in r.stderr and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_read_only_database_reads_and_refuses_writes_with_a_sentence(
    db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(db_target) as s:
        s.add_resident(resident())
        s.add_payment(pay())
        if s.dialect == "sqlite":
            # as root, chmod 0444 does not stop writes; `query_only` gives the same SQLITE_READONLY
            _sqlite_limit(s, "PRAGMA query_only = 1")
        else:
            with s.transaction() as c:
                name = c.exec_driver_sql("SELECT current_database()").scalar()
                c.exec_driver_sql(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
            s.engine.dispose()
        assert [p.amount for p in s.payments()] == [D("120.00")]  # reading still works
        with pytest.raises(StoreError, match="alleen-lezen") as info:
            s.add_payment(pay(amount="5.00"))
        assert "\n" not in str(info.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a 0444 file")
def test_read_only_file_through_the_cli_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from vergoedingcheck.cli import main

    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(resident())
    os.chmod(db, 0o400)
    assert main(["demo", "--db", str(db)]) == 2
    assert "alleen-lezen" in capsys.readouterr().err


# -- reading takes no write lock ----------------------------------------------------------------

HOLD_CODE = """
import sys, time
from vergoedingcheck.store import Store
from vergoedingcheck.store.demo import build_demo
real = Store._insert_payments
def slow(c, rows):
    real(c, rows)
    print("holding", flush=True)
    time.sleep(600)
Store._insert_payments = staticmethod(slow)
with Store(sys.argv[1]) as s:
    s.import_records(*build_demo())
"""


def test_reading_and_exporting_during_a_long_import_do_not_wait(
    db_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9 item 6: a read-only export failed with "database is locked" during a large import."""
    from vergoedingcheck.cli import main

    with Store(db_target) as s:
        s.add_resident(resident())
    proc = subprocess.Popen([sys.executable, "-c", HOLD_CODE, db_target], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        monkeypatch.setattr("vergoedingcheck.store.db.BUSY_TIMEOUT_MS", 1000)
        # with a busy timeout of 1 s, a read that needed the write lock would fail here
        with Store(db_target, create=False) as s:
            assert [r.id for r in s.residents()] == ["R1"]  # the import is not visible yet
        out = tmp_path / "export.csv"
        assert main(["transfer", "export", str(out), "--db", db_target, "--table", "bewoners"]) == 0
    finally:
        proc.kill()
        proc.wait(30)


def test_opening_a_current_store_does_not_write(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(resident())
    with Store(db) as s, s.engine.connect() as c:
        before = c.exec_driver_sql("PRAGMA data_version").scalar()
    with Store(db) as s2:
        s2.residents()
    with Store(db) as s, s.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA data_version").scalar() == before


# -- permissions ---------------------------------------------------------------------------------


def test_a_pre_existing_0644_database_is_tightened_to_0600(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(resident())
    os.chmod(db, 0o644)
    with Store(db, create=False) as s:
        s.residents()
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    for extra in (tmp_path / "vc.db-wal", tmp_path / "vc.db-shm"):
        if extra.exists():
            assert stat.S_IMODE(os.stat(extra).st_mode) & 0o077 == 0


def test_the_default_data_folder_is_tightened_to_0700(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "data"
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)
    monkeypatch.delenv("VERGOEDINGCHECK_DB", raising=False)
    monkeypatch.setattr("vergoedingcheck.store.db.default_db_path", lambda: home / "vergoedingcheck.db")
    with Store() as s:
        s.residents()
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o700
    # an explicit --db in a shared folder never changes that folder
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    with Store(shared / "vc.db"):
        pass
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o755
