"""Strict pydantic models for rule files. Unknown keys are errors; money is a quoted string.

A figure file (`rules/nl/<id>.yaml`):

    id: tax.volunteer.month_cap
    title: Vrijwilligersvergoeding, maximum per maand
    title_en: Volunteer allowance, monthly cap
    unit: eur                      # eur | eur_per_hour | years | months | flag | choice
    values:
      2017-01-01:
        value: "150.00"
        legal_basis: {law: Wet op de loonbelasting 1964, article: "2 lid 6", url: "https://…"}
        source: {title: "…", url: "https://…"}
        verified_on: 2026-11-25
      2027-01-01: null             # an explicit end

A municipal overlay (`rules/gemeenten/<id>.yaml`) names the municipalities it covers and
overrides named figures (`policy.*` and the few points the law leaves to the municipality).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
)

from vergoedingcheck.money import MoneyError, parse_money
from vergoedingcheck.validation import check_date

# Every date in a rule file (valid_from keys, verified_on, in_force_since, stored_copy_date) lies
# within the same bounds as a case file's dates, with the same message: 0001-01-01 is a typo.
RuleDate = Annotated[date, AfterValidator(check_date)]

Unit = Literal["eur", "eur_per_hour", "years", "months", "flag", "choice"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LegalBasis(_Strict):
    law: Annotated[str, Field(min_length=2)]
    article: Annotated[str, Field(min_length=1)]
    url: Annotated[str, Field(pattern=r"^https?://")]
    bwb: str | None = None
    in_force_since: RuleDate | None = None
    """The date the law (or article) came into force: no value may start before it."""


class Source(_Strict):
    title: Annotated[str, Field(min_length=2)]
    url: Annotated[str, Field(pattern=r"^https?://")]
    stored_copy_date: RuleDate | None = None


class ValueEntry(_Strict):
    value: StrictStr | StrictInt | StrictBool | None = None
    legal_basis: LegalBasis
    source: Source
    second_source: Source | None = None
    single_source: bool = False
    """True when only one source was found for this figure (the maintainer should re-check it)."""
    pending: bool = False
    """True for an announced figure whose amount is not yet confirmed: the engine answers unknown."""
    verified_on: RuleDate | None = None
    note: str | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _no_float(cls, v: object) -> object:
        if isinstance(v, float):
            raise ValueError('a float is not allowed here: quote money as a string, e.g. "220.00"')
        return v


class Figure(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
    title: str
    title_en: str
    unit: Unit
    choices: list[str] | None = None
    description: str | None = None
    decision: str | None = None
    """Where sources disagree: the choice made, and why (rules-nl.md §10)."""
    values: dict[RuleDate, ValueEntry | None]


class OverlayMunicipality(_Strict):
    name: str
    cbs: Annotated[str, Field(pattern=r"^GM\d{4}$")] | None = None


class Overlay(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    name: str
    municipalities: list[OverlayMunicipality] = []
    """Empty for a rule option (rules/opties/), which applies everywhere once switched on."""
    description: str | None = None
    decision: str | None = None
    overrides: dict[str, dict[RuleDate, ValueEntry | None]]


def coerce_value(unit: str, raw: object, choices: list[str] | None) -> Decimal | int | bool | str:
    """Turn a YAML value into its typed form for `unit`; ValueError with a readable message."""
    if unit in ("eur", "eur_per_hour"):
        if not isinstance(raw, str):
            raise ValueError(f'money must be a quoted decimal string such as "220.00", got {raw!r}')
        try:
            return parse_money(raw)
        except MoneyError as exc:
            raise ValueError(str(exc)) from None
    if unit == "years":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"an age in whole years is expected, got {raw!r}")
        return raw
    if unit == "months":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"an age in whole months is expected (804 = 67 years), got {raw!r}")
        return raw
    if unit == "flag":
        if not isinstance(raw, bool):
            raise ValueError(f"true or false is expected, got {raw!r}")
        return raw
    if unit == "choice":
        if not isinstance(raw, str) or (choices and raw not in choices):
            raise ValueError(f"one of {choices} is expected, got {raw!r}")
        return raw
    raise ValueError(f"unknown unit {unit!r}")
