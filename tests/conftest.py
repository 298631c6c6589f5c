"""Shared fixtures. Hypothesis: the `ci` profile (more examples, no deadline) when CI is set."""

from __future__ import annotations

import os
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


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
