"""Forms: a resident (with up to three benefits), a payment, and a yes/no question.

Dates are typed the Dutch way (`3-3-2026`), amounts with a comma (`12,50`); every field is checked
before anything is saved, and the message names the field.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from vergoedingcheck.io.spreadsheet import (
    format_date_nl,
    format_decimal_nl,
    format_hours_nl,
    parse_date_nl,
    parse_decimal_nl,
    parse_money_nl,
)
from vergoedingcheck.model import BENEFIT_TYPES, PAYMENT_KINDS, Benefit, Payer
from vergoedingcheck.store import PaymentRecord, ResidentRecord
from vergoedingcheck.tui.common import PAYER_TYPE_NL, emphasise, plain, status_nl, visible
from vergoedingcheck.tui.widgets import DataInput

if TYPE_CHECKING:
    from vergoedingcheck.tui.whatif import Effect, SeriesCheck

MAX_BENEFITS = 3
MAX_SERIES = 36  # payments in one recurring series (three years of months)


def worsen_question(year: int, after: str, provisional: bool = False) -> str:
    """The question before saving a payment that makes a safe year unsafe or unknown
    (`provisional`: judged with the last confirmed figures, the year's own are pending)."""
    word = ("voorlopig " if provisional else "") + status_nl(after)
    return f"Met deze betaling wordt {year} {word.upper()}. Toch opslaan?"



class PlainCheckbox(Checkbox):
    """A checkbox whose state shows without colour: an X when on, a blank when off (Textual's own
    shows the X in both states and tells them apart by colour only)."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button

class FormError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


class FormErrors(FormError):
    """Every problem in a form at once (issue 11 item 2: not only the first)."""

    def __init__(self, errors: list[FormError]):
        super().__init__(errors[0].field, str(errors[0]).split(": ", 1)[1])
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class _Collect:
    """Collects the FormErrors of several fields: `with c.field(): ...` keeps going after one."""

    def __init__(self) -> None:
        self.errors: list[FormError] = []

    def field(self) -> _Field:
        return _Field(self)

    def raise_any(self) -> None:
        if self.errors:
            raise FormErrors(self.errors)


class _Field:
    def __init__(self, collect: _Collect) -> None:
        self.collect = collect

    def __enter__(self) -> None:
        return None

    def __exit__(self, typ: object, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, FormError):
            self.collect.errors.append(exc)
            return True
        return False


def _opt(text: str) -> str | None:
    return text.strip() or None


def _date(label: str, text: str, required: bool = False) -> date | None:
    if not text.strip():
        if required:
            raise FormError(label, "verplicht (bijvoorbeeld 3-3-2026)")
        return None
    try:
        return parse_date_nl(text)
    except ValueError as exc:
        raise FormError(label, str(exc)) from None


class _Form(ModalScreen[Any]):
    """A form: Enter moves to the next field, ctrl+s saves, Escape asks first when something
    was changed; every error is shown at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleer", id="form.cancel"),
        Binding("ctrl+s", "save", "Opslaan", id="form.save"),
    ]
    _initial: dict[str, object] | None = None

    def on_mount(self) -> None:
        self._initial = self._values()

    def _values(self) -> dict[str, object]:
        return {
            str(w.id): getattr(w, "value", None)
            for w in self.query("Input, Select, Checkbox")
            if w.id is not None
        }

    def changed(self) -> bool:
        return self._initial is not None and self._values() != self._initial

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("U heeft iets gewijzigd. Sluiten zonder op te slaan?"), answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter goes to the next field; it never saves a half-filled form (ctrl+s saves)."""
        event.stop()
        self.focus_next()

    def show_error(self, exc: FormError) -> None:
        errors = exc.errors if isinstance(exc, FormErrors) else [exc]
        head = "Niet opgeslagen:" if len(errors) > 1 else "Niet opgeslagen."
        text = head + "".join(("\n· " if len(errors) > 1 else " ") + visible(str(e)) for e in errors)
        self.query_one("#error", Static).update(text)

    def action_save(self) -> None:
        raise NotImplementedError


def _buttons() -> Horizontal:
    return Horizontal(
        Button("Opslaan (ctrl+s)", id="save", variant="primary", compact=True),
        Button("Annuleer (esc)", id="cancel", compact=True),
        classes="buttons",
    )


class ResidentForm(_Form):
    """Add (`rec=None`) or edit a resident; dismisses with the new record or None."""

    def __init__(self, rec: ResidentRecord | None, today: date):
        super().__init__()
        self.rec = rec
        self.today = today

    def compose(self) -> ComposeResult:
        r = self.rec
        with Vertical(classes="dialog"):
            yield Label("Bewoner wijzigen" if r else "Nieuwe bewoner", classes="title")
            with Grid(classes="fields"):
                yield Label("Referentie")
                yield DataInput(
                    r.id if r else "",
                    id="ref",
                    compact=True,
                    placeholder="uw eigen nummer, geen BSN",
                )
                yield Label("Naam")
                yield DataInput(r.name or "" if r else "", id="name", compact=True)
                yield Label("Geboortedatum")
                yield DataInput(
                    format_date_nl(r.birth_date) if r else "",
                    id="birth",
                    compact=True,
                    placeholder="bijvoorbeeld 3-3-1980",
                )
                yield Label("Gemeente")
                yield DataInput(r.municipality or "" if r else "", id="municipality", compact=True)
                yield Label("Huishouden")
                yield DataInput(
                    r.household or "" if r else "",
                    id="household",
                    compact=True,
                    placeholder="zelfde code = één uitkering samen",
                )
                yield Label("Notitie")
                yield DataInput(r.note or "" if r else "", id="note", compact=True)
                yield Label("Adres")
                yield DataInput(
                    ", ".join(r.address) if r else "",
                    id="address",
                    compact=True,
                    placeholder="voor de brief: Straat 1, 1234 AB Plaats",
                )
            yield Label(
                "Uitkeringen: soort, sinds, tot, toestemming van UWV (WW), WW-uurloon",
                classes="subtitle",
            )
            benefits = list(r.benefits) if r else []
            for i in range(MAX_BENEFITS):
                b = benefits[i] if i < len(benefits) else None
                with Horizontal(classes="benefit"):
                    yield Select(
                        [(t, t) for t in BENEFIT_TYPES],
                        prompt="geen",
                        compact=True,
                        value=b.type if b else Select.NULL,
                        id=f"btype{i}",
                    )
                    yield DataInput(
                        format_date_nl(b.since) if b else "",
                        id=f"bsince{i}",
                        placeholder="sinds",
                        compact=True,
                    )
                    yield DataInput(
                        format_date_nl(b.until) if b else "",
                        id=f"buntil{i}",
                        placeholder="tot",
                        compact=True,
                    )
                    perm = (
                        "?"
                        if b is None or b.uwv_permission is None
                        else ("ja" if b.uwv_permission else "nee")
                    )
                    yield Select(
                        [("UWV: ?", "?"), ("UWV: ja", "ja"), ("UWV: nee", "nee")],
                        value=perm,
                        allow_blank=False,
                        compact=True,
                        id=f"bperm{i}",
                        classes="perm",
                    )
                    yield DataInput(
                        format_decimal_nl(b.ww_hourly_wage) if b else "",
                        id=f"bwage{i}",
                        placeholder="uurloon",
                        compact=True,
                    )
            yield Static("", id="error", classes="error", markup=False)
            yield _buttons()

    def value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value

    def build(self) -> ResidentRecord:
        c = _Collect()
        ref = self.value("ref").strip()
        with c.field():
            if not ref:
                raise FormError("Referentie", "verplicht")
        birth: date | None = None
        with c.field():
            birth = _date("Geboortedatum", self.value("birth"), required=True)
            if birth is not None and birth > self.today:
                raise FormError("Geboortedatum", "ligt in de toekomst")
        old = list(self.rec.benefits) if self.rec else []
        benefits: list[Benefit] = []
        for i in range(MAX_BENEFITS):
            btype = self.query_one(f"#btype{i}", Select).value
            if btype is Select.NULL or btype is None:
                continue
            since: date | None = None
            until: date | None = None
            wage: Decimal | None = None
            with c.field():
                since = _date(f"Uitkering {i + 1} sinds", self.value(f"bsince{i}"))
            with c.field():
                until = _date(f"Uitkering {i + 1} tot", self.value(f"buntil{i}"))
            with c.field():
                if since and until and until < since:
                    raise FormError(f"Uitkering {i + 1}", "'tot' ligt voor 'sinds'")
            wage_text = self.value(f"bwage{i}").strip()
            with c.field():
                if wage_text:
                    try:
                        wage = parse_money_nl(wage_text)
                    except ValueError as exc:
                        raise FormError(f"Uitkering {i + 1} uurloon", str(exc)) from None
            perm = {"?": None, "ja": True, "nee": False}[str(self.query_one(f"#bperm{i}", Select).value)]
            client = old[i].client_number if i < len(old) and old[i].type == btype else None
            benefits.append(
                Benefit(
                    type=str(btype),
                    since=since,
                    until=until,
                    uwv_permission=perm,
                    ww_hourly_wage=wage,
                    client_number=client,
                )
            )
        c.raise_any()
        assert birth is not None
        return ResidentRecord(
            id=ref,
            name=_opt(self.value("name")),
            birth_date=birth,
            municipality=_opt(self.value("municipality")),
            household=_opt(self.value("household")),
            note=_opt(self.value("note")),
            benefits=tuple(benefits),
            rev=self.rec.rev if self.rec else 0,
            address=tuple(part.strip() for part in self.value("address").split(",") if part.strip()),
        )

    def action_save(self) -> None:
        try:
            self.dismiss(self.build())
        except FormError as exc:
            self.show_error(exc)


KIND_OPTIONS = [
    ("vrijwilligersvergoeding", "vrijwilligersvergoeding"),
    ("onkostenvergoeding", "onkostenvergoeding"),
    ("gift", "gift"),
    ("loon", "loon"),
]


class PaymentForm(_Form):
    """Add or edit a payment. `preview` (optional) says what saving would do to the status."""

    def __init__(
        self,
        resident: ResidentRecord,
        rec: PaymentRecord | None,
        today: date,
        preview: Callable[[PaymentRecord], Effect | None] | None = None,
        payers: Sequence[Payer] = (),
        names_in_use: Sequence[str] = (),
        series_check: Callable[[list[PaymentRecord]], SeriesCheck] | None = None,
    ):
        super().__init__()
        self.series_check = series_check
        self.resident = resident
        self.rec = rec
        self.today = today
        self.preview = preview
        self.effect: Effect | None = None
        self.payers = {p.name: p for p in payers}
        # names on payments that the payers list does not hold yet (and this payment's own payer)
        extra = {n for n in names_in_use if n and n not in self.payers}
        if rec is not None and rec.payer and rec.payer not in self.payers:
            extra.add(rec.payer)
        self.unrecorded = sorted(extra, key=str.casefold)

    def compose(self) -> ComposeResult:
        p = self.rec
        with Vertical(classes="dialog"):
            yield Label(
                visible(("Betaling wijzigen" if p else "Nieuwe betaling") + f" · {self.resident.label}"),
                classes="title",
                markup=False,
            )
            with Grid(classes="fields"):
                yield Label("Datum")
                yield DataInput(
                    format_date_nl(p.date if p else self.today),
                    id="date",
                    compact=True,
                    placeholder="bijvoorbeeld 3-3-2026",
                )
                yield Label("Bedrag (€)")
                yield DataInput(
                    format_decimal_nl(p.amount) if p else "",
                    id="amount",
                    compact=True,
                    placeholder="bijvoorbeeld 50,00",
                )
                yield Label("Soort")
                yield Select(
                    KIND_OPTIONS,
                    value=p.kind if p else "vrijwilligersvergoeding",
                    allow_blank=False,
                    compact=True,
                    id="kind",
                )
                yield Label("Uren")
                yield DataInput(
                    format_hours_nl(p.hours) if p else "",
                    id="hours",
                    compact=True,
                    placeholder="optioneel, voor de uurnorm",
                )
                yield Label("Status")
                yield Select(
                    [("betaald", "paid"), ("gepland", "planned")],
                    value=p.status if p else "planned",
                    allow_blank=False,
                    compact=True,
                    id="status",
                )
                yield Label("Betaler")
                yield Select(
                    self._payer_options(),
                    value=(p.payer or NO_PAYER) if p else NO_PAYER,
                    allow_blank=False,
                    compact=True,
                    id="payer-pick",
                )
                yield Label("Naam betaler", id="payer-label")
                yield DataInput("", id="payer", compact=True, placeholder="naam van de nieuwe betaler")
                yield Label("Notitie")
                yield DataInput(p.note or "" if p else "", id="note", compact=True)
                if p is None:  # a new payment can repeat every month (issue 11 item 4)
                    yield Label("Herhalen")
                    yield Select(
                        [("niet", "none"), ("elke maand, zelfde dag", "monthly")],
                        value="none",
                        allow_blank=False,
                        compact=True,
                        id="repeat",
                    )
                    yield Label("Tot en met", id="until-label")
                    yield DataInput(
                        "", id="until", compact=True, placeholder=f"bijvoorbeeld 31-12-{self.today.year}"
                    )
            with Horizontal(classes="checks"):
                yield PlainCheckbox(
                    "met bonnen (echte kosten)",
                    p.receipts if p else False,
                    id="receipts",
                    compact=True,
                )
                yield PlainCheckbox(
                    "in natura (bon, cadeau)", p.in_kind if p else False, id="in_kind", compact=True
                )
            yield Static("", id="payer-hint", classes="hint", markup=False)
            yield Static("", id="preview", classes="preview", markup=False)
            yield Static("", id="error", classes="error", markup=False)
            yield _buttons()

    def _payer_options(self) -> list[tuple[Any, str]]:
        """Recorded payers with their kind, then names in use that are not recorded, then "none"
        and "another payer". Labels are Rich `Text`: a payer's name is data, never markup."""
        opts: list[tuple[Any, str]] = [
            (plain(f"{name} · {PAYER_TYPE_NL.get(self.payers[name].type, self.payers[name].type)}"), name)
            for name in sorted(self.payers, key=str.casefold)
        ]
        opts += [(plain(f"{name} · niet vastgelegd"), name) for name in self.unrecorded]
        opts += [(plain("niet opgegeven"), NO_PAYER), (plain("andere betaler…"), NEW_PAYER)]
        return opts

    def _picked_payer(self) -> str:
        value = self.query_one("#payer-pick", Select).value
        return value if isinstance(value, str) else NO_PAYER

    def _show_payer(self) -> None:
        new = self._picked_payer() == NEW_PAYER
        self.query_one("#payer-label", Label).display = new
        self.query_one("#payer", Input).display = new
        name = _opt(self.query_one("#payer", Input).value) if new else self._picked_payer() or None
        self.query_one("#payer-hint", Static).update(payer_hint(name, self.payers))

    def _repeats(self) -> bool:
        sel = self.query("#repeat")
        return bool(sel) and self.query_one("#repeat", Select).value == "monthly"

    def _show_repeat(self) -> None:
        if self.rec is None:
            monthly = self._repeats()
            self.query_one("#until-label", Label).display = monthly
            self.query_one("#until", Input).display = monthly

    def on_mount(self) -> None:
        self.query_one("#amount", Input).focus()
        self._show_payer()
        self._show_repeat()
        self.update_preview()
        self._initial = self._values()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "payer":
            self._show_payer()
        self.update_preview()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "payer-pick":
            self._show_payer()
            if self._picked_payer() == NEW_PAYER:
                self.query_one("#payer", Input).focus()
        if event.select.id == "repeat":
            self._show_repeat()
            if self._repeats():
                self.query_one("#until", Input).focus()
        self.update_preview()

    def on_checkbox_changed(self, _: Checkbox.Changed) -> None:
        self.update_preview()

    def update_preview(self) -> None:
        self.effect = None
        if self._repeats():
            self._preview_series()
            return
        if self.preview is None:
            return
        try:
            rec = self.build()
        except FormError:
            self.query_one("#preview", Static).update("")
            return
        self.effect = self.preview(rec)
        self.query_one("#preview", Static).update(emphasise(self.effect.text) if self.effect else "")

    def build(self) -> PaymentRecord:
        v = {w.id: w.value for w in self.query(Input)}
        c = _Collect()
        d: date | None = None
        amount: Decimal | None = None
        hours: Decimal | None = None
        with c.field():
            d = _date("Datum", v["date"], required=True)
        with c.field():
            if not v["amount"].strip():
                raise FormError("Bedrag", "verplicht")
            try:
                amount = parse_money_nl(v["amount"])
            except ValueError as exc:
                raise FormError("Bedrag", str(exc)) from None
        with c.field():
            if v["hours"].strip():
                try:
                    hours = parse_decimal_nl(v["hours"])
                except ValueError as exc:
                    raise FormError("Uren", str(exc)) from None
                if hours < 0:
                    raise FormError("Uren", "kan niet negatief zijn")
        payer: str | None = self._picked_payer() or None
        with c.field():
            if payer == NEW_PAYER:
                payer = _opt(v["payer"])
                if payer is None:
                    raise FormError("Betaler", "vul de naam in, of kies 'niet opgegeven'")
        c.raise_any()
        assert d is not None and amount is not None
        kind = str(self.query_one("#kind", Select).value)
        receipts = self.query_one("#receipts", Checkbox).value
        base = self.rec or PaymentRecord(self.resident.id, d, amount, kind)
        return replace(
            base,
            date=d,
            amount=amount,
            kind=kind,
            hours=hours,
            receipts=receipts and kind == "onkostenvergoeding",
            in_kind=self.query_one("#in_kind", Checkbox).value,
            payer=payer,
            note=_opt(v["note"]),
            status="planned" if self.query_one("#status", Select).value == "planned" else "paid",
        )

    def build_series(self) -> list[PaymentRecord]:
        """The payments the form makes: one, or (Herhalen: elke maand) one on the same day of every
        month from the date up to and including "Tot en met" (the last day of a shorter month: the
        31st becomes 30 April), at most MAX_SERIES."""
        first = self.build()
        if not self._repeats():
            return [first]
        until = _date("Tot en met", self.query_one("#until", Input).value, required=True)
        assert until is not None
        if until <= first.date:
            raise FormError("Tot en met", f"moet na {format_date_nl(first.date)} liggen")
        out = [first]
        for n in range(1, MAX_SERIES + 1):
            y, m = divmod(first.date.month - 1 + n, 12)
            year, month = first.date.year + y, m + 1
            when = date(year, month, min(first.date.day, calendar.monthrange(year, month)[1]))
            if when > until:
                break
            if len(out) == MAX_SERIES:
                raise FormError("Tot en met", f"hoogstens {MAX_SERIES} maanden achter elkaar")
            out.append(replace(first, date=when))
        return out

    def _preview_series(self) -> None:
        out = self.query_one("#preview", Static)
        try:
            series = self.build_series()
        except FormError:
            out.update("")
            return
        if self.series_check is None or len(series) < 2:
            out.update("")
            return
        from vergoedingcheck.tui.whatif import series_text

        out.update(emphasise(visible(series_text(self.series_check(series), series))))

    def _save_series(self) -> None:
        try:
            series = self.build_series()
        except FormError as exc:
            self.show_error(exc)
            return
        check = self.series_check(series) if self.series_check is not None else None
        if check is None or check.first_break is None:
            self.dismiss(series)
            return
        if check.first_break == 0:
            self.show_error(
                FormError(
                    "Herhalen",
                    f"al de eerste betaling maakt {check.year} {check.verdict}; "
                    "er is niets opgeslagen",
                )
            )
            return
        keep = sorted(series, key=lambda p: p.date)[: check.safe_count]
        stop = sorted(series, key=lambda p: p.date)[check.first_break]

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(keep)

        self.app.push_screen(
            Confirm(
                f"De betaling van {format_date_nl(stop.date)} maakt {check.year} "
                f"{check.verdict}. Alleen de {len(keep)} betalingen daarvoor "
                "opslaan (tot en met "
                f"{format_date_nl(keep[-1].date)})?"
            ),
            answer,
        )

    def action_save(self) -> None:
        """Save; a payment that makes a safe year unsafe or unknown asks first. A series stops
        before the first payment that would (the coordinator is asked to save the rest before it)."""
        if self._repeats():
            self._save_series()
            return
        try:
            rec = self.build()
        except FormError as exc:
            self.show_error(exc)
            return
        effect = self.preview(rec) if self.preview is not None else None
        if effect is None or not effect.worsens:
            self.dismiss(rec)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(rec)

        after = effect.planned_after or effect.after
        self.app.push_screen(
            Confirm(worsen_question(effect.year, after, provisional=effect.planned_after is not None)), answer
        )


NO_PAYER = ""
NEW_PAYER = "\x00new"  # not a name anyone can type: a name is one line without control characters

def payer_hint(name: str | None, payers: dict[str, Payer]) -> str:
    """What the engine will assume of the picked payer (spec §3 Payers), in one or two sentences,
    so the coordinator sees it before saving, not after."""
    if not name:
        return (
            "Zonder betaler wordt aangenomen dat een organisatie betaalt die vrijwilligers een "
            "vergoeding mag geven (ANBI, SBBI, sport, geen vennootschapsbelasting)."
        )
    payer = payers.get(name)
    if payer is None:
        return (
            f"{visible(name)} staat niet in de lijst van betalers. Aangenomen wordt dat deze organisatie "
            "vrijwilligers een vergoeding mag geven. Is het een bedrijf? Zet het dan in de lijst van "
            "betalers (toets b in het overzicht van bewoners)."
        )
    if payer.type == "commercial":
        return (
            f"{visible(name)} is een commercieel bedrijf: wat het betaalt is loon, geen "
            "vrijwilligersvergoeding. Dat telt mee voor de belasting en de uitkering."
        )
    below = (
        " Een uurbedrag boven de norm mag: de organisatie kan laten zien dat het niet marktconform is."
        if payer.below_market_rate
        else ""
    )
    kind = PAYER_TYPE_NL.get(payer.type, payer.type)
    return f"{visible(name)}: {kind}, mag een vrijwilligersvergoeding geven.{below}"


class Confirm(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,y", "answer(True)", "Ja", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Nee", id="confirm.no"),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Static(emphasise(self.question), markup=False)
            yield Horizontal(
                Button("Ja (j)", id="yes", variant="error", compact=True),
                Button("Nee (n)", id="no", compact=True),
                classes="buttons",
            )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


assert set(k for k, _ in KIND_OPTIONS) == set(PAYMENT_KINDS)
