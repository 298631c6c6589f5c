"""Letters: the resident's (plain Dutch at B1, and English), the benefits office's (formal Dutch)
and the coordinator's overview. Composed from a check result into plain data (`compose`), then
rendered to PDF with reportlab (`render`). Imports no Textual.

The API the CLI and the TUI call:

    letter = compose_letter("resident", "nl", resident_result, residents, payments, ruleset,
                            year=2025, letter_date=today)
    pdf = render_pdf(letter)          # bytes
    text = preview_text(letter)       # plain text for a preview pane
    pdf = render_letter(...)          # compose + render in one call
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from vergoedingcheck.engine.result import CheckResult, ResidentResult, YearResult
from vergoedingcheck.letters.compose import (
    LetterError,
    Move,
    RulesInfo,
    compose_coordinator,
    compose_office,
    compose_resident,
    is_planned,
    office_address,
    offices_for,
)
from vergoedingcheck.letters.content import (
    KINDS,
    LANGUAGES,
    LetterContentError,
    Organisation,
    load_organisation,
    load_templates,
)
from vergoedingcheck.letters.model import (
    CoordinatorOverview,
    Letter,
    OfficeLetter,
    ResidentLetter,
)
from vergoedingcheck.letters.preview_text import preview_text
from vergoedingcheck.model import Payer, Payment, Resident
from vergoedingcheck.rules.ruleset import Ruleset

__all__ = [
    "KINDS", "LANGUAGES", "CoordinatorOverview", "Letter", "LetterContentError", "LetterError",
    "OfficeLetter", "Organisation", "ResidentLetter", "RulesInfo", "compose_letter",
    "load_organisation", "offices_for", "preview_text", "render_letter", "render_pdf",
]


def _results(result: Any) -> list[ResidentResult]:
    if result is None:
        return []
    if isinstance(result, CheckResult):
        return list(result.residents)
    if isinstance(result, ResidentResult):
        return [result]
    return list(result)


def compose_letter(kind: str, lang: str, resident_result: Any, residents: Iterable[Resident],
                   payments: Iterable[Payment], ruleset: Any, *, year: int, letter_date: date,
                   organisation: Organisation | None = None, office: str | None = None,
                   month: int | None = None, address: Sequence[str] = (),
                   require_address: bool = False,
                   letters_dir: str | Path | None = None,
                   payers: Sequence[Payer] = ()) -> Letter:
    """Compose one letter as plain data.

    `resident_result` is the resident's `ResidentResult` (for `resident` and `office`), or the
    whole `CheckResult` / a list of results (for `coordinator`; for the others the one resident is
    picked from it when it holds exactly one). `letter_date` is the date printed on the letter:
    pass it in, the letters never read the clock. With `require_address=True` a resident letter
    for a resident without a postal address, or an office letter to an office whose address is
    not in the organisation file, is refused (the CLI does this unless asked not to): a letter
    with only a name in the envelope window cannot be posted. `payers`: what is known about the
    payers, as in the check (every proposal and move in the letter is checked with them).
    """
    t = load_templates(kind, lang, letters_dir)
    org = organisation or load_organisation(directory=letters_dir)
    residents = list(residents)
    payments = list(payments)
    _check_glyphs(kind, resident_result, residents, payments, org, address)
    fingerprint = resident_result.fingerprint if isinstance(resident_result, CheckResult) else None
    rules = RulesInfo.from_ruleset(ruleset, fingerprint)
    if kind == "coordinator":
        return compose_coordinator(_results(resident_result), residents, payments, year, rules,
                                   org, t, letter_date, month=month)
    results = _results(resident_result)
    if len(results) != 1:
        raise LetterError(f"the {kind} letter is for one resident; got {len(results)} results")
    result = results[0]
    resident = next((r for r in residents if r.id == result.id), None)
    if resident is None:
        raise LetterError(f"resident {result.id!r} is not in the residents given")
    if kind == "resident" and require_address and not (address or resident.address):
        raise LetterError(
            f"bewoner {resident.id} heeft geen postadres: de brief kan zo niet per post. Vul het "
            "adres in, of maak de brief toch zonder adres (--zonder-adres)")
    if kind == "resident":
        advice = None
        paid = None
        moves: list[Move] = []
        if isinstance(ruleset, Ruleset):
            from vergoedingcheck.engine.advice import advise

            advice = advise(residents, payments, ruleset, resident.id, year, letter_date, payers)
            paid = _paid_year(residents, payments, ruleset, resident, year, letter_date, payers)
            moves = _moves(residents, payments, ruleset, resident, year, advice, payers)
        return compose_resident(result, resident, payments, year, rules, org, t, letter_date,
                                address=address or resident.address, advice=advice, paid=paid,
                                moves=moves, household=residents)
    letter = compose_office(result, resident, payments, year, rules, org, t, letter_date,
                            office=office, household=residents)  # type: ignore[arg-type]
    if require_address and not office_address(letter.office, resident, letter.benefit_types,
                                              org, t):
        raise LetterError(
            f"het postadres van {letter.head.recipient[0]} staat niet in het organisatiebestand "
            f"(offices: {letter.office}): de brief kan zo niet per post. Vul het adres in, of "
            "maak de brief toch zonder adres (--zonder-adres)")
    return letter


def _check_glyphs(kind: str, resident_result: Any, residents: Sequence[Resident],
                  payments: Sequence[Payment], org: Organisation, address: Sequence[str]) -> None:
    """Every data field the letter may print is printable in the embedded font (issue 10 item 5):
    a name in a script the font lacks is refused naming the field, never printed as empty boxes.
    For a resident's letter: the resident's household, their payments and payers; for the
    overview: everyone. And the organisation's details."""
    from vergoedingcheck.letters.render import check_fields

    people = list(residents)
    if kind != "coordinator":
        ids = {r.id for r in _results(resident_result)}
        keys = {r.household_key for r in residents if r.id in ids}
        people = [r for r in residents if r.id in ids or r.household_key in keys]
    who = {r.id for r in people}
    fields: list[tuple[str, str | None]] = []
    for r in people:
        fields += [(f"bewoner {r.id}, naam", r.name), (f"bewoner {r.id}, gemeente", r.municipality)]
        fields += [(f"bewoner {r.id}, adresregel {i}", line) for i, line in enumerate(r.address, 1)]
    fields += [(f"adresregel {i}", line) for i, line in enumerate(address, 1)]
    for p in payments:
        if p.resident in who:
            fields += [(f"betaling van {p.resident} op {p.date.isoformat()}, notitie", p.note),
                       (f"betaling van {p.resident} op {p.date.isoformat()}, betaler", p.payer)]
    fields += [("organisatie, naam", org.name), ("organisatie, telefoon", org.phone),
               ("organisatie, e-mail", org.email), ("organisatie, website", org.website),
               ("coördinator, naam", org.coordinator.name),
               ("coördinator, functie", org.coordinator.role)]
    fields += [(f"organisatie, adresregel {i}", x) for i, x in enumerate(org.address, 1)]
    check_fields(fields)


def _household(residents: Sequence[Resident], payments: Sequence[Payment], resident: Resident
               ) -> tuple[list[Resident], list[Payment]]:
    members = [r for r in residents if r.household_key == resident.household_key]
    ids = {r.id for r in members}
    return members, [p for p in payments if p.resident in ids]


def _paid_year(residents: Sequence[Resident], payments: Sequence[Payment], ruleset: Ruleset,
               resident: Resident, year: int, letter_date: date,
               payers: Sequence[Payer] = ()) -> YearResult | None:
    """The year checked on the money already paid: without planned payments and payments
    dated after the letter. What only the rest causes is a condition in the letter."""
    from vergoedingcheck.engine import evaluate

    members, pays = _household(residents, payments, resident)
    marked = any(p.planned for p in pays if p.resident == resident.id)
    paid = [p for p in pays if not is_planned(p, letter_date, marked)]
    rr = evaluate(members, paid, ruleset, years=[year], payers=payers).resident(resident.id)
    return rr.year(year) if rr else None


def _moves(residents: Sequence[Resident], payments: Sequence[Payment], ruleset: Ruleset,
           resident: Resident, year: int, advice: Any, payers: Sequence[Payer] = ()) -> list[Move]:
    """Instead of paying less: pay the part over the cap in a later month, or in January of the
    next year. Each move is checked by the engine: with the advice's lowered amounts and the
    moved amount added, the year of the payment and the year it moves to must both be safe."""
    from dataclasses import replace

    from vergoedingcheck.engine import evaluate

    if advice is None or advice.kind != "lower_planned" or not advice.changes:
        return []
    members, pays = _household(residents, payments, resident)
    changed = {id(c.payment): c.new_amount for c in advice.changes}
    base = [replace(p, amount=changed[id(p)]) if id(p) in changed else p
            for p in pays if changed.get(id(p), Decimal(1)) > 0]

    def safe(extra: list[Payment], years: list[int]) -> bool:
        res = evaluate(members, base + extra, ruleset, years=years, payers=payers).resident(resident.id)
        return res is not None and all(
            (yr := res.year(y)) is not None and yr.status == "safe" for y in years)

    out: list[Move] = []
    extra: list[Payment] = []
    for c in advice.changes:
        p, amount = c.payment, c.payment.amount - c.new_amount
        if amount <= 0:
            continue
        for m in range(p.date.month + 1, 14):
            to = date(year, m, min(p.date.day, 28)) if m <= 12 else date(year + 1, 1, 15)
            moved = replace(p, date=to, amount=amount, planned=True)
            if safe([*extra, moved], [year] if m <= 12 else [year, year + 1]):
                extra.append(moved)
                out.append(Move(p, amount, to))
                break
    return out


def render_pdf(letter: Letter, *, invariant: bool = True) -> bytes:
    from vergoedingcheck.letters.render import render_pdf as _render

    return _render(letter, invariant=invariant)


def render_letter(kind: str, lang: str, resident_result: Any, residents: Iterable[Resident],
                  payments: Iterable[Payment], ruleset: Any, **kwargs: Any) -> bytes:
    """Compose and render in one call (see `compose_letter` for the arguments); PDF bytes."""
    invariant = kwargs.pop("invariant", True)
    letter = compose_letter(kind, lang, resident_result, residents, payments, ruleset, **kwargs)
    return render_pdf(letter, invariant=invariant)
