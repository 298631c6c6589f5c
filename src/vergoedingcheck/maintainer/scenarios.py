"""Scenario cases (`rules/cases/*.yaml`): a case file plus the outcome the law requires.

Format (shared spec "expectations"):

    name: Bijstand 27+, €210 for 11 months in 2024 goes over the yearly cap
    source: GR de Bevelanden, … (where the expected outcome comes from)
    case: {version: 1, residents: [...], payments: [...]}     # a case file
    expect:
      - resident: R1
        year: 2024
        status: unsafe
        tax_taxable: "2310.00"
        benefit: {type: bijstand, status: unsafe, countable: "2310.00"}
        month: {month: "2024-03", headroom: "0.00", status: unsafe}
        headroom: "0.00"
        headroom_remaining: "0.00"         # with a top-level `as_of: 2024-12-01` (default today)
        provisional: {status: safe, headroom: "2100.00"}
        gifts_counted_on: R1
        gifts_total: "0.00"
        action: report_to_municipality
        missing: tax.volunteer.month_cap   # an `unknown` finding that names this figure
        findings: {payer.assumed: 1}       # how many findings the year has with each explanation key

Every case runs in-process through `evaluate` against one loaded ruleset, and the result's JSON
contract is compared with `expect` the same way the shared `check-examples` tool does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from vergoedingcheck.engine.evaluate import start_evaluation
from vergoedingcheck.engine.provisional import with_provisional
from vergoedingcheck.engine.result import CheckResult
from vergoedingcheck.io.casefile import Case, case_from_doc
from vergoedingcheck.rules.ruleset import Ruleset
from vergoedingcheck.sourcefile import InputError, Problem, SourceDoc, read_file

EXPECT_KEYS = frozenset(
    {
        "resident",
        "year",
        "status",
        "tax_taxable",
        "benefit",
        "month",
        "headroom",
        "gifts_total",
        "action",
        "missing",
        "note",
        "benefits",
        "headroom_remaining",
        "gifts_counted_on",
        "provisional",
        "findings",
    }
)
TOP_KEYS = frozenset({"name", "source", "case", "expect", "note", "description", "as_of", "options"})


@dataclass
class Scenario:
    file: str
    name: str
    case: Case
    expect: list[dict[str, Any]]
    lines: list[int | None] = field(default_factory=list)  # the line of each expect item
    as_of: date | None = None  # passed as `check --as-of`
    options: tuple[str, ...] = ()  # passed as `check --option` each


@dataclass
class ScenarioOutcome:
    file: str
    name: str
    failures: list[str]
    """Each difference as `resident/year: what: got …, expected …` (or a reading problem)."""

    @property
    def passed(self) -> bool:
        return not self.failures


def _sub_doc(doc: SourceDoc, key: str) -> SourceDoc:
    """The part of `doc` under `key`, keeping line numbers (locations relative to the part)."""
    lines = {loc[1:]: ln for loc, ln in doc.lines.items() if loc[:1] == (key,)}
    return SourceDoc(doc.file, doc.data.get(key), lines, [])


def read_scenario(path: str | Path) -> Scenario:
    """Read one scenario case. Raises InputError naming file, line and field."""
    doc = read_file(path)
    if doc.problems:
        raise InputError(doc.problems)
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "a scenario case is a mapping with name, case and expect")])
    problems: list[Problem] = []
    for key in doc.data:
        if key not in TOP_KEYS:
            problems.append(doc.problem((key,), "unknown key (a typo?)"))
    for key in ("name", "case", "expect"):
        if key not in doc.data:
            problems.append(doc.problem((), f"{key}: this key is required"))
    expect = doc.data.get("expect")
    if "expect" in doc.data and (not isinstance(expect, list) or not expect):
        problems.append(doc.problem(("expect",), "a list of at least one expectation is expected"))
        expect = []
    for i, item in enumerate(expect or []):
        if not isinstance(item, dict):
            problems.append(doc.problem(("expect", i), "an expectation is a mapping"))
            continue
        for k in item:
            if k not in EXPECT_KEYS:
                problems.append(doc.problem(("expect", i, k), "unknown key (a typo?)"))
        for k in ("resident", "year"):
            if k not in item:
                problems.append(doc.problem(("expect", i), f"{k}: this key is required"))
    case: Case | None = None
    if "case" in doc.data:
        try:
            case = case_from_doc(_sub_doc(doc, "case"))
        except InputError as exc:
            problems += [
                Problem(p.file, p.line, f"case.{p.field}" if p.field else "case", p.message, p.severity)
                for p in exc.problems
            ]
    as_of = doc.data.get("as_of")
    if as_of is not None and not isinstance(as_of, date):
        try:
            as_of = date.fromisoformat(str(as_of))
        except ValueError:
            problems.append(doc.problem(("as_of",), "a date YYYY-MM-DD is expected"))
            as_of = None
    options = doc.data.get("options") or []
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        problems.append(doc.problem(("options",), "a list of rule option ids is expected"))
        options = []
    if problems or case is None:
        raise InputError(problems)
    lines = [doc.line_of(("expect", i)) for i in range(len(expect or []))]
    return Scenario(str(path), str(doc.data["name"]), case, list(expect or []), lines, as_of, tuple(options))


# -- comparison (same semantics as the shared check-examples tool) -------------------------------


def money_eq(got: object, want: object) -> bool:
    if want is None:
        return got is None
    try:
        return Decimal(str(got)) == Decimal(str(want))
    except (InvalidOperation, TypeError):
        return False


def find_year(result: dict[str, Any], resident: str, year: int) -> dict[str, Any] | None:
    for r in result.get("residents", []):
        if str(r.get("id")) == str(resident):
            for y in r.get("years", []):
                if int(y.get("year")) == int(year):
                    return dict(y)
    return None


def compare(result: dict[str, Any], exp: dict[str, Any]) -> list[str]:
    """The differences between a check result (its JSON form) and one expectation."""
    where = f"{exp['resident']}/{exp['year']}"
    y = find_year(result, exp["resident"], exp["year"])
    if y is None:
        return [f"{where}: no result for this resident and year"]
    bad: list[str] = []
    if "status" in exp and y.get("status") != exp["status"]:
        bad.append(f"{where}: status {y.get('status')!r}, expected {exp['status']!r}")
    if "tax_taxable" in exp:
        got = (y.get("tax") or {}).get("taxable")
        if not money_eq(got, exp["tax_taxable"]):
            bad.append(f"{where}: tax.taxable {got!r}, expected {exp['tax_taxable']!r}")
    if "headroom" in exp and not money_eq(y.get("headroom"), exp["headroom"]):
        bad.append(f"{where}: headroom {y.get('headroom')!r}, expected {exp['headroom']!r}")
    if "gifts_total" in exp:
        got = (y.get("gifts") or {}).get("total")
        if not money_eq(got, exp["gifts_total"]):
            bad.append(f"{where}: gifts.total {got!r}, expected {exp['gifts_total']!r}")
    if "headroom_remaining" in exp and not money_eq(y.get("headroom_remaining"), exp["headroom_remaining"]):
        bad.append(
            f"{where}: headroom_remaining {y.get('headroom_remaining')!r}, "
            f"expected {exp['headroom_remaining']!r}"
        )
    if "gifts_counted_on" in exp:
        got = (y.get("gifts") or {}).get("counted_on")
        if str(got) != str(exp["gifts_counted_on"]):
            bad.append(f"{where}: gifts.counted_on {got!r}, expected {exp['gifts_counted_on']!r}")
    if "provisional" in exp:
        pwant, pgot = exp["provisional"], y.get("provisional")
        if not isinstance(pgot, dict):
            bad.append(f"{where}: no provisional result")
        else:
            if "status" in pwant and pgot.get("status") != pwant["status"]:
                bad.append(
                    f"{where}: provisional status {pgot.get('status')!r}, expected {pwant['status']!r}"
                )
            if "headroom" in pwant and not money_eq(pgot.get("headroom"), pwant["headroom"]):
                bad.append(
                    f"{where}: provisional headroom {pgot.get('headroom')!r}, expected {pwant['headroom']!r}"
                )
            if "assuming" in pwant and str(pgot.get("assuming")) != str(pwant["assuming"]):
                bad.append(
                    f"{where}: provisional assuming {pgot.get('assuming')!r}, expected {pwant['assuming']!r}"
                )
    wanted = ([exp["benefit"]] if "benefit" in exp else []) + list(exp.get("benefits") or [])
    for want in wanted:
        found = [b for b in y.get("benefits", []) if b.get("type") == want.get("type")]
        if not found:
            bad.append(f"{where}: no result for benefit {want.get('type')!r}")
        else:
            b = found[0]
            if "status" in want and b.get("status") != want["status"]:
                bad.append(f"{where}: {want['type']} status {b.get('status')!r}, expected {want['status']!r}")
            if "countable" in want and not money_eq(b.get("countable"), want["countable"]):
                bad.append(
                    f"{where}: {want['type']} countable {b.get('countable')!r}, "
                    f"expected {want['countable']!r}"
                )
    if "month" in exp:
        want = exp["month"]
        found = [m for m in y.get("months", []) if m.get("month") == want.get("month")]
        if not found:
            bad.append(f"{where}: no result for month {want.get('month')}")
        else:
            m = found[0]
            if "headroom" in want and not money_eq(m.get("headroom"), want["headroom"]):
                bad.append(
                    f"{where}: {want['month']} headroom {m.get('headroom')!r}, expected {want['headroom']!r}"
                )
            if "status" in want and m.get("status") != want["status"]:
                bad.append(
                    f"{where}: {want['month']} status {m.get('status')!r}, expected {want['status']!r}"
                )
    if "action" in exp:
        actions = {a for b in y.get("benefits", []) for a in (b.get("actions") or [])}
        actions |= set(y.get("actions") or [])
        if exp["action"] not in actions:
            bad.append(f"{where}: action {exp['action']!r} missing (has {sorted(actions)})")
    if "findings" in exp:
        want_counts = exp["findings"] if isinstance(exp["findings"], dict) else {}
        for key, n in want_counts.items():
            got_n = sum(1 for f in y.get("findings", []) if f.get("explanation") == key)
            if got_n != int(n):
                bad.append(f"{where}: {got_n} findings {key!r}, expected {n}")
    if "missing" in exp:
        named = {f.get("missing") for f in y.get("findings", []) if f.get("outcome") == "unknown"}
        if exp["missing"] not in named:
            bad.append(
                f"{where}: no 'unknown' finding naming {exp['missing']!r} "
                f"(unknown findings name {sorted(str(n) for n in named if n)})"
            )
    return bad


def run_scenario(scenario: Scenario, ruleset: Ruleset) -> ScenarioOutcome:
    """Run one case as `check --format json [--as-of] [--option …]` would."""
    if scenario.options:
        from vergoedingcheck.rules import load_ruleset

        ruleset = load_ruleset(ruleset.directory, options=[*ruleset.enabled_options, *scenario.options])
    case = scenario.case
    ev = start_evaluation(case.residents, case.payments, ruleset, payers=case.payers)
    checked = CheckResult(
        ruleset.id,
        ruleset.fingerprint,
        tuple(with_provisional(ev, rr) for rr in ev.results()),
        ev.errors,
        as_of=scenario.as_of or date.today(),
    )
    result = checked.to_json()
    failures: list[str] = []
    for exp, line in zip(scenario.expect, scenario.lines, strict=True):
        failures += [f"line {line}: {d}" if line else d for d in compare(result, exp)]
    return ScenarioOutcome(scenario.file, scenario.name, failures)


def case_files(directory: str | Path) -> list[Path]:
    d = Path(directory)
    return sorted([*d.glob("*.yaml"), *d.glob("*.yml")])


def run_scenarios(files: Iterable[Path], ruleset: Ruleset) -> list[ScenarioOutcome]:
    """Run every file; a file that cannot be read is a failed case (with its problems)."""
    out: list[ScenarioOutcome] = []
    for path in files:
        try:
            scenario = read_scenario(path)
        except InputError as exc:
            out.append(ScenarioOutcome(str(path), "(not readable)", [str(p) for p in exc.problems]))
            continue
        out.append(run_scenario(scenario, ruleset))
    return out
