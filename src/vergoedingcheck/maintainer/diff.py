"""Which figures change: between two dates in one rules directory, or between two directories."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vergoedingcheck.maintainer.timeline import (
    State,
    basis_text,
    effective_state,
    source_text,
    state_at,
)
from vergoedingcheck.money import format_date
from vergoedingcheck.rules.models import Overlay, ValueEntry
from vergoedingcheck.rules.ruleset import Ruleset

_META = (
    ("legal_basis", "wettelijke basis"),
    ("source", "bron"),
    ("second_source", "tweede bron"),
    ("single_source", "één bron"),
    ("verified_on", "gecontroleerd"),
    ("note", "toelichting"),
)


@dataclass
class Change:
    figure: str
    title: str
    where: str | None  # None: national; else the overlay's name
    on: date | None  # for a directory diff: from which date the change applies
    old: State
    new: State
    details: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.figure + (f" [{self.where}]" if self.where else "")

    def lines(self) -> list[str]:
        head = f"{self.label} — {self.title}"
        out = [head]
        prefix = f"  vanaf {format_date(self.on)}: " if self.on else "  "
        if self.old.same(self.new) and self.old.text == self.new.text:
            out.append(prefix + f"{self.new.text} (waarde gelijk)")
        else:
            out.append(prefix + f"{self.old.text} → {self.new.text}")
        out += [f"    {d}" for d in self.details]
        return out


def _source_details(old: State, new: State) -> list[str]:
    out: list[str] = []
    oe, ne = old.entry, new.entry
    if ne is not None:
        out.append(f"wettelijke basis: {basis_text(ne)}")
    if oe is not None and ne is not None and oe.source != ne.source:
        out.append(f"bron was: {source_text(oe)}")
        out.append(f"bron nu: {source_text(ne)}")
    elif ne is not None:
        out.append(f"bron: {source_text(ne)}")
    elif oe is not None:
        out.append(f"bron (oud): {source_text(oe)}")
    if ne is not None and ne.pending and ne.note:
        out.append(f"nog open: {' '.join(ne.note.split())}")
    return out


def diff_dates(rs: Ruleset, day_from: date, day_to: date) -> list[Change]:
    """Every figure (and municipal override) whose value on `day_to` differs from `day_from`."""
    changes: list[Change] = []
    for fid in sorted(rs.figures):
        fig = rs.figures[fid]
        a, b = state_at(rs, fid, day_from), state_at(rs, fid, day_to)
        if not a.same(b):
            changes.append(Change(fid, fig.title, None, None, a, b, _source_details(a, b)))
    for oid in sorted(rs.overlays):
        ov = rs.overlays[oid]
        for fid in sorted(ov.overrides):
            if fid not in rs.figures:
                continue
            a = effective_state(rs, fid, day_from, oid, mark_origin=True)
            b = effective_state(rs, fid, day_to, oid, mark_origin=True)
            na, nb = state_at(rs, fid, day_from), state_at(rs, fid, day_to)
            if a.same(b) and na.same(nb):
                continue
            if a.same(na) and b.same(nb):
                continue  # the municipality simply follows the national change, listed above
            changes.append(
                Change(fid, rs.figures[fid].title, ov.name, None, a, b, _source_details(a, b))
            )
    return changes


def _meta_details(old: ValueEntry, new: ValueEntry) -> list[str]:
    out = []
    for attr, label in _META:
        if getattr(old, attr) != getattr(new, attr):
            was, now = getattr(old, attr), getattr(new, attr)
            if attr == "verified_on":
                out.append(
                    f"{label}: {format_date(was) if was else '-'} → "
                    f"{format_date(now) if now else '-'}"
                )
            elif attr in ("source", "second_source"):
                out.append(f"{label}: {source_text_or_dash(was)} → {source_text_or_dash(now)}")
            elif attr == "legal_basis":
                out.append(f"{label}: {basis_text(was)} → {basis_text(now)}")
            else:
                out.append(f"{label} gewijzigd")
    return out


def source_text_or_dash(src: object) -> str:
    if src is None:
        return "-"
    title, url = getattr(src, "title", ""), getattr(src, "url", "")
    return f"{title} ({url})"


def _timeline_changes(
    old: Ruleset, new: Ruleset, fid: str, title: str, overlay_id: str | None, where: str | None
) -> list[Change]:
    starts = sorted(
        {s for s, _ in old.history(fid, overlay_id)} | {s for s, _ in new.history(fid, overlay_id)}
    )
    out: list[Change] = []
    for s in starts:
        a = (
            state_at(old, fid, s, overlay_id)
            if fid in old.figures
            else State("none", text="niet in de regels")
        )
        b = (
            state_at(new, fid, s, overlay_id)
            if fid in new.figures
            else State("none", text="niet in de regels")
        )
        if overlay_id and {a.kind, b.kind} <= {"end", "none"}:
            continue  # no override either way: the national value applies in both
        if not a.same(b):
            out.append(Change(fid, title, where, s, a, b, _source_details(a, b)))
        elif (
            a.entry is not None
            and b.entry is not None
            and a.start == b.start == s
            and a.entry != b.entry
        ):
            out.append(Change(fid, title, where, s, a, b, _meta_details(a.entry, b.entry)))
    return out


def _names(ov: Overlay) -> str:
    return ", ".join(m.name for m in ov.municipalities)


def diff_dirs(old: Ruleset, new: Ruleset) -> list[Change]:
    """Every start date at which the two rule sets say something different, figure by figure."""
    changes: list[Change] = []
    for fid in sorted(set(old.figures) | set(new.figures)):
        fig = new.figures.get(fid) or old.figures[fid]
        changes += _timeline_changes(old, new, fid, fig.title, None, None)
    for oid in sorted(set(old.overlays) | set(new.overlays)):
        ov_old, ov_new = old.overlays.get(oid), new.overlays.get(oid)
        ov = ov_new or ov_old
        assert ov is not None
        fids = set(ov_old.overrides if ov_old else ()) | set(ov_new.overrides if ov_new else ())
        for fid in sorted(fids):
            ofig = new.figures.get(fid) or old.figures.get(fid)
            if ofig is None:
                continue
            changes += _timeline_changes(old, new, fid, ofig.title, oid, ov.name)
        if ov_old and ov_new and ov_old.municipalities != ov_new.municipalities:
            changes.append(
                Change(
                    "gemeenten",
                    f"welke gemeenten {ov.name} dekt",
                    ov.name,
                    None,
                    State("value", value=_names(ov_old), text=_names(ov_old)),
                    State("value", value=_names(ov_new), text=_names(ov_new)),
                )
            )
    return changes
