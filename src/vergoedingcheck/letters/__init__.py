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
from pathlib import Path
from typing import Any

from vergoedingcheck.engine.result import CheckResult, ResidentResult
from vergoedingcheck.letters.compose import (
    LetterError,
    RulesInfo,
    compose_coordinator,
    compose_office,
    compose_resident,
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
from vergoedingcheck.model import Payment, Resident
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
                   letters_dir: str | Path | None = None) -> Letter:
    """Compose one letter as plain data.

    `resident_result` is the resident's `ResidentResult` (for `resident` and `office`), or the
    whole `CheckResult` / a list of results (for `coordinator`; for the others the one resident is
    picked from it when it holds exactly one). `letter_date` is the date printed on the letter:
    pass it in, the letters never read the clock.
    """
    t = load_templates(kind, lang, letters_dir)
    org = organisation or load_organisation(directory=letters_dir)
    fingerprint = resident_result.fingerprint if isinstance(resident_result, CheckResult) else None
    rules = RulesInfo.from_ruleset(ruleset, fingerprint)
    residents = list(residents)
    payments = list(payments)
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
    if kind == "resident":
        advice = None
        if isinstance(ruleset, Ruleset):
            from vergoedingcheck.engine.advice import advise

            advice = advise(residents, payments, ruleset, resident.id, year, letter_date)
        return compose_resident(result, resident, payments, year, rules, org, t, letter_date,
                                address=address or resident.address, advice=advice)
    return compose_office(result, resident, payments, year, rules, org, t, letter_date,
                          office=office)  # type: ignore[arg-type]


def render_pdf(letter: Letter, *, invariant: bool = True) -> bytes:
    from vergoedingcheck.letters.render import render_pdf as _render

    return _render(letter, invariant=invariant)


def render_letter(kind: str, lang: str, resident_result: Any, residents: Iterable[Resident],
                  payments: Iterable[Payment], ruleset: Any, **kwargs: Any) -> bytes:
    """Compose and render in one call (see `compose_letter` for the arguments); PDF bytes."""
    invariant = kwargs.pop("invariant", True)
    letter = compose_letter(kind, lang, resident_result, residents, payments, ruleset, **kwargs)
    return render_pdf(letter, invariant=invariant)
