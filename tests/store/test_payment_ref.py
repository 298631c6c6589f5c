"""Issue 9 item 1: a stable de-duplication key for payments (`ref`: case file `id`, CSV/XLSX
`kenmerk`), never "same content". Every test runs on SQLite and on PostgreSQL (conftest.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.services.transfer import apply_import, export, plan_import
from vergoedingcheck.store import AlreadyImported, PaymentRecord, ResidentRecord, Store, StoreError
from vergoedingcheck.store import db as store_db
from vergoedingcheck.store import schema as t

D = Decimal
RESIDENTS_CSV = "referentie;naam;geboortedatum;uitkering\r\nR1;Anna de Vries;2-5-1984;\r\n"
HEADER = "referentie;datum;bedrag;soort;status;kenmerk\r\n"


def write(p: Path, text: str) -> Path:
    p.write_bytes(text.encode("utf-8-sig"))
    return p


def import_file(store: Store, p: Path, *, again: bool = False) -> store_db.ImportSummary:
    plan = plan_import(p, store)
    assert plan.ok, plan.errors
    return apply_import(plan, store, again=again)


def march_status(store: Store) -> tuple[str, Decimal]:
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.rules import load_ruleset

    residents, payments = store.engine_input()
    rr = evaluate(residents, payments, load_ruleset(None), years=[2026]).resident("R1")
    assert rr is not None
    y = rr.year(2026)
    assert y is not None
    return y.status, sum((p.amount for p in payments), D(0))


# -- the defect ------------------------------------------------------------------------------------


@pytest.mark.parametrize("refs", [("", ""), ("M-1", "M-2")], ids=["no refs", "different refs"])
def test_two_files_with_one_identical_payment_each_are_two_payments(
    db_target: str, tmp_path: Path, refs: tuple[str, str]
) -> None:
    """Two files, each one EUR 120 vrijwilligersvergoeding on 10 March 2026 for a resident without a
    benefit (only the tax test decides). The old import skipped the second as "already there":
    EUR 120 <= EUR 220 (2026 month cap, Wet LB 1964 art. 2 lid 6) -> VEILIG. Really paid:
    120 + 120 = EUR 240 > EUR 220 -> NIET VEILIG."""
    with Store(db_target) as s:
        import_file(s, write(tmp_path / "bewoners.csv", RESIDENTS_CSV))
        a = import_file(
            s,
            write(
                tmp_path / "maart-a.csv",
                HEADER + f"R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;{refs[0]}\r\n",
            ),
        )
        b = import_file(
            s,
            write(
                tmp_path / "maart-b.csv",
                # a later file, not the same bytes (one more, empty, row)
                HEADER + f"R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;{refs[1]}\r\n;\r\n",
            ),
        )
        assert (a.payments_added, b.payments_added, b.payments_skipped) == (1, 1, 0)
        assert march_status(s) == ("unsafe", D("240.00"))
        # without refs the second looks like the first: added all the same, and said so
        assert b.payments_lookalike == (1 if not refs[1] else 0)


# -- the rules of the key ------------------------------------------------------------------------


def test_same_ref_same_content_is_skipped_other_content_is_updated(db_target: str, tmp_path: Path) -> None:
    with Store(db_target) as s:
        import_file(s, write(tmp_path / "bewoners.csv", RESIDENTS_CSV))
        import_file(
            s,
            write(tmp_path / "a.csv", HEADER + "R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;M-1\r\n"),
        )
        same = import_file(
            s,
            write(
                tmp_path / "b.csv",
                HEADER + "R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;M-1\r\n;\r\n",
            ),
        )
        assert (same.payments_added, same.payments_skipped, same.payments_updated) == (0, 1, 0)
        changed = import_file(
            s,
            write(tmp_path / "c.csv", HEADER + "R1;10-3-2026;100,00;vrijwilligersvergoeding;gepland;M-1\r\n"),
        )
        assert (changed.payments_added, changed.payments_skipped, changed.payments_updated) == (0, 0, 1)
        [p] = s.payments()
        assert (p.amount, p.status, p.ref, p.rev) == (D("100.00"), "planned", "M-1", 2)
        # the update is audited like every change
        updates = [e for e in s.audit(table="payments") if e.action == "update"]
        assert updates and updates[-1].changed()["amount"] == ("120.00", "100.00")


def test_the_same_ref_for_another_resident_is_another_payment(db_target: str) -> None:
    with Store(db_target) as s:
        s.import_records([ResidentRecord("R1"), ResidentRecord("R2")], [])
        got = s.import_records([], [pay("R1", ref="1"), pay("R2", ref="1")])
        assert got.payments_added == 2


def test_a_ref_twice_in_one_file_is_an_error_naming_the_row(db_target: str, tmp_path: Path) -> None:
    with Store(db_target) as s:
        import_file(s, write(tmp_path / "bewoners.csv", RESIDENTS_CSV))
        f = write(
            tmp_path / "dubbel.csv",
            HEADER
            + "R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;M-1\r\n"
            + "R1;11-3-2026;50,00;vrijwilligersvergoeding;betaald;M-1\r\n",
        )
        plan = plan_import(f, s)
        assert [(e.row, e.column) for e in plan.errors] == [(3, "kenmerk")]
        assert "rij 2" in plan.errors[0].message
        # the store refuses it too (a script that skips the reader), and writes nothing
        with pytest.raises(StoreError, match="twee keer"):
            s.import_records([], [pay(ref="M-9"), pay(ref="M-9", amount="1.00")])
        assert s.payments() == []


def test_a_payment_id_twice_in_a_case_file_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    from vergoedingcheck.io.casefile import read_case_file
    from vergoedingcheck.sourcefile import InputError

    f = tmp_path / "case.yaml"
    f.write_text(
        "version: 1\n"
        "residents:\n"
        "  - {id: R1, birth_date: 1984-05-02}\n"
        "  - {id: R2, birth_date: 1984-05-02}\n"
        "payments:\n"
        "  - {resident: R1, date: 2026-03-10, amount: '120.00', kind: vrijwilligersvergoeding, id: M-1}\n"
        "  - {resident: R2, date: 2026-03-10, amount: '120.00', kind: vrijwilligersvergoeding, id: M-1}\n"
        "  - {resident: R1, date: 2026-03-11, amount: '50.00', kind: vrijwilligersvergoeding, id: M-1}\n"
    )
    with pytest.raises(InputError) as exc:
        read_case_file(f)
    assert [str(p) for p in exc.value.problems] == [
        f"{f}:8: payments[2].id: duplicate payment id 'M-1' for resident 'R1' (first at payments[0])"
    ]


def test_payments_without_a_ref_are_always_added_and_get_one(db_target: str) -> None:
    with Store(db_target) as s:
        s.import_records([ResidentRecord("R1")], [])
        s.import_records([], [pay(), pay()])
        s.import_records([], [pay()])
        refs = [p.ref for p in s.payments()]
        assert len(refs) == 3 and len(set(refs)) == 3
        assert all(r is not None and r.startswith("auto-") for r in refs)
        added = s.add_payment(pay())  # the app's form: no ref either
        assert added.ref is not None and added.ref.startswith("auto-")


def test_a_ref_the_resident_already_has_is_refused_in_the_app(db_target: str) -> None:
    with Store(db_target) as s:
        s.import_records([ResidentRecord("R1")], [pay(ref="M-1")])
        with pytest.raises(StoreError, match="kenmerk M-1"):
            s.add_payment(pay(ref="M-1"))
        other = s.add_payment(pay(ref="M-2"))
        with pytest.raises(StoreError, match="kenmerk M-1"):
            s.update_payment(replace(other, ref="M-1"))
        edited = s.update_payment(replace(other, amount=D("60.00"), ref=None))
        assert edited.ref == "M-2"  # a record without a ref keeps its own


def test_the_same_file_again_is_refused_unless_asked(db_target: str, tmp_path: Path) -> None:
    with Store(db_target) as s:
        import_file(s, write(tmp_path / "bewoners.csv", RESIDENTS_CSV))
        f = write(tmp_path / "maart.csv", HEADER + "R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;\r\n")
        import_file(s, f)
        plan = plan_import(f, s)
        assert plan.imported_before is not None and plan.imported_before[1] == "maart.csv"
        with pytest.raises(AlreadyImported, match=r"al ingelezen.*--opnieuw"):
            apply_import(plan, s)
        assert len(s.payments()) == 1  # nothing written
        # a copy under another name is the same file
        copy = tmp_path / "kopie.csv"
        copy.write_bytes(f.read_bytes())
        with pytest.raises(AlreadyImported):
            apply_import(plan_import(copy, s), s)
        again = import_file(s, f, again=True)  # the user asks for it: its payment comes again
        assert again.payments_added == 1 and len(s.payments()) == 2


def test_the_cli_refuses_the_same_file_with_exit_2_and_opnieuw_imports_it(
    db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vergoedingcheck.cli import main

    Store(db_target).close()
    bew = write(tmp_path / "bewoners.csv", RESIDENTS_CSV)
    f = write(tmp_path / "maart.csv", HEADER + "R1;10-3-2026;120,00;vrijwilligersvergoeding;betaald;\r\n")
    assert main(["transfer", "import", str(bew), "--db", db_target]) == 0
    assert main(["transfer", "import", str(f), "--db", db_target]) == 0
    capsys.readouterr()
    assert main(["transfer", "import", str(f), "--db", db_target]) == 2
    err = capsys.readouterr().err
    assert "al ingelezen" in err and "--opnieuw" in err and "Traceback" not in err
    assert main(["transfer", "import", str(f), "--db", db_target, "--opnieuw"]) == 0
    out = capsys.readouterr().out
    assert "1 betalingen nieuw" in out and "let op: 1 nieuwe betaling(en) zonder kenmerk" in out
    with Store(db_target) as s:
        assert len(s.payments()) == 2


# -- exports carry the ref: export -> import adds nothing ---------------------------------------


@pytest.mark.parametrize("name", ["export.yaml", "export.json", "export.csv", "export.xlsx"])
def test_export_then_import_round_trips_without_duplicates(db_target: str, tmp_path: Path, name: str) -> None:
    with Store(db_target) as s:
        s.import_records(
            [ResidentRecord("R1", "Anna", date(1984, 5, 2), benefits=(Benefit("bijstand"),))],
            [pay(), pay(), pay(ref="M-7", amount="12.50")],  # two without a ref: they got one
        )
        before = s.payments()
        out = tmp_path / name
        export(out, s)
        plan = plan_import(out, s)
        assert plan.ok, plan.errors
        assert sorted(p.ref or "" for p in plan.payments) == sorted(p.ref or "" for p in before)
        got = apply_import(plan, s)
        assert (got.payments_added, got.payments_updated, got.payments_skipped) == (0, 0, 3)
        assert s.payments() == before


def test_the_demo_has_refs_and_seeding_twice_adds_nothing(db_target: str) -> None:
    from vergoedingcheck.store.demo import build_demo, seed_demo

    _, payments = build_demo()
    assert [p.ref for p in payments] == [f"demo-{n}" for n in range(1, len(payments) + 1)]
    with Store(db_target) as s:
        first = seed_demo(s)
        again = seed_demo(s)
        assert again.payments_added == 0 and again.payments_skipped == first.payments_added


# -- the migration ------------------------------------------------------------------------------


def test_migration_0006_gives_old_payments_auto_refs_without_audit_rows(
    db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_migrate = Store.migrate
    with monkeypatch.context() as m:  # a store of revision 0005, with two identical payments
        m.setattr(store_db, "head_revision", lambda: "0005")
        m.setattr(Store, "migrate", lambda self, target="0005": real_migrate(self, target))
        with Store(db_target) as old:
            assert old.schema_revision == "0005"
            old.add_resident(ResidentRecord("R1"))
            with old.transaction() as c:
                for _ in range(2):
                    c.execute(
                        sa.text(
                            "INSERT INTO payments (resident_id, date, amount, kind, receipts, in_kind, "
                            "status, rev, created_at, updated_at) VALUES ('R1', '2026-03-10', '120.00', "
                            "'vrijwilligersvergoeding', 0, 0, 'paid', 1, 'x', 'x')"
                        )
                    )
            audit_before = len(old.audit())
    with Store(db_target) as s:
        assert s.schema_revision == "0006"
        pays = s.payments()
        assert [p.ref for p in pays] == [f"auto-{p.id}" for p in pays]
        assert len(s.audit()) == audit_before  # the backfill is not anybody's edit
        # the payments' audit records the ref (SQLite: the triggers were made again)
        s.add_payment(pay(ref="M-1"))
        assert s.audit(table="payments")[-1].after["ref"] == "M-1"  # type: ignore[index]
        # the database itself refuses a payment without a ref
        with pytest.raises(StoreError), s.transaction() as c:
            c.execute(
                t.payments.insert().values(
                    resident_id="R1",
                    date="2026-03-11",
                    amount="1.00",
                    kind="gift",
                    created_at="x",
                    updated_at="x",
                )
            )
        # an export of the migrated store imports again without a duplicate
        again = s.import_records([], s.payments())
        assert again.payments_added == 0 and again.payments_skipped == 3


def pay(
    rid: str = "R1", amount: str = "120.00", day: date = date(2026, 3, 10), ref: str | None = None
) -> PaymentRecord:
    return PaymentRecord(rid, day, D(amount), "vrijwilligersvergoeding", ref=ref)
