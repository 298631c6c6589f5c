"""The trash (issue 11 item 6) on both engines: a deleted resident or payment comes back with every
field equal; the trash keeps it for the retention period; an erasure empties it of the resident."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store
from vergoedingcheck.store.privacy import erase_resident
from vergoedingcheck.store.trash import restore, trash

TODAY = date.today()


def _fill(s: Store, other: bool = True) -> tuple[ResidentRecord, list[PaymentRecord]]:
    s.add_resident(
        ResidentRecord(
            "T-1", "Anna de Boer", date(1980, 3, 3), "Goes", "H-1", "notitie & <zo>",
            (Benefit("ww", since=date(2024, 1, 1), uwv_permission=True, ww_hourly_wage=Decimal("14.25")),
             Benefit("bijstand", until=date(2026, 6, 30))),
            address=("Hofweg 3", "4461 AB Goes"),
        )
    )  # fmt: skip
    if other:
        s.add_resident(ResidentRecord("T-2", "Other", date(1990, 1, 1), "Goes", None, None, ()))
    pays = [
        s.add_payment(PaymentRecord("T-1", date(2026, 1, 15), Decimal("12.50"), "vrijwilligersvergoeding",
                                    hours=Decimal("2.5"), payer="Buurthuis", note="jan", status="paid")),
        s.add_payment(PaymentRecord("T-1", date(2026, 2, 15), Decimal("99.99"), "onkostenvergoeding",
                                    receipts=True, status="planned")),
    ]  # fmt: skip
    return s.resident("T-1"), pays


def test_a_deleted_resident_comes_back_exactly(db_target: str) -> None:
    with Store(db_target) as s:
        r, pays = _fill(s)
        s.delete_resident("T-1")
        items = trash(s)
        assert [(i.kind, i.resident, i.name, i.payments) for i in items] == [
            ("resident", "T-1", "Anna de Boer", 2)
        ]
        assert restore(s, items[0].audit_id) == "T-1"
        assert s.resident("T-1") == r  # every field, benefits and rev included
        assert s.payments("T-1") == pays  # every field, id, rev and ref included
        assert trash(s) == []


def test_a_deleted_payment_comes_back_exactly(db_target: str) -> None:
    with Store(db_target) as s:
        _, pays = _fill(s)
        assert pays[0].id is not None
        s.delete_payment(pays[0].id)
        items = trash(s)
        assert [(i.kind, i.resident, i.date, i.amount) for i in items] == [
            ("payment", "T-1", date(2026, 1, 15), Decimal("12.50"))
        ]
        restore(s, items[0].audit_id)
        assert s.payments("T-1") == pays
        assert trash(s) == []
        with pytest.raises(Exception, match=r"prullenbak|staat er al"):
            restore(s, items[0].audit_id)


def test_the_trash_keeps_only_the_retention_period(db_target: str) -> None:
    with Store(db_target) as s:
        _fill(s)
        s.delete_resident("T-1")
        assert len(trash(s, today=TODAY)) == 1
        # deleted today: past a one-year retention period one year and a day from now
        assert trash(s, today=TODAY + timedelta(days=367), years=1) == []


def test_an_erasure_removes_the_residents_trash(db_target: str) -> None:
    with Store(db_target) as s:
        _, pays = _fill(s)
        assert pays[1].id is not None
        s.delete_payment(pays[1].id)
        assert len(trash(s)) == 1
        erase_resident(s, "T-1")  # the resident is there: erased, and the deleted payment with them
        assert trash(s) == []

        _fill(s, other=False)
        s.delete_resident("T-1")
        assert len(trash(s)) == 1
        erase_resident(s, "T-1")  # only in the trash: erasing still removes it
        assert trash(s) == []
        with pytest.raises(Exception, match="bestaat niet"):
            erase_resident(s, "T-9")
