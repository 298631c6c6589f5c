"""The check result (spec/case-files.md §2), as frozen dataclasses, and its JSON form.

Status words: `safe`, `unsafe`, `unknown`. Finding outcomes: `ok`, `fail` (makes a part unsafe),
`warning` (worth knowing, changes no status), `unknown` (a figure, policy or fact is missing),
`info` (context, e.g. who decides). Explanations are keys with parameters; the TUI and the letters
turn them into sentences per language (see `vergoedingcheck.engine.explain`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from vergoedingcheck.money import to_json

Status = Literal["safe", "unsafe", "unknown"]
ZERO = Decimal("0.00")
Outcome = Literal["ok", "fail", "warning", "unknown", "info"]

ACTIONS = (
    "report_to_municipality",  # bijstand, IOAW, IOAZ: tell the gemeente (art. 17 Pw)
    "report_to_svb",  # AIO
    "report_to_uwv",  # WW, ZW, WIA, WAO, Wajong
    "ask_uwv_permission",  # WW: permission before the volunteer work
    "report_to_toeslagen",  # the taxable amount raises the toetsingsinkomen
    "declare_income_tax",  # the allowance is taxable: the payer withholds or the resident declares
    "keep_receipts",  # proven costs only count as costs with receipts
)


def worst(statuses: list[Status] | tuple[Status, ...]) -> Status:
    """A whole is unsafe if any part is, else unknown if any part is, else safe."""
    if "unsafe" in statuses:
        return "unsafe"
    if "unknown" in statuses:
        return "unknown"
    return "safe"


@dataclass(frozen=True, slots=True)
class LegalRef:
    law: str
    article: str
    url: str
    bwb: str | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"law": self.law, "article": self.article, "url": self.url}
        if self.bwb:
            d["bwb"] = self.bwb
        return d


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # e.g. "tax.volunteer.month_cap"
    outcome: Outcome
    period: str  # "2025", "2025-03" or "2025-03-10"
    explanation: str  # key, e.g. "tax.month_over_cap"
    limit: Decimal | None = None
    value: Decimal | None = None
    legal_basis: LegalRef | None = None
    source_url: str | None = None
    regime: str = "tax"  # "tax", a benefit type, or "gifts"
    params: tuple[tuple[str, str], ...] = ()
    missing: str | None = None  # for `unknown`: the figure, policy or fact that is missing

    def message(self, lang: str = "nl") -> str:
        """The finding as a sentence in `lang` (`nl` or `en`); `explanation` stays the key."""
        from vergoedingcheck.engine.explain import explain  # explain imports this module

        return explain(self, lang)

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "outcome": self.outcome,
            "period": self.period,
            "limit": to_json(self.limit),
            "value": to_json(self.value),
            "legal_basis": self.legal_basis.to_json() if self.legal_basis else None,
            "explanation": self.explanation,
            "message": self.message(lang),
            "regime": self.regime,
        }
        if self.params:
            d["params"] = dict(self.params)
        if self.source_url:
            d["source"] = self.source_url
        if self.missing:
            d["missing"] = self.missing
        return d


@dataclass(frozen=True, slots=True)
class TaxResult:
    status: Status
    counted: Decimal
    taxable: Decimal | None  # None when unknown

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "counted": to_json(self.counted), "taxable": to_json(self.taxable)}


@dataclass(frozen=True, slots=True)
class BenefitResult:
    type: str
    status: Status
    countable: Decimal | None
    actions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "status": self.status,
            "countable": to_json(self.countable),
            "actions": list(self.actions),
        }


@dataclass(frozen=True, slots=True)
class GiftResult:
    household: str | None
    total: Decimal
    limit: Decimal | None  # None: no limit applies (no bijstand-type benefit) or none is known
    headroom: Decimal | None
    counted_on: str | None = None  # the member whose benefit counts the household's excess (spec §3)

    def to_json(self) -> dict[str, Any]:
        return {
            "household": self.household,
            "total": to_json(self.total),
            "limit": to_json(self.limit),
            "headroom": to_json(self.headroom),
            "counted_on": self.counted_on,
        }


@dataclass(frozen=True, slots=True)
class MonthResult:
    month: str  # "2025-03"
    status: Status
    counted: Decimal  # counted towards the caps (tax definition)
    headroom: Decimal
    paid: Decimal = Decimal("0.00")  # everything paid that month, all kinds

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "status": self.status,
            "counted": to_json(self.counted),
            "headroom": to_json(self.headroom),
            "paid": to_json(self.paid),
        }


@dataclass(frozen=True, slots=True)
class Provisional:
    """The outcome of a year if the last confirmed figures still held (spec §3, Coverage).

    Only on a year whose status is `unknown` because figures are announced but not confirmed;
    it never changes that status. `assuming` is the year whose figures it assumes."""

    status: Status
    headroom: Decimal
    assuming: str

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "headroom": to_json(self.headroom), "assuming": self.assuming}


def _month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


@dataclass(frozen=True, slots=True)
class YearResult:
    year: int
    status: Status
    tax: TaxResult
    benefits: tuple[BenefitResult, ...]
    gifts: GiftResult
    months: tuple[MonthResult, ...]
    headroom: Decimal
    findings: tuple[Finding, ...]
    actions: tuple[str, ...] = ()
    """Every action for this year: the benefits' actions plus tax-level ones (declare, receipts)."""
    provisional: Provisional | None = None

    def headroom_remaining(self, as_of: date) -> Decimal:
        """The largest extra allowance that can still be paid on or after `as_of` this year
        (spec §3, Headroom): the year's room, but no more than the rooms of the months from the
        month of `as_of` on added up. `headroom` is already min(year's room, all months' rooms),
        and the remaining months' rooms are a part of all months' rooms, so
        min(headroom, remaining months' rooms) = min(year's room, remaining months' rooms)."""
        first = date(as_of.year, as_of.month, 1)
        later = sum((m.headroom for m in self.months if _month_start(m.month) >= first), ZERO)
        return max(ZERO, min(self.headroom, later))

    def to_json(self, as_of: date | None = None, lang: str = "nl") -> dict[str, Any]:
        """`as_of` (default today) only decides `headroom_remaining`; `lang` the messages."""
        d: dict[str, Any] = {
            "year": self.year,
            "status": self.status,
            "tax": self.tax.to_json(),
            "benefits": [b.to_json() for b in self.benefits],
            "gifts": self.gifts.to_json(),
            "months": [m.to_json() for m in self.months],
            "headroom": to_json(self.headroom),
            "headroom_remaining": to_json(self.headroom_remaining(as_of or date.today())),
        }
        if self.provisional is not None:
            d["provisional"] = self.provisional.to_json()
        d["actions"] = list(self.actions)
        d["findings"] = [f.to_json(lang) for f in self.findings]
        return d


@dataclass(frozen=True, slots=True)
class ResidentResult:
    id: str
    years: tuple[YearResult, ...]
    name: str | None = None

    def year(self, year: int) -> YearResult | None:
        return next((y for y in self.years if y.year == year), None)

    def to_json(self, as_of: date | None = None, lang: str = "nl") -> dict[str, Any]:
        return {"id": self.id, "years": [y.to_json(as_of, lang) for y in self.years]}


@dataclass(frozen=True, slots=True)
class CheckResult:
    rules_id: str
    fingerprint: str
    residents: tuple[ResidentResult, ...]
    errors: tuple[str, ...] = field(default_factory=tuple)
    as_of: date | None = None
    """The date the result is computed for (default: today when written). Only
    `headroom_remaining` depends on it."""
    lang: str = "nl"
    """The language of the findings' `message` (`nl` or `en`)."""
    _by_id: dict[str, ResidentResult] | None = field(default=None, init=False, repr=False, compare=False)

    def resident(self, rid: str) -> ResidentResult | None:
        """The first result for `rid`, through an index built on first use (the residents screen
        asks for each of 10,000 residents: a scan each time was quadratic on the event loop)."""
        index = self._by_id
        if index is None:
            index = {}
            for r in self.residents:
                index.setdefault(r.id, r)
            object.__setattr__(self, "_by_id", index)
        return index.get(rid)

    @property
    def status(self) -> Status:
        return worst([y.status for r in self.residents for y in r.years])

    def _as_of(self) -> date:
        return self.as_of or date.today()

    def _head(self) -> dict[str, Any]:
        return {
            "version": 1,
            "rules": {"id": self.rules_id, "fingerprint": self.fingerprint},
            "as_of": self._as_of().isoformat(),
        }

    def to_json(self) -> dict[str, Any]:
        as_of = self._as_of()
        return {
            **self._head(),
            "residents": [r.to_json(as_of, self.lang) for r in self.residents],
            "errors": list(self.errors),
        }

    def write_json(
        self,
        out: Any,
        indent: int | None = None,
        residents: Iterable[ResidentResult] | None = None,
        *,
        findings: Literal["all", "problems"] = "all",
    ) -> None:
        """Write the JSON of `to_json`, one resident at a time, with orjson (a C encoder): a large
        caseload never holds its whole JSON tree in memory. `residents` may be a generator.

        `indent=None` writes compact JSON (no spaces); any other value indents by two spaces (the
        only indentation orjson has), byte for byte what `json.dumps(..., indent=2)` gives.
        `findings="problems"` leaves out `ok` findings and empty months (see `problems_only`).
        `out` is a text or binary stream; a text stream with a `buffer` gets the bytes directly.
        """
        residents = self.residents if residents is None else residents
        as_of = self._as_of()
        bodies = (encode_resident(r, indent, findings, as_of, self.lang) for r in residents)
        self.write_encoded(out, bodies, indent)

    def write_encoded(self, out: Any, bodies: Iterable[bytes], indent: int | None = None) -> None:
        """`write_json` with each resident already encoded by `encode_resident` (with the same
        `indent`, `as_of` and `lang`), e.g. in another process (`check --jobs`)."""
        import orjson

        opt = orjson.OPT_INDENT_2 if indent is not None else 0
        write = _byte_writer(out)
        rules = orjson.dumps({"id": self.rules_id, "fingerprint": self.fingerprint}, option=opt)
        errors = orjson.dumps(list(self.errors), option=opt)
        day = orjson.dumps(self._as_of().isoformat())
        first = True
        if indent is None:
            write(b'{"version":1,"rules":' + rules + b',"as_of":' + day + b',"residents":[')
            for body in bodies:
                write(body if first else b"," + body)
                first = False
            write(b'],"errors":' + errors + b"}\n")
            return
        # the stdlib's indent=2 layout: each resident nested two levels deep
        write(
            b'{\n  "version": 1,\n  "rules": '
            + rules.replace(b"\n", b"\n  ")
            + b',\n  "as_of": '
            + day
            + b',\n  "residents": ['
        )
        for body in bodies:
            write((b"\n    " if first else b",\n    ") + body)
            first = False
        write((b"" if first else b"\n  ") + b'],\n  "errors": ' + errors.replace(b"\n", b"\n  ") + b"\n}\n")


def encode_resident(
    r: ResidentResult,
    indent: int | None = None,
    findings: Literal["all", "problems"] = "all",
    as_of: date | None = None,
    lang: str = "nl",
) -> bytes:
    """One resident's JSON as `CheckResult.write_encoded` places it in the document."""
    import orjson

    body = r.to_json(as_of, lang)
    if findings == "problems":
        body = problems_only(body)
    if indent is None:
        return orjson.dumps(body)
    return orjson.dumps(body, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ")


def problems_only(resident: dict[str, Any]) -> dict[str, Any]:
    """A resident's JSON without `ok` findings and without empty months (nothing paid, nothing
    counted, status safe). Every status, total, headroom and non-ok finding stays: what is left
    out can only be a "fine" line, never a problem."""
    years = []
    for y in resident.get("years", []):
        y = dict(y)
        y["months"] = [
            m
            for m in y.get("months", [])
            if not (m.get("status") == "safe" and m.get("paid") == "0.00" and m.get("counted") == "0.00")
        ]
        y["findings"] = [f for f in y.get("findings", []) if f.get("outcome") != "ok"]
        years.append(y)
    return {**resident, "years": years}


def _byte_writer(out: Any) -> Any:
    """`write(bytes)` for a binary stream, a text stream's buffer, or (a StringIO) decoded text."""
    if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        return out.write
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()  # anything already written as text goes first
        return buffer.write
    return lambda b: out.write(b.decode("utf-8"))
