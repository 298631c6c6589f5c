"""Gemeld aan … op [datum]: which months of a resident's payments an office has been told about
(issue 11 item 4), read from the letters recorded in the store. No new table: an office letter's
record holds the office, the letter's date and exactly the payments the letter showed (its
inputs, the case-file form), and an office letter lists every month of the year with payments.

A month counts as reported to an office when the last letter to that office showed the month
with the amount it has now; a month whose total changed since is reported again ("gewijzigd")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from vergoedingcheck.engine.result import YearResult
from vergoedingcheck.money import ZERO
from vergoedingcheck.store import LetterRecord, PaymentRecord, ResidentRecord
from vergoedingcheck.tui.common import month_name

# the engine's reporting actions and the office a letter for each goes to (letters/compose.py)
OFFICE_OF_ACTION = {"report_to_municipality": "gemeente", "report_to_svb": "svb", "report_to_uwv": "uwv"}
OFFICE_WORDS = {"gemeente": "de gemeente", "svb": "de SVB", "uwv": "UWV"}
OFFICE_SHORT = {"gemeente": "gem.", "svb": "SVB", "uwv": "UWV"}


@dataclass(frozen=True)
class Reported:
    office: str
    on: date
    total: Decimal  # the month's total the letter showed


@dataclass(frozen=True)
class ToReport:
    """A month the engine says to report to `office`, not (or not with this amount) reported."""

    office: str
    month: str  # "2026-03"
    total: Decimal
    earlier: Reported | None = None  # reported before with another amount


def reported_months(letters: Iterable[LetterRecord], rid: str) -> dict[tuple[str, str], Reported]:
    """{(month, office): the last report}, from the office letters recorded for `rid`."""
    out: dict[tuple[str, str], Reported] = {}
    for rec in letters:
        if rec.kind != "office" or rec.resident != rid:
            continue
        meta = rec.inputs.get("letter", {}) if isinstance(rec.inputs, dict) else {}
        office = meta.get("office")
        try:
            on = date.fromisoformat(str(meta.get("letter_date")))
        except ValueError:
            continue
        if not office:
            continue
        totals: dict[str, Decimal] = {}
        for p in rec.inputs.get("payments", []):
            when = str(p.get("date", ""))
            if p.get("resident") != rid or not when.startswith(f"{rec.year}-"):
                continue
            try:
                amount = Decimal(str(p.get("amount")))
            except InvalidOperation:
                continue
            totals[when[:7]] = totals.get(when[:7], ZERO) + amount
        for month, total in totals.items():
            prev = out.get((month, office))
            if prev is None or prev.on <= on:  # the records come oldest first
                out[(month, office)] = Reported(office, on, total)
    return out


def offices_to_report(yr: YearResult | None) -> list[str]:
    """The offices the engine says to tell about this year's payments, in a fixed order."""
    if yr is None:
        return []
    found = {OFFICE_OF_ACTION[a] for a in yr.actions if a in OFFICE_OF_ACTION}
    return [o for o in ("gemeente", "svb", "uwv") if o in found]


def month_totals(payments: Sequence[PaymentRecord], rid: str, year: int, today: date) -> dict[str, Decimal]:
    """The month totals to report: payments of `year` dated on or before `today` (a planned
    payment later on is reported once it is made)."""
    out: dict[str, Decimal] = {}
    for p in payments:
        if p.resident == rid and p.date.year == year and p.date <= today:
            key = f"{p.date.year}-{p.date.month:02d}"
            out[key] = out.get(key, ZERO) + p.amount
    return out


def to_report(
    rid: str,
    yr: YearResult | None,
    payments: Sequence[PaymentRecord],
    letters: Iterable[LetterRecord],
    today: date,
) -> list[ToReport]:
    """What is still to report for this year: every month with payments up to today, per office
    the engine names, without a letter to that office showing that month with this amount."""
    offices = offices_to_report(yr)
    if yr is None or not offices:
        return []
    done = reported_months(letters, rid)
    out = []
    for month, total in sorted(month_totals(payments, rid, yr.year, today).items()):
        for office in offices:
            rep = done.get((month, office))
            if rep is None or rep.total != total:
                out.append(ToReport(office, month, total, rep))
    return out


def months_words(months: Sequence[str]) -> str:
    """ "januari t/m mei, juli en september 2026" (months of one year; three or more in a row as
    a range)."""
    nums = sorted(int(m[5:7]) for m in months)
    year = months[0][:4] if months else ""
    runs: list[list[int]] = []
    for n in nums:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])

    def name(n: int) -> str:
        return month_name(f"{year}-{n:02d}").rsplit(" ", 1)[0]

    names = []
    for run in runs:
        if len(run) >= 3:
            names.append(f"{name(run[0])} t/m {name(run[-1])}")
        else:
            names += [name(n) for n in run]
    if len(names) > 1:
        return f"{', '.join(names[:-1])} en {names[-1]} {year}"
    return f"{names[0]} {year}" if names else ""


def worklist_items(
    residents: Sequence[ResidentRecord],
    payments: Sequence[PaymentRecord],
    letters: Sequence[LetterRecord],
    year_of: dict[str, YearResult | None],
    today: date,
) -> list[tuple[str, str, str]]:
    """(resident id, name, text) per resident and office with months still to report."""
    out = []
    for r in residents:
        todo = to_report(r.id, year_of.get(r.id), payments, letters, today)
        for office in dict.fromkeys(t.office for t in todo):
            mine = [t for t in todo if t.office == office]
            text = f"aan {OFFICE_WORDS[office]}: {months_words([t.month for t in mine])}"
            changed = [t for t in mine if t.earlier is not None]
            if changed:
                text += f" ({months_words([t.month for t in changed])} gewijzigd sinds de melding)"
            out.append((r.id, r.name or r.id, text + ". Maak de brief (l)."))
    return out
