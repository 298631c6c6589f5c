"""Load a rules directory into a `Ruleset`, validate it, and answer "which figure on this date".

A date that no value covers raises `FigureNotCovered`; the engine turns that into an `unknown`
finding. There is no fallback to the nearest year, ever.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from vergoedingcheck.rules.catalog import (
    AGE_RANGE,
    CAP_PAIRS,
    CHOICES,
    COVERS_UNTIL,
    MAX_RULE_FILE_BYTES,
    OVERLAYABLE,
    REQUIRED,
    REQUIRED_BY_ID,
)
from vergoedingcheck.rules.models import (
    Figure,
    LegalBasis,
    Overlay,
    Source,
    ValueEntry,
    coerce_value,
)
from vergoedingcheck.sourcefile import (
    InputError,
    Problem,
    SourceDoc,
    merge_problems,
    parse_text,
)

STALE_AFTER = timedelta(days=366)


class RulesError(InputError):
    """The rules directory has errors (each with file, line and key); `warnings` are kept too."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        super().__init__(problems)
        self.warnings = warnings or []


class FigureNotCovered(LookupError):
    """No value of `figure` covers `day` (before its first value, after its end, or pending)."""

    def __init__(
        self,
        figure: str,
        day: date,
        reason: str,
        note: str | None = None,
        *,
        code: str = "absent",
        boundary: date | None = None,
    ):
        super().__init__(f"{figure}: no value for {day.isoformat()} ({reason})")
        self.figure = figure
        self.day = day
        self.reason = reason
        self.note = note
        self.code = code  # "pending", "before", "ended" or "absent": for sentences per language
        self.boundary = boundary  # the first value's start ("before") or the end ("ended")


@dataclass(frozen=True, slots=True)
class FigureValue:
    figure: str
    value: Any  # Decimal | int | bool | str
    valid_from: date
    valid_until: date | None  # inclusive; None = open-ended
    legal_basis: LegalBasis
    source: Source
    verified_on: date | None
    single_source: bool
    origin: str  # "nl" or the overlay id
    note: str | None = None
    assumed_from: int | None = None
    """Only in `Ruleset.assuming_confirmed()`: the year of the confirmed value used for a pending
    period (the `assuming` of a provisional result)."""

    @property
    def decimal(self) -> Decimal:
        assert isinstance(self.value, Decimal)
        return self.value


@dataclass
class _Timeline:
    """Sorted values of one figure (national or one overlay's override)."""

    figure: str
    origin: str
    starts: list[date]
    entries: list[ValueEntry | None]
    typed: list[Any]

    def find(self, day: date) -> tuple[int, ValueEntry | None] | None:
        i = bisect.bisect_right(self.starts, day) - 1
        if i < 0:
            return None
        return i, self.entries[i]

    def value_at(self, i: int) -> FigureValue:
        entry = self.entries[i]
        assert entry is not None
        until = self.starts[i + 1] - timedelta(days=1) if i + 1 < len(self.starts) else None
        return FigureValue(
            self.figure,
            self.typed[i],
            self.starts[i],
            until,
            entry.legal_basis,
            entry.source,
            entry.verified_on,
            entry.single_source,
            self.origin,
            entry.note,
        )


@dataclass
class Ruleset:
    id: str
    directory: Path
    fingerprint: str
    figures: dict[str, Figure]
    overlays: dict[str, Overlay]
    warnings: list[Problem] = field(default_factory=list)
    _national: dict[str, _Timeline] = field(default_factory=dict, repr=False)
    _overlay_tl: dict[tuple[str, str], _Timeline] = field(default_factory=dict, repr=False)
    _municipality_index: dict[str, str] = field(default_factory=dict, repr=False)
    options: dict[str, Overlay] = field(default_factory=dict)
    """Every rule option in rules/opties/ (an alternative reading where sources disagree)."""
    enabled_options: tuple[str, ...] = ()
    _cache: dict[tuple[str, date, str | None], FigureValue | FigureNotCovered] = field(
        default_factory=dict, repr=False
    )
    assume_confirmed: bool = False
    """Only on the copy `assuming_confirmed()` makes: a `pending` entry answers with the last
    confirmed value before it (spec §3, Coverage: `provisional`), never on the real ruleset."""
    _provisional: Ruleset | None = field(default=None, repr=False)

    def assuming_confirmed(self) -> Ruleset:
        """A copy of this ruleset in which each `pending` period answers with the last confirmed
        value before it (the value in force the day before the pending entry starts), its note
        saying so. For `provisional` results only: a status is never decided with it."""
        if self.assume_confirmed:
            return self
        if self._provisional is None:
            self._provisional = Ruleset(
                self.id,
                self.directory,
                self.fingerprint,
                self.figures,
                self.overlays,
                self.warnings,
                self._national,
                self._overlay_tl,
                self._municipality_index,
                self.options,
                self.enabled_options,
                assume_confirmed=True,
            )
        return self._provisional

    # -- lookups -------------------------------------------------------------------------------
    def overlay_for(self, municipality: str | None) -> Overlay | None:
        if not municipality:
            return None
        oid = self._municipality_index.get(municipality.strip().casefold())
        return self.overlays.get(oid) if oid else None

    def value(self, figure: str, day: date, municipality: str | None = None) -> FigureValue:
        """The value of `figure` in force on `day` (a municipal overlay first, then national)."""
        key = (figure, day, municipality)
        hit = self._cache.get(key)
        if hit is None:
            try:
                hit = self._lookup(figure, day, municipality)
            except FigureNotCovered as exc:
                hit = exc
            self._cache[key] = hit
        if isinstance(hit, FigureNotCovered):
            raise hit
        return hit

    def _lookup(self, figure: str, day: date, municipality: str | None) -> FigureValue:
        overlay = self.overlay_for(municipality)
        if overlay is not None:
            tl = self._overlay_tl.get((overlay.id, figure))
            if tl is not None:
                found = tl.find(day)
                if found is not None and found[1] is not None:
                    if found[1].pending:
                        return self._pending(
                            tl,
                            found[0],
                            FigureNotCovered(
                                figure,
                                day,
                                f"{overlay.name}: still to be confirmed",
                                found[1].note,
                                code="pending",
                            ),
                        )
                    return tl.value_at(found[0])
        for oid in self.enabled_options:
            tl = self._overlay_tl.get((oid, figure))
            if tl is not None:
                found = tl.find(day)
                if found is not None and found[1] is not None:
                    if found[1].pending:
                        return self._pending(
                            tl,
                            found[0],
                            FigureNotCovered(
                                figure,
                                day,
                                f"option {oid}: still to be confirmed",
                                found[1].note,
                                code="pending",
                            ),
                        )
                    return tl.value_at(found[0])
        tl = self._national.get(figure)
        if tl is None:
            raise FigureNotCovered(figure, day, "the figure is not in the rules")
        found = tl.find(day)
        if found is None:
            raise FigureNotCovered(
                figure,
                day,
                f"its first value starts on {tl.starts[0].isoformat()}",
                code="before",
                boundary=tl.starts[0],
            )
        i, entry = found
        if entry is None:
            raise FigureNotCovered(
                figure,
                day,
                f"its values end on {tl.starts[i].isoformat()}",
                code="ended",
                boundary=tl.starts[i],
            )
        if entry.pending:
            return self._pending(
                tl,
                i,
                FigureNotCovered(
                    figure, day, "announced but still to be confirmed", entry.note, code="pending"
                ),
            )
        return tl.value_at(i)

    def _pending(self, tl: _Timeline, i: int, exc: FigureNotCovered) -> FigureValue:
        """A pending entry: `exc`, unless this is the `assuming_confirmed()` copy and a confirmed
        value directly precedes it (then that value, still valid only for planning)."""
        if not self.assume_confirmed or i == 0:
            raise exc
        prev = tl.entries[i - 1]
        if prev is None or prev.pending:
            raise exc  # an end or another pending period: nothing confirmed to assume
        v = tl.value_at(i - 1)
        assumed = (tl.starts[i] - timedelta(days=1)).year
        return replace(
            v,
            valid_until=None,
            note=f"provisional: the last confirmed value (of {assumed}) assumed for a pending period",
            assumed_from=assumed,
        )

    def history(self, figure: str, overlay_id: str | None = None) -> list[tuple[date, ValueEntry | None]]:
        tl = self._overlay_tl.get((overlay_id, figure)) if overlay_id else self._national.get(figure)
        return list(zip(tl.starts, tl.entries, strict=True)) if tl else []

    def typed_history(self, figure: str) -> list[tuple[date, Any, ValueEntry | None]]:
        tl = self._national.get(figure)
        return list(zip(tl.starts, tl.typed, tl.entries, strict=True)) if tl else []

    def _all_entries(self) -> list[ValueEntry]:
        out = [e for f in self.figures.values() for e in f.values.values() if e is not None]
        for ov in (*self.overlays.values(), *self.options.values()):
            out += [e for vals in ov.overrides.values() for e in vals.values() if e is not None]
        return out

    @property
    def last_verified(self) -> date | None:
        """The newest `verified_on` of any entry: national, municipal or option."""
        days = [e.verified_on for e in self._all_entries() if e.verified_on is not None]
        return max(days) if days else None

    def oldest_verified_in_force(self, today: date) -> date | None:
        """The oldest `verified_on` among the values in force on `today`, national and every
        municipal overlay's own values: the date a letter can honestly say the rules were checked."""
        days = []
        for fid in self.figures:
            try:
                v = self.value(fid, today)
            except FigureNotCovered:
                pass
            else:
                if v.verified_on:
                    days.append(v.verified_on)
        for (oid, _fid), tl in self._overlay_tl.items():
            if oid in self.options and oid not in self.enabled_options:
                continue
            found = tl.find(today)
            if found is not None and found[1] is not None and found[1].verified_on:
                days.append(found[1].verified_on)
        return min(days) if days else None


# -- reading rule files safely -------------------------------------------------------------------

_RULE_DIRS = ("nl", "gemeenten", "opties")

try:  # the same loader class sourcefile uses (libyaml when present)
    _EventLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _EventLoader = yaml.SafeLoader


def _regular_file_problem(path: Path) -> Problem | None:
    """A problem when `path` is not a regular file of a sane size (checked before opening it,
    so a FIFO cannot hang the loader and a symlink to /dev/zero cannot fill the memory)."""
    try:
        st = os.stat(path)  # follows symlinks: a link to a regular file is fine
    except OSError as exc:
        return Problem(str(path), None, "", f"cannot read the file: {exc.strerror}")
    if not stat.S_ISREG(st.st_mode):
        return Problem(str(path), None, "", "not a regular file (a directory, FIFO, device or socket)")
    if st.st_size > MAX_RULE_FILE_BYTES:
        return Problem(
            str(path),
            None,
            "",
            f"the file is too large ({st.st_size} bytes; a rule file is at most {MAX_RULE_FILE_BYTES} bytes)",
        )
    return None


def scan_rules_tree(root: Path) -> tuple[list[Problem], set[Path]]:
    """Every entry under `root` that is not a regular file, and every `.yml` rule file (which the
    loader would otherwise silently skip). Returns (problems, the paths not to open)."""
    problems: list[Problem] = []
    bad: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        rel = here.relative_to(root).parts
        for name in sorted(filenames + [d for d in dirnames if d.endswith((".yaml", ".yml"))]):
            path = here / name
            if path.is_symlink() and path.is_dir() and not name.endswith((".yaml", ".yml")):
                continue
            prob = _regular_file_problem(path)
            if prob is not None:
                problems.append(prob)
                bad.add(path)
            elif name.endswith(".yml") and (not rel or rel[0] in _RULE_DIRS):
                problems.append(
                    Problem(
                        str(path),
                        None,
                        "",
                        f"rule files end in .yaml: rename it to {path.stem}.yaml "
                        "(a .yml file would be skipped)",
                    )
                )
                bad.add(path)
    return problems, bad


def _anchor_problems(text: str, file: str) -> list[Problem]:
    """YAML anchors and aliases are refused: a rule file says each value in full, and an alias
    bomb ('billion laughs') must not expand. Streams the events, so nothing is expanded."""
    out: list[Problem] = []
    try:
        for ev in yaml.parse(text, Loader=_EventLoader):
            line = ev.start_mark.line + 1 if ev.start_mark else None
            if isinstance(ev, yaml.AliasEvent):
                out.append(Problem(file, line, "", f"YAML aliases (*{ev.anchor}) are not allowed"))
            elif anchor := getattr(ev, "anchor", None):
                out.append(Problem(file, line, "", f"YAML anchors (&{anchor}) are not allowed"))
            if len(out) >= 20:
                break
    except yaml.YAMLError:
        return []  # parse_text reports the syntax error with its line
    return out


def read_rule_file(path: Path) -> SourceDoc:
    """Read one rule file: a regular file of bounded size, UTF-8, without anchors or aliases."""
    prob = _regular_file_problem(path)
    if prob is not None:
        raise InputError([prob])
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced since the stat
                raise InputError([Problem(str(path), None, "", "not a regular file")])
            raw = fh.read(MAX_RULE_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError([Problem(str(path), None, "", f"cannot read the file: {exc.strerror}")]) from None
    if len(raw) > MAX_RULE_FILE_BYTES:
        raise InputError([Problem(str(path), None, "", "the file is too large")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError([Problem(str(path), line, "", "the file is not UTF-8 text")]) from None
    anchors = _anchor_problems(text, str(path))
    if anchors:
        raise InputError(anchors)
    return parse_text(text, str(path))


def _range_problem(unit: str, value: Any) -> str | None:
    """Why a typed value cannot be right for its unit (None when it can)."""
    if unit in ("eur", "eur_per_hour") and isinstance(value, Decimal) and value <= 0:
        return f"a cap, limit or norm must be more than 0, got {value}"
    if unit == "years" and isinstance(value, int) and not AGE_RANGE[0] <= value <= AGE_RANGE[1]:
        return f"an age must be between {AGE_RANGE[0]} and {AGE_RANGE[1]}, got {value}"
    if unit == "months" and isinstance(value, int) and not 0 <= value <= AGE_RANGE[1] * 12:
        return f"an age in months must be between 0 and {AGE_RANGE[1] * 12}, got {value}"
    return None


# -- loading and validation -------------------------------------------------------------------


def _pydantic_problems(doc: SourceDoc, exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc and loc[-1] == "[key]":
            # a refused mapping key (a valid_from date out of bounds): pydantic names it by its
            # repr ('datetime.date(1, 1, 1)'); the file and `rules validate` say 0001-01-01
            key = err["input"]
            loc = (*loc[:-2], key.isoformat() if isinstance(key, date) else str(key))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (a typo?)"
        elif err["type"] == "missing":
            msg = "this key is required"
        out.append(doc.problem(loc, msg))
    return out


def fingerprint_dir(directory: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(directory.rglob("*.yaml")):
        if "cases" in p.relative_to(directory).parts:
            continue  # scenario tests do not change the law
        h.update(p.relative_to(directory).as_posix().encode() + b"\0")
        h.update(p.read_bytes() + b"\0")
    return "sha256:" + h.hexdigest()


def _check_timeline(
    doc: SourceDoc,
    loc_prefix: tuple[str, ...],
    unit: str,
    choices: list[str] | None,
    raw_values: dict[Any, Any],
    values: dict[date, ValueEntry | None],
    today: date,
    problems: list[Problem],
    warnings: list[Problem],
) -> list[Any]:
    """Check one timeline: order, gaps, types, provenance, freshness. Returns the typed values."""
    keys = list(raw_values.keys())
    if keys != sorted(keys, key=str):
        problems.append(doc.problem(loc_prefix, "valid_from dates are not in ascending order"))
    starts = sorted(values)
    typed: list[Any] = []
    seen_end = False
    for i, start in enumerate(starts):
        entry = values[start]
        key = start.isoformat()
        loc = (*loc_prefix, key)
        nxt = starts[i + 1] if i + 1 < len(starts) else None
        if entry is None:
            seen_end = True
            typed.append(None)
            if i == 0:
                problems.append(doc.problem(loc, "an end (null) before any value"))
            continue
        if seen_end:
            problems.append(
                doc.problem(
                    loc,
                    "gap: a value follows an end (null); "
                    "use `pending: true` for a period still to be confirmed",
                )
            )
            seen_end = False
        if entry.pending:
            typed.append(None)
            if entry.value is not None:
                problems.append(doc.problem((*loc, "value"), "a pending entry has no value yet"))
        else:
            try:
                typed.append(coerce_value(unit, entry.value, choices))
            except ValueError as exc:
                typed.append(None)
                problems.append(doc.problem((*loc, "value"), str(exc)))
            else:
                why = _range_problem(unit, typed[-1])
                if why:
                    problems.append(doc.problem((*loc, "value"), why))
        lb = entry.legal_basis
        if lb.in_force_since and start < lb.in_force_since:
            problems.append(
                doc.problem(
                    (*loc, "legal_basis", "in_force_since"),
                    f"the value starts {key}, before its law came into force "
                    f"({lb.in_force_since.isoformat()})",
                )
            )
        in_force_today = start <= today and (nxt is None or today < nxt)
        if entry.verified_on is None:
            if in_force_today and not entry.pending:
                problems.append(doc.problem(loc, "no verified_on on a value in force today"))
            else:
                warnings.append(doc.problem(loc, "no verified_on", "warning"))
        elif entry.verified_on > max(today, date.today()):
            # the wall clock too: a figure checked today is not "in the future" of a simulated
            # earlier day (tests and `--as-of` look back; a verification cannot be undone)
            problems.append(doc.problem((*loc, "verified_on"), "verified_on lies in the future"))
        elif today - entry.verified_on > STALE_AFTER:
            warnings.append(
                doc.problem(
                    (*loc, "verified_on"),
                    f"last verified {entry.verified_on.isoformat()}, over a year ago",
                    "warning",
                )
            )
    return typed


def _cap_pair_problems(national: dict[str, _Timeline], docs: dict[str, SourceDoc]) -> list[Problem]:
    """A monthly cap above the yearly cap in force on the same day (CAP_PAIRS)."""
    out: list[Problem] = []
    for month_id, year_id in CAP_PAIRS:
        m, y = national.get(month_id), national.get(year_id)
        if m is None or y is None or month_id not in docs:
            continue
        for day in sorted(set(m.starts) | set(y.starts)):
            fm, fy = m.find(day), y.find(day)
            if fm is None or fy is None:
                continue
            mv, yv = m.typed[fm[0]], y.typed[fy[0]]
            if isinstance(mv, Decimal) and isinstance(yv, Decimal) and mv > yv:
                out.append(
                    docs[month_id].problem(
                        ("values", m.starts[fm[0]].isoformat(), "value"),
                        f"the monthly cap {mv} is above the yearly cap {yv} ({year_id}) on {day.isoformat()}",
                    )
                )
    return merge_problems(out)


def load_ruleset(
    directory: str | Path | None = None,
    *,
    today: date | None = None,
    options: tuple[str, ...] | list[str] = (),
) -> Ruleset:
    """Load and validate a rules directory. Raises RulesError listing every problem.

    `options` switches on rule options from rules/opties/ (alternatives where sources disagree).
    """
    from vergoedingcheck.content import rules_dir

    root = rules_dir(directory)
    today = today or date.today()
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if not root.is_dir():
        raise RulesError([Problem(str(root), None, "", "the rules directory does not exist")])
    figures: dict[str, Figure] = {}
    national: dict[str, _Timeline] = {}
    nl_dir = root / "nl"
    tree_problems, unreadable = scan_rules_tree(root)
    problems += tree_problems
    docs: dict[str, SourceDoc] = {}
    for path in sorted(nl_dir.glob("*.yaml")) if nl_dir.is_dir() else []:
        if path in unreadable:
            continue
        try:
            doc = read_rule_file(path)
        except InputError as exc:
            problems += exc.problems
            continue
        problems += doc.problems
        try:
            fig = Figure.model_validate(doc.data)
        except ValidationError as exc:
            problems += _pydantic_problems(doc, exc)
            continue
        if path.stem != fig.id:
            problems.append(doc.problem(("id",), f"the file must be named {fig.id}.yaml"))
        if fig.id in figures:
            problems.append(doc.problem(("id",), f"figure {fig.id} is defined twice"))
            continue
        req = REQUIRED_BY_ID.get(fig.id)
        if req and req.unit != fig.unit:
            problems.append(doc.problem(("unit",), f"the engine needs unit {req.unit!r}"))
        if fig.unit == "choice" and not fig.choices:
            problems.append(doc.problem(("unit",), "a choice figure needs `choices`"))
        choices = fig.choices
        engine_choices = CHOICES.get(fig.id)
        if engine_choices is not None:
            extra = [c for c in fig.choices or [] if c not in engine_choices]
            if extra:
                problems.append(
                    doc.problem(
                        ("choices",),
                        f"the engine only knows {', '.join(engine_choices)}; "
                        f"{', '.join(extra)} would be read as something else",
                    )
                )
            choices = list(engine_choices)
        typed = _check_timeline(
            doc,
            ("values",),
            fig.unit,
            choices,
            doc.data.get("values", {}),
            fig.values,
            today,
            problems,
            warnings,
        )
        starts = sorted(fig.values)
        docs[fig.id] = doc
        figures[fig.id] = fig
        national[fig.id] = _Timeline(fig.id, "nl", starts, [fig.values[s] for s in starts], typed)
        if req and req.covers_from:
            if not starts or starts[0] > req.covers_from:
                problems.append(
                    doc.problem(
                        ("values",),
                        f"must cover {req.covers_from.isoformat()} "
                        f"to {COVERS_UNTIL.isoformat()}; the first value starts "
                        f"{starts[0].isoformat() if starts else 'nowhere'}",
                    )
                )
            for s, e in zip(starts, [fig.values[s] for s in starts], strict=True):
                if (e is None or e.pending) and req.covers_from <= s <= COVERS_UNTIL:
                    what = "ends" if e is None else "is pending"
                    problems.append(
                        doc.problem(
                            ("values", s.isoformat()),
                            f"{what} inside the period the engine needs "
                            f"({req.covers_from.isoformat()} to "
                            f"{COVERS_UNTIL.isoformat()})",
                        )
                    )
    problems += _cap_pair_problems(national, docs)
    named = {p.file for p in problems}
    for req in REQUIRED:
        # a file that is there but refused already has its own problem (file:line: key): "missing"
        # on top of it would send the maintainer looking for a file that exists
        if req.id not in figures and str(nl_dir / f"{req.id}.yaml") not in named:
            problems.append(
                Problem(str(nl_dir / f"{req.id}.yaml"), None, "", "figure used by the engine is missing")
            )

    overlays: dict[str, Overlay] = {}
    overlay_tl: dict[tuple[str, str], _Timeline] = {}
    index: dict[str, str] = {}
    option_ids: dict[str, Overlay] = {}
    gm_dir = root / "gemeenten"
    opt_dir = root / "opties"
    overlay_files = [(p, False) for p in sorted(gm_dir.glob("*.yaml"))] if gm_dir.is_dir() else []
    overlay_files += [(p, True) for p in sorted(opt_dir.glob("*.yaml"))] if opt_dir.is_dir() else []
    for path, is_option in overlay_files:
        if path in unreadable:
            continue
        try:
            doc = read_rule_file(path)
        except InputError as exc:
            problems += exc.problems
            continue
        problems += doc.problems
        try:
            ov = Overlay.model_validate(doc.data)
        except ValidationError as exc:
            problems += _pydantic_problems(doc, exc)
            continue
        if path.stem != ov.id:
            problems.append(doc.problem(("id",), f"the file must be named {ov.id}.yaml"))
        if ov.id in overlays or ov.id in option_ids:
            problems.append(doc.problem(("id",), f"{ov.id} is defined twice"))
        if is_option and ov.municipalities:
            problems.append(
                doc.problem(
                    ("municipalities",),
                    "a rule option applies everywhere; put municipal policy in rules/gemeenten/",
                )
            )
        if not is_option and not ov.municipalities:
            problems.append(doc.problem(("municipalities",), "name at least one municipality"))
        for i, m in enumerate(ov.municipalities):
            for k in filter(None, (m.name.casefold(), m.cbs.casefold() if m.cbs else None)):
                if k in index and index[k] != ov.id:
                    problems.append(
                        doc.problem(
                            ("municipalities", i),
                            f"{m.name} is already covered by overlay {index[k]}: two overlays overlap",
                        )
                    )
                index[k] = ov.id
        for fid, vals in ov.overrides.items():
            target = figures.get(fid)
            if target is None:
                problems.append(doc.problem(("overrides", fid), "unknown figure"))
                continue
            if not is_option:
                if fid not in OVERLAYABLE:
                    allowed = ", ".join(sorted(OVERLAYABLE))
                    problems.append(
                        doc.problem(
                            ("overrides", fid),
                            f"{fid} is national law, not a point a municipality decides "
                            f"(a municipality may set: {allowed})",
                        )
                    )
                    continue
                until = OVERLAYABLE[fid]
                for start, entry in vals.items():
                    if until is not None and start >= until and entry is not None:
                        problems.append(
                            doc.problem(
                                ("overrides", fid, start.isoformat()),
                                f"from {until.isoformat()} {fid} is national law: a municipality "
                                f"gives no value of its own (end the override with "
                                f"`{until.isoformat()}: null`)",
                            )
                        )
            typed = _check_timeline(
                doc,
                ("overrides", fid),
                target.unit,
                list(CHOICES[fid]) if fid in CHOICES else target.choices,
                doc.data["overrides"][fid],
                vals,
                today,
                problems,
                warnings,
            )
            starts = sorted(vals)
            overlay_tl[(ov.id, fid)] = _Timeline(fid, ov.id, starts, [vals[s] for s in starts], typed)
        if is_option:
            option_ids[ov.id] = ov
        else:
            overlays[ov.id] = ov
    for oid in options:
        if oid not in option_ids:
            known = ", ".join(sorted(option_ids)) or "none"
            problems.append(Problem(str(opt_dir), None, "", f"unknown rule option {oid!r} (known: {known})"))

    if problems:
        raise RulesError(merge_problems(problems), merge_problems(warnings))
    fp = fingerprint_dir(root)
    if options:
        fp += "+" + "+".join(sorted(options))
    rs = Ruleset(
        "nl", root, fp, figures, overlays, warnings, options=option_ids, enabled_options=tuple(options)
    )
    rs._national = national
    rs._overlay_tl = overlay_tl
    rs._municipality_index = index
    return rs
