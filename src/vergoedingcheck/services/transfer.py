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

from vergoedingcheck.io.spreadsheet import (
    ImportPlan,
    RowError,
    SpreadsheetError,
    read_spreadsheet,
    write_csv,
    write_xlsx,
)
from vergoedingcheck.sourcefile import InputError
from vergoedingcheck.store.db import (
    ImportSource,
    ImportSummary,
    PaymentRecord,
    ResidentRecord,
    Store,
    StoreError,
)

CASE_SUFFIXES = (".yaml", ".yml", ".json")
SHEET_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")


class TransferError(StoreError):
    """The file cannot be read or written at all."""


@dataclass
class ExportSummary:
    path: Path
    residents: int
    payments: int


def plan_import(path: str | Path, store: Store) -> ImportPlan:
    p = Path(path).expanduser()
    if not p.is_file():
        raise TransferError(f"{p} bestaat niet")
    plan = _plan(p, store)
    plan.sha256 = file_sha256(p)
    plan.imported_before = store.imported_file(plan.sha256)
    return plan


def file_sha256(p: Path) -> str:
    with p.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _plan(p: Path, store: Store) -> ImportPlan:
    stored = store.residents()
    known = [r.id for r in stored]
    suffix = p.suffix.casefold()
    if suffix in CASE_SUFFIXES:
        return _plan_case_file(p, known)
    if suffix in SHEET_SUFFIXES:
        try:
            plan = read_spreadsheet(p, known)
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
