"""Case files (spec/case-files.md §1): read with one problem per line naming file, line and
field; write in the same format. Nothing is half-read: a file with any problem raises InputError.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, ValidationError

from vergoedingcheck.files import write_private
from vergoedingcheck.io.fastjson import read_source  # JSON through a C parser (issue 14)
from vergoedingcheck.model import Benefit, Payer, Payment, Resident
from vergoedingcheck.money import MoneyError, parse_money, to_json
from vergoedingcheck.sourcefile import InputError, Problem, SourceDoc, merge_problems
from vergoedingcheck.validation import (
    MAX_NOTE_LENGTH,
    BoundError,
    check_amount,
    check_birth_date,
    check_date,
    check_hours,
    check_id,
    check_period,
    check_text,
    ww_only_error,
)


def _date(v: object) -> object:
    if isinstance(v, datetime):
        raise ValueError("a date without a time is expected (YYYY-MM-DD)")
    if isinstance(v, date):
        return check_date(v)
    if isinstance(v, str):
        try:
            d = date.fromisoformat(v.strip())
        except ValueError:
            raise ValueError(f"{v!r} is not a valid date (YYYY-MM-DD)") from None
        return check_date(d)
    raise ValueError(f"a date (YYYY-MM-DD) is expected, got {v!r}")


def _money(v: object) -> Decimal:
    if not isinstance(v, (bool, float)) and isinstance(v, (int, str, Decimal)):
        check_amount(v)  # bounds first (validation.py): `1e400` is a refusal, not a crash
    try:
        d = parse_money(v)
    except MoneyError as exc:
        raise ValueError(str(exc)) from None
    return d


def _positive_money(v: object) -> Decimal:
    d = _money(v)
    if d <= 0:
        raise ValueError("the amount must be more than 0.00")
    return d


def _hours(v: object) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (int, float, str, Decimal)):
        raise ValueError("hours must be a number")
    return check_hours(v)  # hours are not money: 2.5 hours is a fine YAML float


def _text(v: object) -> object:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)  # an id like 12 or a client number is text
    if isinstance(v, str):
        if not v.strip():
            raise ValueError("this field is blank")
        return check_text(v)
    return v


def _id(v: object) -> object:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        v = str(v)  # an id like 12 is text
    if isinstance(v, str):
        return check_id(v)
    return v


def _note(v: object) -> object:
    return check_text(v, MAX_NOTE_LENGTH) if isinstance(v, str) else v


DateField = Annotated[date, BeforeValidator(_date)]
Money = Annotated[Decimal, BeforeValidator(_positive_money)]
WageField = Annotated[Decimal, BeforeValidator(_money)]
Hours = Annotated[Decimal, BeforeValidator(_hours)]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Id = Annotated[str, BeforeValidator(_id), Field(min_length=1)]
Note = Annotated[str, BeforeValidator(_note)]

BenefitTypeLit = Literal[
    "bijstand", "ioaw", "ioaz", "aio", "ww", "zw", "wia", "wao", "wajong", "aow", "toeslagen"
]
KindLit = Literal["vrijwilligersvergoeding", "onkostenvergoeding", "gift", "loon"]
PayerTypeLit = Literal["anbi", "sbbi", "sport", "not_vpb", "commercial"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BenefitIn(_Strict):
    type: BenefitTypeLit
    since: DateField | None = None
    until: DateField | None = None
    uwv_permission: StrictBool | None = None
    ww_hourly_wage: WageField | None = None
    client_number: Text | None = None


class ResidentIn(_Strict):
    id: Id
    name: Text | None = None
    birth_date: DateField
    municipality: Text | None = None
    household: Text | None = None
    benefits: list[BenefitIn] = []
    note: Note | None = None
    address: Annotated[list[Text], Field(max_length=5)] = []


class PayerIn(_Strict):
    name: Text
    type: PayerTypeLit
    below_market_rate: StrictBool = False


class PaymentIn(_Strict):
    resident: Id
    date: DateField
    amount: Money
    kind: KindLit
    hours: Hours | None = None
    receipts: StrictBool = False
    in_kind: StrictBool = False
    payer: Text | None = None
    note: Note | None = None
    planned: StrictBool = False
    id: Id | None = None


class CaseIn(_Strict):
    version: Literal[1]
    municipality: Text | None = None
    residents: list[ResidentIn]
    payers: list[PayerIn] = []
    payments: list[Any] = []
    """Validated one by one (PaymentIn) and turned into engine input at once, so a caseload of
    hundreds of thousands of payments never holds two full copies in memory."""


@dataclass(frozen=True)
class Case:
    residents: list[Resident]
    payments: list[Payment]
    municipality: str | None = None
    file: str | None = None
    payers: tuple[Payer, ...] = ()


_MESSAGES = {
    "extra_forbidden": "unknown field (a typo?)",
    "missing": "this field is required",
}


def validation_problems(
    doc: SourceDoc, exc: ValidationError, prefix: tuple[str | int, ...] = ()
) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        # pydantic puts the failing validator's name in the loc for Annotated unions; drop it
        loc = tuple(part for part in loc if not (isinstance(part, str) and "[" in part))
        msg = _MESSAGES.get(err["type"], err["msg"])
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        if err["type"] == "literal_error" and loc[-1:] == ("version",):
            msg = "only version 1 is known"
        out.append(doc.problem(loc, msg))
    return out


def case_from_doc(doc: SourceDoc) -> Case:
    """Validate parsed data into a Case; every problem at once, with line numbers."""
    if not isinstance(doc.data, dict):
        raise InputError(
            doc.locate([doc.problem((), "a case file is a mapping with version, residents, payments")])
        )
    early = doc.problems + _reference_problems(doc) + _payer_problems(doc)
    raw_payments: Any = doc.data.get("payments")
    if isinstance(raw_payments, list):
        for i, item in enumerate(raw_payments):
            if not isinstance(item, dict):
                early.append(doc.problem(("payments", i), "a payment is a mapping of fields"))
    try:
        case = CaseIn.model_validate(doc.data)
    except ValidationError as exc:
        early += validation_problems(doc, exc)
        case = None
    payments: list[Payment] = []
    late: list[Problem] = []
    for i, item in enumerate(raw_payments if isinstance(raw_payments, list) else []):
        if not isinstance(item, dict):
            continue
        try:
            p = PaymentIn.model_validate(item)
        except ValidationError as exc:
            early += validation_problems(doc, exc, ("payments", i))
            continue
        loc = ("payments", i)
        if p.receipts and p.kind != "onkostenvergoeding":
            late.append(doc.problem((*loc, "receipts"), "only an onkostenvergoeding has receipts"))
        if p.hours is not None and p.kind == "gift":
            late.append(doc.problem((*loc, "hours"), "a gift is not paid for hours of work"))
        payments.append(
            Payment(
                sys.intern(p.resident),
                p.date,
                p.amount,
                p.kind,
                p.hours,
                p.receipts,
                p.in_kind,
                p.payer,
                p.note,
                p.planned,
                p.id,
            )
        )
        raw_payments[i] = None  # release the raw mapping as soon as it is converted
    if early or case is None:
        raise InputError(merge_problems(doc.locate([*early, *late])))
    problems: list[Problem] = late
    seen: dict[str, int] = {}
    residents: list[Resident] = []
    for i, r in enumerate(case.residents):
        if r.id in seen:
            problems.append(
                doc.problem(
                    ("residents", i, "id"),
                    f"duplicate resident id {r.id!r} (first at residents[{seen[r.id]}])",
                )
            )
            continue
        seen[r.id] = i
        benefits = []
        for j, b in enumerate(r.benefits):
            bloc = ("residents", i, "benefits", j)
            try:
                check_period(b.since, b.until)
            except BoundError as exc:
                problems.append(doc.problem((*bloc, "until"), str(exc)))
            if b.type != "ww" and (b.uwv_permission is not None or b.ww_hourly_wage is not None):
                field = "uwv_permission" if b.uwv_permission is not None else "ww_hourly_wage"
                problems.append(doc.problem((*bloc, field), str(ww_only_error())))
            benefits.append(
                Benefit(b.type, b.since, b.until, b.uwv_permission, b.ww_hourly_wage, b.client_number)
            )
        try:
            check_birth_date(r.birth_date)
        except BoundError as exc:
            problems.append(doc.problem(("residents", i, "birth_date"), str(exc)))
        residents.append(
            Resident(
                r.id,
                r.birth_date,
                r.name,
                r.municipality or case.municipality,
                r.household,
                tuple(benefits),
                r.note,
                tuple(r.address),
            )
        )
    if problems:
        raise InputError(merge_problems(doc.locate(problems)))
    payers = tuple(Payer(x.name, x.type, x.below_market_rate) for x in case.payers)
    return Case(residents, payments, case.municipality, doc.file, payers)


def _payer_problems(doc: SourceDoc) -> list[Problem]:
    """`payers:` (spec §1): a name listed twice is refused (found on the raw data, so it is
    reported together with every other problem)."""
    out: list[Problem] = []
    payers = doc.data.get("payers")
    first: dict[str, int] = {}
    for i, item in enumerate(payers if isinstance(payers, list) else []):
        name = item.get("name") if isinstance(item, dict) else None
        if name is None:
            continue
        name = str(name)
        if name in first:
            msg = f"duplicate payer {name!r} (first at payers[{first[name]}])"
            out.append(doc.problem(("payers", i, "name"), msg))
        else:
            first[name] = i
    return out


def _reference_problems(doc: SourceDoc) -> list[Problem]:
    """Duplicate resident ids and payments for unknown residents, found on the raw data so that
    they are reported together with every other problem."""
    out: list[Problem] = []
    residents = doc.data.get("residents")
    ids: dict[str, int] = {}
    if isinstance(residents, list):
        for i, r in enumerate(residents):
            rid = r.get("id") if isinstance(r, dict) else None
            if rid is None:
                continue
            rid = str(rid)
            if rid in ids:
                out.append(
                    doc.problem(
                        ("residents", i, "id"),
                        f"duplicate resident id {rid!r} (first at residents[{ids[rid]}])",
                    )
                )
            else:
                ids[rid] = i
    payments = doc.data.get("payments")
    if isinstance(payments, list) and isinstance(residents, list):
        for i, p in enumerate(payments):
            ref = p.get("resident") if isinstance(p, dict) else None
            if ref is not None and str(ref) not in ids:
                out.append(doc.problem(("payments", i, "resident"), f"no resident with id {str(ref)!r}"))
    out += _payment_id_problems(doc, payments)
    return out


def _payment_id_problems(doc: SourceDoc, payments: Any) -> list[Problem]:
    """A payment's `id` (the coordinator's reference, the store's de-duplication key) is unique
    per resident in the file: the same id twice would make the second payment update the first."""
    out: list[Problem] = []
    first: dict[tuple[str, str], int] = {}
    for i, p in enumerate(payments if isinstance(payments, list) else []):
        if not isinstance(p, dict) or p.get("id") is None or p.get("resident") is None:
            continue
        pid, rid = p["id"], p["resident"]
        if isinstance(pid, (dict, list)) or isinstance(rid, (dict, list)):
            continue  # the field's own validation reports it
        key = (str(rid), str(pid))
        if key in first:
            msg = f"duplicate payment id {key[1]!r} for resident {key[0]!r} (first at payments[{first[key]}])"
            out.append(doc.problem(("payments", i, "id"), msg))
        else:
            first[key] = i
    return out


def read_case_file(path: str | os.PathLike[str]) -> Case:
    return case_from_doc(read_source(Path(path)))


def case_to_dict(
    residents: list[Resident],
    payments: list[Payment],
    municipality: str | None = None,
    payers: tuple[Payer, ...] | list[Payer] = (),
) -> dict[str, Any]:
    def benefit(b: Benefit) -> dict[str, Any]:
        d: dict[str, Any] = {"type": b.type}
        if b.since:
            d["since"] = b.since
        if b.until:
            d["until"] = b.until
        if b.uwv_permission is not None:
            d["uwv_permission"] = b.uwv_permission
        if b.ww_hourly_wage is not None:
            d["ww_hourly_wage"] = to_json(b.ww_hourly_wage)
        if b.client_number:
            d["client_number"] = b.client_number
        return d

    def resident(r: Resident) -> dict[str, Any]:
        d: dict[str, Any] = {"id": r.id}
        if r.name:
            d["name"] = r.name
        d["birth_date"] = r.birth_date
        if r.municipality:
            d["municipality"] = r.municipality
        if r.household:
            d["household"] = r.household
        d["benefits"] = [benefit(b) for b in r.benefits]
        if r.note:
            d["note"] = r.note
        if r.address:
            d["address"] = list(r.address)
        return d

    def payment(p: Payment) -> dict[str, Any]:
        d: dict[str, Any] = {
            "resident": p.resident,
            "date": p.date,
            "amount": to_json(p.amount),
            "kind": p.kind,
        }
        if p.hours is not None:
            d["hours"] = int(p.hours) if p.hours == p.hours.to_integral_value() else str(p.hours)
        for key in ("receipts", "in_kind", "planned"):
            if getattr(p, key):
                d[key] = True
        for key in ("payer", "note", "id"):
            if getattr(p, key):
                d[key] = getattr(p, key)
        return d

    out: dict[str, Any] = {"version": 1}
    if municipality:
        out["municipality"] = municipality
    out["residents"] = [resident(r) for r in residents]
    if payers:
        out["payers"] = [
            {"name": x.name, "type": x.type, **({"below_market_rate": True} if x.below_market_rate else {})}
            for x in payers
        ]
    out["payments"] = [payment(p) for p in payments]
    return out


def write_case_file(
    path: str | os.PathLike[str],
    residents: list[Resident],
    payments: list[Payment],
    municipality: str | None = None,
    payers: tuple[Payer, ...] | list[Payer] = (),
) -> None:
    """Write atomically (temp file + rename) with owner-only permissions."""
    text = yaml.safe_dump(
        case_to_dict(residents, payments, municipality, payers), allow_unicode=True, sort_keys=False
    )
    write_private(path, text)
