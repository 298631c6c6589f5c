"""AOW: not means tested (Algemene Ouderdomswet); the allowance does not affect it."""

from __future__ import annotations

from datetime import date

from vergoedingcheck.engine.context import ZERO, YearContext
from vergoedingcheck.engine.result import (
    BenefitResult,
)


def aow_regime(y: YearContext) -> BenefitResult:
    v = y.figure("aow.means_tested", date(y.year, 12, 31), "aow", mark_month=False)
    if v is None:
        return BenefitResult("aow", "unknown", None)
    if v.value:  # pragma: no cover - no such period in Dutch law; loud if a rule file says so
        y.add("aow.means_tested", "unknown", str(y.year), "aow.means_tested", regime="aow", basis=v)
        return BenefitResult("aow", "unknown", None)
    y.add("aow.means_tested", "ok", str(y.year), "aow.not_means_tested", regime="aow", basis=v)
    return BenefitResult("aow", "safe", ZERO)
