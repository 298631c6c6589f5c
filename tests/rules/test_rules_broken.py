"""Every kind of mistake a policy maintainer can make in a rule file is caught, and the error names
the file, the line and the key. Each fixture in fixtures/broken/ breaks one file of a fresh copy
of the real rules/, so the fixtures keep working when the figures change every year."""

from __future__ import annotations

import bisect
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from vergoedingcheck.rules import RulesError, load_ruleset
from vergoedingcheck.sourcefile import Problem

BROKEN = Path(__file__).parent / "fixtures" / "broken"
FIXTURES = sorted(BROKEN.glob("*.yaml"))
KINDS = {
    "typo-key",
    "float-money",
    "date-before-law",
    "unordered-dates",
    "value-after-end",
    "overlapping-overlays",
    "missing-verified-on",
    "missing-engine-figure",
    "invalid-date",
    "duplicate-key",
    "wrong-unit",
    "wrong-value-type",
}


def _in_force_start(text: str, today: date) -> str:
    data = yaml.safe_load(text)
    starts: list[date] = sorted(data["values"])
    return starts[bisect.bisect_right(starts, today) - 1].isoformat()


def apply_break(root: Path, spec: dict[str, Any], today: date) -> dict[str, str]:
    """Break one file under `root` as `spec` says; returns placeholders for the expectation."""
    target = root / spec["file"]
    assert target.is_file(), f"fixture no longer applies: {spec['file']} is gone from rules/"
    op = spec["op"]
    if op == "delete":
        target.unlink()
        return {}
    text = target.read_text(encoding="utf-8")
    if op == "drop_verified_on_in_force":
        start = _in_force_start(text, today)
        pat = re.compile(rf"(?ms)^  {start}:\n(.*?)^    verified_on: [^\n]*\n")
        new, n = pat.subn(lambda m: f"  {start}:\n{m.group(1)}", text, count=1)
        assert n == 1, f"fixture no longer applies: no verified_on under {start}"
        target.write_text(new, encoding="utf-8")
        return {"start": start}
    new, n = re.subn(spec["pattern"], spec["replace"], text, count=1)
    assert n == 1, f"fixture no longer applies: {spec['pattern']!r} not found in {spec['file']}"
    if op == "copy":
        target = root / spec["to"]
    target.write_text(new, encoding="utf-8")
    return {}


def _line_of(path: Path, pattern: str) -> int:
    text = path.read_text(encoding="utf-8")
    m = re.search(pattern, text)
    assert m, f"{pattern!r} not in the broken {path}"
    return text.count("\n", 0, m.start()) + 1


def test_every_kind_of_mistake_has_a_fixture() -> None:
    assert {p.stem for p in FIXTURES} == KINDS


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_broken_rules_name_file_line_and_key(
    fixture: Path, tmp_path: Path, real_rules: Path, cli: Any
) -> None:
    spec = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    root = tmp_path / "rules"
    shutil.copytree(real_rules, root, ignore=shutil.ignore_patterns("cases"))
    today = date.today()
    ph = apply_break(root, spec, today)
    exp = spec["expect"]
    with pytest.raises(RulesError) as info:
        load_ruleset(root, today=today)
    problems: list[Problem] = info.value.problems
    want_file = str(root / exp["file"])
    want_line = (
        _line_of(root / exp["file"], exp["line_of"].format(**ph)) if "line_of" in exp else None
    )
    want_field = re.compile(exp["field"].replace("{start}", ph.get("start", "")))
    hits = [p for p in problems if p.file == want_file and exp["message"] in p.message]
    assert hits, f"no problem mentioning {exp['message']!r} in {exp['file']}: " + "\n".join(
        map(str, problems)
    )
    assert any(p.line == want_line and want_field.fullmatch(p.field) for p in hits), (
        f"expected line {want_line}, field ~ {want_field.pattern}; got " + "\n".join(map(str, hits))
    )
    # and `rules validate` prints it as file:line: field: message, exit 1
    code, out, _ = cli("rules", "validate", root)
    assert code == 1
    where = f"{want_file}:{want_line}:" if want_line else f"{want_file}:"
    assert any(line.startswith(where) and exp["message"] in line for line in out.splitlines()), out


def test_the_real_rules_are_clean(cli: Any, real_rules: Path) -> None:
    code, out, _ = cli("rules", "validate", real_rules)
    assert code == 0, out
    assert "0 fout(en)" in out.splitlines()[-1]


def test_stale_verification_is_a_warning_not_an_error(cli: Any, tiny: Path) -> None:
    code, out, _ = cli("rules", "validate", tiny, "--today", "2028-06-01")
    assert code == 0, out
    assert (
        "warning: values.2026-01-01.verified_on: last verified 2026-01-15, over a year ago" in out
    )


def test_draft_markers_left_in_are_errors(cli: Any, tmp_path: Path, tiny: Path) -> None:
    root = tmp_path / "rules"
    shutil.copytree(tiny, root)
    f = root / "nl" / "tax.volunteer.year_cap.yaml"
    f.write_text(f.read_text().replace("title: Testbron", "title: 'CONTROLEER: Testbron'", 1))
    code, out, _ = cli("rules", "validate", root)
    assert code == 1
    line = next(n for n, t in enumerate(f.read_text().splitlines(), 1) if "CONTROLEER" in t)
    assert f"{f}:{line}: " in out and "CONTROLEER" in out


def test_validate_a_missing_directory_is_bad_input(cli: Any, tmp_path: Path) -> None:
    code, _, err = cli("rules", "validate", tmp_path / "nope")
    assert code == 2
    assert "bestaat niet" in err
