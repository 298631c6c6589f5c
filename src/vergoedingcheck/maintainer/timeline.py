"""What a figure says on a date, read from a loaded Ruleset (national or one overlay), formatted
the Dutch way for maintainers: `€ 220,00`, `1 januari 2026`, `ja`/`nee`."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from vergoedingcheck.money import format_date, format_eur
from vergoedingcheck.rules.ages import format_months_nl
from vergoedingcheck.rules.models import Figure, ValueEntry, coerce_value
from vergoedingcheck.rules.ruleset import Ruleset

Kind = Literal["value", "pending", "end", "none"]


def format_value(fig: Figure, value: Any) -> str:
    if fig.unit == "eur":
        return format_eur(value)
    if fig.unit == "eur_per_hour":
        return f"{format_eur(value)} per uur"
    if fig.unit == "years":
        return f"{value} jaar"
    if fig.unit == "months":
        return format_months_nl(int(value))
    if fig.unit == "flag":
        return "ja" if value else "nee"
    return str(value)


def typed(fig: Figure, entry: ValueEntry) -> Any:
    try:
        return coerce_value(fig.unit, entry.value, fig.choices)
    except ValueError:  # pragma: no cover - a loaded ruleset has valid values
        return entry.value


@dataclass(frozen=True)
class State:
    """A figure on one date: a value, a pending (announced) entry, an explicit end, or nothing."""

    kind: Kind
    start: date | None = None
    value: Any = None
    entry: ValueEntry | None = None
    text: str = ""

    def same(self, other: State) -> bool:
        return self.kind == other.kind and (self.kind != "value" or self.value == other.value)


def state_at(rs: Ruleset, fid: str, day: date, overlay_id: str | None = None) -> State:
    fig = rs.figures.get(fid)
    hist = rs.history(fid, overlay_id)
    if fig is None or not hist:
        return State("none", text="niet in de regels" if overlay_id is None else "geen afwijking")
    starts = [s for s, _ in hist]
    i = bisect.bisect_right(starts, day) - 1
    if i < 0:
        return State("none", text=f"nog geen waarde (eerste waarde vanaf {format_date(starts[0])})")
    start, entry = hist[i]
    if entry is None:
        return State("end", start, text=f"geen waarde (beëindigd op {format_date(start)})")
    if entry.pending:
        return State("pending", start, entry=entry, text="nog niet bevestigd (pending)")
    v = typed(fig, entry)
    return State("value", start, v, entry, format_value(fig, v))


def effective_state(
    rs: Ruleset, fid: str, day: date, overlay_id: str | None, *, mark_origin: bool = False
) -> State:
    """What applies in an overlay's municipalities: its own entry where it has one, else an
    enabled rule option's, else national (the ruleset's order; `mark_origin`: say which)."""
    if overlay_id is not None:
        st = state_at(rs, fid, day, overlay_id)
        if st.kind in ("value", "pending"):
            return replace(st, text=st.text + " (gemeentelijk)") if mark_origin else st
    for oid in getattr(rs, "enabled_options", ()):
        st = state_at(rs, fid, day, oid)
        if st.kind in ("value", "pending"):
            return replace(st, text=st.text + f" (optie {oid})") if mark_origin else st
    st = state_at(rs, fid, day)
    return replace(st, text=st.text + " (landelijk)") if mark_origin and overlay_id else st


def basis_text(entry: ValueEntry) -> str:
    lb = entry.legal_basis
    art = f"art. {lb.article}" if lb.article[:1].isdigit() else lb.article
    return f"{lb.law}, {art} ({lb.url})"


def source_text(entry: ValueEntry) -> str:
    return f"{entry.source.title} ({entry.source.url})"


def verified_text(entry: ValueEntry) -> str:
    return format_date(entry.verified_on) if entry.verified_on else "niet gecontroleerd"


def entry_lines(
    fig: Figure, start: date, entry: ValueEntry | None, indent: str = "    "
) -> list[str]:
    """One history entry, as shown by `rules show FIGURE`."""
    head = f"{indent}vanaf {format_date(start)}: "
    if entry is None:
        return [head + "einde (geen waarde meer)"]
    what = "nog niet bevestigd (pending)" if entry.pending else format_value(fig, typed(fig, entry))
    out = [head + what]
    sub = indent + "  "
    out.append(f"{sub}wettelijke basis: {basis_text(entry)}")
    out.append(f"{sub}bron: {source_text(entry)}")
    if entry.second_source:
        out.append(f"{sub}tweede bron: {entry.second_source.title} ({entry.second_source.url})")
    if entry.single_source:
        out.append(f"{sub}let op: maar één bron gevonden")
    out.append(f"{sub}gecontroleerd: {verified_text(entry)}")
    if entry.note:
        out.append(f"{sub}toelichting: {' '.join(entry.note.split())}")
    return out
