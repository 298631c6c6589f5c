"""Every date in a rule file lies within 1900-01-01 … 2100-12-31 (issue 9, the fuzz task).

The same bounds as a case file's dates: a `valid_from` of 0001-01-01 or 9999-12-31, a `verified_on`
of 1899, an `in_force_since` of the year 1 is a typo, never a figure. Before this, each of these
loaded without a word (`check --rules` exit 1 with a result built on the typo). Now `load_ruleset`
names file, line and key, `rules validate` prints it (exit 1: errors in the rules), and
`check --rules` refuses with exit 2 and `file:line: field: message`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from vergoedingcheck.rules import RulesError, load_ruleset
from vergoedingcheck.sourcefile import Problem

TODAY = date(2026, 11, 30)
BUURT = Path(__file__).resolve().parents[2] / "examples" / "buurt.yaml"

OUTSIDE = "lies outside 1900-01-01 … 2100-12-31"

MONTH_CAP = "nl/pw.volunteer.month_cap.yaml"  # values 2017-01-01 … 2027-01-01 (pending)
HOOGEVEEN = "gemeenten/hoogeveen.yaml"  # overrides pw.gift.year_limit 2021-01-01, 2026-01-01: null


def problems(root: Path) -> list[Problem]:
    with pytest.raises(RulesError) as info:
        load_ruleset(root, today=TODAY)
    return info.value.problems


def line_of(path: Path, pattern: str) -> int:
    text = path.read_text(encoding="utf-8")
    m = re.compile(pattern, re.M).search(text)
    assert m, f"{pattern!r} not in {path}"
    return text.count("\n", 0, m.start()) + 1


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, old text, new text, dotted field, line pattern): one date replaced by one out of bounds.
CASES = [
    (MONTH_CAP, "  2017-01-01:", "  0001-01-01:", "values.0001-01-01", r"^  0001-01-01:"),
    (MONTH_CAP, "  2017-01-01:", "  1899-12-31:", "values.1899-12-31", r"^  1899-12-31:"),
    (MONTH_CAP, "  2027-01-01:", "  2101-01-01:", "values.2101-01-01", r"^  2101-01-01:"),
    (MONTH_CAP, "  2027-01-01:", "  9999-12-31:", "values.9999-12-31", r"^  9999-12-31:"),
    (
        MONTH_CAP,
        "verified_on: 2026-11-25",
        "verified_on: 1899-12-31",
        "values.2017-01-01.verified_on",
        r"verified_on: 1899-12-31",
    ),
    (
        MONTH_CAP,
        "in_force_since: 2015-01-01",
        "in_force_since: 0001-01-01",
        "values.2017-01-01.legal_basis.in_force_since",
        r"in_force_since: 0001-01-01",
    ),
    (
        HOOGEVEEN,
        "    2026-01-01: null",
        "    2101-01-01: null",
        "overrides.pw.gift.year_limit.2101-01-01",
        r"2101",
    ),
    (
        HOOGEVEEN,
        "verified_on: 2026-11-25",
        "verified_on: 0001-01-01",
        "overrides.pw.gift.year_limit.2021-01-01.verified_on",
        r"verified_on: 0001",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "pattern"), CASES, ids=[c[2].strip() for c in CASES])
def test_a_rule_date_outside_1900_to_2100_is_refused_with_file_line_and_key(
    rules_copy: Path,
    cli: Callable[..., tuple[int, str, str]],
    file: str,
    old: str,
    new: str,
    field: str,
    pattern: str,
) -> None:
    path = rules_copy / file
    replace_once(path, old, new)
    line = line_of(path, pattern)
    got = [p for p in problems(rules_copy) if p.file == str(path) and OUTSIDE in p.message]
    assert got, "\n".join(map(str, problems(rules_copy)))
    assert any(p.line == line and p.field == field for p in got), "\n".join(map(str, got))

    code, out, err = cli("rules", "validate", "--rules", rules_copy)
    assert code == 1, out + err  # `rules validate`: 1 = errors in the rules
    assert f"{path}:{line}: {field}: " in out + err

    code, out, err = cli("check", BUURT, "--rules", rules_copy, "--format", "json")
    assert code == 2, out + err
    assert out == ""
    assert re.search(rf"^{re.escape(str(path))}:{line}: {re.escape(field)}: .*{OUTSIDE}", err, re.M), err
    assert "Traceback" not in err and "Error" not in err


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_bounds_themselves_are_accepted(rules_copy: Path, day: str) -> None:
    # 1900-01-01 and 2100-12-31 lie inside (the same closed interval as validation's case-file
    # dates): a verified_on of 1900 only earns the "over a year ago" warning, no error.
    path = rules_copy / MONTH_CAP
    replace_once(path, "in_force_since: 2015-01-01", "in_force_since: 1900-01-01")
    if day == "2100-12-31":
        replace_once(path, "  2027-01-01:", f"  {day}:")
    else:
        replace_once(path, "verified_on: 2026-11-25", f"verified_on: {day}")
    load_ruleset(rules_copy, today=TODAY)
