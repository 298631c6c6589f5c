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

import calendar
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_CEILING, Decimal

from vergoedingcheck.engine.provisional import with_provisional
from vergoedingcheck.engine.result import (
    BenefitResult,
    CheckResult,
    Finding,
    GiftResult,
    LegalRef,
    MonthResult,
    Outcome,
    ResidentResult,
    Status,
    TaxResult,
    YearResult,
    worst,
)
from vergoedingcheck.model import (
    BENEFIT_TYPES,
    BIJSTAND_FAMILY,
    UWV_AO_FAMILY,
    Benefit,
    Payer,
    Payment,
    Resident,
    age_on,
)
from vergoedingcheck.money import q
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


def _ref(v: FigureValue) -> LegalRef:
    """One LegalRef per figure value (the ruleset keeps its values alive, so ids are stable)."""
    hit = _REFS.get(id(v))
    if hit is not None and hit[0] is v:
        return hit[1]
    lb = v.legal_basis
    ref = LegalRef(lb.law, lb.article, lb.url, lb.bwb)
    _REFS[id(v)] = (v, ref)
    return ref


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@dataclass
class _Year:
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
                legal_basis=_ref(basis) if basis else ref,
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
class _CapTest:
    """Monthly and yearly caps of one regime applied to one series of counted amounts."""

    month_caps: dict[int, FigureValue | None]
    month_over: dict[int, bool]
    year_over: bool
    year_cap_end: FigureValue | None
    year_limit_at_breach: Decimal | None
    complete: bool  # every cap needed was known


def _cap_test(
    y: _Year,
    regime: str,
    month_fid: str,
    year_fid: str,
    counted_payments: Sequence[Payment],
    counted: dict[int, Decimal],
) -> _CapTest:
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
    return _CapTest(month_caps, month_over, year_over, year_cap_end, limit_at_breach, complete)


def _report_caps(
    y: _Year, regime: str, test: _CapTest, counted: dict[int, Decimal], total: Decimal, rule_prefix: str
) -> None:
    for m in MONTHS:
        cap = test.month_caps[m]
        if cap is None or counted[m] <= 0:
            continue
        over = test.month_over[m]
        y.add(
            f"{rule_prefix}.month_cap",
            "fail" if over else "ok",
            _month_key(y.year, m),
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
        limit = test.year_limit_at_breach if over and test.year_limit_at_breach else test.year_cap_end.decimal
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


# -- payers ---------------------------------------------------------------------------------------


def _payers(y: _Year) -> dict[str, list[Payment]]:
    """Spec §3 Payers (Wet LB 1964 art. 2 lid 6): only work for an ANBI, an SBBI, a sports
    organisation or an organisation not subject to corporate tax can carry a volunteer allowance,
    and a volunteer is not the payer's employee.

    - a fixed allowance from a payer listed as `commercial` is pay (already turned into `loon` by
      `_Year`): one `fail` finding per payer saying why;
    - a payer that is not listed, or a payment without payer, is assumed to qualify: one `ok`
      finding for the year (`payer.assumed`);
    - a payer that pays `loon` and an allowance in the same year: its allowances are `unknown`
      (one finding per payer naming what to record). Returns those allowances by payer.
    """
    year = str(y.year)
    for name, pays in y.commercial.items():
        total = sum((p.amount for p in pays), ZERO)
        y.add(
            "payer.commercial",
            "fail",
            year,
            "payer.commercial_is_wages",
            regime="tax",
            value=total,
            ref=VOLUNTEER_PAYERS,
            params=[("payer", name), ("count", len(pays))],
        )
    unlisted = [p for p in y.payments if p.is_fixed_allowance and (not p.payer or p.payer not in y.payers)]
    if unlisted:
        names = sorted({p.payer for p in unlisted if p.payer})
        without = sum(1 for p in unlisted if not p.payer)
        y.add(
            "payer.type",
            "ok",
            year,
            "payer.assumed",
            regime="tax",
            ref=VOLUNTEER_PAYERS,
            params=[("payers", ", ".join(names)), ("without_payer", without)],
        )
    wage_payers = {p.payer for p in y.payments if p.kind == "loon" and p.payer}
    mixed: dict[str, list[Payment]] = {}
    for p in y.payments:
        if p.is_fixed_allowance and p.payer in wage_payers:
            assert p.payer is not None
            mixed.setdefault(p.payer, []).append(p)
    for name, pays in mixed.items():
        y.add(
            "payer.wages_and_allowance",
            "unknown",
            year,
            "payer.wages_and_allowance",
            regime="tax",
            value=sum((p.amount for p in pays), ZERO),
            ref=VOLUNTEER_NOT_EMPLOYEE,
            missing="allowance_not_pay",
            params=[("payer", name)],
        )
        for p in pays:
            y.month_status[p.date.month].append("unknown")
    return mixed


def _with_mixed(b: BenefitResult, mixed: Sequence[Payment], entries: Sequence[Benefit]) -> BenefitResult:
    """A benefit whose period holds an allowance from a payer that also pays wages: a safe one
    cannot be vouched for (`unknown`), and its countable amount cannot be known (the allowance
    counts in full if it is pay), so it is null; an unsafe one stays unsafe."""
    if b.type not in BIJSTAND_FAMILY | UWV_AO_FAMILY | {"ww"}:
        return b
    if not any(_in_period(entries, p.date) for p in mixed):
        return b
    return replace(b, status="unsafe" if b.status == "unsafe" else "unknown", countable=None)


# -- tax ------------------------------------------------------------------------------------------


def _tax_counted(y: _Year) -> tuple[list[Payment], dict[int, Decimal]]:
    """Counted for the tax test: fixed allowances, plus proven costs in a year that also has one."""
    with_costs = y.fixed_year > 0
    pays = [p for p in y.payments if p.is_fixed_allowance or (with_costs and p.is_proven_costs)]
    counted = {m: y.fixed[m] + (y.proven[m] if with_costs else ZERO) for m in MONTHS}
    return pays, counted


def _tax(y: _Year) -> tuple[TaxResult, _CapTest]:
    pays, counted = _tax_counted(y)
    test = _cap_test(y, "tax", "tax.volunteer.month_cap", "tax.volunteer.year_cap", pays, counted)
    total = sum(counted.values(), ZERO)
    _report_caps(y, "tax", test, counted, total, "tax.volunteer")
    hourly_unknown = _hourly_norm(y)
    breach = test.year_over or any(test.month_over.values())
    if breach:
        taxable: Decimal | None = y.fixed_year + y.loon_year
        y.add(
            "tax.volunteer.regime",
            "fail",
            str(y.year),
            "tax.whole_amount_taxable_costs" if y.proven_year > 0 else "tax.whole_amount_taxable",
            regime="tax",
            basis=test.year_cap_end
            if test.year_over
            else next((test.month_caps[m] for m in MONTHS if test.month_over[m]), None),
            value=y.fixed_year,
            params=[("taxable", y.fixed_year), ("proven_costs", y.proven_year)],
        )
        for m in MONTHS:
            if y.fixed[m] > 0:
                y.month_status[m].append("unsafe")
    elif not test.complete or hourly_unknown:
        taxable = None
    else:
        taxable = y.loon_year
    if y.loon_year > 0:
        y.add(
            "tax.wages",
            "fail",
            str(y.year),
            "tax.wages_taxable",
            regime="tax",
            value=y.loon_year,
            ref=WAGES_TAXED,
        )
        for m in MONTHS:
            if y.loon[m] > 0:
                y.month_status[m].append("unsafe")
    status: Status
    if breach or y.loon_year > 0:
        status = "unsafe"
    elif not test.complete or hourly_unknown:
        status = "unknown"
    else:
        status = "safe"
    return TaxResult(status, total, taxable), test


def _hourly_norm(y: _Year) -> bool:
    """The Belastingdienst hourly norm (spec §3 Tax; rules-nl.md §0a item 4). Above it the
    allowance is a volunteer allowance only if the payer can show the rate is not a market rate
    ("mogelijk nog steeds", BD-VV): a payer listed with `below_market_rate: true` makes it a
    warning; otherwise the tax regime is unknown for the year. True when it is unknown.
    (Municipal policy may make the norm hard for bijstand: `policy.hourly_norm_hard`.)"""
    unknown = False
    for p in y.payments:
        if not (p.is_fixed_allowance and p.hours):
            continue
        over = _over_hourly_norm(y, p, "tax")
        if over is None:
            continue
        rate, norm, basis = over
        if rate <= norm:
            continue
        payer = y.payers.get(p.payer) if p.payer else None
        explained = payer is not None and payer.below_market_rate
        y.add(
            "tax.volunteer.hourly_norm",
            "warning" if explained else "unknown",
            p.date.isoformat(),
            "tax.hourly_over_norm" if explained else "tax.hourly_over_norm_unknown",
            regime="tax",
            limit=norm,
            value=_cents_up(rate),
            basis=basis,
            params=[("hours", p.hours), ("amount", p.amount), ("payer", p.payer or "")],
            missing=None if explained else "below_market_rate",
        )
        if not explained:
            unknown = True
            y.month_status[p.date.month].append("unknown")
    return unknown


def _hard_hourly_breach(
    y: _Year,
    p: Payment,
    regime: str,
    flag: str,
    explanation: str,
    params: Iterable[tuple[str, object]] = (),
) -> bool | None:
    """Where `flag` makes the hourly norm a hard condition: True (and a `fail` finding) when the
    payment is over the norm; False when it is not or the flag is off; None when unknown."""
    hard = y.figure(flag, p.date, regime)
    if hard is None:
        return None
    if not hard.value:
        return False
    over = _over_hourly_norm(y, p, regime)
    if over is None:
        return None
    rate, norm, _ = over
    if rate <= norm:
        return False
    y.add(
        flag,
        "fail",
        p.date.isoformat(),
        explanation,
        regime=regime,
        limit=norm,
        value=_cents_up(rate),
        basis=hard,
        params=params,
    )
    return True


def _regulation_hourly_breach(y: _Year, p: Payment, regime: str, flag: str, explanation: str) -> bool | None:
    """The hourly condition of the WW volunteer regulation until 2019 (Stcrt. 2014, 36337, art. 1:
    EUR 4.50 an hour, EUR 2.50 under 23: its own figures and age, not the tax norm), which UWV also
    applied to ZW/WIA/WAO/Wajong in 2017-2018 (`flag` per regime). True (and a `fail` finding)
    when the payment is above it; False when not or the flag is off; None when unknown."""
    hard = y.figure(flag, p.date, regime)
    if hard is None:
        return None
    if not hard.value:
        return False
    assert p.hours
    age = y.age(p.date)
    if age is None:
        y.add(
            flag,
            "unknown",
            p.date.isoformat(),
            "fact.missing_birth_date",
            regime=regime,
            missing="birth_date",
            ref=y.figure_ref("ww.volunteer.hourly_limit_age", p.date),
        )
        y.month_status[p.date.month].append("unknown")
        return None
    threshold = y.figure("ww.volunteer.hourly_limit_age", p.date, regime)
    if threshold is None:
        return None
    fid = "ww.volunteer.hourly_limit" if age >= threshold.value else "ww.volunteer.hourly_limit_young"
    limit = y.figure(fid, p.date, regime)
    if limit is None:
        return None
    rate = p.amount / p.hours  # unrounded: 45.01 for 10 hours is over 4.50
    if rate <= limit.decimal:
        return False
    y.add(
        flag,
        "fail",
        p.date.isoformat(),
        explanation,
        regime=regime,
        limit=limit.decimal,
        value=_cents_up(rate),
        basis=hard,
        params=[("age", age), ("amount", p.amount), ("hours", p.hours)],
    )
    return True


def _cents_up(d: Decimal) -> Decimal:
    """A rate shown to people: rounded up to the cent, so 5.501 shows as 5.51, not as the norm."""
    return d.quantize(Decimal("0.01"), rounding=ROUND_CEILING)


def _over_hourly_norm(y: _Year, p: Payment, regime: str) -> tuple[Decimal, Decimal, FigureValue] | None:
    """(rate, norm, basis) for a payment with hours, or None when the norm cannot be known."""
    assert p.hours
    age = y.age(p.date)
    if age is None:
        y.add(
            "tax.volunteer.hourly_norm",
            "warning",
            p.date.isoformat(),
            "fact.missing_birth_date",
            regime=regime,
            missing="birth_date",
            ref=y.figure_ref("tax.volunteer.hourly_norm_age", p.date),
        )
        return None
    threshold = y.figure("tax.volunteer.hourly_norm_age", p.date, regime)
    if threshold is None:
        return None
    fid = "tax.volunteer.hourly_norm" if age >= threshold.value else "tax.volunteer.hourly_norm_young"
    norm = y.figure(fid, p.date, regime)
    if norm is None:
        return None
    # compare unrounded: €55.01 for 10 hours is over a €5.50 norm (5.501 > 5.50)
    rate = p.amount / p.hours
    return rate, norm.decimal, norm


# -- benefits ---------------------------------------------------------------------------------


def _in_period(entries: Sequence[Benefit], day: date) -> bool:
    return any(b.active_on(day) for b in entries)


def _bijstand(y: _Year, btype: str, entries: Sequence[Benefit]) -> BenefitResult:
    """Participatiewet art. 31 lid 2 k (volunteer allowance), lid 5 (under 27), lid 2 m (gifts)."""
    regime = btype
    in_period = [p for p in y.payments if _in_period(entries, p.date)]
    fixed_pays = [p for p in y.payments if p.is_fixed_allowance]
    test = _cap_test(y, regime, "pw.volunteer.month_cap", "pw.volunteer.year_cap", fixed_pays, y.fixed)
    _report_caps(y, regime, test, y.fixed, y.fixed_year, "pw.volunteer")
    countable = ZERO
    unknown = not test.complete
    breach_mode = (
        y.figure("policy.year_breach", date(y.year, 12, 31), regime, mark_month=False)
        if test.year_over
        else None
    )
    if test.year_over and breach_mode is None:
        unknown = True
    excess_only = breach_mode is not None and breach_mode.value == "excess"
    if excess_only:
        y.add(
            "policy.year_breach",
            "info",
            str(y.year),
            "pw.year_breach_excess_only",
            regime=regime,
            basis=breach_mode,
        )
    eligible_by_month: dict[int, Decimal] = dict.fromkeys(MONTHS, ZERO)
    for p in in_period:
        if not p.is_fixed_allowance:
            continue
        age = y.age(p.date)
        if age is None:
            y.add(
                "pw.volunteer.min_age",
                "unknown",
                p.date.isoformat(),
                "fact.missing_birth_date",
                regime=regime,
                missing="birth_date",
                ref=y.figure_ref("pw.volunteer.min_age", p.date),
            )
            y.month_status[p.date.month].append("unknown")
            unknown = True
            continue
        min_age = y.figure("pw.volunteer.min_age", p.date, regime)
        if min_age is None:
            unknown = True
            continue
        if age < min_age.value:
            temp = y.figure("pw.volunteer.young_temporary_disregard", p.date, regime)
            if temp is None:
                unknown = True
                continue
            if not temp.value:
                countable += p.amount
                y.month_status[p.date.month].append("unsafe")
                y.add(
                    "pw.volunteer.min_age",
                    "fail",
                    p.date.isoformat(),
                    "pw.under_min_age",
                    regime=regime,
                    limit=Decimal(min_age.value),
                    value=p.amount,
                    basis=min_age,
                    params=[("age", age), ("amount", p.amount)],
                )
                continue
            y.add(
                "pw.volunteer.young_temporary_disregard",
                "info",
                p.date.isoformat(),
                "pw.temporary_young_disregard",
                regime=regime,
                value=p.amount,
                basis=temp,
                params=[("age", age)],
            )
        if p.hours:
            breach = _hard_hourly_breach(
                y,
                p,
                regime,
                "policy.hourly_norm_hard",
                "pw.hourly_norm_hard",
                params=[("amount", p.amount), ("municipality", y.mun or "")],
            )
            if breach is None:
                unknown = True
            elif breach:
                countable += p.amount
                y.month_status[p.date.month].append("unsafe")
                continue
        eligible_by_month[p.date.month] += p.amount
    eligible_year = sum(eligible_by_month.values(), ZERO)
    if test.year_over and breach_mode is not None:
        if excess_only:
            over_by = y.fixed_year - (test.year_cap_end.decimal if test.year_cap_end else ZERO)
            month_part = sum((eligible_by_month[m] for m in MONTHS if test.month_over[m]), ZERO)
            countable += min(eligible_year, max(month_part, over_by))
        else:
            countable += eligible_year
        for m in MONTHS:
            if eligible_by_month[m] > 0:
                y.month_status[m].append("unsafe")
    else:
        for m in MONTHS:
            if test.month_over[m] and eligible_by_month[m] > 0:
                cap = test.month_caps[m]
                part = eligible_by_month[m]
                if excess_only and cap is not None:
                    part = min(part, y.fixed[m] - cap.decimal)
                countable += part
                y.month_status[m].append("unsafe")
    wages = sum((p.amount for p in in_period if p.kind == "loon"), ZERO)
    if wages > 0:
        countable += wages
        y.add(
            "pw.wages", "fail", str(y.year), "pw.wages_countable", regime=regime, value=wages, ref=PW_INCOME
        )
    gift_countable, gift_unknown = _gifts_countable(y)
    countable += gift_countable
    unknown = unknown or gift_unknown
    action = "report_to_svb" if btype == "aio" else "report_to_municipality"
    actions = (action,) if in_period or gift_countable > 0 else ()
    status: Status = "unsafe" if countable > 0 else ("unknown" if unknown else "safe")
    return BenefitResult(btype, status, None if unknown else countable, actions)


def _gift_limit(y: _Year, day: date) -> FigureValue | None:
    return y.figure("pw.gift.year_limit", day, "gifts", quiet=True)


def _gifts_countable(y: _Year) -> tuple[Decimal, bool]:
    """Gifts to the household above the yearly limit (statutory from 2026, municipal before)."""
    gifts = y.household_gifts
    if not gifts:
        return ZERO, False
    cum = ZERO
    for g in gifts:  # every gift's date must have a limit (a municipal policy may end mid-year)
        cum += g.amount
        limit = _gift_limit(y, g.date)
        if limit is None:
            y.add(
                "pw.gift.year_limit",
                "unknown",
                str(y.year),
                "gifts.policy_unknown",
                regime="gifts",
                ref=y.figure_ref("pw.gift.year_limit", g.date),
                value=sum((x.amount for x in gifts), ZERO),
                missing="pw.gift.year_limit",
                params=[("municipality", y.mun or ""), ("date", g.date.isoformat())],
            )
            for x in gifts:
                if x.resident == y.resident.id:
                    y.month_status[x.date.month].append("unknown")
            return ZERO, True
    last = _gift_limit(y, gifts[-1].date)
    assert last is not None
    excess = max(ZERO, cum - last.decimal)
    counted_on = y.gifts_counted_on
    if excess > 0 and counted_on is not None and counted_on != y.resident.id:
        # one household's income, counted once: on the benefit of `counted_on`, not on this one
        y.add(
            "pw.gift.year_limit",
            "warning",
            str(y.year),
            "gifts.over_limit_counted_on_other",
            regime="gifts",
            limit=last.decimal,
            value=cum,
            basis=last,
            params=[
                ("household", y.resident.household or ""),
                ("excess", excess),
                ("counted_on", counted_on),
            ],
        )
        return ZERO, False
    y.add(
        "pw.gift.year_limit",
        "fail" if excess > 0 else "ok",
        str(y.year),
        "gifts.over_limit" if excess > 0 else "gifts.within_limit",
        regime="gifts",
        limit=last.decimal,
        value=cum,
        basis=last,
        params=[("household", y.resident.household or ""), ("excess", excess)],
    )
    if excess > 0:
        for g in gifts:
            if g.resident == y.resident.id:
                y.month_status[g.date.month].append("unsafe")
    return excess, False


def _uwv_ao(y: _Year, btype: str, entries: Sequence[Benefit]) -> BenefitResult:
    """ZW, WIA, WAO, Wajong: UWV uses the tax caps; over them the work allowance is offset."""
    regime = btype
    in_period = [p for p in y.payments if _in_period(entries, p.date)]
    day = in_period[0].date if in_period else date(y.year, 12, 31)
    basis = y.figure("uwv.volunteer.regime", day, regime)
    costs_count = y.figure(
        "uwv.volunteer.costs_count_for_cap", date(y.year, 12, 31), regime, mark_month=False
    )
    if costs_count is not None and costs_count.value:
        cap_pays, counted = _tax_counted(y)  # allowance plus proven costs (option), as for tax
    else:
        cap_pays, counted = [p for p in y.payments if p.is_fixed_allowance], y.fixed
    test = _cap_test(y, regime, "tax.volunteer.month_cap", "tax.volunteer.year_cap", cap_pays, counted)
    _report_caps(y, regime, test, counted, sum(counted.values(), ZERO), "uwv.volunteer")
    unknown = basis is None or costs_count is None or not test.complete
    countable = _offset_fixed(y, test, in_period)
    for p in in_period:  # 2017-2018: above EUR 4.50 an hour (2.50 under 23) UWV saw paid work
        if not (p.is_fixed_allowance and p.hours) or test.year_over or test.month_over[p.date.month]:
            continue
        breach = _regulation_hourly_breach(
            y, p, regime, "uwv.volunteer.hourly_norm_hard", "uwv.hourly_norm_hard"
        )
        if breach is None:
            unknown = True
        elif breach:
            countable += p.amount
            y.month_status[p.date.month].append("unsafe")
    wages = sum((p.amount for p in in_period if p.kind == "loon"), ZERO)
    if wages > 0:
        countable += wages
        y.add(
            "uwv.wages", "fail", str(y.year), "uwv.wages_countable", regime=regime, value=wages, basis=basis
        )
    actions = ("report_to_uwv",) if in_period else ()
    status: Status = "unsafe" if countable > 0 else ("unknown" if unknown else "safe")
    return BenefitResult(btype, status, None if unknown and countable == 0 else countable, actions)


def _offset_fixed(y: _Year, test: _CapTest, in_period: Sequence[Payment]) -> Decimal:
    """The fixed allowances in the benefit period that are offset: the year's on a year breach,
    else those of each month over its cap. Proven costs never."""
    total = ZERO
    for p in in_period:
        if p.is_fixed_allowance and (test.year_over or test.month_over[p.date.month]):
            total += p.amount
            y.month_status[p.date.month].append("unsafe")
    return total


def _ww(y: _Year, entries: Sequence[Benefit]) -> BenefitResult:
    """WW: permission first; over the caps UWV deducts a fictitious wage (hours x hourly wage)."""
    regime = "ww"
    in_period = [p for p in y.payments if _in_period(entries, p.date)]
    volunteer = [p for p in in_period if p.is_fixed_allowance or p.is_proven_costs]
    day = in_period[0].date if in_period else date(y.year, 12, 31)
    basis = y.figure("ww.volunteer.regime", day, regime)
    unknown = basis is None
    unsafe = False
    countable: Decimal | None = ZERO
    actions: list[str] = ["report_to_uwv"] if in_period else []
    active = [b for b in entries if any(b.active_on(p.date) for p in volunteer)] or list(entries)
    permissions = {b.uwv_permission for b in active}
    if volunteer:
        if False in permissions:
            unsafe = True
            y.add("ww.permission", "fail", str(y.year), "ww.permission_refused", regime=regime, basis=basis)
            actions.append("ask_uwv_permission")
            for p in volunteer:
                y.month_status[p.date.month].append("unsafe")
        elif None in permissions:
            unknown = True
            y.add(
                "ww.permission",
                "unknown",
                str(y.year),
                "ww.permission_unknown",
                regime=regime,
                basis=basis,
                missing="uwv_permission",
            )
            actions.append("ask_uwv_permission")
            for p in volunteer:
                y.month_status[p.date.month].append("unknown")
        else:
            y.add("ww.permission", "ok", str(y.year), "ww.permission_given", regime=regime, basis=basis)
    fixed_pays = [p for p in y.payments if p.is_fixed_allowance]
    test = _cap_test(y, regime, "tax.volunteer.month_cap", "tax.volunteer.year_cap", fixed_pays, y.fixed)
    _report_caps(y, regime, test, y.fixed, y.fixed_year, "ww.volunteer")
    unknown = unknown or not test.complete
    over = [
        p for p in in_period if p.is_fixed_allowance and (test.year_over or test.month_over[p.date.month])
    ]
    for p in in_period:  # until 2019 the WW regulation also set an hourly limit (Stcrt. 2014, 36337)
        if p in over or not (p.is_fixed_allowance and p.hours):
            continue
        breach = _regulation_hourly_breach(
            y, p, regime, "ww.volunteer.hourly_norm_hard", "ww.hourly_norm_hard"
        )
        if breach is None:
            unknown = True
        elif breach:
            over.append(p)
    if over:
        unsafe = True
        wages = {b.ww_hourly_wage for b in active if b.ww_hourly_wage is not None}
        hours_missing = any(not p.hours for p in over)
        for p in over:
            y.month_status[p.date.month].append("unsafe")
        if hours_missing or len(wages) != 1:
            countable = None
            y.add(
                "ww.fictitious_wage",
                "unknown",
                str(y.year),
                "ww.fictitious_wage_unknown",
                regime=regime,
                basis=basis,
                missing="hours" if hours_missing else "ww_hourly_wage",
            )
        else:
            wage = wages.pop()
            hours = sum((p.hours or ZERO for p in over), ZERO)
            fictitious = q(hours * wage)  # half up to the cent: the one rounding rule (money.q)
            countable = fictitious
            y.add(
                "ww.fictitious_wage",
                "fail",
                str(y.year),
                "ww.fictitious_wage",
                regime=regime,
                value=fictitious,
                basis=basis,
                params=[("hours", hours), ("hourly_wage", wage)],
            )
    loon = sum((p.amount for p in in_period if p.kind == "loon"), ZERO)
    if loon > 0:
        unsafe = True
        if countable is not None:
            countable += loon
        y.add("ww.wages", "fail", str(y.year), "uwv.wages_countable", regime=regime, value=loon, basis=basis)
    if unsafe and countable is not None and countable == 0 and False in permissions:
        countable = None  # permission refused: UWV decides what happens to the benefit
    status: Status = "unsafe" if unsafe else ("unknown" if unknown else "safe")
    if status == "unknown":
        countable = None
    return BenefitResult("ww", status, countable, tuple(dict.fromkeys(actions)))


def _aow(y: _Year) -> BenefitResult:
    v = y.figure("aow.means_tested", date(y.year, 12, 31), "aow", mark_month=False)
    if v is None:
        return BenefitResult("aow", "unknown", None)
    if v.value:  # pragma: no cover - no such period in Dutch law; loud if a rule file says so
        y.add("aow.means_tested", "unknown", str(y.year), "aow.means_tested", regime="aow", basis=v)
        return BenefitResult("aow", "unknown", None)
    y.add("aow.means_tested", "ok", str(y.year), "aow.not_means_tested", regime="aow", basis=v)
    return BenefitResult("aow", "safe", ZERO)


def _toeslagen(y: _Year, tax: TaxResult) -> BenefitResult:
    """Toeslagen follow the household (spec §3): the taxable amounts of the resident and of every
    other member of the same household that year are added up, each named in a finding."""
    v = y.figure("toeslagen.income_test", date(y.year, 12, 31), "toeslagen", mark_month=False)
    if v is None or tax.taxable is None:
        return BenefitResult("toeslagen", "unknown", None)
    unknown_partner = False
    countable = tax.taxable
    for pid, taxable in y.partners_taxable:
        if taxable is None:
            unknown_partner = True
            y.add(
                "toeslagen.income_test",
                "unknown",
                str(y.year),
                "toeslagen.partner_unknown",
                regime="toeslagen",
                basis=v,
                missing="partner_taxable",
                params=[("partner", pid)],
            )
        elif taxable > 0:
            countable += taxable
            y.add(
                "toeslagen.income_test",
                "fail",
                str(y.year),
                "toeslagen.partner_income_raised",
                regime="toeslagen",
                value=taxable,
                basis=v,
                params=[("partner", pid)],
            )
    if tax.taxable > 0:
        y.add(
            "toeslagen.income_test",
            "fail",
            str(y.year),
            "toeslagen.income_raised",
            regime="toeslagen",
            value=tax.taxable,
            basis=v,
        )
    if countable > 0:
        return BenefitResult("toeslagen", "unsafe", countable, ("report_to_toeslagen",))
    if unknown_partner:
        return BenefitResult("toeslagen", "unknown", None)
    y.add(
        "toeslagen.income_test",
        "ok",
        str(y.year),
        "toeslagen.no_effect",
        regime="toeslagen",
        value=ZERO,
        basis=v,
    )
    return BenefitResult("toeslagen", "safe", ZERO)


# -- headroom ---------------------------------------------------------------------------------


def _year_room_from(
    y: _Year, regime: str, year_fid: str, pays: Sequence[Payment], start: date
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


def _month_bounds(year: int, m: int) -> tuple[date, date]:
    return date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1])


def _days_in_month(entries: Sequence[Benefit], first: date, last: date) -> list[tuple[date, date]]:
    """For each benefit that runs on ANY day of the month (a benefit that starts on the 31st counts
    for that month), the first and last day of the month on which it runs."""
    out = []
    for b in entries:
        lo = max(first, b.since) if b.since is not None else first
        hi = min(last, b.until) if b.until is not None else last
        if lo <= hi:
            out.append((lo, hi))
    return out


def _headroom(
    y: _Year,
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
        first, last = _month_bounds(y.year, m)
        rooms: list[Decimal] = []
        series: list[tuple[str, str, str, Sequence[Payment], dict[int, Decimal]]] = [
            ("tax", "tax.volunteer.month_cap", "tax.volunteer.year_cap", tax_pays, tax_counted)
        ]
        bij_days = _days_in_month(bijstand_entries, first, last)
        if bij_days:
            btype = next(b.type for b in bijstand_entries if _days_in_month([b], first, last))
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
        if _days_in_month(ww_entries, first, last) and not ww_permission_ok:
            continue
        known = True
        for regime, month_fid, year_fid, pays, counted in series:
            mcap = y.figure(month_fid, first, regime, quiet=True)
            yroom = _year_room_from(y, regime, year_fid, pays, first)
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
        r = _year_room_from(y, regime, year_fid, pays, end)
        if r is None:
            return months, ZERO
        year_room_total = r if year_room_total is None else min(year_room_total, r)
    assert year_room_total is not None
    # ZW/WIA/WAO/Wajong and WW use the tax caps: the tax series already bounds their room
    return months, max(ZERO, min(year_room_total, sum(months.values(), ZERO)))


# -- the whole ----------------------------------------------------------------------------------


def _evaluate_year(y: _Year) -> YearResult:
    r = y.resident
    # tax needs no change for `mixed`: the same payer's wages already make it unsafe (taxed as wages)
    mixed = [p for pays in _payers(y).values() for p in pays]
    tax, _ = _tax(y)
    benefits: list[BenefitResult] = []
    by_type: dict[str, list[Benefit]] = {}
    for b in r.benefits:
        if b.overlaps_year(y.year):
            by_type.setdefault(b.type, []).append(b)
    bijstand_entries: list[Benefit] = []
    for btype, entries in by_type.items():
        if btype in BIJSTAND_FAMILY:
            benefits.append(_bijstand(y, btype, entries))
            bijstand_entries += entries
        elif btype in UWV_AO_FAMILY:
            benefits.append(_uwv_ao(y, btype, entries))
        elif btype == "ww":
            benefits.append(_ww(y, entries))
        elif btype == "aow":
            benefits.append(_aow(y))
        elif btype == "toeslagen":
            benefits.append(_toeslagen(y, tax))
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
        benefits = [_with_mixed(b, mixed, by_type.get(b.type, [])) for b in benefits]
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
    month_rooms, year_room = _headroom(y, allowance_cliff(status, y.findings), bijstand_entries, ww_entries)
    _, tax_counted = _tax_counted(y)
    months = tuple(
        MonthResult(
            _month_key(y.year, m), worst(y.month_status.get(m, [])), tax_counted[m], month_rooms[m], y.paid[m]
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
                py = _Year(m, year, self._year_payments(m, year), [], self.ruleset, self.payers)
                self._taxable[key] = _tax(py)[0].taxable
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
                y = _Year(
                    r,
                    year,
                    by_year.get(year, []),
                    self.gifts.get((r.household_key, year), []),
                    self.ruleset,
                    self.payers,
                    gifts_counted_on=self._counted_on(r, year),
                    partners_taxable=self._partners_taxable(r, year),
                )
                year_results.append(_evaluate_year(y))
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
        {x.name: x for x in payers or ()},
        dict(households),
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
