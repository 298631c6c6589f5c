"""A change to rules/ that makes a scenario case fail is caught by `rules test` (and so by
`make test`, which runs every case): change the 2024 tax month cap in a copy and run the cases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from vergoedingcheck.maintainer.scenarios import case_files, run_scenarios
from vergoedingcheck.rules import load_ruleset


def _change_2024_month_cap(root: Path) -> None:
    f = root / "nl" / "tax.volunteer.month_cap.yaml"
    text = f.read_text(encoding="utf-8")
    new, n = re.subn(r'(?ms)(^  2024-01-01:\n    value: )"[0-9.]+"', r'\1"250.00"', text, count=1)
    assert n == 1, "the 2024 month cap entry is not where this test expects it"
    f.write_text(new, encoding="utf-8")


def test_changing_a_figure_fails_the_cases(tmp_path: Path, real_rules: Path, cli: Any) -> None:
    from shutil import copytree

    root = copytree(real_rules, tmp_path / "rules")
    before = run_scenarios(case_files(root / "cases"), load_ruleset(root))
    _change_2024_month_cap(root)
    after = run_scenarios(case_files(root / "cases"), load_ruleset(root))
    newly_failing = {o.file for o in after if not o.passed} - {
        o.file for o in before if not o.passed
    }
    assert newly_failing, "changing the 2024 month cap made no scenario case fail"
    assert any("2024" in Path(f).name for f in newly_failing)
    code, out, _ = cli("rules", "test", root)
    assert code == 1
    last = out.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed, \d+ failed", last)
    assert int(last.split()[2]) >= len(newly_failing)
    assert "tax-2024-month-cap-exact.yaml" in out or any(Path(f).name in out for f in newly_failing)


def test_rules_test_passes_on_the_tiny_rules(cli: Any, tiny: Path) -> None:
    code, out, _ = cli("rules", "test", tiny, "-v")
    assert code == 0, out
    assert out.strip().splitlines()[-1] == "2 passed, 0 failed"
    assert "ok    tax-2026-within.yaml" in out


def test_rules_test_reports_file_name_and_difference(cli: Any, tiny: Path, tmp_path: Path) -> None:
    from shutil import copytree

    root = copytree(tiny, tmp_path / "rules")
    case = root / "cases" / "tax-2026-within.yaml"
    case.write_text(case.read_text().replace('headroom: "20.00"', 'headroom: "25.00"'))
    code, out, _ = cli("rules", "test", root)
    assert code == 1
    assert "FOUT  tax-2026-within.yaml: Tiny rules, 2026" in out
    assert "R1/2026: 2026-03 headroom '20.00', expected '25.00'" in out
    assert out.strip().splitlines()[-1] == "1 passed, 1 failed"


def test_an_unreadable_case_is_a_failure_with_file_and_line(
    cli: Any, tiny: Path, tmp_path: Path
) -> None:
    from shutil import copytree

    root = copytree(tiny, tmp_path / "rules")
    (root / "cases" / "broken.yaml").write_text(
        "name: x\ncase:\n  version: 1\n  residents: []\nexpect:\n  - resident: R1\n    yeer: 2026\n"
    )
    code, out, _ = cli("rules", "test", root)
    assert code == 1
    assert f"{root / 'cases' / 'broken.yaml'}:7: expect[0].yeer: unknown key" in out
    assert out.strip().splitlines()[-1] == "2 passed, 1 failed"
