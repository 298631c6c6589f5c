"""Issue 9 item 2: the store accepts only what `check` accepts. The app's forms and every import
write through the store, so its bounds (validation.py, the same as case files and spreadsheets)
are the last gate: an amount over € 1.000.000, 1e-400 hours, a 5,000-character id, a birth date in
the future, `until` before `since` or UWV permission on a non-WW benefit are refused with one
sentence and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.model import Benefit
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.store import Store, StoreError

OK = ResidentRecord("R1", "Test", date(1980, 1, 1), None, None, None, (Benefit("bijstand"),))


@pytest.mark.parametrize(
    "rec",
    [
        ResidentRecord("R" * 5000, "Test", date(1980, 1, 1)),
        ResidentRecord("R2", "Test", date.today() + timedelta(days=1)),
        ResidentRecord(
            "R2",
            "Test",
            date(1980, 1, 1),
            benefits=(Benefit("bijstand", since=date(2026, 5, 1), until=date(2026, 4, 1)),),
        ),
        ResidentRecord("R2", "Test", date(1980, 1, 1), benefits=(Benefit("bijstand", uwv_permission=True),)),
        ResidentRecord("R2", "x" * 201, date(1980, 1, 1)),
    ],
    ids=["long-id", "future-birth", "until-before-since", "ww-field-on-bijstand", "long-name"],
)
def test_a_resident_outside_the_bounds_is_refused(tmp_path: Path, rec: ResidentRecord) -> None:
    with Store(tmp_path / "s.db") as s:
        with pytest.raises(StoreError):
            s.add_resident(rec)
        with pytest.raises(StoreError):
            s.import_records([rec], [])
        assert s.residents() == []


@pytest.mark.parametrize(
    ("amount", "hours"),
    [
        (Decimal("1000000.01"), None),
        (Decimal("10.00"), Decimal("1E-400")),
        (Decimal("10.00"), Decimal("745")),
    ],
    ids=["amount-over-a-million", "hours-1e-400", "hours-over-a-month"],
)
def test_a_payment_outside_the_bounds_is_refused(
    tmp_path: Path, amount: Decimal, hours: Decimal | None
) -> None:
    with Store(tmp_path / "s.db") as s:
        s.add_resident(OK)
        p = PaymentRecord("R1", date(2026, 3, 1), amount, "vrijwilligersvergoeding", hours=hours)
        with pytest.raises(StoreError, match="betaling van 2026-03-01"):
            s.add_payment(p)
        with pytest.raises(StoreError):
            s.import_records([], [p])
        assert s.payments() == []


def test_values_within_the_bounds_are_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        s.add_resident(OK)
        s.add_payment(PaymentRecord("R1", date(2026, 3, 1), Decimal("1000000.00"), "gift", hours=None))
        s.add_payment(
            PaymentRecord(
                "R1", date(2026, 3, 2), Decimal("10.00"), "vrijwilligersvergoeding", hours=Decimal("744")
            )
        )
        assert len(s.payments()) == 2
