"""`provisional` (spec/case-files.md §3, Coverage): planning a year whose figures are announced but
not yet confirmed.

A year whose status is `unknown` only because figures are `pending` (every `unknown` finding is a
missing figure with reason `pending`) is evaluated once more with `Ruleset.assuming_confirmed()`:
each pending figure takes its last confirmed value. The outcome is added as
`provisional: {status, headroom, assuming}`; the year's own status, amounts and findings are never
changed by it. Unknown stays unknown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from vergoedingcheck.engine.result import Provisional, ResidentResult, YearResult
from vergoedingcheck.rules.ruleset import FigureNotCovered, Ruleset

if TYPE_CHECKING:
    from vergoedingcheck.engine.evaluate import Evaluation
    from vergoedingcheck.model import Resident


def _pending_figures(y: YearResult) -> list[tuple[str, date]] | None:
    """The (figure, date) of every pending figure when they are the only reason the year is
    `unknown`; None when the year is not unknown or something else is missing too."""
    if y.status != "unknown":
        return None
    out: list[tuple[str, date]] = []
    for f in y.findings:
        if f.outcome != "unknown":
            continue
        params = dict(f.params)
        if f.explanation != "figure.missing" or params.get("reason_code") != "pending":
            return None
        try:
            out.append((params["figure"], date.fromisoformat(params["date"])))
        except (KeyError, ValueError):
            return None
    return out or None


def _assuming(ruleset: Ruleset, pending: list[tuple[str, date]], municipality: str | None) -> str:
    years: set[int] = set()
    for fid, day in pending:
        try:
            v = ruleset.value(fid, day, municipality)
        except FigureNotCovered:
            continue
        if v.assumed_from is not None:
            years.add(v.assumed_from)
    return ", ".join(str(y) for y in sorted(years))


def with_provisional(ev: Evaluation, rr: ResidentResult, resident: Resident | None = None) -> ResidentResult:
    """`rr` with `provisional` on every year that is unknown only because figures are pending.
    `Evaluation.results()` already adds it; calling this again changes nothing."""
    pending = {y.year: p for y in rr.years if y.provisional is None and (p := _pending_figures(y))}
    if not pending:
        return rr
    if resident is None:
        resident = next(r for r in ev.residents if r.id == rr.id)
    assumed = ev.ruleset.assuming_confirmed()
    again = next(replace(ev, residents=[resident], ruleset=assumed, provisional=False).results())
    years = []
    for y in rr.years:
        p = pending.get(y.year)
        planned = again.year(y.year) if p else None
        if p and planned is not None:
            label = _assuming(assumed, p, resident.municipality)
            y = replace(y, provisional=Provisional(planned.status, planned.headroom, label))
        years.append(y)
    return replace(rr, years=tuple(years))
