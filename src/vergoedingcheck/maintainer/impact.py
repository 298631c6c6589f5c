"""Whose result changes when the rules change: every resident checked under both rule sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import ResidentResult, YearResult
from vergoedingcheck.model import Payment, Resident
from vergoedingcheck.money import format_eur
from vergoedingcheck.rules.ruleset import Ruleset
from vergoedingcheck.text import catalogue

STATUS_NL = catalogue("nl")["status"]  # text/nl.py


@dataclass
class YearImpact:
    resident: str
    name: str | None
    year: int
    changes: list[str] = field(default_factory=list)
    old_status: str | None = None
    new_status: str | None = None

    @property
    def label(self) -> str:
        who = f"{self.resident} ({self.name})" if self.name else self.resident
        return f"{who}, {self.year}"


def _eur(d: Decimal | None) -> str:
    return format_eur(d)


def _status(s: str | None) -> str:
    return STATUS_NL.get(s or "", "geen resultaat")


def compare_year(old: YearResult | None, new: YearResult | None) -> list[str]:
    """Status, countable amounts (tax and each benefit) and headroom that differ, in Dutch."""
    out: list[str] = []
    if old is None or new is None:
        was, now = _status(old.status if old else None), _status(new.status if new else None)
        return [f"status {was} → {now}"]
    if old.status != new.status:
        out.append(f"status {_status(old.status)} → {_status(new.status)}")
    if old.tax.taxable != new.tax.taxable:
        out.append(f"belastbaar {_eur(old.tax.taxable)} → {_eur(new.tax.taxable)}")
    ob = {b.type: b for b in old.benefits}
    nb = {b.type: b for b in new.benefits}
    for t in sorted(set(ob) | set(nb)):
        a, b = ob.get(t), nb.get(t)
        if a is None or b is None:
            out.append(f"{t}: {'nieuw' if a is None else 'verdwenen'}")
            continue
        if a.status != b.status:
            out.append(f"{t}: {_status(a.status)} → {_status(b.status)}")
        if a.countable != b.countable:
            out.append(f"{t}: telt mee {_eur(a.countable)} → {_eur(b.countable)}")
    if old.gifts.limit != new.gifts.limit:
        out.append(f"giftengrens {_eur(old.gifts.limit)} → {_eur(new.gifts.limit)}")
    if old.headroom != new.headroom:
        out.append(f"ruimte dit jaar {_eur(old.headroom)} → {_eur(new.headroom)}")
    groups: dict[tuple[Decimal, Decimal], list[str]] = {}
    for m, n in zip(old.months, new.months, strict=False):
        if m.headroom != n.headroom:
            groups.setdefault((m.headroom, n.headroom), []).append(m.month)
    if groups:
        out.append(
            "ruimte per maand: "
            + "; ".join(
                f"{_month_ranges(months)} {_eur(a)} → {_eur(b)}"
                for (a, b), months in groups.items()
            )
        )
    return out


def _month_ranges(months: list[str]) -> str:
    """["2026-01", "2026-02", "2026-04"] -> "2026-01 t/m 2026-02, 2026-04"."""
    runs: list[list[str]] = []
    for m in months:
        if runs and int(m[5:]) == int(runs[-1][-1][5:]) + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]} t/m {r[-1]}" for r in runs)


def _by_year(r: ResidentResult | None) -> dict[int, YearResult]:
    return {y.year: y for y in r.years} if r else {}


def impact(
    residents: Sequence[Resident], payments: Sequence[Payment], old: Ruleset, new: Ruleset
) -> list[YearImpact]:
    """Every (resident, year) whose outcome differs between `old` and `new`."""
    ra = evaluate(residents, payments, old)
    rb = evaluate(residents, payments, new)
    out: list[YearImpact] = []
    for r in residents:
        ya, yb = _by_year(ra.resident(r.id)), _by_year(rb.resident(r.id))
        for year in sorted(set(ya) | set(yb)):
            a, b = ya.get(year), yb.get(year)
            changes = compare_year(a, b)
            if changes:
                out.append(
                    YearImpact(
                        r.id,
                        r.name,
                        year,
                        changes,
                        a.status if a else None,
                        b.status if b else None,
                    )
                )
    return out
