"""One module per regime (DESIGN.md, Engine), found through `REGIMES`: a benefit type maps to the
function that decides it, all with one signature `(year context, benefit type, the benefit's
entries that year, the year's tax result) -> BenefitResult`. Tax runs first for every resident
(`tax.tax_regime`); gifts are read by the bijstand family; payers and the hourly conditions are
shared by the regimes that need them.

Each module's docstring states its rule with the article; the figures themselves live in `rules/`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from vergoedingcheck.engine.context import YearContext
from vergoedingcheck.engine.regimes.aow import aow_regime
from vergoedingcheck.engine.regimes.bijstand import bijstand_regime
from vergoedingcheck.engine.regimes.toeslagen import toeslagen_regime
from vergoedingcheck.engine.regimes.uwv import uwv_regime
from vergoedingcheck.engine.regimes.ww import ww_regime
from vergoedingcheck.engine.result import BenefitResult, TaxResult
from vergoedingcheck.model import BIJSTAND_FAMILY, UWV_AO_FAMILY, Benefit

Regime = Callable[[YearContext, str, Sequence[Benefit], TaxResult], BenefitResult]


def _bijstand(y: YearContext, btype: str, entries: Sequence[Benefit], tax: TaxResult) -> BenefitResult:
    return bijstand_regime(y, btype, entries)


def _uwv(y: YearContext, btype: str, entries: Sequence[Benefit], tax: TaxResult) -> BenefitResult:
    return uwv_regime(y, btype, entries)


def _ww(y: YearContext, btype: str, entries: Sequence[Benefit], tax: TaxResult) -> BenefitResult:
    return ww_regime(y, entries)


def _aow(y: YearContext, btype: str, entries: Sequence[Benefit], tax: TaxResult) -> BenefitResult:
    return aow_regime(y)


def _toeslagen(y: YearContext, btype: str, entries: Sequence[Benefit], tax: TaxResult) -> BenefitResult:
    return toeslagen_regime(y, tax)


REGIMES: Mapping[str, Regime] = {
    **dict.fromkeys(sorted(BIJSTAND_FAMILY), _bijstand),
    **dict.fromkeys(sorted(UWV_AO_FAMILY), _uwv),
    "ww": _ww,
    "aow": _aow,
    "toeslagen": _toeslagen,
}
"""Benefit type -> regime. A type that is not here is `unknown` (the engine says so)."""
