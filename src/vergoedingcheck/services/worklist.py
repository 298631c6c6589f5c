"""The coordinator's worklist (issue 11 item 3): what to act on, from a check result and the store's
records, on a given day. Pure (no Textual, no database): the app shows it, tests call it.

Sections, in the order a coordinator acts on them:
- `over`: planned payments from today to the end of next month in a month that is not safe;
- `past_planned`: planned payments dated before today, not yet marked paid;
- `unknown`: years that are `onbekend`, each with what to record;
- `ww`: WW without UWV's permission recorded (or refused);
- `age`: who turns 27 (bijstand family: allowances start to be disregarded) or 21 (the higher hourly
  norm) in the next three months, the ages read from the rules on that day, and who reaches AOW
  age (`aow.age`, rules/ages.py) in that time;
- `room`: who can still be paid how much this month (the month's room, no more than the rest of
  the year's), largest first.
Plus a banner while next year's figures are announced but not confirmed.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.explain import explain
from vergoedingcheck.engine.result import CheckResult
from vergoedingcheck.model import BIJSTAND_FAMILY, age_on
from vergoedingcheck.money import format_date, format_eur
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.rules.ages import aow_day
from vergoedingcheck.rules.ruleset import FigureNotCovered, Ruleset
from vergoedingcheck.text import catalogue, word

# the section titles and sentences live in the text catalogue (groups worklist_section, worklist)
SECTIONS: dict[str, str] = catalogue("nl")["worklist_section"]
STATUS_NL: dict[str, str] = catalogue("nl")["status"]


def _text(key: str, lang: str, **params: object) -> str:
    return word("worklist", key, lang).format(**params)


def _age_text(months: int, lang: str) -> str:
    """804 → '67 jaar', 807 → '67 jaar en 3 maanden' (as rules.ages.format_months_nl), per language."""
    years, rest = divmod(months, 12)
    if rest == 0:
        return _text("years", lang, years=years)
    return _text("years_month" if rest == 1 else "years_months", lang, years=years, months=rest)


@dataclass(frozen=True, slots=True)
class Item:
    section: str
    resident: str
    name: str
    text: str
    amount: Decimal | None = None


def _end_of_next_month(day: date) -> date:
    y, m = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(day: date, months: int) -> date:
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def _birthday(birth: date, age: int) -> date:
    y = birth.year + age
    if (birth.month, birth.day) == (2, 29) and not calendar.isleap(y):
        return date(y, 3, 1)  # age_on: a year older on 1 March in common years
    return date(y, birth.month, birth.day)


def year_pending(ruleset: Ruleset, year: int) -> bool:
    """The year's caps are announced but not confirmed (`pending`): any room is provisional."""
    try:
        ruleset.value("tax.volunteer.month_cap", date(year, 1, 1))
    except FigureNotCovered as exc:
        return exc.code == "pending"
    return False


def banner(ruleset: Ruleset, today: date, lang: str = "nl") -> str | None:
    """While next year's caps are announced but not confirmed (December plans January)."""
    nxt = today.year + 1
    try:
        ruleset.value("tax.volunteer.month_cap", date(nxt, 1, 1))
    except FigureNotCovered as exc:
        if exc.code == "pending":
            return _text("banner_pending", lang, next_year=nxt, year=today.year)
        return _text("banner_absent", lang, next_year=nxt)
    return None


def worklist(
    residents: Sequence[ResidentRecord],
    payments: Sequence[PaymentRecord],
    result: CheckResult,
    ruleset: Ruleset,
    today: date,
    lang: str = "nl",
) -> list[Item]:
    names = {r.id: r.name or r.id for r in residents}
    items: list[Item] = []
    horizon = _end_of_next_month(today)
    for p in sorted(payments, key=lambda p: (p.date, p.resident)):
        if p.status != "planned":
            continue
        rid, who = p.resident, names.get(p.resident, p.resident)
        if p.date < today:
            items.append(
                Item(
                    "past_planned",
                    rid,
                    who,
                    _text("past_planned", lang, date=format_date(p.date), amount=format_eur(p.amount)),
                    p.amount,
                )
            )
            continue
        if p.date > horizon:
            continue
        rr = result.resident(rid)
        y = rr.year(p.date.year) if rr else None
        month = y.months[p.date.month - 1] if y else None
        if month is not None and month.status != "safe":
            items.append(
                Item(
                    "over",
                    rid,
                    who,
                    _text(
                        "over",
                        lang,
                        date=format_date(p.date),
                        amount=format_eur(p.amount),
                        status=word("status", month.status, lang),
                        headroom=format_eur(month.headroom),
                    ),
                    p.amount,
                )
            )
    for rr in result.residents:
        y = rr.year(today.year)
        if y is None or y.status != "unknown":
            continue
        missing = [f for f in y.findings if f.outcome == "unknown"]
        what = explain(missing[0], lang) if missing else _text("something_missing", lang)
        items.append(Item("unknown", rr.id, names.get(rr.id, rr.id), what))
    soon = _add_months(today, 3)
    for r in residents:
        for b in r.benefits:
            if b.type == "ww" and b.active_on(today) and b.uwv_permission is not True:
                text = _text("ww_refused" if b.uwv_permission is False else "ww_not_recorded", lang)
                items.append(Item("ww", r.id, names[r.id], text))
        if r.birth_date is None:
            continue
        checks: list[tuple[str, str]] = [("tax.volunteer.hourly_norm_age", "why_hourly_norm_age")]
        if any(b.type in BIJSTAND_FAMILY and b.active_on(today) for b in r.benefits):
            checks.insert(0, ("pw.volunteer.min_age", "why_min_age"))
        for fid, why in checks:
            try:
                age = int(ruleset.value(fid, today, r.municipality).value)
            except (FigureNotCovered, TypeError, ValueError):
                continue
            day = _birthday(r.birth_date, age)
            if today <= day <= soon and age_on(r.birth_date, today) < age:
                text = _text("turns", lang, age=age, date=format_date(day), why=_text(why, lang))
                items.append(Item("age", r.id, names[r.id], text))
        aow = aow_day(r.birth_date, ruleset)
        if aow is not None and today <= aow[0] <= soon:
            items.append(
                Item(
                    "age",
                    r.id,
                    names[r.id],
                    _text("aow_age", lang, date=format_date(aow[0]), age=_age_text(aow[1], lang)),
                )
            )
    rooms: list[Item] = []
    for rr in result.residents:
        y = rr.year(today.year)
        if y is None:
            continue
        can = min(y.months[today.month - 1].headroom, y.headroom_remaining(today))
        if can > 0:
            rooms.append(
                Item(
                    "room",
                    rr.id,
                    names.get(rr.id, rr.id),
                    _text(
                        "room",
                        lang,
                        amount=format_eur(can),
                        remaining=format_eur(y.headroom_remaining(today)),
                    ),
                    can,
                )
            )
    rooms.sort(key=lambda i: (-(i.amount or Decimal(0)), i.name))
    order = list(SECTIONS)
    items.sort(key=lambda i: order.index(i.section))  # stable: each section keeps its own order
    return items + rooms
