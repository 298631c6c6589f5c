"""Benchmark `vergoedingcheck check` on a generated caseload, against the floor of only reading
and parsing the same file, measured in the same run. Prints times, the ratio and peak memory.

    python bench/bench_check.py [--residents 10000] [--payments 24] [--repeat 1]

Each measurement runs in a fresh subprocess, so peak memory (ru_maxrss) is that step's own.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BENEFITS = [
    [], [{"type": "bijstand"}], [{"type": "aio"}, {"type": "aow"}], [{"type": "wajong"}],
    [{"type": "wia"}, {"type": "toeslagen"}], [{"type": "ww", "uwv_permission": True, "ww_hourly_wage": "14.20"}],
    [{"type": "ww"}], [{"type": "toeslagen"}], [{"type": "zw"}], [{"type": "ioaw", "since": "2025-03-01"}],
]
MUNICIPALITIES = ["Goes", "Noordenveld", "Hoogeveen", "Utrecht", "Rotterdam", None]


def generate(path: Path, residents: int, per_resident: int, seed: int = 20261125) -> None:
    rnd = random.Random(seed)
    lines = ["version: 1", "residents:"]
    for i in range(residents):
        birth = date(rnd.randint(1945, 2004), rnd.randint(1, 12), rnd.randint(1, 28))
        mun = rnd.choice(MUNICIPALITIES)
        benefits = json.dumps(rnd.choice(BENEFITS))
        extra = f", municipality: {mun}" if mun else ""
        hh = f", household: H{i // 2}" if i % 7 == 0 else ""
        lines.append(f"  - {{id: R{i}, birth_date: {birth.isoformat()}{extra}{hh}, benefits: {benefits}}}")
    lines.append("payments:")
    kinds = ["vrijwilligersvergoeding"] * 6 + ["onkostenvergoeding", "gift", "loon"]
    for i in range(residents):
        for _ in range(per_resident):
            day = date(rnd.choice((2025, 2026)), 1, 1) + timedelta(days=rnd.randint(0, 364))
            kind = rnd.choice(kinds)
            amount = f"{rnd.randint(5, 180)}.{rnd.randint(0, 99):02d}"
            extra = ", receipts: true" if kind == "onkostenvergoeding" and rnd.random() < 0.5 else ""
            if kind == "vrijwilligersvergoeding" and rnd.random() < 0.3:
                extra += f", hours: {rnd.randint(1, 30)}"
            lines.append(f"  - {{resident: R{i}, date: {day.isoformat()}, amount: \"{amount}\", kind: {kind}{extra}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


PARSE = """
import resource, sys, time
t = time.perf_counter()
from vergoedingcheck.io.casefile import read_case_file
case = read_case_file(sys.argv[1])
dt = time.perf_counter() - t
print(dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(case.payments))
"""

CHECK = """
import os, resource, sys, time
t = time.perf_counter()
from vergoedingcheck.cli import main
real = sys.stdout
sys.stdout = open(os.devnull, "w")  # the JSON goes where a pipe would take it, not into memory
code = main(["check", sys.argv[1], "--format", "json"])
sys.stdout.close()
sys.stdout = real
dt = time.perf_counter() - t
print(dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code)
"""


def measure(script: str, path: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    parts = out.stdout.split()
    return float(parts[0]), int(parts[1]) / 1024  # seconds, MB (ru_maxrss is KiB on Linux)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--residents", type=int, default=10_000)
    ap.add_argument("--payments", type=int, default=24)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "caseload.yaml"
        t = time.perf_counter()
        generate(path, args.residents, args.payments)
        print(f"caseload: {args.residents} residents x {args.payments} payments "
              f"({path.stat().st_size / 1e6:.1f} MB), generated in {time.perf_counter() - t:.1f} s")
        parse = [measure(PARSE, path) for _ in range(args.repeat)]
        check = [measure(CHECK, path) for _ in range(args.repeat)]
    p_time = min(x[0] for x in parse)
    c_time = min(x[0] for x in check)
    peak = max(x[1] for x in check)
    print(f"read + parse only (floor): {p_time:8.2f} s   peak {max(x[1] for x in parse):6.0f} MB")
    print(f"check --format json:       {c_time:8.2f} s   peak {peak:6.0f} MB")
    print(f"ratio check / parse: {c_time / p_time:.2f}x   (engine + JSON: {c_time - p_time:.2f} s)")
    print(f"peak memory {'within' if peak < 500 else 'OVER'} the 500 MB target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
