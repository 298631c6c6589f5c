"""Issue 12 items 5 and 6: backups that restore (compared row by row), the resident's rights
(art. 15 export, art. 17 erasure everywhere), the retention period."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.services.privacy import export_resident
from vergoedingcheck.store import LetterRecord, PaymentRecord, ResidentRecord, Store, StoreError
from vergoedingcheck.store.backup import backup, restore
from vergoedingcheck.store.demo import seed_demo
from vergoedingcheck.store.privacy import due_for_erasure, erase_resident, retention_years

D = Decimal
NAME = "Zoë Vermeulen-Ïkaros"


def _all_rows(db: str | Path) -> dict[str, Sequence[Sequence[object]]]:
    eng = sa.create_engine(f"sqlite:///{db}") if not str(db).startswith("postgres") else None
    assert eng is not None
    with eng.connect() as c:
        names = [
            r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        out: dict[str, Sequence[Sequence[object]]] = {
            n: list(c.exec_driver_sql(f'SELECT * FROM "{n}" ORDER BY 1').fetchall()) for n in names
        }
    eng.dispose()
    return out


# -- backup / restore ------------------------------------------------------------------------------


def test_backup_restores_into_a_fresh_store_row_for_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vergoedingcheck.cli import main

    db = tmp_path / "vc.db"
    with Store(db) as s:
        seed_demo(s)
        s.record_letter(
            LetterRecord("B-001", 2026, "resident", "nl", {"x": 1}, {"status": "safe"}, "sha256:1")
        )
    assert main(["backup", str(tmp_path / "bk") + os.sep, "--db", str(db)]) == 0
    (made,) = (tmp_path / "bk").iterdir()
    assert (
        made.name.startswith("vc-") and made.suffix == ".db" and len(made.stem) == len("vc-20261202-211500")
    )
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "bk").stat().st_mode) == 0o700
    fresh = tmp_path / "fresh" / "vc.db"
    assert main(["restore", str(made), "--db", str(fresh)]) == 0
    original, restored = _all_rows(db), _all_rows(fresh)
    assert restored.keys() == original.keys() and "audit" in restored
    for table in original:
        assert restored[table] == original[table], table  # every row, every column
    assert sum(len(v) for v in restored.values()) > 400
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_backup_while_another_connection_writes_is_consistent(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db) as s:
        seed_demo(s)
        n = len(s.payments())
        with s.transaction() as c:  # a change not yet committed is not in the backup
            c.execute(sa.text("DELETE FROM payments"))
            target = backup(db, tmp_path / "b.db")
    with Store(target) as b, Store(db) as s:
        assert len(b.payments()) == n > 300 and s.payments() == []


def test_restore_over_a_store_with_data_needs_force_and_keeps_a_copy(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(ResidentRecord("R1", name="Eerst"))
    bk = backup(db, tmp_path / "one.db")
    with Store(db) as s:
        s.add_resident(ResidentRecord("R2", name="Later"))
    with pytest.raises(StoreError, match="--force"):
        restore(bk, db)
    _path, saved = restore(bk, db, force=True)
    assert saved is not None and saved.exists()
    with Store(db) as s:
        assert [r.id for r in s.residents()] == ["R1"]
    with Store(saved) as s:
        assert [r.id for r in s.residents()] == ["R1", "R2"]


def test_a_backup_never_overwrites_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(ResidentRecord("R1"))
    (tmp_path / "taken.db").write_text("keep me")
    with pytest.raises(StoreError, match="bestaat al"):
        backup(db, tmp_path / "taken.db")
    assert (tmp_path / "taken.db").read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vc-backup")]
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 50)
    with pytest.raises(StoreError, match="back-up"):
        restore(junk, tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


def test_postgresql_backup_refuses_with_pg_dump_advice(
    pg_cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from vergoedingcheck.cli import main

    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    assert main(["backup", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "pg_dump" in err and len(err.strip().splitlines()) == 1
    assert main(["restore", "x.db", "--db", url]) == 2
    assert "pg_restore" in capsys.readouterr().err


# -- privacy ----------------------------------------------------------------------------------------


def _seed_resident(s: Store, tmp_path: Path) -> Path:
    s.add_resident(
        ResidentRecord("Z1", name=NAME, birth_date=date(1990, 4, 4), municipality="Goes",
                       benefits=(Benefit("bijstand", since=date(2022, 1, 1)),), address=("Kerkstraat 9",))
    )  # fmt: skip
    s.add_resident(ResidentRecord("K2", name="Kees Ander", birth_date=date(1970, 1, 1)))
    s.add_payment(PaymentRecord("Z1", date(2026, 2, 3), D("75.00"), "vrijwilligersvergoeding", note="bar"))
    s.add_payment(PaymentRecord("K2", date(2026, 2, 3), D("20.00"), "vrijwilligersvergoeding"))
    pdf = tmp_path / "letters" / "Z1-2026.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.7 " + NAME.encode())
    overview = tmp_path / "letters" / "overzicht.pdf"
    overview.write_bytes(b"%PDF-1.7 overview " + NAME.encode())
    case = {"residents": [{"id": "Z1", "name": NAME}], "payments": [{"resident": "Z1", "amount": "75.00"}]}
    s.record_letter(
        LetterRecord("Z1", 2026, "resident", "nl", case, {"status": "safe"}, "sha256:1", str(pdf))
    )
    both = {
        "residents": [{"id": "Z1", "name": NAME}, {"id": "K2", "name": "Kees Ander"}],
        "payments": [{"resident": "Z1", "amount": "75.00"}, {"resident": "K2", "amount": "20.00"}],
    }
    s.record_letter(
        LetterRecord(None, 2026, "coordinator", "nl", both, {"residents": [{"id": "Z1"}, {"id": "K2"}]},
                     "sha256:2", str(overview))
    )  # fmt: skip
    return pdf


def test_privacy_export_holds_the_case_file_letters_and_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vergoedingcheck.cli import main
    from vergoedingcheck.io.casefile import read_case_file

    db = tmp_path / "vc.db"
    with Store(db) as s:
        _seed_resident(s, tmp_path)
        data = export_resident(s, "Z1")
    assert [r["id"] for r in data["case"]["residents"]] == ["Z1"]
    assert [p["amount"] for p in data["case"]["payments"]] == ["75.00"]  # only Z1's payment
    assert [x["kind"] for x in data["letters"]] == ["resident"]
    assert data["history"][0]["after"]["name"] == NAME
    out = tmp_path / "inzage"
    assert main(["privacy", "export", "Z1", "--db", str(db), "--out", str(out)]) == 0
    case = read_case_file(out / "casusbestand.yaml")  # a case file `check` reads
    assert [r.name for r in case.residents] == [NAME] and [p.amount for p in case.payments] == [D("75.00")]
    assert json.loads((out / "brieven.json").read_text())[0]["file"].endswith("Z1-2026.pdf")
    assert stat.S_IMODE((out / "casusbestand.yaml").stat().st_mode) == 0o600
    assert main(["privacy", "export", "NOBODY", "--db", str(db)]) == 2


def test_privacy_erase_removes_the_resident_everywhere(db_target: str, tmp_path: Path) -> None:
    with Store(db_target) as s:
        pdf = _seed_resident(s, tmp_path)
        overview = pdf.parent / "overzicht.pdf"
        rep = erase_resident(s, "Z1")
        assert rep.payments == 1 and rep.letters == 1 and rep.letters_scrubbed == 1
        assert sorted(rep.files_removed) == sorted([str(pdf), str(overview)])
        assert not pdf.exists() and not overview.exists()
        # nothing personal about Z1 left in any table, the audit included
        with s.engine.connect() as c:
            tables = sa.inspect(c).get_table_names()
            dump = json.dumps(
                {n: [list(map(str, r)) for r in c.exec_driver_sql(f'SELECT * FROM "{n}"')] for n in tables},
                ensure_ascii=False,
            )
        for secret in (NAME, "Vermeulen", "Kerkstraat", "1990-04-04", "Z1", "75.00", "bar"):
            assert secret not in dump, secret
        # the other resident and the rest of the overview stay
        assert [r.id for r in s.residents()] == ["K2"] and [p.amount for p in s.payments()] == [D("20.00")]
        (ov,) = s.letters()
        assert ov.inputs["residents"] == [{"id": "K2", "name": "Kees Ander"}] and ov.file_path is None
        assert s.history("K2")  # K2's audit is untouched
        assert s.audit()[-1].action == "erase"


def test_privacy_erase_command_asks_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from vergoedingcheck.cli import main

    db = tmp_path / "vc.db"
    with Store(db) as s:
        _seed_resident(s, tmp_path)
    assert main(["privacy", "erase", "Z1", "--db", str(db)]) == 1
    with Store(db) as s:
        assert s.resident("Z1").name == NAME
    assert main(["privacy", "erase", "Z1", "--db", str(db), "--yes"]) == 0
    assert "gewist" in capsys.readouterr().out
    with Store(db) as s:
        assert [r.id for r in s.residents()] == ["K2"]


def test_retention_lists_residents_inactive_for_seven_years(
    db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(db_target) as s:
        for rid in ("OLD", "RECENT", "PAID"):
            s.add_resident(ResidentRecord(rid, name=rid.title()))
        with s.transaction() as c:  # last edited long ago
            c.execute(sa.text("UPDATE residents SET updated_at = '2018-06-30T10:00:00+00:00'"))
        s.add_payment(PaymentRecord("PAID", date(2020, 1, 15), D("10.00"), "vrijwilligersvergoeding"))
        with s.transaction() as c:
            c.execute(
                sa.text("UPDATE residents SET updated_at = '2018-06-30T10:00:00+00:00' WHERE id <> 'RECENT'")
            )
            c.execute(
                sa.text("UPDATE residents SET updated_at = '2024-01-01T10:00:00+00:00' WHERE id = 'RECENT'")
            )
        today = date(2026, 12, 2)
        # 7 years before 2026-12-02 is 2019-12-02: OLD (2018-06-30) is due; PAID's last payment
        # 2020-01-15 is after the cutoff, RECENT (2024) too
        assert [r.id for r in due_for_erasure(s, today=today)] == ["OLD"]
        # 5 years: cutoff 2021-12-02, so PAID (2020-01-15) is due as well, oldest first
        assert [r.id for r in due_for_erasure(s, years=5, today=today)] == ["OLD", "PAID"]
    monkeypatch.setenv("VERGOEDINGCHECK_RETENTION_YEARS", "10")
    assert retention_years() == 10
    monkeypatch.setenv("VERGOEDINGCHECK_RETENTION_YEARS", "tien")
    with pytest.raises(StoreError, match="geheel aantal"):
        retention_years()
    with pytest.raises(StoreError):
        retention_years(0)


def test_privacy_due_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from vergoedingcheck.cli import main

    db = tmp_path / "vc.db"
    with Store(db) as s:
        s.add_resident(ResidentRecord("OLD", name="Oud"))
        with s.transaction() as c:
            c.execute(sa.text("UPDATE residents SET updated_at = '2001-01-01T00:00:00+00:00'"))
    assert main(["privacy", "due", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("OLD\tOud\tlaatst actief 2001-01-01") and "7 jaar" in out.err
    assert main(["privacy", "due", "--db", str(db), "--years", "0"]) == 2


def test_sqlite_dump_helper_is_plain_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "vc.db"
    with Store(db):
        pass
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
