"""Issue 9 item 7: rule files, mutated. A copy of rules/ with one file changed in one to three
places (a figure, a date, a key, a type, the structure), then `check examples/buurt.yaml --rules`
and the maintainers' `rules validate --rules`.

The promise: `check` exits 0/1 with a result or 2 with every stderr line naming a file under the
rules directory (`file:line: field: message`, or `file: message` for a whole file); `rules
validate` exits 0 (no errors) or 1 (errors, each named the same way); never exit 3, never a
traceback or an exception class name.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fuzzkit import DATES, HOSTILE, fuzz_settings, keep_promise, located, position, rule_located, run_cli
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUURT

RULES = Path(__file__).resolve().parents[2] / "rules"
FILES = sorted(str(p.relative_to(RULES)) for p in RULES.glob("*/*.yaml") if p.parts[-2] != "cases")
FIGURES = [
    '"0.00"',
    '"-1.00"',
    '"1e400"',
    '"220,00"',
    '"220.001"',
    '"999999999999999999999.00"',
    "220.0",
    "220",
    "-27",
    "121",
    "99999999999999999999",
    "true",
    "null",
    '"choice-that-does-not-exist"',
]
KEYS = [
    "value",
    "valid_from",
    "verified_on",
    "pending",
    "legal_basis",
    "source",
    "unit",
    "id",
    "valuee",
    "values",
]


def _mutate_rule_file(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        i = position(data, len(lines), "line")
        line = lines[i]
        how = data.draw(
            st.sampled_from(["value", "value", "date key", "key", "indent", "delete", "duplicate", "insert"]),
            label="how",
        )
        m = re.match(r"^(\s*-?\s*)([^:#]+):(\s*)(.*)$", line)
        if how == "value" and m:
            pool = data.draw(st.sampled_from([FIGURES, DATES, HOSTILE]), label="pool")
            lines[i] = f"{m.group(1)}{m.group(2)}: {data.draw(st.sampled_from(pool), label='new')}"
        elif how == "date key" and re.match(r"^\s+\d{4}-\d\d-\d\d:", line):
            lines[i] = re.sub(
                r"\d{4}-\d\d-\d\d", data.draw(st.sampled_from(DATES), label="date"), line, count=1
            )
        elif how == "key" and m:
            lines[i] = f"{m.group(1)}{data.draw(st.sampled_from(KEYS), label='key')}:{m.group(3)}{m.group(4)}"
        elif how == "indent":
            lines[i] = data.draw(st.sampled_from(["", " ", "  ", "\t"]), label="ind") + line.lstrip()
        elif how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, line)
        else:
            lines.insert(
                i, data.draw(st.sampled_from([*HOSTILE, "- x", "values: {}", "values: []"]), label="ins")
            )
        if not lines:
            lines = [""]
    return "\n".join(lines)


@fuzz_settings(0.25)
@given(data=st.data(), file=st.sampled_from(FILES))
def test_a_mutated_rule_file_is_a_result_or_a_clean_refusal(
    capsys: pytest.CaptureFixture[str], fresh: Callable[[], Path], data: st.DataObject, file: str
) -> None:
    root = fresh() / "rules"
    shutil.copytree(RULES, root, ignore=shutil.ignore_patterns("cases"))
    path = root / file
    path.write_bytes(
        _mutate_rule_file(path.read_text(encoding="utf-8"), data).encode("utf-8", "surrogatepass")
    )

    code, out, err = run_cli(
        capsys, "check", BUURT, "--rules", root, "--format", "json", "--as-of", "2026-12-01"
    )
    ok_rules = rule_located(root)
    keep_promise("rule file (check)", code, out, err, line_ok=lambda ln: ok_rules(ln) or located(BUURT)(ln))
    if code != 2:
        assert json.loads(out)["residents"]

    code, out, err = run_cli(capsys, "rules", "validate", "--rules", root)
    # `rules validate`: 0 no errors, 1 errors in the rules (2 would be: the folder does not exist)
    keep_promise("rule file (rules validate)", code, out, err, line_ok=ok_rules, ok_codes=(0, 1))
    assert code in (0, 1), out + err
    for ln in (out + err).splitlines():
        assert ok_rules(ln) or re.match(rf"^{re.escape(str(root))}: \d+ fout", ln), ln
