"""Compose letters from a check result: pure functions from (result, residents, payments, rules,
organisation, templates, letter date) to the frozen data in `model.py`. No reportlab here.

The sentences come from the templates in `letters/templates/`, chosen by status, regime and action;
the engine's own explanation keys are not shown to residents.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from vergoedingcheck.engine.advice import Advice
from vergoedingcheck.engine.result import (
    ACTIONS,
    BenefitResult,
    Finding,
    LegalRef,
    ResidentResult,
    Status,
    YearResult,
)
from vergoedingcheck.letters.content import (
    Executor,
    Organisation,
    Templates,
    Text,
    literal,
    load_office_map,
)
from vergoedingcheck.letters.model import (
    ActionLine,
    Block,
    Bullets,
    CoordinatorOverview,
    Heading,
    KeyValues,
    LetterHead,
    MonthAmounts,
    Office,
    OfficeLetter,
    OverviewRow,
    PageBreak,
    Para,
    PaymentLine,
    PlannedAlert,
    Proposal,
    ResidentLetter,
    Table,
    Turning27,
    Verdict,
)
from vergoedingcheck.model import BIJSTAND_FAMILY, Payment, Resident, age_on
from vergoedingcheck.money import ZERO, format_date, format_eur, format_month

OFFICE_OF: dict[str, str] = {
    "bijstand": "gemeente", "ioaw": "gemeente", "ioaz": "gemeente", "aio": "svb",
    "ww": "uwv", "zw": "uwv", "wia": "uwv", "wao": "uwv", "wajong": "uwv",
    "aow": "svb", "toeslagen": "toeslagen",
}
OFFICE_ORDER: tuple[Office, ...] = ("gemeente", "svb", "uwv")
"""Offices that get the formal letter (AOW is not means-tested, toeslagen have no such letter)."""
REPORTING_BENEFITS = frozenset(OFFICE_OF) - {"aow", "toeslagen"}
YOUNG_AGE = 27


class LetterError(ValueError):
    """The letter cannot be made from this input (no result for the year, no such office, …)."""


@dataclass(frozen=True)
class RulesInfo:
    """What a letter needs to know about the ruleset."""

    id: str
    fingerprint: str
    last_verified: date | None
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # rule -> (nl, en)
    units: dict[str, str] = field(default_factory=dict)  # rule -> "eur", "years", …

    @classmethod
    def from_ruleset(cls, ruleset: Any, fingerprint: str | None = None) -> RulesInfo:
        if isinstance(ruleset, RulesInfo):
            return ruleset
        figures = getattr(ruleset, "figures", {}) or {}
        titles = {fid: (getattr(f, "title", fid), getattr(f, "title_en", fid))
                  for fid, f in figures.items()}
        return cls(
            id=str(getattr(ruleset, "id", "nl")),
            fingerprint=fingerprint or str(getattr(ruleset, "fingerprint", "")),
            last_verified=getattr(ruleset, "last_verified", None),
            titles=titles,
            units={fid: str(getattr(f, "unit", "eur")) for fid, f in figures.items()},
        )

    def title(self, rule: str, lang: str) -> str:
        t = self.titles.get(rule)
        if t:
            return t[0] if lang == "nl" else t[1]
        return rule


# -- small helpers --------------------------------------------------------------------------------


def _eur(d: Decimal | None, t: Templates) -> str:
    return format_eur(d, t.locale)


def _date(d: date, t: Templates) -> str:
    return format_date(d, t.locale)


def _day(d: date, t: Templates) -> str:
    """`15 maart`: the day within the letter's year (the year is in the heading)."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(d, "d MMMM", locale=t.locale))


def _month(ym: str, t: Templates) -> str:
    y, m = ym.split("-")[:2]
    return format_month(int(y), int(m), t.locale)


def _period(p: str, t: Templates, short: bool = False) -> str:
    """A period in words; `short`: a day as 12-02-2025 (for a table's narrow column)."""
    if ".." in p:  # a range of periods, e.g. "2026-02..2026-11"
        a, b = p.split("..", 1)
        return f"{_period(a, t, short)} – {_period(b, t, short)}"
    parts = p.split("-")
    if len(parts) == 1:
        return p
    if len(parts) == 2:
        return _month(p, t)
    d = date.fromisoformat(p)
    return f"{d.day:02d}-{d.month:02d}-{d.year}" if short else _date(d, t)


def _figure(value: Decimal | None, unit: str, t: Templates) -> str:
    """A limit or value in its unit: `€ 220,00`, `€ 14,50 per uur`, `27 jaar`."""
    if value is None:
        return "–"
    if unit == "years":
        return t.s("units.years", n=str(int(value)))
    if unit == "eur_per_hour":
        return t.s("units.per_hour", amount=_eur(value, t))
    return _eur(value, t)


def _basis(lb: LegalRef) -> str:
    return f"{lb.law}, art. {lb.article}"


def _join(names: Sequence[str], t: Templates) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + t.raw("benefits.join") + names[-1]


def _year_of(result: ResidentResult, year: int) -> YearResult:
    y = result.year(year)
    if y is None:
        raise LetterError(f"there is no check result for {result.id} in {year}")
    return y


def _payments_in(payments: Iterable[Payment], rid: str, year: int) -> list[Payment]:
    return sorted((p for p in payments if p.resident == rid and p.date.year == year),
                  key=lambda p: (p.date, p.kind, p.amount))


def _sender(org: Organisation) -> tuple[str, ...]:
    lines = [org.name, *org.address]
    lines += [x for x in (org.phone, org.email, org.website) if x]
    return tuple(lines)


def _verified(rules: RulesInfo, letter_date: date) -> date | None:
    """The date the rules were last checked, only when it is on or before the letter's date: a
    back-dated letter never claims a check made after it was written."""
    lv = rules.last_verified
    return lv if lv is not None and lv <= letter_date else None


def _footer(t: Templates, rules: RulesInfo, letter_date: date) -> str:
    lv = _verified(rules, letter_date)
    if t.kind == "resident":  # the fingerprint is jargon: office letter and store only
        return t.s("meta.footer", last_verified=_date(lv, t)) if lv else ""
    if lv is None:
        return t.s("meta.footer_unverified", fingerprint=rules.fingerprint or "?")
    return t.s("meta.footer", last_verified=_date(lv, t), fingerprint=rules.fingerprint or "?")


def _head(kind: Any, t: Templates, *, title: str, recipient: tuple[str, ...], org: Organisation,
          letter_date: date, reference: str, subject: Text, rules: RulesInfo) -> LetterHead:
    c = org.coordinator
    contact = ", ".join(x for x in (c.name, c.phone) if x)
    meta = [(t.raw("meta.date_label"), _date(letter_date, t)),
            (t.raw("meta.reference_label"), reference)]
    if contact:
        meta.append((t.raw("meta.contact_label"), contact))
    return LetterHead(
        kind=kind, lang=t.lang, language_tag=t.language_tag, title=title, recipient=recipient,
        sender=_sender(org), meta=tuple(meta), subject=subject, page_label=t.raw("meta.page"),
        footer=_footer(t, rules, letter_date), organisation=org.name, logo=org.logo,
        letter_date=letter_date,
    )


def _legal_bases(findings: Iterable[Finding]) -> tuple[LegalRef, ...]:
    fs = list(findings)
    relevant = [f for f in fs if f.outcome in ("fail", "unknown", "warning")] or fs
    # one law and article once: "2 lid 6" and "2 lid 6 (vrijwilliger: …)" are the same article
    # (the resident's "Wetten:" line named it twice); the shortest wording is kept
    seen: dict[tuple[str, str], LegalRef] = {}
    for f in relevant:
        lb = f.legal_basis
        if lb is not None:
            key = (lb.law.strip(), lb.article.split(" (")[0].strip())
            if key not in seen or len(lb.article) < len(seen[key].article):
                seen[key] = lb
    return tuple(seen[k] for k in sorted(seen))


def _signature(org: Organisation, t: Templates) -> tuple[Block, ...]:
    c = org.coordinator
    lines = [x for x in (c.name, org.name) if x]
    return (Para(t.t("closing")), Para(Text("{v}", (("v", "\n".join(lines)),), "signature"),
                                        "signature"))


def _executor(office: str, resident: Resident, types: Iterable[str], t: Templates
              ) -> Executor | None:
    """The gemeenschappelijke regeling that pays the municipality's benefit (letters/offices.yaml)."""
    if office != "gemeente":
        return None
    return load_office_map(t.path.parent.parent).executor(resident.municipality, types)


def office_address(office: str, resident: Resident, types: Iterable[str], org: Organisation,
                   t: Templates) -> tuple[str, ...]:
    """The postal address of the body that pays, from the organisation file (may be empty)."""
    if office == "uwv":
        return org.uwv_address
    if office == "svb":
        return org.svb_address
    ex = _executor(office, resident, types, t)
    return (ex and org.gemeente_address(ex.name)) or org.gemeente_address(resident.municipality)


def office_recipient(office: str, resident: Resident, types: Iterable[str], org: Organisation,
                     t: Templates) -> tuple[str, ...]:
    """The address window of the office letter: the body that actually pays the benefit (a
    gemeenschappelijke regeling such as GR de Bevelanden for Goes, UWV, SVB), then its address."""
    types = tuple(types)
    address = office_address(office, resident, types, org, t)
    if office == "uwv":
        return (t.raw("recipients.uwv"), *address)
    if office == "svb":
        return (t.raw("recipients.svb"), *address)
    ex = _executor(office, resident, types, t)
    if ex is not None:
        department = (t.s("recipients.executor_department_named", department=ex.department)
                      if ex.department else t.raw("recipients.executor_department"))
        return (ex.name, department, *address)
    name = (t.s("recipients.gemeente", municipality=resident.municipality)
            if resident.municipality else t.raw("recipients.gemeente_unnamed"))
    return (name, t.raw("recipients.gemeente_department"), *address)


def _office_name(office: str, resident: Resident, t: Templates,
                 types: Iterable[str] | None = None) -> str:
    if types is None:  # the resident's benefits that this office pays
        types = [b.type for b in resident.benefits if OFFICE_OF.get(b.type) == office]
    ex = _executor(office, resident, types, t)
    if ex is not None:
        return ex.name
    if office == "gemeente":
        if resident.municipality:
            return t.s("offices.gemeente", municipality=resident.municipality)
        return t.raw("offices.gemeente_unnamed")
    return t.raw(f"offices.{office}")


def _office_short(office: str, resident: Resident, types: Iterable[str], t: Templates) -> str:
    """The office's own short name for the letter's reference: `GR de Bevelanden`, `UWV`, `SVB`,
    or the municipality's name (never the internal word `gemeente`)."""
    ex = _executor(office, resident, types, t)
    if ex is not None:
        return ex.name
    if office in ("uwv", "svb"):
        return office.upper()
    return resident.municipality or office


def _benefit_name(btype: str, t: Templates) -> str:
    return t.raw(f"benefits.{btype}") if t.has(f"benefits.{btype}") else btype


def _fails(y: YearResult, suffix: str) -> list[Finding]:
    return [f for f in y.findings if f.outcome == "fail" and f.rule.endswith(suffix)]


def _is_young(resident: Resident, pays: Sequence[Payment], year: int) -> bool:
    if resident.birth_date is None:
        return False
    days = [p.date for p in pays if p.is_fixed_allowance] or [date(year, 12, 31)]
    return any(age_on(resident.birth_date, d) < YOUNG_AGE for d in days)


def _next_payment(pays: Sequence[Payment], today: date) -> date | None:
    return next((p.date for p in pays if p.date >= today), None)


# -- resident letter -------------------------------------------------------------------------------


def _kind_label(p: Payment, t: Templates) -> str:
    if p.kind == "vrijwilligersvergoeding" and p.in_kind:
        return t.raw("kinds.vrijwilligersvergoeding_in_kind")
    if p.kind == "onkostenvergoeding" and p.receipts:
        return t.raw("kinds.onkostenvergoeding_receipts")
    return t.raw(f"kinds.{p.kind}")


def _household_gift_warning(y: YearResult) -> bool:
    return any(f.explanation == "gifts.over_limit_counted_on_other" for f in y.findings)


def _effect(y: YearResult, t: Templates, benefits: Sequence[BenefitResult]
            ) -> tuple[str, dict[str, str]]:
    def names(bs: Sequence[BenefitResult]) -> str:
        return _join([_benefit_name(b.type, t) for b in bs], t)

    if y.status == "safe":
        if benefits and _household_gift_warning(y):
            # the household's gift excess counts on another member: not "geen gevolgen"
            return "effect.safe_household_gifts", {"benefit": names(benefits)}
        if benefits:
            return "effect.safe", {"benefit": names(benefits)}
        return "effect.safe_no_benefit", {}
    if y.status == "unsafe":
        bad = [b for b in benefits if b.status == "unsafe"]
        tax_bad = y.tax.status == "unsafe"
        if bad and tax_bad:
            return "effect.unsafe_both", {"benefit": names(bad)}
        if bad:
            return "effect.unsafe_benefit", {"benefit": names(bad)}
        if tax_bad or not benefits:
            return "effect.unsafe_tax", {}
        return "effect.unsafe_benefit", {"benefit": names(benefits)}
    unknown = [b for b in benefits if b.status == "unknown"] or list(benefits)
    if unknown:
        return "effect.unknown", {"benefit": names(unknown)}
    return "effect.unknown_no_benefit", {}


def _young(resident: Resident, year: int, letter_date: date, benefit: str, t: Templates
           ) -> tuple[str, dict[str, str]]:
    """`Tot 15 juni 2026 was u jonger dan 27`: the tense from the letter's date."""
    assert resident.birth_date is not None
    b = resident.birth_date
    try:
        b27 = b.replace(year=b.year + YOUNG_AGE)
    except ValueError:  # 29 February
        b27 = date(b.year + YOUNG_AGE, 3, 1)
    if b27.year > year:
        return "effect.young", {"benefit": benefit}
    key = "effect.young_was" if b27 <= letter_date else "effect.young_until"
    return key, {"benefit": benefit, "date": _date(b27, t)}


def _details(y: YearResult, resident: Resident, pays: Sequence[Payment], t: Templates,
             benefits: Sequence[BenefitResult], letter_date: date, planned_only: bool = False,
             household: Sequence[Resident] = ()) -> list[tuple[str, dict[str, str]]]:
    out: list[tuple[str, dict[str, str]]] = []
    ww = {b.type: b for b in resident.benefits if b.overlaps_year(y.year)}.get("ww")
    for b in benefits:
        name = _benefit_name(b.type, t)
        if b.status == "unsafe":
            if b.type == "toeslagen":
                partners = [dict(f.params).get("partner", "") for f in y.findings
                            if f.explanation == "toeslagen.partner_income_raised"]
                if partners:
                    # the toetsingsinkomen is the partners' together: not "uw inkomen"
                    names = {m.id: m.name or m.id for m in household}
                    out.append(("effect.toeslagen_unsafe_partner",
                                {"amount": _eur(b.countable, t), "benefit": name,
                                 "partner": _join([names.get(p, p) for p in partners], t)}))
                    continue
                out.append(("effect.toeslagen_unsafe",
                            {"amount": _eur(b.countable, t), "benefit": name}))
                continue
            if b.type in BIJSTAND_FAMILY and _is_young(resident, pays, y.year):
                out.append(_young(resident, y.year, letter_date, name, t))
            if b.type == "ww" and ww is not None and ww.uwv_permission is False:
                out.append(("effect.ww_no_permission", {}))
            office = _office_name(OFFICE_OF.get(b.type, "gemeente"), resident, t, (b.type,))
            if not planned_only:  # "Als wij betalen zoals gepland, telt de gemeente ..."
                office = office[:1].upper() + office[1:]
            if b.countable is None:
                out.append(("effect.benefit_unsafe_no_amount", {"office": office, "benefit": name}))
            else:
                out.append(("effect.benefit_planned" if planned_only else "effect.benefit_unsafe",
                            {"office": office, "amount": _eur(b.countable, t), "benefit": name}))
    if y.tax.status == "unsafe" and y.tax.taxable is not None:
        out.append(("effect.tax_planned" if planned_only else "effect.tax_unsafe",
                    {"amount": _eur(y.tax.taxable, t)}))
    safe = [b for b in benefits if b.status == "safe"]
    if y.status != "safe" and safe:
        out.append(("effect.benefit_safe",
                    {"benefit": _join([_benefit_name(b.type, t) for b in safe], t)}))
    if y.status == "unknown" or any(b.status == "unknown" for b in benefits):
        reasons: list[str] = []
        if any(b.type == "ww" and b.status == "unknown" for b in benefits) and (
                ww is None or ww.uwv_permission is None):
            reasons.append("effect.ww_permission_unknown")
        if y.gifts.limit is None and any(f.regime == "gifts" and f.outcome == "unknown"
                                         for f in y.findings):
            reasons.append("effect.gifts_unknown")
        others = [f for f in y.findings if f.outcome == "unknown" and f.regime != "gifts"
                  and not (f.regime == "ww" and "effect.ww_permission_unknown" in reasons)]
        if others or not reasons:
            reasons.append("effect.rules_unknown")
        out += [(k, {"year": str(y.year)}) for k in reasons]
        out.append(("effect.unknown_later", {}))
    return out


def _actions(y: YearResult, resident: Resident, pays: Sequence[Payment], t: Templates,
             benefits: Sequence[BenefitResult], letter_date: date) -> list[ActionLine]:
    ids = sorted(set(y.actions), key=lambda a: ACTIONS.index(a) if a in ACTIONS else len(ACTIONS))
    if y.tax.status == "unsafe" and "declare_income_tax" not in ids:
        pass  # the engine decides; letters do not invent actions
    office_of_action = {
        "report_to_municipality": "gemeente", "report_to_svb": "svb", "report_to_uwv": "uwv",
    }
    out: list[ActionLine] = []
    for a in ids:
        if a == "ask_uwv_permission":
            nxt = _next_payment(pays, letter_date)
            if nxt is not None:
                out.append(ActionLine(a, t.t("actions.ask_uwv_permission_before",
                                             date=_date(nxt, t)), nxt))
            else:
                out.append(ActionLine(a, t.t("actions.ask_uwv_permission_now"), letter_date))
        elif a == "declare_income_tax":
            due = date(y.year + 1, 5, 1)
            if due <= letter_date:  # no deadline in the past
                out.append(ActionLine(a, t.t("actions.declare_income_tax_late", year=str(y.year))))
            else:
                out.append(ActionLine(a, t.t("actions.declare_income_tax", year=str(y.year),
                                             date=_date(due, t)), due))
        elif a == "keep_receipts":
            holders = [b.type for b in benefits if a in b.actions] or [b.type for b in benefits]
            office = _office_name(OFFICE_OF.get(holders[0], "gemeente") if holders else "gemeente",
                                  resident, t)
            office = office[:1].upper() + office[1:]
            out.append(ActionLine(a, t.t("actions.keep_receipts", office=office)))
        elif a in office_of_action:
            office = _office_name(office_of_action[a], resident, t)
            text = t.t(f"actions.{a}", office=office)
            this_month = date(letter_date.year, letter_date.month, 1)
            if any(p.date < this_month and not p.planned for p in pays):  # money of months ago
                text = Text("{a} {b}", (("a", text.plain()), ("b", t.s("actions.report_late"))))
            out.append(ActionLine(a, text))
        elif t.has(f"actions.{a}"):
            out.append(ActionLine(a, t.t(f"actions.{a}")))
        else:
            raise LetterError(f"the template {t.path.name} has no sentence for the action {a!r}")
    reported = [office_of_action[a] for a in ids if a in office_of_action]
    if reported:
        names = [_office_name(o, resident, t) for o in dict.fromkeys(reported)]
        out.append(ActionLine("give_letter", t.t("actions.give_letter", office=_join(names, t))))
    return out


def _verified_proposals(advice: Advice, t: Templates) -> list[Proposal]:
    """Proposals from the engine's advice: every one was checked to make the year safe."""
    out: list[Proposal] = []
    if advice.kind == "lower_planned":
        skips = [c for c in advice.changes if c.new_amount == 0]
        if skips:
            items = [_day(c.payment.date, t) for c in skips]
            out.append(Proposal("skip_payment", month=f"{skips[0].payment.date:%Y-%m}",
                                value=sum((c.payment.amount for c in skips), ZERO),
                                text=t.t("propose.skip_payment", payments=_join(items, t))))
        for c in advice.changes:
            if c.new_amount > 0:
                out.append(Proposal("lower_month", month=f"{c.payment.date:%Y-%m}", limit=c.new_amount,
                                    value=c.payment.amount,
                                    text=t.t("propose.lower_payment", date=_date(c.payment.date, t),
                                             new=_eur(c.new_amount, t), old=_eur(c.payment.amount, t))))
    elif advice.status_after == "unsafe":  # already over, or nothing left that can change
        out.append(Proposal("already_over", text=t.t("propose.already_over")))
    return out


def _proposals(y: YearResult, resident: Resident, benefits: Sequence[BenefitResult],
               t: Templates, advice: Advice | None = None) -> list[Proposal]:
    """What the coordinator offers instead. Every amount comes from the engine's `advice`, each
    checked to make the year safe; without advice (a hand-built result) no amount is proposed."""
    out: list[Proposal] = _verified_proposals(advice, t) if advice is not None else []
    ww = {b.type: b for b in resident.benefits if b.overlaps_year(y.year)}.get("ww")
    if ww is not None and ww.uwv_permission is not True and any(
            b.type == "ww" and b.status != "safe" for b in benefits):
        out.append(Proposal("wait_permission", text=t.t("propose.wait_permission")))
    if y.status == "unsafe":
        out.append(Proposal("receipts", text=t.t("propose.receipts")))
    return out


@dataclass(frozen=True, slots=True)
class Move:
    """A planned payment's part moved to a later date; checked by the engine (the year of the
    payment and the year of `to` both stay safe)."""

    payment: Payment
    amount: Decimal
    to: date


def is_planned(p: Payment, letter_date: date, any_marked: bool) -> bool:
    """Money not paid yet, as the engine's advice reads it: the payments marked planned, or,
    where no payment carries that mark, the payments dated after the letter."""
    return p.planned if any_marked else p.date > letter_date


PREVENTIVE_ACTIONS = frozenset({"ask_uwv_permission", "keep_receipts"})
"""Steps taken before the money comes: still to do when only planned money causes them."""


def _reasons(y: YearResult, pays: Sequence[Payment], t: Templates, letter_date: date,
             planned_only: bool, benefits: Sequence[BenefitResult]) -> list[Text]:
    """The limit itself: `U kreeg in 2026 € 2.310. De grens is € 2.200 per jaar. Daarom telt
    alles mee, niet alleen € 110.` One year cap and the month caps, benefits before tax."""
    out: list[Text] = []
    fails = [f for f in y.findings if f.outcome == "fail" and f.limit is not None
             and f.value is not None and (f.rule.endswith("year_cap") or f.rule.endswith("month_cap"))]
    fails.sort(key=lambda f: (f.regime == "tax", f.rule.endswith("month_cap"), f.period))
    seen: set[tuple[str, str]] = set()
    countable = {b.type: b.countable for b in benefits}
    taxable = y.tax.taxable
    for f in fails:
        assert f.limit is not None and f.value is not None
        yearly = f.rule.endswith("year_cap")
        key = ("year" if yearly else "month", f.period)
        if key in seen:
            continue
        seen.add(key)
        if yearly:
            last = date(y.year, 12, 31)
            where = {"year": str(y.year)}
        else:
            yy, mm = int(f.period[:4]), int(f.period[5:7])
            last = date(yy, mm, calendar.monthrange(yy, mm)[1])
            where = {"month": _month(f.period, t)}
        in_period = [p for p in pays if yearly or f"{p.date:%Y-%m}" == f.period]
        marked = any(p.planned for p in pays)
        done = all(not is_planned(p, letter_date, marked) for p in in_period)
        tense = "planned" if planned_only else (
            "past" if last < letter_date or done else "now")
        kind = "year" if yearly else "month"
        out.append(t.t(f"reason.{kind}_{tense}", value=_eur(f.value, t), limit=_eur(f.limit, t),
                       **where))
        whole = countable.get(f.regime) if f.regime != "tax" else taxable
        if whole is not None and whole >= f.value > f.limit:
            # the tax's month cap: the whole year's allowance is taxed, not that month only
            cliff = "tax" if f.regime == "tax" and whole > f.value else kind
            suffix = "_planned" if tense == "planned" else ""
            out.append(t.t(f"reason.cliff_{cliff}{suffix}", excess=_eur(f.value - f.limit, t)))
    # who pays matters too (spec §3, Payers; the hourly norm): said once per payer or payment
    said: set[tuple[str, str]] = set()
    for f in y.findings:
        params = dict(f.params)
        payer = params.get("payer") or ""
        if f.explanation == "payer.commercial_is_wages" and ("c", payer) not in said:
            said.add(("c", payer))
            out.append(t.t("reason.payer_commercial", payer=payer, amount=_eur(f.value, t)))
        elif f.explanation == "payer.wages_and_allowance" and ("w", payer) not in said:
            said.add(("w", payer))
            out.append(t.t("reason.payer_wages", payer=payer, amount=_eur(f.value, t)))
        elif f.explanation == "tax.hourly_over_norm_unknown" and ("h", f.period) not in said:
            said.add(("h", f.period))
            out.append(t.t("reason.hourly_unknown", value=_eur(f.value, t), limit=_eur(f.limit, t)))
    return out


def _gift_reasons(y: YearResult, resident: Resident, household: Sequence[Resident],
                  payments: Sequence[Payment], t: Templates) -> list[Text]:
    """The household's gift limit with who received what, and on whom the excess counts (once,
    on one member: `gifts.counted_on`). The other members are told too: their own letter is
    otherwise "safe" while the household's bijstand is lowered."""
    g = y.gifts
    if g is None or g.limit is None or g.total <= g.limit:
        return []
    excess = g.total - g.limit
    members = [m for m in household if m.household_key == resident.household_key] or [resident]
    got = {m.id: sum((p.amount for p in payments if p.resident == m.id and p.kind == "gift"
                      and p.date.year == y.year), ZERO) for m in members}
    out: list[Text] = []
    if len(members) == 1:
        out.append(t.t("reason.gifts_single", year=str(y.year), total=_eur(g.total, t),
                       limit=_eur(g.limit, t)))
    else:
        parts = [t.s("reason.gifts_you", amount=_eur(got[m.id], t)) if m.id == resident.id
                 else t.s("reason.gifts_member", name=m.name or m.id, amount=_eur(got[m.id], t))
                 for m in members if got[m.id] > 0]
        out.append(t.t("reason.gifts_household", year=str(y.year), total=_eur(g.total, t),
                       who=_join(parts, t), limit=_eur(g.limit, t)))
    if g.counted_on is None or g.counted_on == resident.id:
        out.append(t.t("reason.gifts_counted_here", excess=_eur(excess, t)))
    else:
        other = next((m for m in members if m.id == g.counted_on), None)
        out.append(t.t("reason.gifts_counted_on_other", excess=_eur(excess, t),
                       name=(other.name if other and other.name else g.counted_on)))
    out.append(t.t("reason.gifts_more"))
    return out


def _move_proposals(moves: Sequence[Move], t: Templates) -> list[Proposal]:
    out: list[Proposal] = []
    for m in moves:
        if m.to.year > m.payment.date.year:
            out.append(Proposal("next_year", month=f"{m.payment.date:%Y-%m}", amount=m.amount,
                                other_month=f"{m.to:%Y-%m}",
                                text=t.t("propose.next_year", amount=_eur(m.amount, t),
                                         date=_date(m.payment.date, t),
                                         new=_eur(m.payment.amount - m.amount, t),
                                         next_year=str(m.to.year))))
        else:
            out.append(Proposal("other_month", month=f"{m.payment.date:%Y-%m}", amount=m.amount,
                                other_month=f"{m.to:%Y-%m}",
                                text=t.t("propose.move_month", amount=_eur(m.amount, t),
                                         date=_date(m.payment.date, t),
                                         new=_eur(m.payment.amount - m.amount, t),
                                         other_month=_month(f"{m.to:%Y-%m}", t))))
    return out


def _decision_office(y: YearResult, resident: Resident, t: Templates) -> str:
    bad = [b for b in y.benefits if b.status != "safe" and b.type != "toeslagen"] or [
        b for b in y.benefits if b.type != "toeslagen"]
    if bad:
        names = [_office_name(OFFICE_OF.get(b.type, "gemeente"), resident, t, (b.type,))
                 for b in bad]
        office = _join(list(dict.fromkeys(names)), t)
    else:
        office = t.raw("offices.belastingdienst")
    return office[:1].upper() + office[1:]


def compose_resident(result: ResidentResult, resident: Resident, payments: Iterable[Payment],
                     year: int, rules: RulesInfo, org: Organisation, t: Templates,
                     letter_date: date, address: Sequence[str] = (),
                     advice: Advice | None = None, paid: YearResult | None = None,
                     moves: Sequence[Move] = (), household: Sequence[Resident] = ()
                     ) -> ResidentLetter:
    """The letter to the resident. It answers first (outcome, first thing to do, whom to call),
    then explains (the limit itself, the cliff), proposes before it tells the consequences, and
    lists the payments last, per month. `paid` is the same year checked without the money that
    is not paid yet (planned, or dated after the letter): what only that money causes is written
    as a condition ("Als wij betalen zoals gepland, ..."), never as a fact or a thing to do."""
    y = _year_of(result, year)
    pays = _payments_in(payments, resident.id, year)
    benefits = [b for b in y.benefits]
    name = resident.name or result.name
    c = org.coordinator
    cname = c.name or org.name
    phone = c.phone or org.phone or ""
    email = c.email or org.email or ""

    marked = any(p.planned for p in pays)
    lines = tuple(PaymentLine(p.date, p.amount, p.kind, _kind_label(p, t),
                              is_planned(p, letter_date, marked)) for p in pays)
    total = sum((p.amount for p in pays), ZERO)
    planned_only = (y.status == "unsafe" and paid is not None and paid.status == "safe"
                    and any(pl.planned for pl in lines))

    effect_key, effect_params = _effect(y, t, benefits)
    if planned_only:
        bad = [b for b in benefits if b.status == "unsafe"]
        if bad:
            effect_key = "effect.planned_benefit"
            effect_params = {"benefit": _join([_benefit_name(b.type, t) for b in bad], t)}
        else:
            effect_key, effect_params = "effect.planned_tax", {}
    details = _details(y, resident, pays, t, benefits, letter_date, planned_only, household)
    all_actions = _actions(y, resident, pays, t, benefits, letter_date)
    conditional: tuple[str, ...] = ()
    if paid is not None:
        real = set(paid.actions)
        conditional = tuple(a.id for a in all_actions if a.id in ACTIONS and a.id not in real
                            and a.id not in PREVENTIVE_ACTIONS)
        actions = [a for a in all_actions if a.id not in conditional]
        if not any(a.id in ("report_to_municipality", "report_to_svb", "report_to_uwv")
                   for a in actions):
            actions = [a for a in actions if a.id != "give_letter"]
    else:
        actions = all_actions
    proposals = _move_proposals(moves, t) + _proposals(y, resident, benefits, t, advice)
    # skipping a payment is the last resort: after every other proposal
    proposals.sort(key=lambda p: p.kind == "skip_payment")
    bases = _legal_bases(y.findings)
    when = (t.s("receive.this_year") if year == letter_date.year
            else t.s("receive.in_year", year=str(year)))

    # 1. the answer: outcome, first thing to do, whom to call
    blocks: list[Block] = [
        Para(t.t("salutation", name=name) if name else t.t("salutation_no_name")),
        Para(t.t(effect_key, **effect_params), "lead"),
    ]
    if planned_only:
        blocks.append(Para(t.t("opening.planned_safe")))
    first = next((a for a in actions if a.id != "give_letter"), None)
    blocks.append(Para(t.t("opening.first", action=first.text.plain()) if first
                       else t.t("opening.nothing")))
    blocks.append(Para(t.t("contact.text", coordinator=cname, phone=phone, email=email) if phone
                       else t.t("contact.text_no_phone", coordinator=cname, email=email)))

    # 2. why: the limit itself and the cliff; for a safe year the room that is left
    reasons = _reasons(y, pays, t, letter_date, planned_only, benefits)
    reasons += _gift_reasons(y, resident, household, list(payments), t)
    remaining: Decimal | None = None
    blocks.append(Heading(t.t("reason.heading")))
    blocks += [Para(r) for r in reasons]
    blocks += [Para(t.t(k, **p)) for k, p in details if k.startswith("effect.young")
               or k.startswith("effect.ww") or k.endswith("_unknown") or k == "effect.unknown_later"]
    if y.status == "safe" and year >= letter_date.year:
        remaining = y.headroom_remaining(letter_date if year == letter_date.year
                                         else date(year, 1, 1))
        blocks.append(Para(t.t("reason.room", year=str(year), amount=_eur(remaining, t))
                           if remaining > 0 else t.t("reason.room_none", year=str(year))))
    if y.status != "unknown":
        blocks.append(Para(t.t("reason.all_organisations")))

    # 3. what we can do, before what it means
    if proposals:
        blocks.append(Heading(t.t("propose.heading")))
        blocks.append(Para(t.t("propose.intro")))
        blocks.append(Bullets(tuple(p.text for p in proposals if p.text is not None)))
    consequences = [(k, p) for k, p in details if not (
        k.startswith("effect.young") or k.startswith("effect.ww") or k.endswith("_unknown")
        or k == "effect.unknown_later")]
    if consequences:
        blocks.append(Heading(t.t("effect.heading")))
        blocks += [Para(t.t(k, **p)) for k, p in consequences]

    # 4. what to do, and who decides
    blocks.append(Heading(t.t("actions.heading")))
    if actions:
        blocks.append(Bullets(tuple(a.text for a in actions)))
    else:
        blocks.append(Para(t.t("actions.none")))
    blocks.append(Para(t.t("decision", office=_decision_office(y, resident, t))))
    blocks += _signature(org, t)

    # 5. the payments last: per month, the detail in an annex
    blocks.append(Heading(t.t("receive.heading")))
    if lines:
        blocks.append(Para(t.t("receive.total", when=when, total=_eur(total, t))))
        if any(p.planned for p in lines):
            blocks.append(Para(t.t("receive.total_planned")))
        per_month: dict[str, list[PaymentLine]] = {}
        for pl in lines:
            per_month.setdefault(f"{pl.date:%Y-%m}", []).append(pl)
        def paid_planned(ps: list[PaymentLine]) -> tuple[str, str]:
            a = sum((p.amount for p in ps if not p.planned), ZERO)
            b = sum((p.amount for p in ps if p.planned), ZERO)
            return (_eur(a, t) if a else "–"), (_eur(b, t) if b else "–")

        any_planned = any(p.planned for p in lines)
        many = len(per_month) > 6
        if any_planned:
            blocks.append(Table(
                header=(t.t("receive.col_month"), t.t("receive.col_paid"),
                        t.t("receive.col_planned")),
                rows=tuple((_month(ym, t), *paid_planned(ps)) for ym, ps in per_month.items()),
                align=("l", "r", "r"), widths=(0.4, 0.3, 0.3), side_by_side=2 if many else 1,
            ))
        else:
            blocks.append(Table(
                header=(t.t("receive.col_month"), t.t("receive.col_paid")),
                rows=tuple((_month(ym, t), paid_planned(ps)[0]) for ym, ps in per_month.items()),
                align=("l", "r"), widths=(0.6, 0.4), side_by_side=2 if many else 1,
            ))
        if len(lines) > len(per_month):  # more than one payment in a month: the annex
            planned_word = t.raw("receive.planned")
            blocks.append(Heading(t.t("receive.annex")))
            blocks.append(Table(
                header=(t.t("receive.col_date"), t.t("receive.col_what"),
                        t.t("receive.col_amount")),
                rows=tuple((_day(p.date, t),
                            p.label + (f" ({planned_word})" if p.planned else ""),
                            _eur(p.amount, t)) for p in lines),
                align=("l", "l", "r"), widths=(0.35, 0.39, 0.26),
                side_by_side=2 if len(lines) > 6 else 1,
            ))
    else:
        blocks.append(Para(t.t("receive.none", when=when)))

    footnote: tuple[Block, ...] = ()
    if bases:
        footnote = (Para(t.t("footnote", basis="; ".join(_basis(b) for b in bases)), "small"),)

    subject = _subject(y, t, benefits, planned_only, year)
    head = _head("resident", t, title=t.s("meta.title", year=str(year)),
                 recipient=(name or resident.id, *address), org=org, letter_date=letter_date,
                 reference=f"{resident.id}-{year}", subject=subject, rules=rules)
    return ResidentLetter(
        head=head, resident_id=resident.id, name=name, year=year, status=y.status,
        effect=effect_key, details=tuple(k for k, _ in details),
        benefit_types=tuple(b.type for b in benefits), payments=lines, total=total,
        actions=tuple(actions), proposals=tuple(proposals), legal_basis=bases,
        blocks=tuple(blocks), footnote=footnote, planned_only=planned_only,
        conditional_actions=conditional, remaining=remaining,
    )


def _subject(y: YearResult, t: Templates, benefits: Sequence[BenefitResult], planned_only: bool,
             year: int) -> Text:
    names = [_benefit_name(b.type, t) for b in benefits]
    if planned_only:
        return t.t("subjects.planned", year=str(year))
    if y.status == "safe":
        if names and _household_gift_warning(y):
            return t.t("subjects.household_gifts", year=str(year), benefit=_join(names, t))
        if names:
            return t.t("subjects.safe", year=str(year), benefit=_join(names, t))
        return t.t("subjects.safe_no_benefit", year=str(year))
    if y.status == "unsafe":
        bad = [_benefit_name(b.type, t) for b in benefits if b.status == "unsafe"]
        fails = [f for f in y.findings if f.outcome == "fail" and f.regime != "tax"]
        if bad and fails and all(f.regime == "gifts" for f in fails):
            # only the gifts cross a limit: the subject does not blame the allowance
            return t.t("subjects.unsafe_gifts", year=str(year), benefit=_join(bad, t))
        if bad:
            return t.t("subjects.unsafe", year=str(year), benefit=_join(bad, t))
        return t.t("subjects.unsafe_tax", year=str(year))
    return t.t("subjects.unknown", year=str(year))


# -- benefits office letter ---------------------------------------------------------------------


def offices_for(resident: Resident, year: int) -> tuple[Office, ...]:
    """The offices that pay this resident a means-tested benefit in `year`, in a fixed order."""
    found = {OFFICE_OF[b.type] for b in resident.benefits
             if b.type in REPORTING_BENEFITS and b.overlaps_year(year)}
    return tuple(o for o in OFFICE_ORDER if o in found)


OFFICE_COLUMNS = ("vrijwilligersvergoeding", "onkosten_forfaitair", "onkosten_bewezen", "gift",
                  "loon")


def _column(p: Payment) -> str:
    if p.kind == "onkostenvergoeding":
        return "onkosten_bewezen" if p.receipts else "onkosten_forfaitair"
    return p.kind


def _amounts_table(pays: Sequence[Payment], year: int, t: Templates) -> Table:
    """Amounts per month by kind, with a total row (one payer's payments)."""
    by_month: dict[str, list[Payment]] = {}
    for p in pays:
        by_month.setdefault(f"{p.date.year}-{p.date.month:02d}", []).append(p)
    totals = dict.fromkeys(OFFICE_COLUMNS, ZERO)
    rows = []
    for ym in sorted(by_month):
        sums = dict.fromkeys(OFFICE_COLUMNS, ZERO)
        for p in by_month[ym]:
            sums[_column(p)] += p.amount
            totals[_column(p)] += p.amount
        planned = any(p.planned for p in by_month[ym])
        rows.append((_month(ym, t) + (" *" if planned else ""),
                     *(_eur(v, t) for v in sums.values()), _eur(sum(sums.values(), ZERO), t)))
    return Table(
        header=(t.t("amounts.month"), *(t.t(f"kinds.{k}") for k in OFFICE_COLUMNS),
                t.t("amounts.total")),
        rows=tuple(rows), align=("l", "r", "r", "r", "r", "r", "r"),
        widths=(0.18, 0.15, 0.14, 0.13, 0.12, 0.13, 0.15),
        total=(t.raw("amounts.total"), *(_eur(totals[k], t) for k in OFFICE_COLUMNS),
               _eur(sum(totals.values(), ZERO), t)),
    )


def _outcome_word(v: Verdict, t: Templates) -> str:
    """The word that is true for this rule: a missing permission "ontbreekt", a regime that no
    longer applies is "niet van toepassing", AOW is "niet inkomensafhankelijk"."""
    return t.entry("outcome_by_rule", f"{v.rule}.{v.outcome}") or \
        t.raw(f"verdict.outcomes.{v.outcome}")


def _grouped_verdicts(findings: Sequence[Finding], t: Templates, rules: RulesInfo
                     ) -> tuple[Verdict, ...]:
    """One row per rule and outcome: months within the same limit collapse into a range with the
    highest amount, so the office reads the verdict, not a page of identical lines."""
    groups: dict[tuple[str, str, str, Decimal | None], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.rule, f.regime, f.outcome, f.limit), []).append(f)
    out = []
    for (rule, regime, outcome, limit), fs in groups.items():
        periods = sorted(f.period for f in fs)
        period = periods[0] if len(periods) == 1 else f"{periods[0]}..{periods[-1]}"
        values = [f.value for f in fs if f.value is not None]
        out.append(Verdict(rule, t.entry("rule_titles", rule) or rules.title(rule, "nl"), regime,
                           period, outcome, limit, max(values) if values else None,
                           fs[0].legal_basis))
    return tuple(out)


def _one_decimal(d: Decimal) -> str:
    """Rounded to one decimal, Dutch comma, without a trailing ",0" (14 uur, 1,7 uur)."""
    text = f"{d.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}".replace(".", ",")
    return text.removesuffix(",0")


def _uwv_work(own: Sequence[Payment], start: date, end: date, t: Templates
              ) -> list[tuple[Text, str]]:
    """The work (the payments' notes, summarised) and the hours per week over the letter's
    period, from the organisation's own volunteer allowances; "niet vastgelegd" when unknown."""
    work = [p for p in own if p.kind == "vrijwilligersvergoeding"]
    counts: dict[str, int] = {}
    for p in work:
        note = " ".join((p.note or "").split())
        if note:
            counts[note] = counts.get(note, 0) + 1
    if counts:
        top = sorted(counts, key=lambda n: -counts[n])[:WORK_NOTES]  # stable: first seen first
        parts = [n if counts[n] == 1 else t.s("payer.work_times", work=n, n=str(counts[n]))
                 for n in top]
        if len(counts) > len(top):
            parts.append(t.s("payer.work_more", n=str(len(counts) - len(top))))
        work_text = "; ".join(parts)
    else:
        work_text = t.s("payer.not_recorded")
    if work and all(p.hours is not None for p in work):
        total = sum((p.hours or ZERO for p in work), ZERO)
        days = (end - start).days + 1
        weeks = Decimal(days) / 7
        hours_text = t.s("payer.hours_per_week", hours=_one_decimal(total / weeks),
                         total=_one_decimal(total), weeks=_one_decimal(weeks))
    elif any(p.hours is not None for p in work):
        hours_text = t.s("payer.hours_partial")
    else:
        hours_text = t.s("payer.not_recorded")
    return [(t.t("payer.work"), work_text), (t.t("payer.hours"), hours_text)]


WORK_NOTES = 4
"""At most this many different kinds of work are named; the rest is counted."""
VERDICT_WIDTHS = (0.206, 0.185, 0.116, 0.127, 0.145, 0.221)
"""The verdict table's columns (rule, period, limit, amount, outcome, basis), as parts of the body
width: the longest words ("vrijwilligersregeling", "september 2025 –", "€ 12.345,00",
"overschreden", "vennootschapsbelasting") fit on one line; looked at as PNG, narrower columns cut
a date mid-word and wrote "€ 5,60 per uur" over it (now "per uur" on a line of its own)."""


def compose_office(result: ResidentResult, resident: Resident, payments: Iterable[Payment],
                   year: int, rules: RulesInfo, org: Organisation, t: Templates, letter_date: date,
                   office: Office | None = None, household: Sequence[Resident] = ()
                   ) -> OfficeLetter:
    """The formal letter to the gemeente, SVB or UWV that pays the resident's benefit."""
    y = _year_of(result, year)
    offices = offices_for(resident, year)
    if not offices:
        raise LetterError(f"{resident.id} has no benefit in {year} that a gemeente, SVB or UWV "
                          "pays, so there is no office to write to")
    if office is None:
        office = offices[0]
    elif office not in offices:
        raise LetterError(f"{resident.id} has no benefit from {office} in {year} "
                          f"(offices: {', '.join(offices)})")
    types = tuple(dict.fromkeys(b.type for b in resident.benefits
                                if b.overlaps_year(year) and OFFICE_OF.get(b.type) == office))
    benefit_name = _join([_benefit_name(bt, t) for bt in types], t)
    pays = _payments_in(payments, resident.id, year)
    name = resident.name or result.name or resident.id

    # amounts per month by kind
    months: list[MonthAmounts] = []
    by_month: dict[str, list[Payment]] = {}
    for p in pays:
        by_month.setdefault(f"{p.date.year}-{p.date.month:02d}", []).append(p)
    for ym in sorted(by_month):
        sums = dict.fromkeys(OFFICE_COLUMNS, ZERO)
        for p in by_month[ym]:
            sums[_column(p)] += p.amount
        months.append(MonthAmounts(ym, tuple(sums.items()), sum(sums.values(), ZERO),
                                   any(p.planned for p in by_month[ym])))
    if pays:
        first, last = pays[0].date, pays[-1].date
        start = date(year, first.month, 1)
        end = date(year, last.month, calendar.monthrange(year, last.month)[1])
    else:
        start, end = date(year, 1, 1), date(year, 12, 31)

    relevant = {"tax", "gifts", *types} if office in ("gemeente", "svb") else {"tax", *types}
    verdicts = _grouped_verdicts(
        [f for f in sorted(y.findings, key=lambda f: (f.regime != "tax", f.regime, f.rule, f.period))
         if f.regime in relevant], t, rules)
    office_results = [b for b in y.benefits if b.type in types]
    from vergoedingcheck.engine.result import worst

    status: Status = worst([b.status for b in office_results] + [y.tax.status]) \
        if office_results else y.status
    countable: Decimal | None
    if any(b.countable is None for b in office_results):
        countable = None
    else:
        countable = sum((b.countable or ZERO for b in office_results), ZERO)

    recipient = list(office_recipient(office, resident, types, org, t))

    c = org.coordinator
    period_text = f"{_date(start, t)} – {_date(end, t)}"
    blocks: list[Block] = [
        Para(t.t("salutation")),
        Para(t.t("intro", organisation=org.name)),
        Heading(t.t("person.heading")),
    ]
    person: list[tuple[Text, str]] = [(t.t("person.name"), name)]
    if resident.birth_date:
        person.append((t.t("person.birth_date"), _date(resident.birth_date, t)))
    numbers = [b.client_number for b in resident.benefits
               if b.type in types and b.client_number]
    client_number = numbers[0] if numbers else None
    # without a known client number a line to write it on: the office files the letter by it
    person.append((t.t("person.client_number"), client_number or "_" * 24))
    person.append((t.t("person.benefits"), benefit_name))
    person.append((t.t("person.reference"), resident.id))
    blocks.append(KeyValues(tuple(person)))

    blocks.append(Heading(t.t("payer.heading")))
    payer: list[tuple[Text, str]] = [(t.t("payer.name"), org.name)]
    if org.address:
        payer.append((t.t("payer.address"), ", ".join(org.address)))
    if org.kvk:
        payer.append((t.t("payer.kvk"), org.kvk))
    own_names = {None, "", org.name.strip().casefold()}
    own_pays = [p for p in pays if (p.payer or "").strip().casefold() in own_names]
    if office == "uwv":  # UWV asks for the organisation's status, the work and its hours
        payer.append((t.t("payer.anbi_sbbi"),
                      t.s(f"payer.anbi_sbbi_{org.anbi_sbbi.casefold()}") if org.anbi_sbbi
                      else t.s("payer.not_stated")))
        payer.extend(_uwv_work(own_pays, start, end, t))
    contact = ", ".join(x for x in (c.name, c.role, c.phone, c.email) if x)
    if contact:
        payer.append((t.t("payer.contact"), contact))
    blocks.append(KeyValues(tuple(payer)))

    blocks.append(Heading(t.t("period.heading")))
    blocks.append(Para(t.t("period.text", start=_date(start, t), end=_date(end, t))))

    blocks.append(Heading(t.t("amounts.heading")))
    if months:
        blocks.append(Para(t.t("amounts.intro"), "small"))
        # grouped by payer: only the organisation's own payments are "door ons betaald"; what
        # another payer paid is known only from the resident and is written as such
        groups: dict[str | None, list[Payment]] = {}
        for p in pays:
            own = (p.payer or "").strip().casefold() in own_names
            groups.setdefault(None if own else (p.payer or "").strip(), []).append(p)
        order = sorted(groups, key=lambda k: (k is not None, (k or "").casefold()))
        for payer_name in order:
            if payer_name is None:
                blocks.append(Para(t.t("amounts.own", organisation=org.name), "lead"))
            else:
                blocks.append(Para(t.t("amounts.other", payer=payer_name), "lead"))
            blocks.append(_amounts_table(groups[payer_name], year, t))
        if any(ma.planned for ma in months):
            blocks.append(Para(t.t("amounts.planned_note"), "small"))
        if any(p.kind == "gift" for p in pays):
            blocks.append(Para(t.t("amounts.gift_note"), "small"))
    else:
        blocks.append(Para(t.t("amounts.none")))

    blocks.append(Heading(t.t("verdict.heading")))
    if verdicts:
        blocks.append(Para(t.t("verdict.intro"), "small"))
        blocks.append(Table(
            header=(t.t("verdict.rule"), t.t("verdict.period"), t.t("verdict.limit"),
                    t.t("verdict.value"), t.t("verdict.outcome"), t.t("verdict.basis")),
            rows=tuple((v.title, _period(v.period, t, short=True),
                        _figure(v.limit, rules.units.get(v.rule, "eur"), t),
                        _eur(v.value, t) if v.value is not None else "–",
                        _outcome_word(v, t),
                        _basis(v.legal_basis) if v.legal_basis else "–") for v in verdicts),
            align=("l", "l", "r", "r", "l", "l"), widths=VERDICT_WIDTHS,
            bold_rows=tuple(i for i, v in enumerate(verdicts) if v.outcome in ("fail", "unknown")),
        ))
        notes = [f for f in y.findings
                 if f.regime in relevant and f.outcome in ("fail", "unknown", "warning")]
        if notes:
            from vergoedingcheck.engine.explain import explain

            names = {m.id: m.name for m in household if m.name}

            # one sentence per kind of finding: ten identical hourly warnings say nothing new
            firsts: dict[tuple[str, str], tuple[Finding, int]] = {}
            for f in notes:
                key = (f.explanation, f.regime)
                example, n = firsts.get(key, (f, 0))
                firsts[key] = (example, n + 1)
            lines = []
            for example, n in firsts.values():
                params = tuple((k, names.get(v, v) if k == "counted_on" else v)
                               for k, v in example.params)  # a member's name, not an id
                text = explain(replace(example, period=_period(example.period, t), params=params),
                               "nl")
                lines.append(literal(text + (t.s("explanations.more", n=str(n - 1)) if n > 1 else "")))
            blocks.append(Para(t.t("explanations.heading"), "lead"))
            blocks.append(Bullets(tuple(lines)))
    else:
        blocks.append(Para(t.t("verdict.none")))

    blocks.append(Heading(t.t("conclusion.heading")))
    # the whole year counts: the countable amount is everything counted towards the caps
    counted = sum((p.amount for p in pays if p.is_fixed_allowance), ZERO)
    for b in office_results:
        bname = _benefit_name(b.type, t)
        if b.type == "aow":
            blocks.append(Para(t.t("conclusion.not_means_tested", benefit=bname)))
        elif b.status == "unsafe" and b.countable is not None and counted > 0 \
                and b.countable >= counted:
            blocks.append(Para(t.t("conclusion.unsafe_whole", benefit=bname,
                                   countable=_eur(b.countable, t))))
        elif b.status == "safe":
            blocks.append(Para(t.t("conclusion.safe", benefit=bname,
                                   countable=_eur(b.countable or ZERO, t))))
        elif b.status == "unsafe" and b.countable is not None:
            blocks.append(Para(t.t("conclusion.unsafe", benefit=bname,
                                   countable=_eur(b.countable, t))))
        elif b.status == "unsafe":
            blocks.append(Para(t.t("conclusion.unsafe_no_amount", benefit=bname)))
        else:
            # what is missing in words (the engine names a field or a rule id)
            missing = sorted({t.entry("missing", f.missing) or t.entry("rule_titles", f.missing)
                              or rules.title(f.missing, "nl")
                              for f in y.findings
                              if f.outcome == "unknown" and f.missing
                              and f.regime in relevant}) or ["?"]
            blocks.append(Para(t.t("conclusion.unknown", benefit=bname,
                                   missing="; ".join(missing))))
    g = y.gifts
    if g is not None and g.limit is not None and g.total > g.limit and g.counted_on \
            and g.counted_on != resident.id:
        other = next((m.name for m in household if m.id == g.counted_on and m.name), None)
        blocks.append(Para(t.t("conclusion.gifts_counted_on_other",
                               excess=_eur(g.total - g.limit, t), name=other or g.counted_on)))
    if y.tax.status == "unsafe":
        blocks.append(Para(t.t("conclusion.tax_unsafe", taxable=_eur(y.tax.taxable, t))))
    else:
        blocks.append(Para(t.t(f"conclusion.tax_{y.tax.status}")))
    blocks.append(Para(t.t("conclusion.decision")))
    lv = _verified(rules, letter_date)
    if lv is not None:
        blocks.append(Para(t.t("rules.text", rules_id=rules.id, fingerprint=rules.fingerprint or "?",
                               last_verified=_date(lv, t)), "small"))
    else:
        blocks.append(Para(t.t("rules.text_unverified", rules_id=rules.id,
                               fingerprint=rules.fingerprint or "?"), "small"))
    blocks.append(Para(t.t("closing")))
    sig = [x for x in (c.name, c.role, org.name, c.phone, c.email) if x]
    blocks.append(Para(Text("{v}", (("v", "\n".join(sig)),), "signature"), "signature"))

    head = _head("office", t, title=t.s("meta.title", name=name, year=str(year)),
                 recipient=tuple(recipient), org=org, letter_date=letter_date,
                 reference=f"{resident.id}-{year}-{_office_short(office, resident, types, t)}",
                 subject=t.t("subject", period=period_text), rules=rules)
    return OfficeLetter(
        head=head, office=office, resident_id=resident.id, name=name,
        birth_date=resident.birth_date, client_number=client_number, year=year,
        period=(start, end), status=status, benefit_types=types, months=tuple(months),
        verdicts=verdicts, countable=countable, blocks=tuple(blocks),
    )


# -- coordinator overview -------------------------------------------------------------------------


def _birthday(birth: date, age: int) -> date:
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # 29 February in a common year: a year older on 1 March
        return date(birth.year + age, 3, 1)


STATUS_ORDER: dict[str, int] = {"unsafe": 0, "unknown": 1, "safe": 2}
"""The overview lists the urgent first."""
SUMMARY_ITEMS = 10
"""At most this many lines per list on the summary page; the table has every resident."""


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _regime_word(regime: str, t: Templates) -> str:
    if t.has(f"regimes.{regime}"):
        return t.raw(f"regimes.{regime}")
    return regime.upper() if len(regime) <= 4 else regime


def _missing_word(missing: str | None, t: Templates, rules: RulesInfo) -> str:
    if not missing:
        return "?"
    return t.entry("missing", missing) or rules.title(missing, t.lang)


def _row_reason(y: YearResult, t: Templates, rules: RulesInfo, status: str,
                period: str | None) -> str:
    """Why the row has its status, in a few words: per regime the caps crossed (the months of a
    month cap), or what is missing. `period` ("2025-05"): that month's findings and the year's."""
    fs = [f for f in y.findings if period is None or f.period.startswith(period)
          or len(f.period) == 4]
    if status == "unknown":
        missing = dict.fromkeys(_missing_word(f.missing, t, rules) for f in fs
                                if f.outcome == "unknown")
        return t.s("reasons.missing", missing="; ".join(missing)) if missing else ""
    if status != "unsafe":
        return ""
    groups: dict[str, dict[str, list[str]]] = {}  # regime -> rule tail -> months
    for f in fs:
        if f.outcome == "fail":
            tail = f.rule.rsplit(".", 1)[-1]
            months = groups.setdefault(f.regime, {}).setdefault(tail, [])
            if tail == "month_cap" and len(f.period) >= 7 and f.period[:7] not in months:
                months.append(f.period[:7])
    parts: list[str] = []
    for regime, tails in groups.items():
        words: list[str] = []
        for tail, months in tails.items():
            if tail == "month_cap" and months:
                names = [_month(m, t).rsplit(" ", 1)[0] for m in months[:2]]
                if len(months) > 2:
                    names.append(t.s("reasons.more", count=str(len(months) - 2)))
                words.append(t.s("reasons.month_cap", month=", ".join(names)))
            elif t.has(f"reasons.{tail}"):
                words.append(t.raw(f"reasons.{tail}"))
            else:
                words.append(rules.title(f"{regime}.{tail}", t.lang))
        parts.append(f"{_regime_word(regime, t)}: {', '.join(dict.fromkeys(words))}")
    return "; ".join(parts)


def compose_coordinator(results: Iterable[ResidentResult], residents: Iterable[Resident],
                        payments: Iterable[Payment], year: int, rules: RulesInfo,
                        org: Organisation, t: Templates, letter_date: date,
                        month: int | None = None) -> CoordinatorOverview:
    """The coordinator's overview of a year (or one month), the urgent first (issue 10 item 3).
    Page 1 is a summary: counts per status; planned payments over a cap in the rest of this
    month and the next (from the letter's date; for a month's overview: that month and the
    next); what is unknown; who turns 27; the provisional view of next year. Then every resident,
    by status (not safe, unknown, safe) and then in Dutch alphabetical order (Ĳ under I, Ł after
    L), with the reason and what to do."""
    from vergoedingcheck.letters.collation import dutch_key

    by_id = {r.id: r for r in residents}
    pays = list(payments)
    results = list(results)
    by_result = {res.id: res for res in results}
    rows: list[OverviewRow] = []
    years: dict[str, YearResult] = {}
    ym = f"{year}-{month:02d}" if month is not None else None
    for res in results:
        y = res.year(year)
        if y is None:
            continue
        years[res.id] = y
        resident = by_id.get(res.id)
        name = (resident.name if resident else None) or res.name
        if ym is None:
            rows.append(OverviewRow(res.id, name, y.status, y.tax.counted, y.headroom, y.actions,
                                    _row_reason(y, t, rules, y.status, None)))
        else:
            mr = next((m for m in y.months if m.month == ym), None)
            if mr is None:
                continue
            rows.append(OverviewRow(res.id, name, mr.status, mr.counted, mr.headroom, y.actions,
                                    _row_reason(y, t, rules, mr.status, ym)))
    rows.sort(key=lambda r: (STATUS_ORDER.get(r.status, 9), dutch_key(r.name or r.resident_id),
                             r.resident_id))

    turning: list[Turning27] = []
    for r in by_id.values():
        if r.birth_date is None:
            continue
        bd = _birthday(r.birth_date, YOUNG_AGE)
        if bd.year == year and (month is None or bd.month == month):
            turning.append(Turning27(r.id, r.name, bd))
    turning.sort(key=lambda x: (x.birthday, x.resident_id))

    # the window of planned payments: the rest of this month and the next
    if month is not None:
        start = date(year, month, 1)
        ny, nm = (year, month + 1) if month < 12 else (year + 1, 1)
    else:
        start = letter_date
        ny, nm = ((letter_date.year, letter_date.month + 1) if letter_date.month < 12
                  else (letter_date.year + 1, 1))
    end = _last_day(ny, nm)
    next_month = f"{ny}-{nm:02d}"
    marked = {p.resident for p in pays if p.planned}
    alerts: list[PlannedAlert] = []
    pending_safe: list[PlannedAlert] = []
    for p in sorted(pays, key=lambda p: (p.date, p.resident, p.amount)):
        if not (start <= p.date <= end) or not is_planned(p, letter_date, p.resident in marked):
            continue
        owner = by_result.get(p.resident)
        y2 = owner.year(p.date.year) if owner is not None else None
        if y2 is None:
            continue
        resident = by_id.get(p.resident)
        if y2.provisional is not None:
            # December plans January: the year's figures are not confirmed, so its own status is
            # unknown; what it would be with the last confirmed figures is shown, as "voorlopig"
            alert = PlannedAlert(p.resident, resident.name if resident else None, p.date,
                                 p.amount, "pending", y2.provisional)
            (pending_safe if y2.provisional.status == "safe" else alerts).append(alert)
            continue
        pm = f"{p.date.year}-{p.date.month:02d}"
        mr = next((m for m in y2.months if m.month == pm), None)
        month_fails = [f for f in _fails(y2, "month_cap") if f.period.startswith(pm)]
        if month_fails:
            cap = "month"
        elif mr is not None and mr.status == "unsafe" and _fails(y2, "year_cap"):
            cap = "year"
        elif mr is not None and mr.status == "unsafe":
            cap = "other"
        else:
            continue
        alerts.append(PlannedAlert(p.resident, resident.name if resident else None, p.date,
                                   p.amount, cap))  # type: ignore[arg-type]

    def who(rid: str, name: str | None) -> str:
        return f"{name} ({rid})" if name else rid

    def capped(items: list[Text]) -> list[Text]:
        if len(items) <= SUMMARY_ITEMS:
            return items
        rest = len(items) - (SUMMARY_ITEMS - 1)
        return [*items[:SUMMARY_ITEMS - 1], t.t("summary.more", count=str(rest))]

    period = str(year) if month is None else format_month(year, month, t.locale)
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("safe", "unsafe", "unknown")}
    blocks: list[Block] = [
        Para(t.t("intro", count=str(len(rows)), safe=str(counts["safe"]),
                 unsafe=str(counts["unsafe"]), unknown=str(counts["unknown"])), "lead"),
    ]
    # 1. planned money that would cross a cap: the first thing to change
    window = {"start": _date(start, t), "end": _date(end, t)}
    blocks.append(Heading(t.t("planned.heading", **window)))
    def alert_item(a: PlannedAlert) -> Text:
        common = {"resident": who(a.resident_id, a.name), "amount": _eur(a.amount, t),
                  "date": _date(a.date, t)}
        if a.provisional is not None:
            return t.t("planned.item_pending", **common, year=str(a.date.year),
                       assuming=a.provisional.assuming,
                       outcome=t.raw(f"planned.pending_{a.provisional.status}"))
        return t.t("planned.item", **common, cap=t.raw(f"planned.cap_{a.cap}"))

    if alerts:
        blocks.append(Bullets(tuple(capped([alert_item(a) for a in alerts]))))
    else:
        blocks.append(Para(t.t("planned.none", **window)))
    by_year: dict[tuple[int, str], int] = {}
    for a in pending_safe:
        key = (a.date.year, a.provisional.assuming if a.provisional is not None else "?")
        by_year[key] = by_year.get(key, 0) + 1
    for (pending_year, assumed), n_safe in sorted(by_year.items()):
        blocks.append(Para(t.t("planned.pending_safe_one" if n_safe == 1 else "planned.pending_safe_many",
                               year=str(pending_year), assuming=assumed, count=str(n_safe))))
        # which payments (looked at as PNG: a count alone does not say whom to check)
        blocks.append(Bullets(tuple(capped([
            t.t("planned.item_pending_safe", resident=who(a.resident_id, a.name),
                amount=_eur(a.amount, t), date=_date(a.date, t))
            for a in pending_safe if a.date.year == pending_year and a.provisional is not None
            and a.provisional.assuming == assumed]))))
    # 2. what is unknown: what to record
    unknown_items: list[Text] = []
    for row in rows:
        if row.status != "unknown":
            continue
        missing = list(dict.fromkeys(
            _missing_word(f.missing, t, rules) for f in years[row.resident_id].findings
            if f.outcome == "unknown"))
        unknown_items.append(t.t("findings.item", resident=who(row.resident_id, row.name),
                                 missing="; ".join(missing) or "?"))
    blocks.append(Heading(t.t("findings.heading")))
    blocks.append(Bullets(tuple(capped(unknown_items))) if unknown_items
                  else Para(t.t("findings.none")))
    # 3. who turns 27
    blocks.append(Heading(t.t("turning27.heading")))
    if turning:
        blocks.append(Para(t.t("turning27.intro"), "small"))
        blocks.append(Bullets(tuple(capped([
            t.t("turning27.item", resident=who(x.resident_id, x.name), date=_date(x.birthday, t))
            for x in turning]))))
    else:
        blocks.append(Para(t.t("turning27.none")))
    # 4. next year, provisional while its figures are not confirmed
    nxt = [y for res in results if (y := res.year(year + 1)) is not None]
    blocks.append(Heading(t.t("next_year.heading", year=str(year + 1))))
    if not nxt:
        blocks.append(Para(t.t("next_year.none", year=str(year + 1))))
    else:
        shown = [y.provisional.status if y.provisional is not None else y.status for y in nxt]
        n = {s: str(shown.count(s)) for s in ("safe", "unsafe", "unknown")}
        assuming = next((y.provisional.assuming for y in nxt if y.provisional is not None), None)
        if assuming is not None:
            blocks.append(Para(t.t("next_year.provisional", year=str(year + 1), assuming=assuming,
                                   **n)))
        else:
            blocks.append(Para(t.t("next_year.confirmed", year=str(year + 1), **n)))
    # then every resident, the urgent first
    blocks.append(PageBreak())
    blocks.append(Heading(t.t("residents.heading")))
    if rows:
        blocks.append(Table(
            header=(t.t("residents.col_resident"), t.t("residents.col_status"),
                    t.t("residents.col_counted"), t.t("residents.col_headroom"),
                    t.t("residents.col_actions")),
            rows=tuple((who(r.resident_id, r.name), t.raw(f"status.{r.status}"),
                        _eur(r.counted, t), _eur(r.headroom, t), _reason_cell(r, t))
                       for r in rows),
            align=("l", "l", "r", "r", "l"), widths=(0.25, 0.14, 0.11, 0.11, 0.39),
            bold_rows=tuple(i for i, r in enumerate(rows) if r.status != "safe"),
        ))
    else:
        blocks.append(Para(t.t("residents.none")))

    c = org.coordinator
    head = _head("coordinator", t, title=t.s("meta.title", period=period),
                 recipient=tuple(x for x in (c.name, c.role, org.name) if x), org=org,
                 letter_date=letter_date,
                 reference=f"overzicht-{year}" + (f"-{month:02d}" if month else ""),
                 subject=t.t("subject", period=period), rules=rules)
    return CoordinatorOverview(
        head=head, year=year, month=month, rows=tuple(rows), turning_27=tuple(turning),
        planned_over_cap=tuple(alerts), next_month=next_month, blocks=tuple(blocks),
        planned_provisional=tuple(pending_safe),
    )


def _reason_cell(r: OverviewRow, t: Templates) -> str:
    todo = ", ".join(t.raw(f"actions.{a}") if t.has(f"actions.{a}") else a for a in r.actions)
    if r.reason and todo:
        return t.s("residents.reason_and_todo", reason=r.reason, todo=todo)
    return r.reason or todo
