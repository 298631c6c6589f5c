"""The shared, read-only year context every regime reads (DESIGN.md, Engine): one resident's
calendar year with its payments grouped by month once, the figures of the ruleset on each day, and
the findings the regimes add. Also the cap test the regimes share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from vergoedingcheck.engine.result import (
    Finding,
    LegalRef,
    Outcome,
    Status,
)
from vergoedingcheck.model import (
    Benefit,
    Payer,
    Payment,
    Resident,
    age_on,
)
from vergoedingcheck.rules.ruleset import FigureNotCovered, FigureValue, Ruleset

ZERO = Decimal("0.00")
MONTHS = range(1, 13)


_REFS: dict[int, tuple[FigureValue, LegalRef]] = {}

# The legal basis of findings that apply no figure of the rules (spec §2: every finding whose
# outcome is not `ok` names one).
WAGES_TAXED = LegalRef(
    "Wet op de loonbelasting 1964",
    "10 (loon: al hetgeen uit een dienstbetrekking wordt genoten)",
    "https://wetten.overheid.nl/BWBR0002471",
    "BWBR0002471",
)
PW_INCOME = LegalRef(
    "Participatiewet",
    "31 lid 1 en 32 (middelen; inkomen uit arbeid)",
    "https://wetten.overheid.nl/BWBR0015703",
    "BWBR0015703",
)

VOLUNTEER_PAYERS = LegalRef(
    "Wet op de loonbelasting 1964",
    "2 lid 6 (vrijwilliger: werk voor een ANBI, een sportorganisatie of een organisatie die niet aan "
    "de vennootschapsbelasting is onderworpen)",
    "https://wetten.overheid.nl/BWBR0002471",
    "BWBR0002471",
)
VOLUNTEER_NOT_EMPLOYEE = LegalRef(
    "Wet op de loonbelasting 1964",
    "2 lid 6 (vrijwilliger: niet in dienstbetrekking bij die organisatie, niet als beroep)",
    "https://wetten.overheid.nl/BWBR0002471",
    "BWBR0002471",
)


def legal_ref(v: FigureValue) -> LegalRef:
    """One LegalRef per figure value (the ruleset keeps its values alive, so ids are stable)."""
    hit = _REFS.get(id(v))
    if hit is not None and hit[0] is v:
        return hit[1]
    lb = v.legal_basis
    ref = LegalRef(lb.law, lb.article, lb.url, lb.bwb)
    _REFS[id(v)] = (v, ref)
    return ref


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@dataclass
class YearContext:
    """Everything one regime needs to know about one resident's calendar year."""

    resident: Resident
    year: int
    payments: list[Payment]  # this resident, this year, sorted by date
    household_gifts: list[Payment]  # every gift to the household this year, sorted by date
    ruleset: Ruleset
    payers: Mapping[str, Payer] = field(default_factory=dict)  # what is known per payer name
    # the household member whose benefit counts the household's gift excess (spec §3, Gifts):
    # the first member, in the given order, with a bijstand-family benefit in this year
    gifts_counted_on: str | None = None
    # the other household members' taxable amounts this year, for toeslagen (spec §3, Toeslagen):
    # (id, taxable or None when it cannot be known), in the given order
    partners_taxable: tuple[tuple[str, Decimal | None], ...] = ()
    findings: list[Finding] = field(default_factory=list)
    month_status: dict[int, list[Status]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        self.mun = self.resident.municipality
        # spec §3 Payers: a fixed allowance from a payer listed as `commercial` is pay, in every regime
        self.commercial: dict[str, list[Payment]] = {}
        if self.payers:
            reclassified: list[Payment] = []
            for p in self.payments:
                payer = self.payers.get(p.payer) if p.payer else None
                if payer is not None and payer.type == "commercial" and p.is_fixed_allowance:
                    self.commercial.setdefault(payer.name, []).append(p)
                    p = replace(p, kind="loon")
                reclassified.append(p)
            self.payments = reclassified
        self.fixed = dict.fromkeys(MONTHS, ZERO)
        self.proven = dict.fromkeys(MONTHS, ZERO)
        self.loon = dict.fromkeys(MONTHS, ZERO)
        self.paid = dict.fromkeys(MONTHS, ZERO)
        for p in self.payments:
            m = p.date.month
            self.paid[m] += p.amount
            if p.is_fixed_allowance:
                self.fixed[m] += p.amount
            elif p.is_proven_costs:
                self.proven[m] += p.amount
            elif p.kind == "loon":
                self.loon[m] += p.amount
        self.fixed_year = sum(self.fixed.values(), ZERO)
        self.proven_year = sum(self.proven.values(), ZERO)
        self.loon_year = sum(self.loon.values(), ZERO)
        self._figure_unknown_reported: set[tuple[str, str]] = set()

    # -- figures ------------------------------------------------------------------------------
    def figure(
        self, fid: str, day: date, regime: str, *, quiet: bool = False, mark_month: bool = True
    ) -> FigureValue | None:
        """The figure on `day`, or None after recording one `unknown` finding for it
        (`quiet`: no finding, for look-ups that only serve the headroom)."""
        try:
            return self.ruleset.value(fid, day, self.mun)
        except FigureNotCovered as exc:
            if quiet:
                return None
            key = (fid, regime)
            if key not in self._figure_unknown_reported:
                self._figure_unknown_reported.add(key)
                fig = self.ruleset.figures.get(fid)
                params = [
                    ("figure", fid),
                    ("title_nl", fig.title if fig else fid),
                    ("title_en", fig.title_en if fig else fid),
                    ("date", day.isoformat()),
                    ("reason", exc.reason),
                    ("reason_code", exc.code),
                ]
                if exc.boundary:
                    params.append(("boundary", exc.boundary.isoformat()))
                if exc.note:
                    params.append(("note", exc.note))
                self.add(
                    fid,
                    "unknown",
                    str(self.year),
                    "figure.missing",
                    regime=regime,
                    params=params,
                    missing=fid,
                    ref=self.figure_ref(fid, day),
                )
            if mark_month:
                self.month_status[day.month].append("unknown")
            return None

    def figure_ref(self, fid: str, day: date) -> LegalRef | None:
        """The legal basis a figure has in the rules nearest to `day` (the entry in force then,
        else the first one after it): the article that holds, or will hold, the missing value."""
        fig = self.ruleset.figures.get(fid)
        if fig is None:
            return None
        entries = [(start, e) for start, e in sorted(fig.values.items()) if e is not None]
        if not entries:
            return None
        before = [e for start, e in entries if start <= day]
        lb = (before[-1] if before else entries[0][1]).legal_basis
        return LegalRef(lb.law, lb.article, lb.url, lb.bwb)

    def add(
        self,
        rule: str,
        outcome: Outcome,
        period: str,
        explanation: str,
        *,
        regime: str,
        limit: Decimal | None = None,
        value: Decimal | None = None,
        basis: FigureValue | None = None,
        params: Iterable[tuple[str, object]] = (),
        missing: str | None = None,
        ref: LegalRef | None = None,
    ) -> None:
        """`basis`: the rule value the finding applies (its legal basis and source); `ref`: the
        legal basis of a finding that applies no single value (wages, a missing figure)."""
        self.findings.append(
            Finding(
                rule=rule,
                outcome=outcome,
                period=period,
                explanation=explanation,
                limit=limit,
                value=value,
                legal_basis=legal_ref(basis) if basis else ref,
                source_url=basis.source.url if basis else None,
                regime=regime,
                params=tuple((k, str(v)) for k, v in params),
                missing=missing,
            )
        )

    def age(self, day: date) -> int | None:
        b = self.resident.birth_date
        return None if b is None else age_on(b, day)


@dataclass
class CapTest:
    """Monthly and yearly caps of one regime applied to one series of counted amounts."""

    month_caps: dict[int, FigureValue | None]
    month_over: dict[int, bool]
    year_over: bool
    year_cap_end: FigureValue | None
    year_limit_at_breach: Decimal | None
    complete: bool  # every cap needed was known


def cap_test(
    y: YearContext,
    regime: str,
    month_fid: str,
    year_fid: str,
    counted_payments: Sequence[Payment],
    counted: dict[int, Decimal],
) -> CapTest:
    month_caps: dict[int, FigureValue | None] = {}
    month_over: dict[int, bool] = {}
    complete = True
    for m in MONTHS:
        cap = y.figure(month_fid, date(y.year, m, 1), regime) if counted[m] > 0 else None
        if counted[m] > 0 and cap is None:
            complete = False
        month_caps[m] = cap
        month_over[m] = bool(cap is not None and counted[m] > cap.decimal)
    year_over = False
    limit_at_breach: Decimal | None = None
    cum = ZERO
    for p in counted_payments:
        cum += p.amount
        cap = y.figure(year_fid, p.date, regime)
        if cap is None:
            complete = False
        elif cum > cap.decimal and not year_over:
            year_over, limit_at_breach = True, cap.decimal
    year_cap_end = None
    if counted_payments:
        year_cap_end = y.figure(year_fid, date(y.year, 12, 31), regime, mark_month=False)
        if year_cap_end is None:
            complete = False
        elif cum > year_cap_end.decimal and not year_over:
            year_over, limit_at_breach = True, year_cap_end.decimal
    return CapTest(month_caps, month_over, year_over, year_cap_end, limit_at_breach, complete)


def report_caps(
    y: YearContext, regime: str, test: CapTest, counted: dict[int, Decimal], total: Decimal, rule_prefix: str
) -> None:
    for m in MONTHS:
        cap = test.month_caps[m]
        if cap is None:  # no allowance counted in this month (cap_test looks a cap up only then)
            continue
        over = test.month_over[m]
        y.add(
            f"{rule_prefix}.month_cap",
            "fail" if over else "ok",
            month_key(y.year, m),
            f"{rule_prefix.split('.')[0]}.month_over_cap"
            if over
            else f"{rule_prefix.split('.')[0]}.month_within_cap",
            regime=regime,
            limit=cap.decimal,
            value=counted[m],
            basis=cap,
        )
    if test.year_cap_end is not None:
        over = test.year_over
        limit = test.year_limit_at_breach or test.year_cap_end.decimal  # set only when over
        y.add(
            f"{rule_prefix}.year_cap",
            "fail" if over else "ok",
            str(y.year),
            f"{rule_prefix.split('.')[0]}.year_over_cap"
            if over
            else f"{rule_prefix.split('.')[0]}.year_within_cap",
            regime=regime,
            limit=limit,
            value=total,
            basis=test.year_cap_end,
        )


# -- benefits ---------------------------------------------------------------------------------


def runs_on(entries: Sequence[Benefit], day: date) -> bool:
    return any(b.active_on(day) for b in entries)
