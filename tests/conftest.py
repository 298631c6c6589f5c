"""Shared fixtures. Hypothesis: the `ci` profile (more examples, no deadline) when CI is set;
`HYPOTHESIS_PROFILE=fuzz` (`make fuzz`) for the long fuzz run (tests/fuzz: thousands of examples)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from vergoedingcheck.rules import Ruleset, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SHARED = ROOT.parent / "shared"

settings.register_profile("dev", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


SNAPSHOT_PYTHON = (3, 11)  # the Python the TUI snapshots were recorded on (as `make lock` resolves)


def _locked_version(package: str) -> str | None:
    lock = ROOT / "requirements-dev.lock"
    if not lock.is_file():
        return None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{package}=="):
            return line.split("==", 1)[1].split()[0]
    return None


def pytest_configure(config: pytest.Config) -> None:
    """Snapshots refuse to update on another Python or Textual than the lock file's: a snapshot
    recorded elsewhere would differ for reasons that have nothing to do with our screens."""
    if not config.getoption("--snapshot-update", default=False):
        return
    from importlib.metadata import version

    locked = _locked_version("textual")
    here = version("textual")
    if tuple(sys.version_info[:2]) != SNAPSHOT_PYTHON or (locked is not None and here != locked):
        raise pytest.UsageError(
            f"--snapshot-update needs Python {'.'.join(map(str, SNAPSHOT_PYTHON))} and textual {locked} "
            f"(requirements-dev.lock); this is Python {sys.version_info[0]}.{sys.version_info[1]} "
            f"and textual {here}. Run `make snapshot-update` in the project's venv."
        )


@pytest.fixture(autouse=True)
def _no_personal_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own settings: every `VERGOEDINGCHECK_*` variable (database,
    content folders, debug) is cleared; a test that needs one sets it itself."""
    for name in list(os.environ):
        if name.startswith("VERGOEDINGCHECK_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def ruleset() -> Ruleset:
    return load_ruleset(RULES)
