"""Issue 12 item 4: live updates. A change committed through one Store (another coordinator, another
process) is reported by a Watcher on another Store as the ids of the residents it touched; on
PostgreSQL a coordinator learns only about residents of their own teams."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store
from vergoedingcheck.store.live import MANY, Changes, Watcher, records_for

D = Decimal


def resident(rid: str, household: str | None = None) -> ResidentRecord:
    return ResidentRecord(
        rid,
        name=f"Bewoner {rid}",
        birth_date=date(1980, 1, 1),
        household=household,
        benefits=(Benefit("bijstand", since=date(2020, 1, 1)),),
    )


def pay(rid: str, amount: str, day: date, note: str | None = None) -> PaymentRecord:
    return PaymentRecord(rid, day, D(amount), "vrijwilligersvergoeding", note=note)


@pytest.fixture
def two(db_target: str) -> Iterator[tuple[Store, Store]]:
    """Two coordinators' stores on one database, with R1 and R2 (R1 paid once)."""
    a = Store(db_target)
    b = Store(db_target)
    a.add_resident(resident("R1"))
    a.add_resident(resident("R2"))
    a.add_payment(pay("R1", "50.00", date(2026, 1, 15)))
    yield a, b
    b.close()
    a.close()


def look(w: Watcher) -> Changes:
    assert w.pending(wait=5)  # PostgreSQL delivers the notification just after the commit
    return w.changes()


def test_a_payment_saved_elsewhere_names_only_that_resident(two: tuple[Store, Store]) -> None:
    a, b = two
    with Watcher(a) as w:
        assert not w.pending()  # nothing was committed since the watcher started
        b.add_payment(pay("R2", "20.00", date(2026, 3, 1)))
        assert look(w) == Changes(residents=frozenset({"R2"}))
        assert not w.pending()  # told once
        assert not w.changes()  # and nothing left to tell


def test_edits_deletions_and_new_residents_are_seen(two: tuple[Store, Store]) -> None:
    a, b = two
    with Watcher(a) as w:
        (p,) = b.payments("R1")
        b.update_payment(PaymentRecord(**{**_fields(p), "amount": D("60.00")}))
        assert look(w).residents == {"R1"}
        b.delete_payment(p.id)  # type: ignore[arg-type]
        assert look(w).residents == {"R1"}
        b.update_resident(ResidentRecord(**{**_fields(b.resident("R2")), "benefits": ()}))
        assert look(w).residents == {"R2"}
        b.delete_resident("R2")
        assert look(w).residents == {"R2"}
        b.add_resident(resident("R3"))
        assert look(w).residents == {"R3"}


def test_a_new_reference_names_the_old_and_the_new(two: tuple[Store, Store]) -> None:
    a, b = two
    with Watcher(a) as w:
        rec = b.resident("R2")
        b.update_resident(ResidentRecord(**{**_fields(rec), "id": "R2b"}), old_id="R2")
        assert look(w).residents == {"R2", "R2b"}


def test_a_payer_change_is_said_apart(two: tuple[Store, Store]) -> None:
    a, b = two
    with Watcher(a) as w:
        b.add_payer("Buurthuis De Linde", "anbi")
        got = look(w)
        assert got.payers and not got.full and not got.residents


def test_more_than_many_changed_residents_is_a_full_reload(two: tuple[Store, Store]) -> None:
    a, b = two
    with Watcher(a) as w:
        b.import_records([resident(f"N{i:03d}") for i in range(MANY + 1)], [])
        got = look(w)
        assert got.full and not got.residents


def test_a_change_through_the_watchers_own_store_is_seen_too(two: tuple[Store, Store]) -> None:
    """The app's own saves also reach its watcher (rechecking them again costs nothing: the
    result cache finds the inputs unchanged); what matters is that nothing is missed."""
    a, _ = two
    with Watcher(a) as w:
        a.add_payment(pay("R1", "5.00", date(2026, 2, 1)))
        assert look(w).residents == {"R1"}


def test_an_erasure_is_seen(two: tuple[Store, Store]) -> None:
    from vergoedingcheck.store.privacy import erase_resident

    a, b = two
    with Watcher(a) as w:
        erase_resident(b, "R1")
        assert "R1" in look(w).residents


def test_records_for_reads_only_those_residents_as_a_full_read_does(two: tuple[Store, Store]) -> None:
    a, b = two
    b.add_payment(pay("R2", "7.50", date(2026, 4, 1), note="Buurtkamer"))
    residents, own, other = records_for(a, {"R2", "gone"})
    assert residents == [a.resident("R2")]
    assert own == a.payments("R2") and other == []


# -- PostgreSQL: row-level security ----------------------------------------------------------


@pytest.fixture
def teams(pg_cluster: Any) -> Iterator[dict[str, Store]]:
    url = pg_cluster.new_database()
    dbname = url.split("/")[3].split("?")[0]
    tag = uuid.uuid4().hex[:6]
    roles = {k: f"vc_{k}_{tag}" for k in ("a", "b")}
    admin = Store(url)
    with admin.engine.connect() as c:
        for role in roles.values():
            c.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        c.commit()
    for rid in ("A1", "B1", "S1"):
        admin.add_resident(resident(rid))
    admin.grant_team(roles["a"], "A")
    admin.grant_team(roles["b"], "B")
    admin.set_teams("A1", ["A"])
    admin.set_teams("B1", ["B"])
    admin.set_teams("S1", ["A", "B"])
    stores = {k: Store(pg_cluster.url(dbname, user=role)) for k, role in roles.items()}
    stores["admin"] = admin
    yield stores
    for s in stores.values():
        s.close()


def test_a_coordinator_learns_only_about_residents_of_their_teams(teams: dict[str, Store]) -> None:
    a, b, admin = teams["a"], teams["b"], teams["admin"]
    with Watcher(a) as w:
        b.add_payment(pay("B1", "20.00", date(2026, 3, 1), note="alleen B"))
        assert w.pending(wait=5)  # the notification carries nothing: every listener gets it
        assert not w.changes()  # but B1 is not A's: nothing to report
        b.update_resident(ResidentRecord(**{**_fields(b.resident("B1")), "name": "Ander"}))
        admin.delete_resident("B1")
        assert not w.poll()


def test_another_teams_payment_to_a_shared_resident_is_seen(teams: dict[str, Store]) -> None:
    """B's payment row and its audit row stay with B (row-level security); it still counts for A,
    so A's watcher names S1 (through the totals of `other_team_payments`)."""
    a, b = teams["a"], teams["b"]
    with Watcher(a) as w:
        b.add_payment(pay("S1", "100.00", date(2026, 3, 5), note="geheim van B"))
        assert look(w).residents == {"S1"}
        _, own, other = records_for(a, {"S1"})
        assert own == [] and [(p.amount, p.note) for p in other] == [(D("100.00"), None)]


def test_joining_and_leaving_a_team_is_seen(teams: dict[str, Store]) -> None:
    a, admin = teams["a"], teams["admin"]
    with Watcher(a) as w:
        admin.set_teams("B1", ["A", "B"])
        assert look(w).residents == {"B1"}  # B1 is A's now
        admin.set_teams("S1", ["B"])
        assert look(w).residents == {"S1"}  # S1 left A's view
        a.delete_resident("A1")
        assert look(w).residents == {"A1"}  # its audit row is no longer A's to see: the id set tells


def test_a_write_outside_the_app_notifies_by_itself(teams: dict[str, Store]) -> None:
    """Migration 0007: psql or a script writes without the store; the database's own trigger sends
    the notification, so the change is seen at once, not after the 30 s fallback (here an hour)."""
    a, admin = teams["a"], teams["admin"]
    with Watcher(a, fallback_seconds=3600) as w:
        with admin.engine.begin() as c:  # psql-like: plain SQL, no Store, no explicit NOTIFY
            c.exec_driver_sql("UPDATE residents SET name = 'Anders' WHERE id = 'A1'")
        assert look(w).residents == {"A1"}
        with admin.engine.begin() as c:
            c.exec_driver_sql(
                "INSERT INTO payments (resident_id, date, amount, kind, receipts, in_kind, status, rev, "
                "created_at, updated_at, ref) VALUES ('A1', '2026-03-10', '120.00', "
                "'vrijwilligersvergoeding', 0, 0, 'paid', 1, 'x', 'x', 'psql-1')"
            )
        assert look(w).residents == {"A1"}


def test_a_rolled_back_write_notifies_nobody(teams: dict[str, Store]) -> None:
    a, admin = teams["a"], teams["admin"]
    with Watcher(a, fallback_seconds=3600) as w:
        with admin.engine.connect() as c:
            c.exec_driver_sql("UPDATE residents SET name = 'Anders' WHERE id = 'A1'")
            c.rollback()
        assert not w.pending(wait=1)


def test_a_write_with_the_triggers_disabled_is_found_by_the_fallback(teams: dict[str, Store]) -> None:
    a, admin = teams["a"], teams["admin"]
    with Watcher(a, fallback_seconds=0) as w:
        with admin.engine.begin() as c:  # the safety net: no notification at all
            c.exec_driver_sql("ALTER TABLE residents DISABLE TRIGGER live_residents")
            c.exec_driver_sql("UPDATE residents SET name = 'Anders' WHERE id = 'A1'")
            c.exec_driver_sql("ALTER TABLE residents ENABLE TRIGGER live_residents")
        assert look(w).residents == {"A1"}


def _fields(rec: Any) -> dict[str, Any]:
    return {f: getattr(rec, f) for f in rec.__slots__}


async def test_the_app_of_team_a_shows_team_bs_payment_to_a_shared_resident(teams: dict[str, Store]) -> None:
    """The app on PostgreSQL, as coordinator A: B's payment to S1 arrives through LISTEN/NOTIFY and
    only S1 is checked again; B's own resident B1 never reaches A's app."""
    from vergoedingcheck.rules import load_ruleset
    from vergoedingcheck.tui.app import VergoedingApp

    a, b = teams["a"], teams["b"]
    app = VergoedingApp(a, load_ruleset(None), today=date(2026, 6, 1), live_interval=0.1)

    def headroom() -> Decimal:
        assert app.result is not None
        rr = app.result.resident("S1")
        assert rr is not None
        y = rr.year(2026)
        assert y is not None
        return y.headroom

    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            if app.result is not None:
                break
            await pilot.pause(0.05)
        before, checks = headroom(), app.check_count
        b.add_payment(pay("S1", "100.00", date(2026, 3, 5), note="geheim van B"))
        for _ in range(200):
            if app.check_count > checks:
                break
            await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # nothing else was paid to S1, so no cap binds: the year's room shrinks by B's EUR 100
        assert before - headroom() == D("100.00")
        assert app._results.evaluated == 1 and app.live_checks == 1
        assert app.result is not None and {r.id for r in app.result.residents} == {"A1", "S1"}
