"""Issue 12 item 2: teams. On PostgreSQL two coordinator roles must not see each other's residents;
a payment by team B to a shared resident still counts in team A's check (as a total, without B's
note); a read-only role reads and cannot write. SQLite has one implicit team."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import NotFound, PaymentRecord, ResidentRecord, Store, StoreError

D = Decimal


def resident(rid: str) -> ResidentRecord:
    return ResidentRecord(
        rid,
        name=f"Bewoner {rid}",
        birth_date=date(1980, 1, 1),
        benefits=(Benefit("bijstand", since=date(2020, 1, 1)),),
    )


def pay(rid: str, amount: str, day: date, note: str | None = None, payer: str | None = None) -> PaymentRecord:
    return PaymentRecord(rid, day, D(amount), "vrijwilligersvergoeding", note=note, payer=payer)


def _headroom(store: Store, rid: str) -> Decimal:
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.rules import load_ruleset

    residents, payments = store.engine_input()
    result = evaluate(residents, payments, load_ruleset(None), years=[2026])
    rr = result.resident(rid)
    assert rr is not None
    y = rr.year(2026)
    assert y is not None
    return y.headroom


@pytest.fixture
def teams(pg_cluster: object) -> Iterator[dict[str, Store]]:
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    dbname = url.split("/")[3].split("?")[0]
    tag = uuid.uuid4().hex[:6]
    roles = {k: f"vc_{k}_{tag}" for k in ("a", "b", "reader")}
    admin = Store(url)
    with admin.engine.connect() as c:
        for role in roles.values():
            c.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        c.commit()
    for rid in ("A1", "B1", "S1"):
        admin.add_resident(resident(rid))
    admin.grant_team(roles["a"], "A")
    admin.grant_team(roles["b"], "B")
    admin.grant_team(roles["reader"], "A", edit=False)
    admin.set_teams("A1", ["A"])
    admin.set_teams("B1", ["B"])
    admin.set_teams("S1", ["A", "B"])
    stores = {k: Store(pg_cluster.url(dbname, user=role)) for k, role in roles.items()}  # type: ignore[attr-defined]
    stores["admin"] = admin
    yield stores
    for s in stores.values():
        s.close()


def test_team_a_cannot_see_team_bs_resident(teams: dict[str, Store]) -> None:
    a, b = teams["a"], teams["b"]
    assert [r.id for r in a.residents()] == ["A1", "S1"]
    assert [r.id for r in b.residents()] == ["B1", "S1"]
    with pytest.raises(NotFound):
        a.resident("B1")
    with pytest.raises(StoreError):
        a.add_payment(pay("B1", "10.00", date(2026, 3, 1)))  # B1 does not exist for team A
    b.add_payment(pay("B1", "20.00", date(2026, 3, 1), note="alleen B"))
    assert a.payments("B1") == [] and a.history("B1") == []
    assert len(teams["admin"].payments("B1")) == 1  # the administrator sees everything


def test_team_bs_payment_to_a_shared_resident_changes_team_as_room(teams: dict[str, Store]) -> None:
    a, b = teams["a"], teams["b"]
    a.add_payment(pay("S1", "50.00", date(2026, 1, 10), note="A's notitie"))
    before = _headroom(a, "S1")
    b.add_payment(pay("S1", "100.00", date(2026, 3, 5), note="geheim van B", payer="Sportclub Noord"))
    after = _headroom(a, "S1")
    # B's EUR 100 counts for A: no cap is reached (EUR 50 in January, EUR 100 in March), so every
    # room (the year's and March's) shrinks by the same EUR 100
    assert before - after == D("100.00")
    assert [p.amount for p in a.payments("S1")] == [D("50.00")]  # B's row itself stays with B
    (other,) = a.other_team_payments("S1")
    assert other.amount == D("100.00") and other.note is None and other.id is None
    assert a.other_team_totals("S1") == [("Sportclub Noord", "2026-03", D("100.00"))]
    history = a.history("S1")
    assert "geheim van B" not in str(history)  # B's note does not reach A through the audit
    assert any(e.table == "payments" and e.after and e.after["note"] == "A's notitie" for e in history)
    assert b.other_team_totals("S1") == [(None, "2026-01", D("50.00"))]


def test_amounts_are_exact_across_teams(teams: dict[str, Store]) -> None:
    a, b = teams["a"], teams["b"]
    for _ in range(3):
        b.add_payment(pay("S1", "0.10", date(2026, 4, 1)))
    (other,) = a.other_team_payments("S1")
    assert other.amount == D("0.30")  # 0.10 + 0.10 + 0.10 in NUMERIC, never 0.30000000000000004


def test_the_read_only_role_reads_and_cannot_write(teams: dict[str, Store]) -> None:
    r = teams["reader"]
    assert [x.id for x in r.residents()] == ["A1", "S1"]
    with pytest.raises(StoreError, match="geen recht"):
        r.add_payment(pay("A1", "10.00", date(2026, 3, 1)))
    with pytest.raises(StoreError, match="geen recht"):
        r.update_resident(r.resident("A1"))
    assert teams["admin"].payments("A1") == []


def test_team_a_cannot_move_a_resident_into_its_view_or_write_for_team_b(teams: dict[str, Store]) -> None:
    a = teams["a"]
    with a.engine.connect() as c, pytest.raises(sa.exc.DBAPIError):
        c.exec_driver_sql("INSERT INTO resident_teams VALUES ('B1', 'A')")
    with a.engine.connect() as c, pytest.raises(sa.exc.DBAPIError):
        c.exec_driver_sql(
            "INSERT INTO payments (resident_id, date, amount, kind, created_at, updated_at, team_id, ref) "
            "VALUES ('S1', '2026-01-01', '1.00', 'gift', 'x', 'x', 'B', 'x-1')"  # a ref: refused for B
        )


def test_sqlite_has_one_implicit_team(tmp_path: object) -> None:
    from pathlib import Path

    with Store(Path(str(tmp_path)) / "vc.db") as s:
        s.add_resident(resident("R1"))
        s.add_payment(pay("R1", "5.00", date(2026, 1, 1)))
        assert s.teams_of("R1") == ["standaard"] and s.other_team_payments() == []
        with s.engine.connect() as c:
            assert c.exec_driver_sql("SELECT team_id FROM payments").scalar() == "standaard"


def test_payers(db_target: str) -> None:
    with Store(db_target) as s:
        s.add_payer("Buurthuis De Linde", "anbi")
        s.add_payer("Sportclub Noord", "sport", below_market_rate=True)
        assert s.payers() == [("Buurthuis De Linde", "anbi", False), ("Sportclub Noord", "sport", True)]
        with pytest.raises(StoreError, match="onbekend soort"):
            s.add_payer("X", "bank")
        with pytest.raises(StoreError, match="al een betaler"):
            s.add_payer("Sportclub Noord", "sport")
        (entry,) = [e for e in s.audit(table="payers") if e.row_key == "Sportclub Noord"]
        assert entry.action == "insert" and entry.after is not None and entry.after["type"] == "sport"


def test_deleting_a_shared_resident_keeps_the_other_teams_resident_and_payments(
    teams: dict[str, Store],
) -> None:
    """A coordinator of team A deletes S1, whom team B shares: the cascade used to delete B's
    payments (and the resident) too. B's resident and every payment B made stay; A no longer
    sees S1 (only A's own payments to S1 go)."""
    a, b = teams["a"], teams["b"]
    a.add_payment(pay("S1", "30.00", date(2026, 2, 1), note="van A"))
    b.add_payment(pay("S1", "40.00", date(2026, 2, 2), note="van B"))
    a.delete_resident("S1")
    assert [r.id for r in a.residents()] == ["A1"]
    assert [r.id for r in b.residents()] == ["B1", "S1"]
    assert [(p.amount, p.note) for p in b.payments("S1")] == [(D("40.00"), "van B")]
    assert b.other_team_payments("S1") == []  # A's own payment went with A's part
    assert teams["admin"].teams_of("S1") == ["B"]


def test_deleting_a_resident_of_one_team_deletes_it(teams: dict[str, Store]) -> None:
    a = teams["a"]
    a.add_payment(pay("A1", "30.00", date(2026, 2, 1)))
    a.delete_resident("A1")
    assert [r.id for r in teams["admin"].residents()] == ["B1", "S1"]
    assert teams["admin"].payments("A1") == []


def test_a_coordinator_cannot_take_a_resident_away_from_another_team(teams: dict[str, Store]) -> None:
    """The helper that removes the caller's teams from a resident removes no other team's."""
    with teams["a"].engine.connect() as c:
        c.exec_driver_sql("SELECT vc_leave_teams('S1', ARRAY['A', 'B'])")
        c.commit()
    assert teams["admin"].teams_of("S1") == ["B"]


# -- migration 0008: row-level security once per statement (issue 12 item 8) --------------------


def _visible(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Everything a role can read, table by table (sorted), and the view of other teams' totals."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with store.engine.connect() as c:
        for table, cols in (
            ("residents", "id"),
            ("benefits", "resident_id, type"),
            ("payments", "resident_id, amount, note, team_id"),
            ("letters", "resident_id"),
            ("resident_teams", "resident_id, team_id"),
            ("audit", "table_name, action, row_key, resident_id"),
            ("other_team_payments", "resident_id, amount, n"),
        ):
            rows = c.exec_driver_sql(f"SELECT {cols} FROM {table}").all()
            out[table] = sorted((tuple(r) for r in rows), key=repr)
    return out


def _seed(teams: dict[str, Store]) -> None:
    a, b = teams["a"], teams["b"]
    a.add_payment(pay("A1", "10.00", date(2026, 1, 5), note="A voor A1"))
    a.add_payment(pay("S1", "20.00", date(2026, 2, 5), note="A voor S1"))
    b.add_payment(pay("S1", "30.00", date(2026, 2, 6), note="B voor S1"))
    b.add_payment(pay("B1", "40.00", date(2026, 3, 6), note="B voor B1"))


def test_the_set_of_residents_equals_the_per_row_check_for_every_role(teams: dict[str, Store]) -> None:
    """vc_residents(role, editing) must hold exactly the residents for which 0004's per-row
    vc_sees(resident, role, editing) is true, for every role, in both modes."""
    admin = teams["admin"]
    with admin.engine.connect() as c:
        roles = [r for (r,) in c.exec_driver_sql("SELECT DISTINCT role_name FROM team_members")]
        ids = [r for (r,) in c.exec_driver_sql("SELECT id FROM residents")]
        assert len(roles) == 3 and sorted(ids) == ["A1", "B1", "S1"]
        for role in roles:
            for editing in (False, True):
                as_set = {
                    r
                    for (r,) in c.execute(
                        sa.text("SELECT vc_residents(CAST(:w AS name), :e)"), {"w": role, "e": editing}
                    )
                }
                per_row = {
                    rid
                    for rid in ids
                    if c.execute(
                        sa.text("SELECT vc_sees(:r, CAST(:w AS name), :e)"),
                        {"r": rid, "w": role, "e": editing},
                    ).scalar()
                }
                assert as_set == per_row, (role, editing)
    # the read-only role sees A's residents and may edit none
    reader = next(r for r in roles if "_reader_" in r)
    with admin.engine.connect() as c:
        assert {
            r for (r,) in c.execute(sa.text("SELECT vc_residents(CAST(:w AS name), true)"), {"w": reader})
        } == set()


def _downgrade(store: Store, target: str) -> None:
    from alembic import command

    from vergoedingcheck.store.db import _alembic_config

    with store.engine.begin() as c:
        command.downgrade(_alembic_config(c), target)


def _upgrade(store: Store) -> None:
    from alembic import command

    from vergoedingcheck.store.db import _alembic_config

    with store.engine.begin() as c:
        command.upgrade(_alembic_config(c), "head")


def test_every_role_sees_the_same_before_and_after_migration_0008(teams: dict[str, Store]) -> None:
    """The per-statement policies show each role exactly what 0004's per-row policies showed:
    the same rows of every table and the same totals of other teams, after a downgrade to 0007
    and after upgrading again. Team A never sees B1 or B's notes in any of them."""
    _seed(teams)
    roles = ("a", "b", "reader")
    now = {k: _visible(teams[k]) for k in roles}
    assert [r for (r,) in now["a"]["residents"]] == ["A1", "S1"]
    assert "B voor S1" not in repr(now["a"]) and "B voor B1" not in repr(now["a"])
    assert now["a"]["other_team_payments"] == [("S1", "30.00", 1)]
    assert now["reader"] == now["a"]
    _downgrade(teams["admin"], "0007")
    with teams["admin"].engine.connect() as c:
        assert c.exec_driver_sql("SELECT to_regprocedure('vc_residents(name, boolean)')").scalar() is None
    assert {k: _visible(teams[k]) for k in roles} == now
    _upgrade(teams["admin"])
    assert {k: _visible(teams[k]) for k in roles} == now


def test_writes_are_still_checked_per_row_after_0008(teams: dict[str, Store]) -> None:
    """The split write policies refuse what 0004's FOR ALL policies refused: the reader writes
    nothing, team A cannot delete B's payment or B1's benefits, and an UPDATE cannot move a payment
    of A to a resident A does not see."""
    a, b, reader = teams["a"], teams["b"], teams["reader"]
    _seed(teams)
    for stmt in ("UPDATE payments SET note = 'x'", "DELETE FROM benefits"):
        with reader.engine.connect() as c, pytest.raises(sa.exc.DBAPIError):
            c.exec_driver_sql(stmt)  # the reader has no write grant at all
    with a.engine.connect() as c:
        assert c.exec_driver_sql("DELETE FROM payments WHERE team_id = 'B'").rowcount == 0
        assert c.exec_driver_sql("DELETE FROM benefits WHERE resident_id = 'B1'").rowcount == 0
        with pytest.raises(sa.exc.DBAPIError):
            c.exec_driver_sql("UPDATE payments SET resident_id = 'B1' WHERE resident_id = 'A1'")
        c.rollback()
    assert [p.note for p in b.payments("B1")] == ["B voor B1"]
    assert [p.note for p in a.payments("A1")] == ["A voor A1"]
