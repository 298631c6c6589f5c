"""The JSON result written with orjson (issue 14, item 1): the contract of spec/case-files.md §2 is
unchanged. Compact (the default) and `--indent` parse to the same object, and to what the writer
before issue 14 (the stdlib's encoder, kept below as the reference) wrote, on every scenario case."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import CheckResult, ResidentResult, problems_only
from vergoedingcheck.maintainer.scenarios import case_files, read_scenario
from vergoedingcheck.rules import Ruleset

ROOT = Path(__file__).resolve().parents[2]
CASES = case_files(ROOT / "rules" / "cases")
MONEY_KEYS = {"limit", "value", "counted", "taxable", "countable", "total", "headroom", "paid"}
TWO_DECIMALS = re.compile(r"^-?\d+\.\d\d$")


def old_write_json(result: CheckResult, out: Any, indent: int | None = 2) -> None:
    """The writer as it was before issue 14 (pure-Python `json` with indent), verbatim in effect."""
    first = True
    if indent is None:
        head = json.dumps({"version": 1, "rules": {"id": result.rules_id, "fingerprint": result.fingerprint}})
        out.write(head[:-1] + ', "residents": [')
        for r in result.residents:
            out.write(("" if first else ", ") + json.dumps(r.to_json(), ensure_ascii=False))
            first = False
        out.write('], "errors": ' + json.dumps(list(result.errors), ensure_ascii=False) + "}\n")
        return
    pad = " " * indent
    out.write(
        "{\n" + pad + '"version": 1,\n' + pad + '"rules": '
        + json.dumps({"id": result.rules_id, "fingerprint": result.fingerprint}) + ",\n" + pad + '"residents": ['
    )  # fmt: skip
    for r in result.residents:
        body = json.dumps(r.to_json(), ensure_ascii=False, indent=indent).replace("\n", "\n" + pad * 2)
        out.write(("" if first else ",") + "\n" + pad * 2 + body)
        first = False
    out.write(
        ("" if first else "\n" + pad) + "],\n" + pad + '"errors": '
        + json.dumps(list(result.errors), ensure_ascii=False) + "\n}\n"
    )  # fmt: skip


def written(result: CheckResult, **kw: Any) -> str:
    buf = io.StringIO()
    result.write_json(buf, **kw)
    return buf.getvalue()


def money_values(data: Any) -> Iterator[Any]:
    if isinstance(data, dict):
        for k, v in data.items():
            if k in MONEY_KEYS and not isinstance(v, (dict, list)):
                yield v
            else:
                yield from money_values(v)
    elif isinstance(data, list):
        for v in data:
            yield from money_values(v)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_compact_and_indented_equal_the_old_writer(path: Path, ruleset: Ruleset) -> None:
    case = read_scenario(path).case
    result = evaluate(case.residents, case.payments, ruleset)
    old_buf = io.StringIO()
    old_write_json(result, old_buf)
    # issue 8 added `as_of` (the day the result is for; default today) to the contract's top level
    old = {**json.loads(old_buf.getvalue()), "as_of": date.today().isoformat()}
    compact = written(result)
    indented = written(result, indent=2)
    assert json.loads(compact) == old
    assert json.loads(indented) == old
    assert json.loads(compact) == result.to_json()
    # compact has no whitespace between tokens (only inside strings) and ends with one newline
    assert compact.endswith("}\n") and "\n" not in compact[:-1]
    # indented is exactly the stdlib's indent=2 layout of the whole document
    assert indented == json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    amounts = [v for v in money_values(json.loads(compact)) if v is not None]
    assert amounts, "every scenario has at least one amount"
    assert all(isinstance(v, str) and TWO_DECIMALS.match(v) for v in amounts), amounts


def test_key_order_is_the_contract(ruleset: Ruleset) -> None:
    case = read_scenario(CASES[0]).case
    data = json.loads(written(evaluate(case.residents, case.payments, ruleset)))
    assert list(data) == ["version", "rules", "as_of", "residents", "errors"]
    year = data["residents"][0]["years"][0]
    assert list(year)[:4] == ["year", "status", "tax", "benefits"]


def test_empty_result_and_errors(ruleset: Ruleset) -> None:
    result = CheckResult("r", "fp", (), ("payment on 2025-01-01 for unknown resident 'X'",))
    for kw in ({}, {"indent": 2}):
        text = written(result, **kw)
        assert json.loads(text) == result.to_json()
    assert written(result, indent=2) == json.dumps(result.to_json(), indent=2) + "\n"


def test_binary_stream_gets_bytes(ruleset: Ruleset) -> None:
    case = read_scenario(CASES[0]).case
    result = evaluate(case.residents, case.payments, ruleset)
    buf = io.BytesIO()
    result.write_json(buf)
    assert json.loads(buf.getvalue()) == result.to_json()


def test_streamed_one_resident_at_a_time(ruleset: Ruleset) -> None:
    """Resident 1 is written before resident 2 is computed: memory does not grow with the caseload."""
    case = read_scenario(CASES[0]).case
    one = evaluate(case.residents, case.payments, ruleset).residents[0]
    buf = io.BytesIO()
    sizes: list[int] = []

    def gen() -> Iterator[ResidentResult]:
        for _ in range(3):
            sizes.append(len(buf.getvalue()))
            yield one

    CheckResult("r", "fp", ()).write_json(buf, residents=gen())
    assert sizes[0] < sizes[1] < sizes[2]


def _finding_keys(data: dict[str, Any]) -> list[tuple[str, int, str, str, str]]:
    return [
        (r["id"], y["year"], f["rule"], f["period"], f["outcome"])
        for r in data["residents"]
        for y in r["years"]
        for f in y["findings"]
    ]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_findings_problems_leaves_out_only_fine_lines(path: Path, ruleset: Ruleset) -> None:
    case = read_scenario(path).case
    result = evaluate(case.residents, case.payments, ruleset)
    full = result.to_json()
    slim = json.loads(written(result, findings="problems"))
    # every non-ok finding stays, in order; no ok finding is left
    assert _finding_keys(slim) == [k for k in _finding_keys(full) if k[4] != "ok"]
    for r_full, r_slim in zip(full["residents"], slim["residents"], strict=True):
        for y_full, y_slim in zip(r_full["years"], r_slim["years"], strict=True):
            # every status and total is unchanged
            for key in ("status", "tax", "benefits", "gifts", "headroom", "actions"):
                assert y_slim[key] == y_full[key]
            # a month stays unless nothing was paid or counted in it and it is safe
            kept = [
                m
                for m in y_full["months"]
                if (m["paid"], m["counted"], m["status"]) != ("0.00", "0.00", "safe")
            ]
            assert y_slim["months"] == kept


def test_problems_only_keeps_a_month_that_is_not_safe() -> None:
    month = {"month": "2025-01", "status": "unknown", "counted": "0.00", "headroom": "0.00", "paid": "0.00"}
    data: dict[str, Any] = {
        "id": "R1",
        "years": [{"months": [month], "findings": [{"outcome": "unknown"}, {"outcome": "ok"}]}],
    }
    slim = problems_only(data)
    assert slim["years"][0]["months"] == [month]
    assert slim["years"][0]["findings"] == [{"outcome": "unknown"}]
    assert data["years"][0]["findings"] == [{"outcome": "unknown"}, {"outcome": "ok"}]  # input untouched


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vergoedingcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_cli_compact_default_indent_and_problems() -> None:
    compact = run("check", "examples/buurt.yaml", "--format", "json")
    indented = run("check", "examples/buurt.yaml", "--format", "json", "--indent")
    slim = run("check", "examples/buurt.yaml", "--format", "json", "--findings", "problems")
    assert compact.returncode == indented.returncode == slim.returncode
    assert compact.returncode in (0, 1), compact.stderr
    assert json.loads(compact.stdout) == json.loads(indented.stdout)
    assert "\n" not in compact.stdout[:-1]
    assert indented.stdout.startswith('{\n  "version": 1,\n')
    assert len(slim.stdout) < len(compact.stdout)
    assert all(
        f["outcome"] != "ok"
        for r in json.loads(slim.stdout)["residents"]
        for y in r["years"]
        for f in y["findings"]
    )
