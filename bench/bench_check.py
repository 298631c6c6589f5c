"""Benchmark `vergoedingcheck check` against floors measured in the same run (issue 14, item 7).

    python bench/bench_check.py [--sizes 1000,10000] [--payments 24] [--repeat 3] [--jobs N]

For each size a caseload is generated (seeded, so every run checks the same data) as YAML and as
the same data in JSON. Every step runs as a whole process, `--repeat` times; each line prints
min / median / max of the wall time and of the peak memory (ru_maxrss of the process and of any
worker it forked). The ratios divide medians of the same run:

- check on YAML (`--format json --jobs 1`) against the floor of reading the same YAML with the
  project's own reader (`sourcefile.read_file`);
- check on JSON against `json.load` of the same file;
- check with `--jobs N` (default: the cores) against `--jobs 1`;
- start-up: `--help` and a one-resident check against `python -c pass`.

Growth: the time per resident at each size (linear when it stays the same).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

BENEFITS = [
    [],
    [{"type": "bijstand"}],
    [{"type": "aio"}, {"type": "aow"}],
    [{"type": "wajong"}],
    [{"type": "wia"}, {"type": "toeslagen"}],
    [{"type": "ww", "uwv_permission": True, "ww_hourly_wage": "14.20"}],
    [{"type": "ww"}],
    [{"type": "toeslagen"}],
    [{"type": "zw"}],
    [{"type": "ioaw", "since": "2025-03-01"}],
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
            lines.append(
                f'  - {{resident: R{i}, date: {day.isoformat()}, amount: "{amount}", kind: {kind}{extra}}}'
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def to_json_file(yaml_path: Path, json_path: Path) -> None:
    from vergoedingcheck.sourcefile import read_file

    data = read_file(yaml_path).data

    def plain(o: object) -> object:
        if isinstance(o, dict):
            return {k: plain(v) for k, v in o.items()}
        if isinstance(o, list):
            return [plain(v) for v in o]
        if isinstance(o, date):
            return o.isoformat()
        return o

    json_path.write_text(json.dumps(plain(data), ensure_ascii=False), encoding="utf-8")


# Each step ends by printing its peak memory in KiB: its own and its forked workers'.
PEAK = "import resource as _r; print(max(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss, _r.getrusage(_r.RUSAGE_CHILDREN).ru_maxrss))"
STEPS = {
    "pass": "pass",
    "yaml-floor": "import sys\nfrom vergoedingcheck.sourcefile import read_file\nread_file(sys.argv[1])",
    "json-floor": "import json, sys\nwith open(sys.argv[1], encoding='utf-8') as f: json.load(f)",
    "cli": (
        "import os, sys\nfrom vergoedingcheck.cli import main\n"
        "real = sys.stdout\nsys.stdout = open(os.devnull, 'w')  # where a pipe would take it\n"
        "code = main(sys.argv[1:])\nsys.stdout.close()\nsys.stdout = real"
    ),
}


def run_step(step: str, args: Sequence[str]) -> tuple[float, float]:
    """Wall seconds of the whole process and its peak memory in MB."""
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", STEPS[step] + "\n" + PEAK, *args], capture_output=True, text=True, check=True
    )
    dt = time.perf_counter() - t
    return dt, int(out.stdout.split()[-1]) / 1024


class Figure:
    def __init__(self, name: str, times: list[float], peaks: list[float]):
        self.name, self.times, self.peaks = name, times, peaks

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def line(self) -> str:
        t, p = self.times, self.peaks
        return (
            f"  {self.name:<34} {min(t):8.3f} {statistics.median(t):8.3f} {max(t):8.3f} s"
            f"   peak {min(p):6.0f} {statistics.median(p):6.0f} {max(p):6.0f} MB"
        )


def measure(name: str, step: str, args: Sequence[str], repeat: int) -> Figure:
    results = [run_step(step, args) for _ in range(repeat)]
    fig = Figure(name, [r[0] for r in results], [r[1] for r in results])
    print(fig.line(), flush=True)
    return fig


def ratio(name: str, a: Figure, b: Figure, target: float | None = None) -> None:
    """Median ratio, and its spread: min(a)/max(b) .. max(a)/min(b)."""
    r = a.median / b.median
    lo, hi = min(a.times) / max(b.times), max(a.times) / min(b.times)
    goal = "" if target is None else f"   target <= {target:g}x: {'met' if r <= target else 'NOT met'}"
    print(f"  ratio {name:<28} {r:7.2f}x  (spread {lo:.2f}-{hi:.2f}x){goal}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES") or "1000,10000",
        help="residents per caseload (env BENCH_SIZES)",
    )
    ap.add_argument("--payments", type=int, default=24, help="payments per resident")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    r = args.repeat
    print(f"bench_check: {os.cpu_count()} cores, Python {sys.version.split()[0]}, repeat {r}, min/median/max")
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.yaml"
        generate(one, 1, 1)
        print("start-up (whole process)")
        bare = measure("python -c pass", "pass", [], r * 3)
        helpf = measure("vergoedingcheck --help", "cli", ["--help"], r * 3)
        onef = measure("check, one resident, json", "cli", ["check", str(one), "--format", "json"], r * 3)
        ratio("--help / python -c pass", helpf, bare)
        ratio("one-resident check / pass", onef, bare)
        per_resident: list[tuple[int, float, float, float]] = []
        for n in sizes:
            y = Path(tmp) / f"caseload-{n}.yaml"
            j = y.with_suffix(".json")
            t = time.perf_counter()
            generate(y, n, args.payments)
            to_json_file(y, j)
            print(
                f"{n:,} residents x {args.payments} payments: YAML {y.stat().st_size / 1e6:.1f} MB, "
                f"JSON {j.stat().st_size / 1e6:.1f} MB (generated in {time.perf_counter() - t:.1f} s)"
            )
            yf = measure("YAML reader (floor)", "yaml-floor", [str(y)], r)
            cy = measure(
                "check YAML --jobs 1", "cli", ["check", str(y), "--format", "json", "--jobs", "1"], r
            )
            jf = measure("json.load (floor)", "json-floor", [str(j)], r)
            cj = measure(
                "check JSON --jobs 1", "cli", ["check", str(j), "--format", "json", "--jobs", "1"], r
            )
            cjn = measure(
                f"check JSON --jobs {args.jobs}",
                "cli",
                ["check", str(j), "--format", "json", "--jobs", str(args.jobs)],
                r,
            )
            cp = measure(
                "check JSON --findings problems",
                "cli",
                ["check", str(j), "--format", "json", "--jobs", "1", "--findings", "problems"],
                r,
            )
            ratio("check YAML / YAML reader", cy, yf, 1.2)
            ratio("check JSON / json.load", cj, jf, 5)
            ratio(f"--jobs {args.jobs} / --jobs 1 (JSON)", cjn, cj)
            ratio("--findings problems / all", cp, cj)
            per_resident.append((n, cy.median / n * 1000, cj.median / n * 1000, statistics.median(cj.peaks)))
    print("growth (median per resident; linear when flat)")
    for n, ms_y, ms_j, peak in per_resident:
        print(
            f"  {n:>9,} residents: YAML {ms_y:6.2f} ms, JSON {ms_j:6.2f} ms per resident; peak {peak:6.0f} MB (input held, output streamed)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
