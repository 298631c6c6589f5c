"""The check result (spec/case-files.md §2), as frozen dataclasses, and its JSON form.

Status words: `safe`, `unsafe`, `unknown`. Finding outcomes: `ok`, `fail` (makes a part unsafe),
`warning` (worth knowing, changes no status), `unknown` (a figure, policy or fact is missing),
`info` (context, e.g. who decides). Explanations are keys with parameters; the TUI and the letters
turn them into sentences per language (see `vergoedingcheck.engine.explain`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from vergoedingcheck.money import to_json

Status = Literal["safe", "unsafe", "unknown"]
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

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "outcome": self.outcome,
            "period": self.period,
            "limit": to_json(self.limit),
            "value": to_json(self.value),
            "legal_basis": self.legal_basis.to_json() if self.legal_basis else None,
            "explanation": self.explanation,
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

    def to_json(self) -> dict[str, Any]:
        return {
            "household": self.household,
            "total": to_json(self.total),
            "limit": to_json(self.limit),
            "headroom": to_json(self.headroom),
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

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "status": self.status,
            "tax": self.tax.to_json(),
            "benefits": [b.to_json() for b in self.benefits],
            "gifts": self.gifts.to_json(),
            "months": [m.to_json() for m in self.months],
            "headroom": to_json(self.headroom),
            "actions": list(self.actions),
            "findings": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True, slots=True)
class ResidentResult:
    id: str
    years: tuple[YearResult, ...]
    name: str | None = None

    def year(self, year: int) -> YearResult | None:
        return next((y for y in self.years if y.year == year), None)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "years": [y.to_json() for y in self.years]}


@dataclass(frozen=True, slots=True)
class CheckResult:
    rules_id: str
    fingerprint: str
    residents: tuple[ResidentResult, ...]
    errors: tuple[str, ...] = field(default_factory=tuple)

    def resident(self, rid: str) -> ResidentResult | None:
        return next((r for r in self.residents if r.id == rid), None)

    @property
    def status(self) -> Status:
        return worst([y.status for r in self.residents for y in r.years])

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "rules": {"id": self.rules_id, "fingerprint": self.fingerprint},
            "residents": [r.to_json() for r in self.residents],
            "errors": list(self.errors),
        }

    def write_json(
        self, out: Any, indent: int | None = 2, residents: Iterable[ResidentResult] | None = None
    ) -> None:
        """Write the same JSON as `to_json`, one resident at a time (a large caseload never
        holds its whole JSON tree in memory). `residents` may be a generator."""
        import json

        residents = self.residents if residents is None else residents
        first = True
        if indent is None:
            head = json.dumps(
                {"version": 1, "rules": {"id": self.rules_id, "fingerprint": self.fingerprint}},
                ensure_ascii=False,
            )
            out.write(head[:-1] + ', "residents": [')
            for r in residents:
                out.write(("" if first else ", ") + json.dumps(r.to_json(), ensure_ascii=False))
                first = False
            out.write('], "errors": ' + json.dumps(list(self.errors), ensure_ascii=False) + "}\n")
            return
        pad = " " * indent
        out.write(
            "{\n"
            + pad
            + '"version": 1,\n'
            + pad
            + '"rules": '
            + json.dumps({"id": self.rules_id, "fingerprint": self.fingerprint})
            + ",\n"
            + pad
            + '"residents": ['
        )
        for r in residents:
            body = json.dumps(r.to_json(), ensure_ascii=False, indent=indent)
            body = body.replace("\n", "\n" + pad * 2)
            out.write(("" if first else ",") + "\n" + pad * 2 + body)
            first = False
        out.write(
            ("" if first else "\n" + pad)
            + "],\n"
            + pad
            + '"errors": '
            + json.dumps(list(self.errors), ensure_ascii=False)
            + "\n}\n"
        )
