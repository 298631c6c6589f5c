"""Residents and payments for the letter tests and the preview: one per outcome and regime.

Built in Python (no file I/O) and run through the real engine with the real rules. Assertions on
these scenarios check structure (status, chosen sentences, actions) and amounts that come from
the input, never a legal figure, so a yearly rules update does not break them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from vergoedingcheck.model import Benefit, Payment, Resident

YEAR = 2025
LETTER_DATE = date(2025, 3, 3)


@dataclass(frozen=True)
class Scenario:
    key: str
    resident: Resident
    payments: tuple[Payment, ...]
    status: str  # the expected year status
    year: int = YEAR


def _monthly(rid: str, amount: str, months: range, *, year: int = YEAR, day: int = 15,
             kind: str = "vrijwilligersvergoeding", planned_from: int | None = None,
             **kw: object) -> tuple[Payment, ...]:
    return tuple(
        Payment(resident=rid, date=date(year, m, day), amount=Decimal(amount), kind=kind,  # type: ignore[arg-type]
                planned=planned_from is not None and m >= planned_from, **kw)  # type: ignore[arg-type]
        for m in months)


def _r(rid: str, name: str, born: date, *benefits: Benefit, municipality: str | None = "Goes"
       ) -> Resident:
    return Resident(id=rid, birth_date=born, name=name, municipality=municipality,
                    benefits=tuple(benefits))


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("safe_bijstand", _r("R01", "Fatima El Amrani", date(1985, 4, 2),
                                 Benefit("bijstand", client_number="GO-12345")),
             _monthly("R01", "125.25", range(1, 7), planned_from=4), "safe"),
    Scenario("safe_no_benefit", _r("R02", "Jan de Vries", date(1950, 1, 1), Benefit("aow")),
             _monthly("R02", "50.00", range(1, 13)), "safe"),
    Scenario("unsafe_bijstand_year", _r("R03", "Piet Kuĳpers", date(1980, 5, 14),
                                        Benefit("bijstand")),
             _monthly("R03", "200.00", range(1, 12)), "unsafe"),
    Scenario("unsafe_bijstand_young", _r("R04", "Łukasz Wiśniewski", date(2001, 8, 1),
                                         Benefit("bijstand")),
             (Payment("R04", date(2025, 3, 12), Decimal("40.00"), "vrijwilligersvergoeding"),
              Payment("R04", date(2025, 3, 12), Decimal("12.60"), "onkostenvergoeding",
                      receipts=True)), "unsafe"),
    Scenario("unsafe_wia_month", _r("R05", "Ayşe Yılmaz-Doğan", date(1970, 2, 2), Benefit("wia")),
             (*_monthly("R05", "100.00", range(1, 5)),
              Payment("R05", date(2025, 5, 15), Decimal("260.00"), "vrijwilligersvergoeding"),
              *_monthly("R05", "100.00", range(6, 9), planned_from=6)), "unsafe"),
    Scenario("unsafe_ww_refused", _r("R06", "Nguyễn Thị Thu", date(1975, 6, 6),
                                     Benefit("ww", uwv_permission=False)),
             _monthly("R06", "60.00", range(2, 6)), "unsafe"),
    Scenario("unsafe_aio", _r("R07", "Mohammed Bouzid", date(1955, 3, 3), Benefit("aio")),
             _monthly("R07", "250.00", range(1, 4)), "unsafe"),
    Scenario("unsafe_tax_only", _r("R08", "Jansen & Zn <BV>", date(1990, 9, 9)),
             _monthly("R08", "1250.50", range(3, 4)), "unsafe"),
    Scenario("unsafe_toeslagen", _r("R09", "Sanne Bakker", date(1992, 12, 1),
                                    Benefit("toeslagen")),
             _monthly("R09", "300.00", range(1, 3)), "unsafe"),
    Scenario("unknown_ww_permission", _r("R10", "Kees Smit", date(1968, 7, 7), Benefit("ww")),
             _monthly("R10", "40.00", range(3, 7), planned_from=4), "unknown"),
    Scenario("unknown_gifts", _r("R11", "Emine Kaya", date(1983, 11, 11), Benefit("bijstand"),
                                 municipality="Utrecht"),
             (Payment("R11", date(2025, 6, 1), Decimal("75.00"), "gift"),), "unknown"),
    Scenario("unsafe_turning_27", _r("R13", "Ĳsbrand Şahin", date(1998, 7, 20),
                                     Benefit("bijstand")),
             _monthly("R13", "80.00", range(5, 10)), "unsafe"),
    Scenario("unsafe_planned_next_month", _r("R14", "Grażyna Nowak", date(1960, 10, 10)),
             (Payment("R14", date(2025, 2, 10), Decimal("100.00"), "vrijwilligersvergoeding"),
              Payment("R14", date(2025, 4, 10), Decimal("300.00"), "vrijwilligersvergoeding",
                      planned=True)), "unsafe"),
    Scenario("unknown_rules", _r("R12", "Tom Visser", date(1980, 1, 1), Benefit("bijstand")),
             _monthly("R12", "50.00", range(1, 3), year=2016), "unknown", year=2016),
)

BY_KEY = {s.key: s for s in SCENARIOS}


def all_residents() -> list[Resident]:
    return [s.resident for s in SCENARIOS]


def all_payments() -> list[Payment]:
    return [p for s in SCENARIOS for p in s.payments]
