"""Headroom (spec §3, Headroom): the largest extra allowance that changes nothing for the worse,
per month and per year; computed, not searched."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.context import MONTHS, ZERO, YearContext
from vergoedingcheck.engine.result import (
    Finding,
    Status,
)
from vergoedingcheck.model import (
    Benefit,
    Payment,
)

# -- headroom ---------------------------------------------------------------------------------


def year_room_from(
    y: YearContext, regime: str, year_fid: str, pays: Sequence[Payment], start: date
) -> Decimal | None:
    """Largest x that can be added on `start` without any year checkpoint from `start` on
    going over its cap; None when a cap is unknown."""
    cum_before = sum((p.amount for p in pays if p.date < start), ZERO)
    checkpoints = [start] + [p.date for p in pays if p.date >= start] + [date(y.year, 12, 31)]
    room: Decimal | None = None
    cum = cum_before
    idx = 0
    later = [p for p in pays if p.date >= start]
    for d in sorted(set(checkpoints)):
        while idx < len(later) and later[idx].date <= d:
            cum += later[idx].amount
            idx += 1
        cap = y.figure(year_fid, d, regime, quiet=True)
        if cap is None:
            return None
        r = cap.decimal - cum
        room = r if room is None else min(room, r)
    return room


# Rules whose failure an extra allowance cannot make worse (spec §3, Headroom: "a year that is
# unsafe for a reason an allowance does not touch keeps its allowance headroom"). Only the
# household's gift excess is here. Wages are deliberately not: when the same payer pays wages and
# an allowance, that payer's allowances are in doubt, and the room cannot say which payer may pay
# it, so a year with wages keeps the cliff (0) — stricter, never a wrong "safe".
UNTOUCHED_BY_AN_ALLOWANCE = frozenset({"pw.gift.year_limit"})


def allowance_cliff(status: Status, findings: Sequence[Finding]) -> bool:
    """True when the year is unsafe for a reason an extra allowance can touch (or for a reason we
    cannot name): then there is no room at all."""
    if status != "unsafe":
        return False
    fails = [f for f in findings if f.outcome == "fail"]
    return not fails or any(f.rule not in UNTOUCHED_BY_AN_ALLOWANCE for f in fails)


def month_bounds(year: int, m: int) -> tuple[date, date]:
    return date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1])


def days_in_month(entries: Sequence[Benefit], first: date, last: date) -> list[tuple[date, date]]:
    """For each benefit that runs on ANY day of the month (a benefit that starts on the 31st counts
    for that month), the first and last day of the month on which it runs."""
    out = []
    for b in entries:
        lo = max(first, b.since) if b.since is not None else first
        hi = min(last, b.until) if b.until is not None else last
        if lo <= hi:
            out.append((lo, hi))
    return out


def compute_headroom(
    y: YearContext,
    cliff: bool,
    bijstand_entries: Sequence[Benefit],
    ww_entries: Sequence[Benefit],
) -> tuple[dict[int, Decimal], Decimal]:
    months = dict.fromkeys(MONTHS, ZERO)
    if cliff:
        return months, ZERO
    tax_pays = sorted(
        (p for p in y.payments if p.is_fixed_allowance or p.is_proven_costs), key=lambda p: p.date
    )
    fixed_pays = [p for p in tax_pays if p.is_fixed_allowance]
    tax_counted = {m: y.fixed[m] + y.proven[m] for m in MONTHS}
    ww_permission_ok = all(b.uwv_permission is True for b in ww_entries)
    # Any new allowance makes proven costs count for tax (spec §3): a month whose costs alone are
    # over its cap then breaks the whole year, so there is no room in any month.
    for m in MONTHS:
        if y.proven[m] > 0:
            cap = y.figure("tax.volunteer.month_cap", date(y.year, m, 1), "tax", quiet=True)
            if cap is None or tax_counted[m] > cap.decimal:
                return months, ZERO
    year_room_total: Decimal | None = None
    for m in MONTHS:
        first, last = month_bounds(y.year, m)
        rooms: list[Decimal] = []
        series: list[tuple[str, str, str, Sequence[Payment], dict[int, Decimal]]] = [
            ("tax", "tax.volunteer.month_cap", "tax.volunteer.year_cap", tax_pays, tax_counted)
        ]
        bij_days = days_in_month(bijstand_entries, first, last)
        if bij_days:
            btype = next(b.type for b in bijstand_entries if days_in_month([b], first, last))
            series.append((btype, "pw.volunteer.month_cap", "pw.volunteer.year_cap", fixed_pays, y.fixed))
            # under 27 on bijstand on ANY day of the month: every allowance counts, no room. The
            # age is lowest on the earliest such day; the temporary disregard is checked on the
            # earliest and the latest such day (it ended at a month's end, 30 September 2021).
            earliest = min(lo for lo, _ in bij_days)
            latest = max(hi for _, hi in bij_days)
            young_without_disregard = False
            unknown_fact = False
            for day in (earliest, latest):
                age = y.age(day)
                min_age = y.figure("pw.volunteer.min_age", day, btype, quiet=True)
                temp = y.figure("pw.volunteer.young_temporary_disregard", day, btype, quiet=True)
                if age is None or min_age is None or temp is None:
                    unknown_fact = True
                elif age < min_age.value and not temp.value:
                    young_without_disregard = True
            if unknown_fact or young_without_disregard:
                continue  # no room we can vouch for
        if days_in_month(ww_entries, first, last) and not ww_permission_ok:
            continue
        known = True
        for regime, month_fid, year_fid, pays, counted in series:
            mcap = y.figure(month_fid, first, regime, quiet=True)
            yroom = year_room_from(y, regime, year_fid, pays, first)
            if mcap is None or yroom is None:
                known = False
                break
            rooms.append(mcap.decimal - counted[m])
            rooms.append(yroom)
        if not known:
            continue
        months[m] = max(ZERO, min(rooms))
    # the year's room (the year cap in force at year end less the year's total), no more than the
    # months' rooms added up; an earlier, lower cap (bijstand before 1 April 2017) is already in
    # the rooms of the months it governs
    end = date(y.year, 12, 31)
    for regime, year_fid, pays in (("tax", "tax.volunteer.year_cap", tax_pays),) + (
        (("pw", "pw.volunteer.year_cap", fixed_pays),) if bijstand_entries else ()
    ):
        r = year_room_from(y, regime, year_fid, pays, end)
        if r is None:
            return months, ZERO
        year_room_total = r if year_room_total is None else min(year_room_total, r)
    assert year_room_total is not None
    # ZW/WIA/WAO/Wajong and WW use the tax caps: the tax series already bounds their room
    return months, max(ZERO, min(year_room_total, sum(months.values(), ZERO)))
