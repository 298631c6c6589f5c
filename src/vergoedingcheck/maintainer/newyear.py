"""`rules new-year YEAR`: the figures without a confirmed value on 1 January, and a draft for each.

A draft never carries a guessed value: `value: TODO`, the legal basis and source copied from the
latest entry with every field marked CONTROLEER, and an empty `verified_on`. Pasted unchanged, a
draft does not pass `rules validate` (TODO is no value, a CONTROLEER url is no url, and the
markers themselves are reported).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from vergoedingcheck.maintainer.timeline import State, format_value, state_at, typed
from vergoedingcheck.money import format_date
from vergoedingcheck.rules.catalog import REQUIRED_BY_ID
from vergoedingcheck.rules.models import Figure, ValueEntry
from vergoedingcheck.rules.ruleset import Ruleset

MARK = "CONTROLEER"

_VALUE_HINT = {
    "eur": 'een bedrag als string met twee decimalen, in de vorm "123.45"',
    "eur_per_hour": 'een bedrag per uur als string, in de vorm "1.23"',
    "years": "een leeftijd in hele jaren (een getal zonder aanhalingstekens)",
    "months": "een leeftijd in hele maanden, 804 = 67 jaar (een getal zonder aanhalingstekens)",
    "flag": "true of false",
}


@dataclass
class Draft:
    figure: str
    title: str
    file: str  # relative to the rules directory
    where: str | None  # None: national; else the overlay's name
    state: State
    text: str


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _template(rs: Ruleset, fid: str, overlay_id: str | None, day: date) -> ValueEntry | None:
    """The latest entry with content at or before `day` (else the first one after): the starting
    point for the legal basis and source."""
    hist = [(s, e) for s, e in rs.history(fid, overlay_id) if e is not None]
    before = [e for s, e in hist if s <= day]
    if before:
        return before[-1]
    return hist[0][1] if hist else None


def _last_confirmed(rs: Ruleset, fig: Figure, overlay_id: str | None, day: date) -> str | None:
    for s, e in reversed(rs.history(fig.id, overlay_id)):
        if s <= day and e is not None and not e.pending:
            return f"{format_value(fig, typed(fig, e))} (vanaf {format_date(s)})"
    return None


def _snippet(fig: Figure, day: date, tpl: ValueEntry | None, indent: str) -> list[str]:
    i1, i2, i3 = indent, indent + "  ", indent + "    "
    hint = _VALUE_HINT.get(fig.unit) or f"een van: {', '.join(fig.choices or [])}"
    out = [f"{i1}{day.isoformat()}:", f"{i2}value: TODO  # {hint}"]
    if tpl is None:
        out += [
            f"{i2}legal_basis:",
            f"{i3}law: TODO",
            f"{i3}article: TODO",
            f"{i3}url: TODO",
            f"{i2}source:",
            f"{i3}title: TODO",
            f"{i3}url: TODO",
        ]
    else:
        lb = tpl.legal_basis
        out += [
            f"{i2}legal_basis:",
            f"{i3}law: {_q(f'{MARK}: {lb.law}')}",
            f"{i3}article: {_q(f'{MARK}: {lb.article}')}",
            f"{i3}url: {_q(f'{MARK}: {lb.url}')}",
        ]
        if lb.bwb:
            out.append(f"{i3}bwb: {lb.bwb}  # {MARK}")
        if lb.in_force_since:
            out.append(f"{i3}in_force_since: {lb.in_force_since.isoformat()}  # {MARK}")
        out += [
            f"{i2}source:",
            f"{i3}title: {_q(f'{MARK}: {tpl.source.title}')}",
            f"{i3}url: {_q(f'{MARK}: {tpl.source.url}')}",
        ]
    out.append(f"{i2}verified_on:  # de dag waarop u de bron hebt gecontroleerd (JJJJ-MM-DD)")
    return out


def drafts_for_year(rs: Ruleset, year: int) -> list[Draft]:
    """Every figure without a confirmed value on 1 January (no value, an end, or pending), and every
    municipal override that is pending then. A figure the engine does not use and whose first
    entry comes later is skipped: it does not exist yet in that year."""
    day = date(year, 1, 1)
    out: list[Draft] = []
    for fid in sorted(rs.figures):
        fig = rs.figures[fid]
        st = state_at(rs, fid, day)
        if st.kind == "value":
            continue
        if st.kind == "none" and fid not in REQUIRED_BY_ID and rs.history(fid):
            continue  # a figure the engine does not use, introduced only later: nothing to fill in
        req = REQUIRED_BY_ID.get(fid)
        if st.kind == "end" and req is not None and req.covers_from is None:
            continue  # needed only for a past period and ended on purpose (the WW hourly limit until 2019)
        out.append(_draft(rs, fig, None, None, f"nl/{fid}.yaml", day, st, "values:", "  "))
    for oid in sorted(rs.overlays):
        ov = rs.overlays[oid]
        for fid in sorted(ov.overrides):
            ofig = rs.figures.get(fid)
            if ofig is None:
                continue
            st = state_at(rs, fid, day, oid)
            if st.kind != "pending":
                continue  # an override that ended or has not started is deliberate
            out.append(
                _draft(
                    rs,
                    ofig,
                    oid,
                    ov.name,
                    f"gemeenten/{oid}.yaml",
                    day,
                    st,
                    f"overrides: → {fid}:",
                    "    ",
                )
            )
    return out


def _draft(
    rs: Ruleset,
    fig: Figure,
    overlay_id: str | None,
    where: str | None,
    file: str,
    day: date,
    st: State,
    under: str,
    indent: str,
) -> Draft:
    label = fig.id + (f" [{where}]" if where else "")
    lines = [
        "# " + "-" * 96,
        f"# {label} — {fig.title} (eenheid: {fig.unit})",
        f"# Bestand: rules/{file}, onder `{under}`",
    ]
    if st.kind == "pending":
        lines.append(
            f"# Op {format_date(day)}: nog niet bevestigd (pending). Vervang dat item door "
            "het item hieronder zodra de waarde vastgesteld is (zonder `pending: true`)."
        )
        if st.entry is not None and st.entry.note:
            lines.append(f"# Nog open: {' '.join(st.entry.note.split())}")
    else:
        lines.append(f"# Op {format_date(day)}: {st.text}. Voeg het item hieronder toe.")
    last = _last_confirmed(rs, fig, overlay_id, day)
    if last:
        lines.append(
            f"# Vorige bevestigde waarde: {last}; alleen ter vergelijking, niet overnemen "
            "zonder bron."
        )
    lines += _snippet(fig, day, _template(rs, fig.id, overlay_id, day), indent)
    return Draft(fig.id, fig.title, file, where, st, "\n".join(lines) + "\n")


def render_drafts(drafts: list[Draft], year: int) -> str:
    head = [
        f"# Ontwerp voor {year}: items om in te vullen in rules/ (gemaakt door "
        f"`vergoedingcheck rules new-year {year}`).",
        "# Per regel: vul `value` in, controleer elk veld met CONTROLEER tegen de bron en haal de",
        "# markering weg, zet verified_on op de dag van controle. Daarna: `vergoedingcheck rules "
        "validate` en `vergoedingcheck rules test`.",
        "",
    ]
    return "\n".join(head) + "\n".join(d.text for d in drafts)
