"""Benchmark the store on SQLite and PostgreSQL (issue 12 item 8): a caseload of 20,000 residents x
24 payments, each figure as a ratio against a floor measured in the same run on the same engine.

    python bench/bench_store.py [--residents 20000] [--payments 24] [--pg URL]

Without --pg a throwaway PostgreSQL cluster is started (Debian's initdb/pg_ctl, unix socket only,
as the `postgres` user when run as root) and removed afterwards; `--no-pg` measures SQLite only.

Measured (seconds, best of --repeat):
- import: `Store.import_records` of everything (validation, de-duplication by reference, audit
  triggers, one transaction) / floor: the driver's executemany of the same payment rows into a
  bare table (no index, no trigger, no check) in one transaction;
- open: what the residents screen needs, `engine_input()` (every resident, benefit and payment
  as engine values) / floor: the driver fetching every row of residents and payments;
- recheck: one payment changed (`update_payment`) and only that resident re-read and evaluated
  / floor: the driver's single-row UPDATE plus the SELECT of that resident's payments;
- evaluate-all is printed too (the engine on every resident, for scale; not a store figure).
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from vergoedingcheck.model import Benefit
from vergoedingcheck.store import PaymentRecord, ResidentRecord, Store

BENEFITS = [(), (Benefit("bijstand"),), (Benefit("aow"),), (Benefit("wajong"),), (Benefit("toeslagen"),)]


def caseload(n: int, per: int, seed: int = 20261202) -> tuple[list[ResidentRecord], list[PaymentRecord]]:
    rnd = random.Random(seed)
    residents = [
        ResidentRecord(
            f"R{i:06d}",
            name=f"Bewoner {i}",
            birth_date=date(rnd.randint(1945, 2004), rnd.randint(1, 12), rnd.randint(1, 28)),
            municipality=rnd.choice(("Goes", "Noordenveld", "Utrecht")),
            benefits=rnd.choice(BENEFITS),
        )
        for i in range(n)
    ]
    payments = [
        PaymentRecord(
            r.id,
            date(2026, 1, 1) + timedelta(days=rnd.randint(0, 364)),
            Decimal(f"{rnd.randint(5, 180)}.{rnd.randint(0, 99):02d}"),
            "vrijwilligersvergoeding",
            note="bench",
        )
        for r in residents
        for _ in range(per)
    ]
    return residents, payments


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def floor_import(store: Store, payments: list[PaymentRecord]) -> float:
    rows = [(p.resident, p.date.isoformat(), f"{p.amount:.2f}", p.kind, p.note) for p in payments]
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("DROP TABLE IF EXISTS bench_floor")
        cur.execute(
            "CREATE TABLE bench_floor (resident_id TEXT, date TEXT, amount TEXT, kind TEXT, note TEXT)"
        )
        raw.commit()
        mark = "?" if store.dialect == "sqlite" else "%s"
        t = time.perf_counter()
        if store.dialect == "sqlite":
            cur.execute("BEGIN")
        cur.executemany(f"INSERT INTO bench_floor VALUES ({', '.join([mark] * 5)})", rows)
        raw.commit()
        dt = time.perf_counter() - t
        cur.execute("DROP TABLE bench_floor")
        raw.commit()
        return dt
    finally:
        raw.close()


def floor_fetch(store: Store, sql: str, params: tuple[object, ...] = ()) -> None:
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(sql, params)
        cur.fetchall()
        raw.commit()
    finally:
        raw.close()


def run_engine(label: str, target: str, n: int, per: int, repeat: int) -> None:
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.rules import load_ruleset

    residents, payments = caseload(n, per)
    ruleset = load_ruleset(None)
    with Store(target) as s:
        t_floor_imp = floor_import(s, payments)
        t = time.perf_counter()
        s.import_records(residents, payments)
        t_imp = time.perf_counter() - t
        t_open = best(s.engine_input, repeat)

        def floor_open() -> None:
            floor_fetch(s, "SELECT * FROM residents")
            floor_fetch(s, "SELECT * FROM payments")

        t_floor_open = best(floor_open, repeat)
        models, pays = s.engine_input()
        t_eval = best(lambda: evaluate(models, pays, ruleset, years=[2026]), 1)
        rid = residents[n // 2].id
        target_payment = s.payments(rid)[0]

        def recheck() -> None:
            nonlocal target_payment
            target_payment = s.update_payment(
                replace(target_payment, amount=target_payment.amount + Decimal("1"))
            )
            r = s.resident(rid)
            evaluate([r.to_model()], [p.to_model() for p in s.payments(rid)], ruleset, years=[2026])

        t_re = best(recheck, max(repeat, 3))
        mark = "?" if s.dialect == "sqlite" else "%s"

        def floor_recheck() -> None:
            raw = s.engine.raw_connection()
            try:
                cur = raw.cursor()
                cur.execute(f"UPDATE payments SET note = note WHERE id = {mark}", (target_payment.id,))
                cur.execute(f"SELECT * FROM payments WHERE resident_id = {mark}", (rid,))
                cur.fetchall()
                raw.commit()
            finally:
                raw.close()

        t_floor_re = best(floor_recheck, max(repeat, 3))
        t_coord = coordinator_open(s, target, residents, repeat) if s.dialect == "postgresql" else None
    rows = n * per
    print(f"\n{label}: {n} residents x {per} payments = {rows} payments")
    print(f"  import   {t_imp:8.2f} s   floor {t_floor_imp:7.2f} s   ratio {t_imp / t_floor_imp:6.1f}x")
    print(f"  open     {t_open:8.2f} s   floor {t_floor_open:7.2f} s   ratio {t_open / t_floor_open:6.1f}x")
    print(
        f"  recheck  {t_re * 1000:8.1f} ms  floor {t_floor_re * 1000:6.1f} ms  ratio {t_re / t_floor_re:6.1f}x"
    )
    if t_coord is not None:
        print(
            f"  open as a coordinator {t_coord:6.2f} s   floor {t_floor_open:7.2f} s   "
            f"ratio {t_coord / t_floor_open:6.1f}x   (row-level security, 10% shared with team B)"
        )
    print(f"  (evaluate all {n} residents for 2026: {t_eval:.2f} s)")


def coordinator_open(s: Store, target: str, residents: list[ResidentRecord], repeat: int) -> float:
    """PostgreSQL: open the store as a coordinator role of the default team, with row-level
    security on; every tenth resident is shared with team B and every tenth payment made by B, so
    the other team's totals (`other_team_payments`) are read too."""
    role = "vc_bench_" + uuid.uuid4().hex[:6]
    with s.engine.begin() as c:
        c.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        c.exec_driver_sql("INSERT INTO teams (id, name) VALUES ('B', 'B') ON CONFLICT DO NOTHING")
        shared = [r.id for r in residents[::10]]
        c.execute(
            sa.text("INSERT INTO resident_teams (resident_id, team_id) VALUES (:r, 'B')"),
            [{"r": rid} for rid in shared],
        )
        c.exec_driver_sql("UPDATE payments SET team_id = 'B' WHERE id %% 10 = 0")
    s.grant_team(role, "standaard")
    with Store(target.replace("postgres@", f"{role}@", 1)) as coord:
        return best(coord.engine_input, repeat)


@contextmanager
def throwaway_pg() -> Iterator[str]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise SystemExit("no PostgreSQL (apt-get install postgresql), or use --pg URL / --no-pg")
    bindir = Path(found[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="vc-bench-pg-"))
    pre = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if pre:
        shutil.chown(root, "postgres", "postgres")
    port = 56000 + os.getpid() % 4000
    data = root / "data"
    subprocess.run([*pre, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C", "--no-sync"], check=True, capture_output=True)  # fmt: skip
    opts = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run([*pre, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        name = "bench_" + uuid.uuid4().hex[:8]
        eng = sa.create_engine(f"postgresql+psycopg://postgres@/postgres?host={root}&port={port}",
                               isolation_level="AUTOCOMMIT")  # fmt: skip
        with eng.connect() as c:
            c.exec_driver_sql(f"CREATE DATABASE {name}")
        eng.dispose()
        yield f"postgresql://postgres@/{name}?host={root}&port={port}"
    finally:
        subprocess.run([*pre, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--residents", type=int, default=20_000)
    ap.add_argument("--payments", type=int, default=24)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--pg", metavar="URL", help="an empty PostgreSQL database (default: a throwaway cluster)")
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run_engine("SQLite", str(Path(tmp) / "bench.db"), args.residents, args.payments, args.repeat)
    if args.no_pg:
        return 0
    if args.pg:
        run_engine("PostgreSQL", args.pg, args.residents, args.payments, args.repeat)
    else:
        with throwaway_pg() as url:
            run_engine("PostgreSQL", url, args.residents, args.payments, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
