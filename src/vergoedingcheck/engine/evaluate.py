"""The engine: residents + payments + ruleset -> CheckResult (spec/case-files.md §3).

Per resident and calendar year the payments are grouped by month once; then each regime
(tax, bijstand family, UWV's ZW/WIA/WAO/Wajong, WW, AOW, toeslagen, gifts) reads those sums and
adds findings. A figure that no rule value covers becomes an `unknown` finding: never a zero,
never the nearest year.

Year caps are checked at every payment date against the total received so far in that calendar
year (and at 31 December against the year total), each time with the cap in force on that date.
For every year except 2017 that is simply "year total against year cap"; in 2017 the bijstand
disregard rose from €764 to €1,500 on 1 April, and this makes that change exact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.context import MONTHS, ZERO, YearContext, month_key
from vergoedingcheck.engine.headroom import allowance_cliff, compute_headroom
from vergoedingcheck.engine.provisional import with_provisional
from vergoedingcheck.engine.regimes import REGIMES
from vergoedingcheck.engine.regimes.payers import payer_findings, with_mixed
from vergoedingcheck.engine.regimes.tax import tax_counted_payments, tax_regime
from vergoedingcheck.engine.result import (
    BenefitResult,
    CheckResult,
    GiftResult,
    MonthResult,
    ResidentResult,
    YearResult,
    worst,
)
from vergoedingcheck.model import (
    BENEFIT_TYPES,
    BIJSTAND_FAMILY,
    Benefit,
    Payer,
    Payment,
    Resident,
)
from vergoedingcheck.rules.ruleset import FigureNotCovered, Ruleset

__all__ = ["Evaluation", "evaluate", "start_evaluation"]


# -- the whole ----------------------------------------------------------------------------------


def evaluate_year(y: YearContext) -> YearResult:
    r = y.resident
    # tax needs no change for `mixed`: the same payer's wages already make it unsafe (taxed as wages)
    mixed = [p for pays in payer_findings(y).values() for p in pays]
    tax, _ = tax_regime(y)
    benefits: list[BenefitResult] = []
    by_type: dict[str, list[Benefit]] = {}
    for b in r.benefits:
        if b.overlaps_year(y.year):
            by_type.setdefault(b.type, []).append(b)
    bijstand_entries: list[Benefit] = []
    for btype, entries in by_type.items():
        regime = REGIMES.get(btype)
        if btype in BIJSTAND_FAMILY:
            bijstand_entries += entries
        if regime is not None:
            benefits.append(regime(y, btype, entries, tax))
        else:
            y.add(
                "benefit.type",
                "unknown",
                str(y.year),
                "benefit.unknown_type",
                regime=btype,
                missing="benefit_type",
                params=[("type", btype), ("known", ", ".join(BENEFIT_TYPES))],
            )
            benefits.append(BenefitResult(btype, "unknown", None))
    if mixed:
        benefits = [with_mixed(b, mixed, by_type.get(b.type, [])) for b in benefits]
    # gifts: the household's total; limit and headroom only where a bijstand-type benefit runs
    gift_total = sum((g.amount for g in y.household_gifts), ZERO)
    limit: Decimal | None = None
    gift_room: Decimal | None = None
    if bijstand_entries:
        day = y.household_gifts[-1].date if y.household_gifts else date(y.year, 12, 31)
        try:
            limit = y.ruleset.value("pw.gift.year_limit", day, y.mun).decimal
            gift_room = max(ZERO, limit - gift_total)
        except FigureNotCovered:
            limit = None
    gifts = GiftResult(
        r.household, gift_total, limit, gift_room, y.gifts_counted_on if bijstand_entries else None
    )

    status = worst([tax.status, *[b.status for b in benefits]])
    ww_entries = by_type.get("ww", [])
    month_rooms, year_room = compute_headroom(
        y, allowance_cliff(status, y.findings), bijstand_entries, ww_entries
    )
    _, tax_counted = tax_counted_payments(y)
    months = tuple(
        MonthResult(
            month_key(y.year, m), worst(y.month_status.get(m, [])), tax_counted[m], month_rooms[m], y.paid[m]
        )
        for m in MONTHS
    )
    actions: dict[str, None] = {}
    for br in benefits:
        for a in br.actions:
            actions.setdefault(a, None)
    if tax.taxable and tax.taxable > 0:
        actions.setdefault("declare_income_tax", None)
    if y.proven_year > 0:
        actions.setdefault("keep_receipts", None)
    return YearResult(
        y.year, status, tax, tuple(benefits), gifts, months, year_room, tuple(y.findings), tuple(actions)
    )


@dataclass
class Evaluation:
    """A check in progress: `errors` are known at once, residents are checked one at a time as
    `results()` is iterated (a large caseload never holds every result in memory)."""

    residents: Sequence[Resident]
    ruleset: Ruleset
    by_resident: dict[str, list[Payment]]
    gifts: dict[tuple[str, int], list[Payment]]
    errors: tuple[str, ...]
    years: frozenset[int]
    payers: Mapping[str, Payer] = field(default_factory=dict)
    households: dict[str, list[Resident]] = field(default_factory=dict)  # members in the given order
    provisional: bool = True
    """Add `provisional` to years that are unknown only because figures are pending (spec §3,
    Coverage), for every caller: `check`, the app and the letters plan January in December alike."""
    _taxable: dict[tuple[str, int], Decimal | None] = field(default_factory=dict, init=False)
    _gift_years: dict[str, set[int]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for hh, year in self.gifts:
            self._gift_years.setdefault(hh, set()).add(year)

    def _year_payments(self, r: Resident, year: int) -> list[Payment]:
        pays = [p for p in self.by_resident.get(r.id, []) if p.date.year == year]
        return sorted(pays, key=lambda p: (p.date, p.kind, p.amount))

    def _counted_on(self, r: Resident, year: int) -> str | None:
        for m in self.households.get(r.household_key, [r]):
            if any(b.type in BIJSTAND_FAMILY and b.overlaps_year(year) for b in m.benefits):
                return m.id
        return None

    def _partners_taxable(self, r: Resident, year: int) -> tuple[tuple[str, Decimal | None], ...]:
        if not any(b.type == "toeslagen" and b.overlaps_year(year) for b in r.benefits):
            return ()
        out = []
        for m in self.households.get(r.household_key, [r]):
            if m.id == r.id:
                continue
            key = (m.id, year)
            if key not in self._taxable:
                py = YearContext(m, year, self._year_payments(m, year), [], self.ruleset, self.payers)
                self._taxable[key] = tax_regime(py)[0].taxable
            out.append((m.id, self._taxable[key]))
        return tuple(out)

    def results(self) -> Iterator[ResidentResult]:
        for r in self.residents:
            pays = sorted(self.by_resident.get(r.id, []), key=lambda p: (p.date, p.kind, p.amount))
            by_year: dict[int, list[Payment]] = defaultdict(list)
            for p in pays:
                by_year[p.date.year].append(p)
            # a year in which the household's gifts are counted on this resident's benefit is
            # reported even without a payment of their own: the excess must show somewhere
            gift_years = {
                year
                for year in self._gift_years.get(r.household_key, ())
                if self._counted_on(r, year) == r.id
            }
            year_results = []
            for year in sorted(set(by_year) | self.years | gift_years):
                y = YearContext(
                    r,
                    year,
                    by_year.get(year, []),
                    self.gifts.get((r.household_key, year), []),
                    self.ruleset,
                    self.payers,
                    gifts_counted_on=self._counted_on(r, year),
                    partners_taxable=self._partners_taxable(r, year),
                )
                year_results.append(evaluate_year(y))
            rr = ResidentResult(r.id, tuple(year_results), r.name)
            yield with_provisional(self, rr, r) if self.provisional else rr


def start_evaluation(
    residents: Sequence[Resident],
    payments: Sequence[Payment],
    ruleset: Ruleset,
    *,
    years: Iterable[int] | None = None,
    payers: Iterable[Payer] | None = None,
) -> Evaluation:
    """`payers`: what is known about the paying organisations (spec §1 `payers:`); None or empty
    means nothing is listed, so every payer is assumed to qualify (spec §3, Payers)."""
    by_resident: dict[str, list[Payment]] = defaultdict(list)
    errors: list[str] = []
    known = {r.id for r in residents}
    for p in payments:
        if p.resident not in known:
            errors.append(f"payment on {p.date.isoformat()} for unknown resident {p.resident!r}")
            continue
        by_resident[p.resident].append(p)
    household_of = {r.id: r.household_key for r in residents}
    gifts: dict[tuple[str, int], list[Payment]] = defaultdict(list)
    for p in payments:
        if p.kind == "gift" and p.resident in household_of:
            gifts[(household_of[p.resident], p.date.year)].append(p)
    for lst in gifts.values():
        lst.sort(key=lambda p: (p.date, p.amount))
    households: dict[str, list[Resident]] = defaultdict(list)
    for r in residents:
        if r.household is not None:
            households[r.household_key].append(r)
    return Evaluation(
        residents,
        ruleset,
        dict(by_resident),
        dict(gifts),
        tuple(errors),
        frozenset(years or ()),
        payers={x.name: x for x in payers or ()},
        households=dict(households),
    )


def evaluate(
    residents: Sequence[Resident],
    payments: Sequence[Payment],
    ruleset: Ruleset,
    *,
    years: Iterable[int] | None = None,
    payers: Iterable[Payer] | None = None,
) -> CheckResult:
    """Check every resident's payments against the rules. Pure and deterministic.

    `years` adds years to report even without payments (the TUI shows the current year);
    `payers` is what is known about the paying organisations (default: nothing listed).
    """
    ev = start_evaluation(residents, payments, ruleset, years=years, payers=payers)
    return CheckResult(ruleset.id, ruleset.fingerprint, tuple(ev.results()), ev.errors)
