"""Shared helpers for the rules tests: the real rules directory, copies of it, and the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from vergoedingcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
REAL_RULES = ROOT / "rules"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny"
TINY_NEXT = FIXTURES / "tiny-next"


def copy_rules(dst: Path, *, cases: bool = False) -> Path:
    """A copy of the real rules/ (without the scenario cases unless asked)."""
    ignore = None if cases else shutil.ignore_patterns("cases")
    shutil.copytree(REAL_RULES, dst, ignore=ignore)
    return dst


@pytest.fixture
def real_rules() -> Path:
    return REAL_RULES


def complete_tiny(src: Path, dst: Path) -> Path:
    """Copy a static tiny rule set and add a one-value stub for every figure the engine needs that
    the fixture does not define (added to the catalog later), so the fixtures keep loading when the
    catalog grows. Re-run fixtures/make_fixtures.py to make such a figure part of the fixture."""
    from vergoedingcheck.rules.catalog import REQUIRED

    shutil.copytree(src, dst)
    stub = {"flag": "false", "eur": '"0.00"', "eur_per_hour": '"0.00"', "years": "0", "months": "804"}
    for req in REQUIRED:
        f = dst / "nl" / f"{req.id}.yaml"
        if f.exists():
            continue
        if req.unit not in stub:
            shutil.copy(REAL_RULES / "nl" / f"{req.id}.yaml", f)
            continue
        f.write_text(
            f"id: {req.id}\ntitle: Stub\ntitle_en: Stub\nunit: {req.unit}\nvalues:\n  2017-01-01:\n"
            f"    value: {stub[req.unit]}\n"
            '    legal_basis: {law: Testwet, article: "1", url: "https://example.org/wet"}\n'
            '    source: {title: Testbron, url: "https://example.org/fixture"}\n'
            "    verified_on: 2026-01-15\n",
            encoding="utf-8",
        )
    return dst


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return complete_tiny(TINY, tmp_path / "tiny")


@pytest.fixture
def tiny_next(tmp_path: Path) -> Path:
    return complete_tiny(TINY_NEXT, tmp_path / "tiny-next")


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    return copy_rules(tmp_path / "rules")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run `vergoedingcheck ARGS…` in-process: (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
