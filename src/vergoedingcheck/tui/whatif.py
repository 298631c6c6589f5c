"""What if: type an amount and a date, see the effect on tax and every benefit before saving."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import ZERO, Finding, Status, YearResult
from vergoedingcheck.io.spreadsheet import format_date_nl, parse_date_nl, parse_money_nl
from vergoedingcheck.model import Payer, Resident
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store, StoreError
from vergoedingcheck.tui.common import (
    day,
    emphasise,
    eur,
    explain_finding,
    month_name,
    status_cell,
    status_nl,
    visible,
)
from vergoedingcheck.tui.forms import KIND_OPTIONS, worsen_question
from vergoedingcheck.tui.widgets import DataInput, Table

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp


def household_input(
    store: Store, rid: str, years: Sequence[int]
) -> tuple[list[Resident], list[PaymentRecord], list[Payer]]:
    """What the engine sees of a resident in `years`, for `compare` and `check_series` alike: the
    resident and the rest of the household (a gift limit is the household's), their payments in
    those years, other teams' payments to them (PostgreSQL teams; none on SQLite), and what is
    known of the payers (it counts here as in the check)."""
    me = store.resident(rid)
    residents = [me] + (
        [r for r in store.residents() if r.household == me.household and r.id != rid] if me.household else []
    )
    ids = {r.id for r in residents}
    pays = [p for y in years for p in store.payments(year=y) if p.resident in ids]
    pays += [p for p in store.other_team_payments() if p.resident in ids and p.date.year in years]
    return [r.to_model() for r in residents], pays, store.payer_models()


def compare(
    app: VergoedingApp,
    rid: str,
    extra: PaymentRecord,
    replaces: int | None = None,
    ruleset: Ruleset | None = None,
) -> tuple[YearResult | None, YearResult | None, YearResult | None]:
    """The year of `extra` before and after adding it (or replacing payment `replaces`), and the
    year without either (`base`: the year the largest safe amount is measured in; for a new
    payment the same as before)."""
    years = [extra.date.year]
    models, pays, payers = household_input(app.store, rid, years)

    def year_of(payments: list[PaymentRecord]) -> YearResult | None:
        res = evaluate(
            models, [p.to_model() for p in payments], ruleset or app.ruleset, years=years, payers=payers
        ).resident(rid)
        return res.year(extra.date.year) if res else None

    before = year_of(pays)
    after = year_of([p for p in pays if replaces is None or p.id != replaces] + [extra])
    edited = replaces is not None and any(p.id == replaces for p in pays)
    base = year_of([p for p in pays if p.id != replaces]) if edited else before
    return before, after, base


@dataclass(frozen=True)
class SeriesCheck:
    """What saving a series of payments does (issue 11 item 4, recurring payments): `first_break`
    is the index of the first payment after which a safe year of the resident is no longer safe
    (None when every payment keeps it safe); `year`, `after` and `why` say which year, what it
    becomes and why."""

    count: int
    first_break: int | None
    year: int | None = None
    after: Status | None = None
    why: tuple[str, ...] = ()
    # years that are not safe after the whole series although no payment of it made them so
    # (already unsafe or unknown before, e.g. next year's figures not yet confirmed)
    not_safe: tuple[tuple[int, Status, tuple[str, ...]], ...] = ()
    assuming: str | None = None  # the break was found provisionally, with this year's figures

    @property
    def verdict(self) -> str:
        """ "niet veilig", or "voorlopig niet veilig" for a year whose figures are pending."""
        word = status_nl(self.after or "unknown")
        return f"voorlopig {word}" if self.assuming else word

    @property
    def safe_count(self) -> int:
        """How many payments, from the first, can be saved without making a safe year unsafe."""
        return self.count if self.first_break is None else self.first_break


def check_series(app: VergoedingApp, rid: str, series: list[PaymentRecord]) -> SeriesCheck:
    """Check a series before saving it: each payment in date order, added to what the store holds,
    as the engine will see it (the household, the payers, other teams' payments). Adding payments
    never makes a year better, so the first payment that turns a safe year unsafe or unknown stops
    the series there."""
    years = sorted({p.date.year for p in series})
    models, pays, payers = household_input(app.store, rid, years)

    def statuses(payments: list[PaymentRecord]) -> dict[int, YearResult]:
        res = evaluate(
            models, [p.to_model() for p in payments], app.ruleset, years=years, payers=payers
        ).resident(rid)
        return {y: yr for y in years if res is not None and (yr := res.year(y)) is not None}

    before = statuses(pays)
    ordered = sorted(series, key=lambda p: p.date)

    def broken(k: int) -> tuple[int, YearResult] | None:
        after = statuses(pays + ordered[: k + 1])
        for y, yr in after.items():
            # a year without payments before is safe; a year whose figures are pending is judged
            # provisionally (with the last confirmed figures), so December can plan January
            was = planning_status(before[y]) if y in before else "safe"
            if was == "safe" and planning_status(yr) != "safe":
                return y, yr
        return None

    if broken(len(ordered) - 1) is None:
        final = statuses(pays + ordered)
        return SeriesCheck(
            len(ordered),
            None,
            not_safe=tuple(
                (y, yr.status, tuple(planning_reasons(yr)))
                for y, yr in sorted(final.items())
                if yr.status != "safe"
            ),
        )
    for k in range(len(ordered)):
        hit = broken(k)
        if hit is not None:
            y, yr = hit
            return SeriesCheck(
                len(ordered),
                k,
                y,
                planning_status(yr),
                tuple(planning_reasons(yr)),
                assuming=yr.provisional.assuming if yr.provisional is not None else None,
            )
    raise AssertionError("the whole series breaks a year, so one of its prefixes does")


def planning_status(yr: YearResult) -> Status:
    """The status to plan with: the year's own, or for a year whose figures are announced but not
    confirmed (status `unknown` with a provisional view) the provisional status. Only for deciding
    where a series stops; the words always say it is provisional."""
    return yr.provisional.status if yr.provisional is not None else yr.status


def planning_reasons(yr: YearResult) -> list[str]:
    if yr.provisional is None:
        return reasons(yr)
    label = (
        f"de bedragen voor {yr.year} zijn nog niet vastgesteld; voorlopig gerekend met die van "
        f"{yr.provisional.assuming}: {status_nl(yr.provisional.status)}"
    )
    return [label]


def series_text(check: SeriesCheck, series: list[PaymentRecord]) -> str:
    """The series in words, for the form: how many, from when to when, and where it stops."""
    ordered = sorted(series, key=lambda p: p.date)
    head = (
        f"{len(ordered)} betalingen van {eur(ordered[0].amount)}, "
        f"{day(ordered[0].date)} tot en met {day(ordered[-1].date)}."
    )
    if check.first_break is None:
        if not check.not_safe:
            return head + " Elke betaling houdt de jaren veilig."
        # never "safe" for a year that is not: say what it stays, and why
        return head + "".join(
            f" {y} blijft {status_nl(status).upper()}" + (f" ({'; '.join(why)})" if why else "") + "."
            for y, status, why in check.not_safe
        )
    stop = ordered[check.first_break]
    why = f" ({'; '.join(check.why)})" if check.why else ""
    return (
        f"{head} De betaling van {day(stop.date)} maakt {check.year} "
        f"{check.verdict.upper()}{why}. Veilig op te slaan: de eerste "
        f"{check.safe_count}."
    )


def _limit(f: Finding) -> str:
    return eur(f.limit) if f.limit is not None else "het maximum"


def reason(f: Finding) -> str:
    """A finding that makes a year not safe, as a short reason (issue 11 item 2)."""
    key = f.explanation
    where = f" in {month_name(f.period)}" if len(f.period) == 7 else ""
    if key.endswith(".month_over_cap"):
        return f"boven het maandmaximum van {_limit(f)}{where}"
    if key.endswith(".year_over_cap"):
        return f"boven het jaarmaximum van {_limit(f)}"
    if key.endswith("hourly_norm_hard"):
        return f"meer dan {_limit(f)} per uur{where}"
    if key == "pw.under_min_age":
        age = f"{f.limit:.0f}" if f.limit is not None else "27"
        return f"jonger dan {age}: elke vaste vergoeding telt"
    if key == "ww.permission_unknown":
        return "UWV-toestemming ontbreekt"
    if key == "ww.permission_refused":
        return "UWV gaf geen toestemming"
    if key == "fact.missing_birth_date":
        return "geboortedatum ontbreekt"
    if key == "gifts.over_limit":
        return f"giften boven de grens van {_limit(f)}"
    if key == "gifts.policy_unknown":
        return "giftenbeleid van de gemeente onbekend"
    if key == "figure.missing":
        title = dict(f.params).get("title")
        return f"regel ontbreekt: {title}" if title else "een regel ontbreekt"
    return explain_finding(f).rstrip(".")


# findings that say what follows from a breach, not what caused it
_CONSEQUENCES = frozenset(
    {
        "tax.whole_amount_taxable",
        "tax.whole_amount_taxable_costs",
        "toeslagen.income_raised",
        "ww.fictitious_wage",
        "ww.fictitious_wage_unknown",
        "pw.year_breach_excess_only",
    }
)


def reasons(year: YearResult) -> list[str]:
    """Every distinct reason the year is not safe (failed and unknown findings), worst first."""
    out: list[str] = []
    for f in sorted(year.findings, key=lambda f: 0 if f.outcome == "fail" else 1):
        if f.outcome in ("fail", "unknown") and f.explanation not in _CONSEQUENCES:
            r = reason(f)
            if r not in out:
                out.append(r)
    return out


def largest_safe(base: YearResult | None, rec: PaymentRecord) -> Decimal | None:
    """The largest amount of this kind that keeps the year safe on that date: the month's room
    for an allowance (the engine's month headroom), the household's gift room for a gift; None
    for wages (no volunteer room) or a year already not safe without this payment (then 0)."""
    if base is None:
        return None
    if base.status != "safe":
        return ZERO
    if rec.kind == "gift":
        return base.gifts.headroom
    if rec.kind == "loon":
        return None
    return base.months[rec.date.month - 1].headroom


def checked_largest_safe(
    app: VergoedingApp,
    rid: str,
    rec: PaymentRecord,
    base: YearResult | None,
    replaces: int | None = None,
    ruleset: Ruleset | None = None,
) -> Decimal | None:
    """`largest_safe`, checked by the engine with this payment's payer, hours and kind: the month's
    room says nothing of who pays, so € 220 of room is no safe amount from a commercial payer (that
    is wages, Wet LB 1964 art. 2 lid 6), from a payer that also pays wages, or at an hourly rate above
    the norm. When paying the room itself would not keep the year safe, the answer is € 0: never a
    wrong "safe" amount (a smaller amount may still be safe; the preview of that amount says so)."""
    safe = largest_safe(base, rec)
    if safe is None or safe <= ZERO:
        return safe
    _, after, _ = compare(app, rid, replace(rec, amount=safe), replaces=replaces, ruleset=ruleset)
    return safe if after is not None and after.status == "safe" else ZERO


@dataclass(frozen=True)
class Effect:
    """What saving a payment does: the year's status before and after, and the words for it."""

    year: int
    before: Status
    after: Status
    lines: tuple[str, ...]
    planned_after: Status | None = None
    """For a year whose figures are pending: the status with the last confirmed figures."""

    @property
    def worsens(self) -> bool:
        """A safe year becomes unsafe or unknown (the form then asks before saving). A year that is
        unknown only because its figures are pending is judged provisionally: planning January in
        December asks only when the payment would break a cap with the last confirmed figures."""
        after = self.planned_after if self.planned_after is not None else self.after
        return self.before == "safe" and after != "safe"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def effect(app: VergoedingApp, rid: str, rec: PaymentRecord) -> Effect | None:
    """What saving `rec` does to its year (for the payment form and what-if)."""
    before, after, base = compare(app, rid, rec, replaces=rec.id)
    if before is None or after is None:
        return None
    if before.status == after.status:
        head = f"Na opslaan: {rec.date.year} blijft {status_nl(after.status)}"
    else:
        head = (
            f"Na opslaan: {rec.date.year} wordt {status_nl(after.status).upper()} "
            f"(was {status_nl(before.status)})"
        )
    lines = [head]
    if after.provisional is not None:
        # figures announced but not confirmed (spec §3 Coverage): the status stays `onbekend`; the
        # plan is made, labelled, with the last confirmed figures
        prov = after.provisional
        lines.append(
            f"Waarom: de bedragen voor {rec.date.year} zijn nog niet vastgesteld. Voorlopig, met die van "
            f"{prov.assuming}: {status_nl(prov.status)}"
        )
        assumed = app.ruleset.assuming_confirmed()
        _, _, pbase = compare(app, rid, rec, replaces=rec.id, ruleset=assumed)
        psafe = checked_largest_safe(app, rid, rec, pbase, replaces=rec.id, ruleset=assumed)
        if psafe is not None:
            lines.append(
                f"Voorlopig grootste veilige bedrag op {day(rec.date)}: {eur(psafe)} (met de bedragen van "
                f"{prov.assuming})"
            )
        return Effect(
            rec.date.year, before.status, after.status, tuple(visible(x) for x in lines), prov.status
        )
    why = reasons(after) if after.status != "safe" else []
    if why:
        lines.append("Waarom: " + "; ".join(why))
    safe = checked_largest_safe(app, rid, rec, base, replaces=rec.id)
    if safe is not None:
        lines.append(f"Grootste veilige bedrag op {day(rec.date)}: {eur(safe)}")
    return Effect(rec.date.year, before.status, after.status, tuple(visible(x) for x in lines))


def effect_line(app: VergoedingApp, rid: str, rec: PaymentRecord) -> str:
    """The effect as text (one line per point)."""
    e = effect(app, rid, rec)
    return e.text if e else ""


class WhatIfScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluit", id="whatif.close"),
        Binding("ctrl+s", "save", "Opslaan als gepland", id="whatif.save"),
    ]

    def __init__(self, resident: ResidentRecord):
        super().__init__()
        self.resident = resident
        self.candidate: PaymentRecord | None = None
        self.before: Status = "unknown"
        self.after: Status = "unknown"

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(visible(f"Wat als · {self.resident.label}"), classes="title", markup=False)
            with Grid(classes="fields"):
                yield Label("Bedrag (€)")
                yield DataInput("", id="amount", compact=True, placeholder="bijvoorbeeld 75,00")
                yield Label("Datum")
                yield DataInput(format_date_nl(self.vc.today), id="date", compact=True)
                yield Label("Soort")
                yield Select(
                    KIND_OPTIONS,
                    value="vrijwilligersvergoeding",
                    allow_blank=False,
                    compact=True,
                    id="kind",
                )
            yield Static("Typ een bedrag: hieronder ziet u meteen wat het doet.", id="verdict", markup=False)
            yield Table(id="effect", cursor_type="none")
            yield Horizontal(
                Button("Opslaan als gepland (ctrl+s)", id="save", variant="primary", compact=True),
                Button("Sluit (esc)", id="close", compact=True),
                classes="buttons",
            )

    def on_mount(self) -> None:
        t = self.query_one("#effect", DataTable)
        t.add_column("Onderdeel", width=20)
        t.add_column("Nu", width=11)
        t.add_column("Daarna", width=11)
        t.add_column("Telt mee", width=12)
        self.query_one("#amount", Input).focus()

    def on_input_changed(self, _: Input.Changed) -> None:
        self.update()

    def on_select_changed(self, _: Select.Changed) -> None:
        self.update()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.update()

    def update(self) -> None:
        verdict = self.query_one("#verdict", Static)
        t = self.query_one("#effect", DataTable)
        t.clear()
        self.candidate = None
        amount_text = self.query_one("#amount", Input).value
        date_text = self.query_one("#date", Input).value
        if not amount_text.strip():
            verdict.update("Typ een bedrag: hieronder ziet u meteen wat het doet.")
            return
        try:
            amount: Decimal = parse_money_nl(amount_text)
            when: date = parse_date_nl(date_text)
        except ValueError as exc:
            verdict.update(visible(f"Nog niet te berekenen: {exc}"))
            return
        kind = str(self.query_one("#kind", Select).value)
        cand = PaymentRecord(self.resident.id, when, amount, kind, status="planned", note="wat-als")
        before, after, base = compare(self.vc, self.resident.id, cand)
        if before is None or after is None:
            verdict.update("Geen resultaat voor dit jaar.")
            return
        self.candidate = cand
        self.before, self.after = before.status, after.status
        m = when.month - 1
        if before.status == after.status:
            word = f"{when.year} blijft {status_nl(after.status)}"
        else:
            now = status_nl(before.status)
            word = f"{when.year} wordt {status_nl(after.status).upper()} (nu {now})"
        lines = [
            f"{eur(amount)} op {day(when)}: {word}. Ruimte in "
            f"{month_name(after.months[m].month)} daarna: "
            f"{eur(after.months[m].headroom)}; nog te betalen in {when.year}: "
            f"{eur(after.headroom_remaining(self.vc.today))}."
        ]
        if after.provisional is not None:
            # the year's figures are pending: planned, labelled, with the last confirmed ones (the
            # same words as the payment form, `effect`)
            e = effect(self.vc, self.resident.id, cand)
            lines.extend(x + "." for x in (e.lines[1:] if e is not None else ()))
        else:
            why = reasons(after) if after.status != "safe" else []
            if why:
                lines.append("Waarom: " + "; ".join(why) + ".")
            safe = checked_largest_safe(self.vc, self.resident.id, cand, base)
            if safe is not None:
                lines.append(f"Grootste veilige bedrag op {day(when)}: {eur(safe)}.")
        verdict.update(emphasise("\n".join(lines)))
        t.add_row(
            "Heel het jaar",
            status_cell(before.status),
            status_cell(after.status),
            eur(after.tax.counted),
        )
        t.add_row(
            f"Maand {month_name(after.months[m].month)}",
            status_cell(before.months[m].status),
            status_cell(after.months[m].status),
            eur(after.months[m].counted),
        )
        t.add_row(
            "Belasting",
            status_cell(before.tax.status),
            status_cell(after.tax.status),
            eur(after.tax.taxable) if after.tax.taxable else "niets belast",
        )
        old = {b.type: b for b in before.benefits}
        for b in after.benefits:
            o = old.get(b.type)
            t.add_row(
                f"Uitkering {b.type}",
                status_cell(o.status if o else None),
                status_cell(b.status),
                eur(b.countable),
            )
        if not after.benefits:
            t.add_row("Uitkering", "geen", "geen", "—")

    def action_save(self) -> None:
        from vergoedingcheck.tui.forms import Confirm

        cand = self.candidate
        if cand is None:
            self.notify("Typ eerst een bedrag en een datum", severity="warning")
            return
        # the same judgement as the payment form (`effect`): in a year whose figures are pending
        # (planning January in December) the question comes when the payment is provisionally,
        # with the last confirmed figures, not safe
        e = effect(self.vc, self.resident.id, cand)
        after = self.after
        provisional = e is not None and e.planned_after is not None
        now = status_nl(after)
        if e is not None and e.planned_after is not None:
            now += f" (voorlopig {status_nl(e.planned_after)})"

        def save(yes: bool | None = True) -> None:
            if not yes:
                return
            try:
                self.vc.store.add_payment(cand)
            except StoreError as exc:
                self.notify(str(exc), severity="error", title="Niet opgeslagen")
                return
            self.notify(f"Gepland: {eur(cand.amount)} op {day(cand.date)}. {cand.date.year} is nu {now}.")
            self.vc.recheck({cand.resident})
            self.dismiss(None)

        worsens = e.worsens if e is not None else self.before == "safe" and after != "safe"
        if worsens:
            asked = e.planned_after if e is not None and e.planned_after is not None else after
            self.app.push_screen(Confirm(worsen_question(cand.date.year, asked, provisional)), save)
        else:
            save()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)
