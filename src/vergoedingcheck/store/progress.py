"""A progress bar on the terminal for long store operations (an import of 100,000 rows).

Only when stderr is a terminal: pipes, files and CI logs get nothing. Plain text (`\\r`), so it
needs no Rich and never prints a name or an amount, only counts."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

WIDTH = 30


@contextmanager
def terminal_progress(
    label: str, stream: TextIO | None = None, *, force: bool = False
) -> Iterator[Callable[[int, int], None] | None]:
    out = stream or sys.stderr
    if not (force or (hasattr(out, "isatty") and out.isatty())):
        yield None
        return
    state = {"last": 0.0, "shown": False}

    def update(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - state["last"] < 0.1:
            return
        state["last"], state["shown"] = now, True
        frac = done / total if total else 1.0
        bar = "#" * int(frac * WIDTH)
        out.write(f"\r{label} [{bar:<{WIDTH}}] {done}/{total}")
        out.flush()

    try:
        yield update
    finally:
        if state["shown"]:
            out.write("\n")
            out.flush()
