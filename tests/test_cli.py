"""The README's first check, run as a user would: statuses derived from the law, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vergoedingcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vergoedingcheck", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_readme_example_file() -> None:
    proc = run("check", "examples/buurt.yaml", "--format", "json")
    assert proc.returncode == 1  # something is unsafe or unknown
    result = json.loads(proc.stdout)
    years = {r["id"]: r["years"][0] for r in result["residents"]}
    # R1: EUR 230 in April 2026 is over the monthly cap of EUR 220: the whole year (450) is taxable,
    # and for bijstand that month's allowance counts
    assert years["R1"]["status"] == "unsafe" and years["R1"]["tax"]["taxable"] == "450.00"
    assert years["R1"]["benefits"][0]["countable"] == "230.00"
    # R2: 24 years old on bijstand: the allowance counts in full, the bus receipts do not
    assert years["R2"]["benefits"][0] == {
        "type": "bijstand",
        "status": "unsafe",
        "countable": "40.00",
        "actions": ["report_to_municipality"],
    }
    # R3: WW without a recorded UWV permission: unknown, ask for it
    assert years["R3"]["status"] == "unknown" and "ask_uwv_permission" in years["R3"]["actions"]
    # R4: AOW, EUR 100 within the caps
    assert years["R4"]["status"] == "safe" and years["R4"]["headroom"] == "2100.00"
    table = run("check", "examples/buurt.yaml")
    assert table.returncode == 1 and "€ 1.200,00" not in table.stdout
    assert "Bewoner R2 — Łukasz Öztürk, 2026: NIET VEILIG" in table.stdout


def test_all_safe_is_exit_0_and_help_works(tmp_path: Path) -> None:
    f = tmp_path / "ok.yaml"
    f.write_text(
        "version: 1\nresidents: [{id: R1, birth_date: 1950-01-01, benefits: [{type: aow}]}]\n"
        'payments: [{resident: R1, date: 2024-05-01, amount: "10.00", kind: vrijwilligersvergoeding}]\n',
        encoding="utf-8",
    )
    assert run("check", str(f)).returncode == 0
    assert run("--help").returncode == 0 and run("check", "--help").returncode == 0
    assert run("check", str(tmp_path / "missing.yaml")).returncode == 2


def test_the_rules_folder_is_called_rules_on_every_command(tmp_path: Path) -> None:
    """Issue 13 item 5: `--rules DIR` on every command that takes a rules folder (it was `--rules`,
    `--dir` or a positional argument depending on the command); the old spellings still work."""
    import argparse

    from vergoedingcheck.cli import build_parser

    parser = build_parser()
    for argv in (
        ["rules", "validate", "--rules", "R"],
        ["rules", "show", "--rules", "R"],
        ["rules", "diff", "--rules", "R", "--from", "2025-01-01", "--to", "2026-01-01"],
        ["rules", "test", "--rules", "R"],
        ["rules", "new-year", "2027", "--rules", "R"],
        ["rules", "show", "--dir", "R"],
    ):
        ns = parser.parse_args(argv)
        assert isinstance(ns, argparse.Namespace) and ns.dir == "R", argv
    for argv in (["check", "x.yaml", "--rules", "R"], ["rules", "impact", "NEW", "--rules", "R"]):
        assert parser.parse_args(argv).rules == "R"


def test_an_internal_error_prints_no_personal_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard 7: a crash names the error's type and place, never its text (which can hold a
    resident's name or amounts)."""
    import vergoedingcheck.commands.check as check_cmd
    from vergoedingcheck.cli import main

    def boom(args: object) -> int:
        raise RuntimeError("Fatima El Amrani, € 2.310,00")

    monkeypatch.setattr(check_cmd, "run", boom)
    monkeypatch.delenv("VERGOEDINGCHECK_DEBUG", raising=False)
    case = tmp_path / "c.yaml"
    case.write_text("version: 1\nresidents: []\npayments: []\n", encoding="utf-8")
    assert main(["check", str(case)]) == 3
    err = capsys.readouterr().err
    assert "interne fout: RuntimeError" in err
    assert "Fatima" not in err and "2.310" not in err


def test_the_demo_has_a_database_of_its_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Standard 1 / issue 11 item 6: `make run` (`app --demo`) never opens or seeds the user's real
    database; `--demo` with `--db` is a usage error."""
    from vergoedingcheck.cli import main
    from vergoedingcheck.store.db import default_db_path, demo_db_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert demo_db_path() != default_db_path()
    assert demo_db_path().parent == default_db_path().parent
    assert main(["app", "--demo", "--db", str(tmp_path / "x.db")]) == 2
    assert not (tmp_path / "x.db").exists()


def test_db_before_the_command_is_the_commands_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11 item 6: `vergoedingcheck --db PAD demo` works like `vergoedingcheck demo --db PAD`."""
    db = tmp_path / "voor.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert db.exists()
    assert "bewoners toegevoegd" in capsys.readouterr().out
    # the same database reached the other way round: export from it holds the demo residents
    out = tmp_path / "uit.yaml"
    assert main(["transfer", "export", str(out), "--db", str(db)]) == 0
    assert "residents:" in out.read_text(encoding="utf-8")


def test_db_before_a_command_without_a_database_or_twice_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("residents: []\n", encoding="utf-8")
    assert main(["--db", str(tmp_path / "a.db"), "check", str(case)]) == 2
    assert "--db hoort niet bij 'check'" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "a.db"), "demo", "--db", str(tmp_path / "b.db")]) == 2
    assert "twee databases gegeven" in capsys.readouterr().err
    assert not (tmp_path / "a.db").exists() and not (tmp_path / "b.db").exists()  # nothing made
