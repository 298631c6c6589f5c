"""Benchmark the app (issue 14 items 3 and 7): start-up and recheck after one saved payment at
40 / 2,000 / 10,000 residents, each against a bare Textual app showing a DataTable of the same rows
measured in the same run, headless (`App.run_test`).

    python bench/bench_app.py [--sizes 40,2000,10000] [--payments 12] [--repeat 3]
    BENCH_SIZES=40,2000 make bench

Every measurement runs in a fresh process (so the peak memory is its own) on a copy of one SQLite
store per size. Measured (seconds; min / median / max over --repeat):
- start: from `run_test` entering until the residents table has every status filled (the check in
  its worker done) / floor: a bare App with a DataTable of the same rows and columns, until mounted;
- shown: until the residents table first has its rows (statuses may still say "bezig…");
- recheck: one payment added through the store and `app.recheck(...)` as a save does, until the
  screens have the new result / floor: one `update_cell` on the bare table and a repaint;
- stall: the longest gap between ticks of a 5 ms timer during the recheck (the event loop blocked);
- peak: the process's peak RSS (MB), app against bare.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

TODAY = date(2026, 12, 1)
COLUMNS = ("Naam", "Uitkering", "Status", "Ruimte dec", "Rest jaar")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_store(path: Path, n: int, per: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_store import caseload

    from vergoedingcheck.store import Store

    residents, payments = caseload(n, per)
    with Store(path) as s:
        s.import_records(residents, payments)


class Ticker:
    """The longest gap between ticks of a 5 ms timer: how long the event loop was blocked."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


async def _until(cond: Any, pilot: Any, limit: float = 600.0) -> None:
    end = time.perf_counter() + limit
    while not cond():
        if time.perf_counter() > end:
            raise TimeoutError
        await pilot.pause(0.002)


async def measure_app(db: Path) -> dict[str, float]:
    from textual.widgets import DataTable

    from vergoedingcheck.rules import load_ruleset
    from vergoedingcheck.store import PaymentRecord, Store
    from vergoedingcheck.tui.app import VergoedingApp

    ruleset = load_ruleset(None)
    store = Store(db)
    app = VergoedingApp(store, ruleset, today=TODAY, live_interval=None)
    out: dict[str, float] = {}
    n = len(store.residents())
    ticker = Ticker()
    t0 = time.perf_counter()
    async with app.run_test(size=(100, 40)) as pilot:

        def table() -> DataTable[Any] | None:
            try:
                return app.screen.query_one("#residents", DataTable)
            except Exception:
                return None

        def shown() -> bool:
            t = table()
            return t is not None and t.row_count == n

        await _until(shown, pilot)
        out["shown"] = time.perf_counter() - t0
        await _until(lambda: app.check_count >= 1, pilot)
        await pilot.pause()
        out["start"] = time.perf_counter() - t0
        app.set_interval(0.005, ticker.tick)
        rid = store.residents()[n // 2].id
        times, stalls = [], []
        for i in range(3):
            before = app.check_count
            store.add_payment(
                PaymentRecord(rid, date(2026, 11, 1 + i), Decimal("1.00"), "vrijwilligersvergoeding")
            )
            ticker.reset()
            t = time.perf_counter()
            app.recheck({rid})  # what a save does (only that resident read and checked again)
            await _until(lambda b=before: app.check_count > b, pilot)
            await pilot.pause()
            times.append(time.perf_counter() - t)
            stalls.append(ticker.worst)
        out["recheck"] = statistics.median(times)
        out["stall"] = max(stalls)
        out["evaluated"] = app._results.evaluated
    store.close()
    out["peak"] = peak_mb()
    return out


async def measure_bare(db: Path) -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from vergoedingcheck.store import Store

    with Store(db) as s:
        rows = [(r.label, "", "veilig", "€ 220,00", "€ 2.200,00", r.id) for r in s.residents()]

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(id="t", cursor_type="row")

        def on_mount(self) -> None:
            t = self.query_one(DataTable)
            for c in COLUMNS:
                t.add_column(c, key=c)
            for *cells, key in rows:
                t.add_row(*cells, key=key)
            t.focus()

    out: dict[str, float] = {}
    t0 = time.perf_counter()
    app = Bare()
    async with app.run_test(size=(100, 40)) as pilot:
        t = app.query_one(DataTable)
        await _until(lambda: t.row_count == len(rows), pilot)
        await pilot.pause()
        out["start"] = time.perf_counter() - t0
        key = rows[len(rows) // 2][-1]
        times = []
        for i in range(3):
            t1 = time.perf_counter()
            t.update_cell(key, "Rest jaar", f"€ {i},00")
            await pilot.pause()
            times.append(time.perf_counter() - t1)
        out["recheck"] = statistics.median(times)
    out["peak"] = peak_mb()
    return out


def one(kind: str, db: Path) -> None:
    fn = measure_app if kind == "app" else measure_bare
    print(json.dumps(asyncio.run(fn(db))))


def run(kind: str, db: Path, tmp: Path) -> dict[str, float]:
    copy = tmp / f"run-{kind}.db"
    shutil.copyfile(db, copy)
    res = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(copy)], check=True, capture_output=True, text=True
    )
    copy.unlink()
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def fmt(xs: list[float], scale: float = 1.0, unit: str = "s", digits: int = 2) -> str:
    lo, med, hi = min(xs) * scale, statistics.median(xs) * scale, max(xs) * scale
    return f"{lo:.{digits}f} / {med:.{digits}f} / {hi:.{digits}f} {unit}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or "40,2000,10000")
    ap.add_argument("--payments", type=int, default=12, help="payments per resident")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", nargs=2, metavar=("KIND", "DB"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        one(a.one[0], Path(a.one[1]))
        return 0
    print(
        "app: min / median / max of",
        a.repeat,
        "runs, each in a fresh process; floor = bare Textual DataTable",
    )
    with tempfile.TemporaryDirectory(prefix="bench-app-") as d:
        tmp = Path(d)
        for n in (int(x) for x in a.sizes.split(",") if x.strip()):
            db = tmp / f"store-{n}.db"
            build_store(db, n, a.payments)
            apps = [run("app", db, tmp) for _ in range(a.repeat)]
            bares = [run("bare", db, tmp) for _ in range(a.repeat)]

            def col(rs: list[dict[str, float]], k: str) -> list[float]:
                return [r[k] for r in rs]

            start_ratio = statistics.median(col(apps, "start")) / statistics.median(col(bares, "start"))
            re_ratio = statistics.median(col(apps, "recheck")) / statistics.median(col(bares, "recheck"))
            print(f"\n{n} residents x {a.payments} payments")
            print(f"  shown    {fmt(col(apps, 'shown'))}")
            print(
                f"  start    {fmt(col(apps, 'start'))}   floor {fmt(col(bares, 'start'))}   ratio {start_ratio:.1f}x"
            )
            print(
                f"  recheck  {fmt(col(apps, 'recheck'), 1000, 'ms', 1)}   floor {fmt(col(bares, 'recheck'), 1000, 'ms', 1)}"
                f"   ratio {re_ratio:.1f}x   (evaluated {int(apps[-1]['evaluated'])})"
            )
            print(
                f"  stall    {fmt(col(apps, 'stall'), 1000, 'ms', 1)}  (longest event-loop gap during a recheck)"
            )
            print(
                f"  peak     {fmt(col(apps, 'peak'), 1, 'MB', 0)}   bare {fmt(col(bares, 'peak'), 1, 'MB', 0)}"
            )
            db.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
