"""What a change of the rules does to a caseload: the use case `rules impact` runs (the logic is
the rule maintainers' `maintainer.impact`; the CLI and the app reach it through here)."""

from __future__ import annotations

from vergoedingcheck.maintainer.impact import STATUS_NL, impact

__all__ = ["STATUS_NL", "impact"]
