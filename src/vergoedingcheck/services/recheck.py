"""Recheck only what changed (issue 14, item 3): the app keeps the last result per resident.

A resident's result depends on the resident, their own payments, their household (the gift limit
is shared: every member and every member's payments count) and the ruleset, years and day of the
check. `ResultCache.check` keeps, per resident, exactly those inputs next to the result, and
evaluates again only the residents whose inputs are not equal (by value, not by a hash, so two
different inputs can never share a result). A new ruleset object, other years or another day
starts afresh. Everything else is the engine's `evaluate`: the result equals a full check
(tests/test_recheck.py holds it to that after random edits).
"""

from __future__ import annotations

import dataclasses
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from vergoedingcheck.engine.evaluate import start_evaluation
from vergoedingcheck.engine.result import CheckResult, ResidentResult
from vergoedingcheck.model import Payer, Payment, Resident
from vergoedingcheck.rules import Ruleset


class ResultCache:
    """The last result per resident, and the inputs it was computed from. Thread-safe: the app
    checks in a worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._context: tuple[Ruleset, frozenset[int], date, tuple[Payer, ...]] | None = None
        self._entries: dict[str, tuple[Any, ResidentResult]] = {}
        self.evaluated = 0
        """How many residents the last `check` evaluated (the rest came from the cache)."""

    def clear(self) -> None:
        with self._lock:
            self._context = None
            self._entries = {}

    def check(
        self,
        residents: Sequence[Resident],
        payments: Sequence[Payment],
        ruleset: Ruleset,
        *,
        years: Iterable[int] | None = None,
        today: date | None = None,
        payers: Sequence[Payer] = (),
    ) -> CheckResult:
        """What `evaluate(residents, payments, ruleset, years=years, payers=payers)` returns,
        evaluating only the residents whose inputs changed since the last call (other payers,
        like another ruleset, years or day, start afresh)."""
        year_set = frozenset(years or ())
        day = today or date.today()
        payer_key = tuple(payers)
        ev = start_evaluation(residents, payments, ruleset, years=year_set, payers=payer_key)
        if len({r.id for r in residents}) != len(residents):  # not one result per id: no cache
            self.clear()
            self.evaluated = len(residents)
            return CheckResult(ruleset.id, ruleset.fingerprint, tuple(ev.results()), ev.errors)
        with self._lock:
            ctx = self._context
            if ctx is None or ctx[0] is not ruleset or ctx[1:] != (year_set, day, payer_key):
                self._entries = {}
                self._context = (ruleset, year_set, day, payer_key)  # holds the ruleset: its id stays its own
            members: dict[str, list[Resident]] = defaultdict(list)
            for r in residents:
                members[r.household_key].append(r)

            def own(r: Resident) -> tuple[Resident, tuple[Payment, ...]]:
                return r, tuple(ev.by_resident.get(r.id, ()))

            inputs: dict[str, Any] = {}
            stale: list[Resident] = []
            for r in residents:
                key = (own(r), tuple(own(m) for m in members[r.household_key]))
                inputs[r.id] = key
                entry = self._entries.get(r.id)
                if entry is None or entry[0] != key:
                    stale.append(r)
            fresh = {rr.id: rr for rr in dataclasses.replace(ev, residents=stale).results()}
            self.evaluated = len(stale)
            out: list[ResidentResult] = []
            entries: dict[str, tuple[Any, ResidentResult]] = {}
            for r in residents:
                rr = fresh[r.id] if r.id in fresh else self._entries[r.id][1]
                entries[r.id] = (inputs[r.id], rr)
                out.append(rr)
            self._entries = entries
        return CheckResult(ruleset.id, ruleset.fingerprint, tuple(out), ev.errors)
