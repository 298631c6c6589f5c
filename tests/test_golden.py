"""The contract's golden file (issue 8 item 5): one `check --format json` of `examples/buurt.yaml`,
kept in `tests/golden/buurt.json` and read in review, as harlequin keeps its golden outputs.

Any change to the engine, the rules (their fingerprint is in it) or the JSON writer that changes a
byte of the result fails here with a diff. Regenerate only on purpose, and read the diff:

    make golden
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "buurt.json"
ARGS = ["check", "examples/buurt.yaml", "--format", "json", "--indent", "--as-of", "2026-12-01"]


def test_check_of_the_example_caseload_matches_the_golden_file() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vergoedingcheck", *ARGS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr  # the example holds residents who are not safe
    want = GOLDEN.read_text(encoding="utf-8")
    if proc.stdout != want:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(True), proc.stdout.splitlines(True), "golden/buurt.json", "check", n=2
            )
        )
        raise AssertionError(f"the check result changed; read the diff, then `make golden`:\n{diff[:6000]}")
