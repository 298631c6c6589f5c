"""Every figure the engine uses, with its unit and the period it must cover.

`rules validate` fails when one is absent or leaves a gap inside its required period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Required:
    id: str
    unit: str
    covers_from: date | None
    """Values must exist without a gap from this date to `COVERS_UNTIL` (None: no national coverage
    is required, e.g. the gift limit before 2026 is municipal policy)."""


COVERS_FROM = date(2017, 1, 1)
COVERS_UNTIL = date(2026, 12, 31)

REQUIRED: tuple[Required, ...] = (
    Required("tax.volunteer.month_cap", "eur", COVERS_FROM),
    Required("tax.volunteer.year_cap", "eur", COVERS_FROM),
    Required("tax.volunteer.hourly_norm", "eur_per_hour", COVERS_FROM),
    Required("tax.volunteer.hourly_norm_young", "eur_per_hour", COVERS_FROM),
    Required("tax.volunteer.hourly_norm_age", "years", COVERS_FROM),
    Required("pw.volunteer.month_cap", "eur", COVERS_FROM),
    Required("pw.volunteer.year_cap", "eur", COVERS_FROM),
    Required("pw.volunteer.min_age", "years", COVERS_FROM),
    Required("pw.volunteer.young_temporary_disregard", "flag", COVERS_FROM),
    Required("pw.gift.year_limit", "eur", date(2026, 1, 1)),
    Required("policy.hourly_norm_hard", "flag", COVERS_FROM),
    Required("policy.year_breach", "choice", COVERS_FROM),
    Required("ww.volunteer.regime", "flag", COVERS_FROM),
    Required("ww.volunteer.hourly_norm_hard", "flag", COVERS_FROM),
    Required(
        "ww.volunteer.hourly_limit", "eur_per_hour", None
    ),  # only while the flag above is true (to 2019)
    Required("ww.volunteer.hourly_limit_young", "eur_per_hour", None),
    Required("ww.volunteer.hourly_limit_age", "years", None),
    Required("uwv.volunteer.hourly_norm_hard", "flag", COVERS_FROM),
    Required("uwv.volunteer.regime", "flag", COVERS_FROM),
    Required("uwv.volunteer.costs_count_for_cap", "flag", COVERS_FROM),
    Required("aow.means_tested", "flag", COVERS_FROM),
    Required("toeslagen.income_test", "flag", COVERS_FROM),
    Required("aow.age", "months", None),  # the worklist's "reaches AOW age", not a check
)

REQUIRED_BY_ID = {r.id: r for r in REQUIRED}


# -- what a figure may say (issue 8 item 3: rule files that cannot say something absurd) -------

CHOICES: dict[str, tuple[str, ...]] = {
    "policy.year_breach": ("whole", "excess"),
}
"""The values the engine understands for each `choice` figure. A file may not add its own: an
unknown value would otherwise be read as the default (`half` silently treated as `whole`)."""

OVERLAYABLE: dict[str, date | None] = {
    "pw.gift.year_limit": date(2026, 1, 1),
    "policy.hourly_norm_hard": None,
    "policy.year_breach": None,
}
"""The figures a municipal overlay (rules/gemeenten/) may change, with the date from which it may
no longer give a value of its own (None: no end). The gift limit was municipal policy until the
statutory € 1.200 of Participatiewet in balans (1 January 2026); the hard or soft hourly norm and
the whole-or-excess reading are municipal execution policy. Everything else is national law."""

CAP_PAIRS: tuple[tuple[str, str], ...] = (
    ("tax.volunteer.month_cap", "tax.volunteer.year_cap"),
    ("pw.volunteer.month_cap", "pw.volunteer.year_cap"),
)
"""(monthly, yearly) caps: on every date, the monthly cap may not exceed the yearly one."""

AGE_RANGE = (0, 120)
"""An age (unit `years`) outside this range is a typo."""

MAX_RULE_FILE_BYTES = 1024 * 1024
"""A rule file is a few kB; anything above 1 MiB is refused before it is read."""
