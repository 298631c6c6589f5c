"""A large check on several cores (`check --jobs N`, issue 14 item 4).

Residents are independent once the evaluation is started: `start_evaluation` has already grouped
every payment by resident and every gift by household (the one thing residents share), so each
worker checks a slice of the residents in file order and returns what the caller asked for
(the JSON bytes of each resident, or the results themselves). The slices come back in file order,
so the output is byte for byte the output of one process.

Workers are forked: they share the parent's evaluation (case, ruleset) without copying it through
a pipe. Where fork is not available, or for a small caseload, everything runs in this process.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from vergoedingcheck.engine.evaluate import Evaluation
from vergoedingcheck.engine.result import ResidentResult, Status

T = TypeVar("T")

SMALL = 200
"""Below this many residents a second process costs more than it saves."""

_STATE: tuple[Evaluation, Callable[[ResidentResult], Any]] | None = None


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _slice(span: tuple[int, int]) -> list[tuple[Any, list[Status]]]:
    assert _STATE is not None  # set before the fork
    ev, encode = _STATE
    part = dataclasses.replace(ev, residents=ev.residents[span[0] : span[1]])
    return [(encode(rr), [y.status for y in rr.years]) for rr in part.results()]


def results(
    ev: Evaluation, encode: Callable[[ResidentResult], T], jobs: int = 1
) -> Iterator[tuple[T, list[Status]]]:
    """`encode(result)` and the year statuses of each resident, in file order, with `jobs`
    processes (1: this one)."""
    global _STATE
    n = len(ev.residents)
    if jobs <= 1 or n < SMALL or "fork" not in multiprocessing.get_all_start_methods():
        for rr in ev.results():
            yield encode(rr), [y.status for y in rr.years]
        return
    size = max(10, min(500, n // (jobs * 8)))
    spans = [(i, min(n, i + size)) for i in range(0, n, size)]
    _STATE = (ev, encode)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for chunk in pool.imap(_slice, spans):
                yield from chunk
    finally:
        _STATE = None
