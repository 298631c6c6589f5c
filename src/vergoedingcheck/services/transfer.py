"""Import into and export out of the store: case files (YAML/JSON), CSV and XLSX.

`plan_import` reads a file and checks it against the store without writing anything (the preview);
`apply_import` writes a plan in one transaction. A plan with errors is refused unless the caller
asks for the good rows only (spreadsheets only: a case file is all or nothing, as its
contract says).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from vergoedingcheck.engine.result import Status
from vergoedingcheck.io.spreadsheet import (
    ImportPlan,
    RowError,
    SpreadsheetError,
    read_spreadsheet,
    write_csv,
    write_xlsx,
)
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.sourcefile import InputError
from vergoedingcheck.store.db import (
    ImportSource,
    ImportSummary,
    PaymentRecord,
    ResidentRecord,
    Store,
    StoreError,
)
from vergoedingcheck.text import word
from vergoedingcheck.validation import visible

CASE_SUFFIXES = (".yaml", ".yml", ".json")
SHEET_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")


class TransferError(StoreError):
    """The file cannot be read or written at all."""


@dataclass
class ExportSummary:
    path: Path
    residents: int
    payments: int


def plan_import(
    path: str | Path, store: Store, *, kind: str | None = None, status: str | None = None
) -> ImportPlan:
    """The preview of an import. `kind` and `status`: chosen once for the whole spreadsheet, for
    the payments without a soort or status (issue 11 item 7); a case file ignores them (its
    contract requires both on every payment)."""
    p = Path(path).expanduser()
    if not p.is_file():
        raise TransferError(f"{p} bestaat niet")
    plan = _plan(p, store, kind=kind, status=status)
    plan.sha256 = file_sha256(p)
    plan.imported_before = store.imported_file(plan.sha256)
    return plan


def file_sha256(p: Path) -> str:
    with p.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _plan(p: Path, store: Store, *, kind: str | None = None, status: str | None = None) -> ImportPlan:
    stored = store.residents()
    known = [r.id for r in stored]
    suffix = p.suffix.casefold()
    if suffix in CASE_SUFFIXES:
        return _plan_case_file(p, known)
    if suffix in SHEET_SUFFIXES:
        try:
            plan = read_spreadsheet(p, known, residents=stored, kind=kind, status=status)
        except SpreadsheetError as exc:
            raise TransferError(f"{p.name}: {exc}") from None
        _keep_missing_columns(plan, stored)
        return plan
    raise TransferError(f"{p.name}: onbekend bestandstype (gebruik .yaml, .json, .csv of .xlsx)")


_KEPT = {  # a residents column that is not in the file: the field stays as the store has it
    "naam": "name",
    "gemeente": "municipality",
    "huishouden": "household",
    "notitie": "note",
    "adres": "address",
    "uitkering": "benefits",
}


def _keep_missing_columns(plan: ImportPlan, stored: list[ResidentRecord]) -> None:
    """A residents CSV without the name, municipality or household column leaves those fields as
    they were (issue 9: they became empty, and the municipal overlay with them)."""
    missing = [field for col, field in _KEPT.items() if col not in plan.resident_columns]
    if not missing or not plan.residents:
        return
    by_id = {r.id: r for r in stored}
    plan.residents = [
        replace(r, **{f: getattr(by_id[r.id], f) for f in missing}) if r.id in by_id else r
        for r in plan.residents
    ]


def _plan_case_file(p: Path, known: list[str]) -> ImportPlan:
    from vergoedingcheck.io.casefile import read_case_file

    plan = ImportPlan(source=str(p))
    plan.__dict__["whole_file"] = True
    try:
        case = read_case_file(p)
    except InputError as exc:
        plan.errors = [
            RowError(Path(pr.file).name, pr.line or 0, pr.field, pr.message, "regel") for pr in exc.problems
        ]
        return plan
    plan.residents = [ResidentRecord.from_model(r) for r in case.residents]
    plan.payments = [PaymentRecord.from_model(x) for x in case.payments]
    plan.payers = list(case.payers)
    plan.rows_read = len(plan.residents) + len(plan.payments)
    return plan


def partial_allowed(plan: ImportPlan) -> bool:
    """Only spreadsheets may be imported row by row; a case file is all or nothing."""
    return not plan.__dict__.get("whole_file", False)


def apply_import(
    plan: ImportPlan,
    store: Store,
    *,
    good_rows_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    again: bool = False,
) -> ImportSummary:
    """Write the plan. The same file (by SHA-256) a second time is refused (`AlreadyImported`)
    unless `again`: its payments without a reference would be added twice."""
    if plan.errors and not (good_rows_only and partial_allowed(plan)):
        raise TransferError(f"{len(plan.errors)} fout(en) in het bestand: er is niets ingelezen")
    source = None if plan.sha256 is None else ImportSource(plan.sha256, Path(plan.source).name)
    return store.import_records(
        plan.residents, plan.payments, progress=progress, payers=plan.payers, source=source, again=again
    )


def export(
    path: str | Path,
    store: Store,
    *,
    year: int | None = None,
    table: str = "betalingen",
    encoding: str = "utf-8-sig",
    progress: Callable[[str], None] | None = None,
) -> ExportSummary:
    p = Path(path).expanduser()
    # no file before the data is complete: every writer below writes a temporary file (owner
    # only) and renames it, so a failed export leaves no file and never empties a good one
    residents = store.residents()
    payments = store.payments(year=year)
    suffix = p.suffix.casefold()
    if progress:
        progress(f"{len(residents)} bewoners, {len(payments)} betalingen")
    if suffix in CASE_SUFFIXES:
        from vergoedingcheck.io.casefile import write_case_file

        write_case_file(
            p,
            [r.to_model() for r in residents],
            [x.to_model() for x in payments],
            payers=store.payer_models(),
        )
    elif suffix in (".xlsx", ".xlsm"):
        write_xlsx(p, residents, payments, store.payer_models())
    elif suffix in (".csv", ".txt"):
        try:
            write_csv(p, table, residents, payments, encoding=encoding, payers=store.payer_models())
        except SpreadsheetError as exc:
            raise TransferError(str(exc)) from None
    else:
        raise TransferError(f"{p.name}: onbekend bestandstype (gebruik .yaml, .json, .csv of .xlsx)")
    return ExportSummary(p, len(residents), len(payments))


@dataclass(frozen=True)
class StatusChange:
    """One resident's year whose status the import would change (`before` None: not checked
    before, a resident or year the store does not hold yet)."""

    resident: str
    name: str | None
    year: int
    before: Status | None
    after: Status


def status_changes(plan: ImportPlan, store: Store, ruleset: Ruleset) -> list[StatusChange]:
    """What importing `plan` would do to each resident's status, before anything is written
    (issue 11 item 7): the residents the file touches and their households, checked in the years
    of their payments on the store's data and then on the store's data with the file applied the
    way `Store.import_records` applies it (a resident replaced by id, a payment with a known
    kenmerk replaced, one without added). Only years whose status changes are returned."""
    from vergoedingcheck.engine import evaluate

    stored = {r.id: r for r in store.residents()}
    after_res = dict(stored)
    for r in plan.residents:
        after_res[r.id] = r
    touched = {r.id for r in plan.residents} | {p.resident for p in plan.payments}
    households = {
        r.household for r in (*stored.values(), *after_res.values()) if r.id in touched and r.household
    }
    ids = touched | {rid for rid, r in after_res.items() if r.household in households}
    before_pays = [p for p in store.payments() if p.resident in ids]
    before_pays += [p for p in store.other_team_payments() if p.resident in ids]
    new_refs = {(p.resident, p.ref) for p in plan.payments if p.ref is not None}
    after_pays = [p for p in before_pays if p.ref is None or (p.resident, p.ref) not in new_refs]
    after_pays += plan.payments
    years = sorted({p.date.year for p in after_pays})
    if not years:
        return []
    payers = store.payer_models() + [
        p for p in plan.payers if p.name not in {x.name for x in store.payer_models()}
    ]

    def statuses(res: dict[str, ResidentRecord], pays: list[PaymentRecord]) -> dict[tuple[str, int], Status]:
        models = [r.to_model() for rid, r in res.items() if rid in ids]
        result = evaluate(models, [p.to_model() for p in pays], ruleset, years=years, payers=payers)
        return {(rr.id, y.year): y.status for rr in result.residents for y in rr.years}

    was = statuses(stored, before_pays)
    now = statuses(after_res, after_pays)
    return [
        StatusChange(rid, after_res[rid].name, year, was.get((rid, year)), status)
        for (rid, year), status in sorted(now.items())
        if was.get((rid, year)) != status and not (was.get((rid, year)) is None and status == "safe")
    ]


def status_preview(changes: list[StatusChange], lang: str = "nl") -> list[str]:
    """The preview's lines: how many residents become not safe / unknown, then one line each."""
    unsafe = {c.resident for c in changes if c.after == "unsafe"}
    unknown = {c.resident for c in changes if c.after == "unknown"} - unsafe
    if not changes:
        return [word("sheet_import", "preview_same", lang)]
    lines = []
    if unsafe:
        lines.append(word("sheet_import", "preview_unsafe", lang).format(count=len(unsafe)))
    if unknown:
        lines.append(word("sheet_import", "preview_unknown", lang).format(count=len(unknown)))
    if not lines:
        lines.append(word("sheet_import", "preview_head", lang))
    for c in changes:
        lines.append(
            word("sheet_import", "preview_line", lang).format(
                name=visible(c.name or c.resident),
                year=c.year,
                before="—" if c.before is None else word("status", c.before, lang),
                after=word("status", c.after, lang),
            )
        )
    return lines
