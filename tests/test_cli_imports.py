"""Commands are imported lazily (issue 14, item 5): `--help` and a one-resident `check` import only
what they use. Each case runs in a fresh interpreter and lists the modules it ended up with."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vergoedingcheck.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("textual", "rich", "reportlab", "sqlalchemy", "alembic", "psycopg", "openpyxl", "platformdirs")

PROBE = """
import contextlib, io, json, sys
from vergoedingcheck.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

ONE = """version: 1
residents:
  - {id: R1, birth_date: 1980-01-01, benefits: [{type: bijstand}]}
payments:
  - {resident: R1, date: 2026-01-15, amount: "50.00", kind: vrijwilligersvergoeding}
"""


def imported(*args: str) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    out = json.loads(proc.stdout)
    return out["code"], set(out["modules"])


def tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_help_imports_no_command_and_no_library() -> None:
    code, modules = imported("--help")
    assert code == 0
    assert not tops(modules) & {*HEAVY, "pydantic", "yaml", "babel", "orjson"}
    assert not {m for m in modules if m.startswith("vergoedingcheck.commands.")}
    assert "vergoedingcheck.engine" not in modules


def test_check_help_imports_only_the_check_command() -> None:
    code, modules = imported("check", "--help")
    assert code == 0
    assert {m for m in modules if m.startswith("vergoedingcheck.commands.")} == {
        "vergoedingcheck.commands.check"
    }
    assert not tops(modules) & set(HEAVY)


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_one_resident_check_imports_no_ui_pdf_or_database(tmp_path: Path, fmt: str) -> None:
    case = tmp_path / "one.yaml"
    case.write_text(ONE, encoding="utf-8")
    code, modules = imported("check", str(case), "--format", fmt)
    # 50.00 in January 2026 within every cap of a bijstand resident aged 46: safe, exit 0
    assert code == 0
    assert not tops(modules) & set(HEAVY)
    assert {m for m in modules if m.startswith("vergoedingcheck.commands.")} == {
        "vergoedingcheck.commands.check"
    }
    assert not {m for m in modules if m.startswith(("vergoedingcheck.store", "vergoedingcheck.tui"))}
    assert not {m for m in modules if m.startswith("vergoedingcheck.letters")}
    # babel is needed by both formats: the JSON carries each finding's `message` (issue 11)


def _help_lines(parser: argparse.ArgumentParser) -> dict[str, str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {a.dest: str(a.help) for a in action._choices_actions}


def test_the_static_help_lines_are_what_each_command_registers() -> None:
    full = build_parser()
    assert _help_lines(full) == COMMANDS
    for name in COMMANDS:
        assert build_parser(only=name).format_help() == full.format_help()
