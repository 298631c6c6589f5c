"""`check --jobs N` (issue 14, item 4): several processes, the same bytes as one."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from vergoedingcheck.services import batch

ROOT = Path(__file__).resolve().parents[1]
BENEFITS = ["[]", "[{type: bijstand}]", "[{type: aio}, {type: aow}]", "[{type: ww}]", "[{type: toeslagen}]"]


def caseload(path: Path, residents: int, seed: int = 14) -> None:
    """Households of three that share the gift limit, split over the workers' slices."""
    rnd = random.Random(seed)
    lines = ["version: 1", "municipality: Goes", "residents:"]
    for i in range(residents):
        lines.append(
            f"  - {{id: R{i}, birth_date: {rnd.randint(1950, 2003)}-05-01, household: H{i // 3}, "
            f"benefits: {rnd.choice(BENEFITS)}}}"
        )
    lines.append("payments:")
    for i in range(residents):
        for _ in range(6):
            day = date(2026, 1, 1) + timedelta(days=rnd.randint(0, 364))
            kind = rnd.choice(
                ["vrijwilligersvergoeding", "vrijwilligersvergoeding", "gift", "onkostenvergoeding"]
            )
            lines.append(
                f'  - {{resident: R{i}, date: {day}, amount: "{rnd.randint(5, 250)}.00", kind: {kind}}}'
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vergoedingcheck", "check", *args], capture_output=True, cwd=ROOT, check=False
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("jobs") / "caseload.yaml"
    caseload(path, batch.SMALL + 100)  # above SMALL: the workers really run
    return path


@pytest.mark.parametrize(
    "flags",
    [["--format", "json"], ["--format", "json", "--indent", "--findings", "problems"], ["--format", "table"]],
    ids=["json", "json-indent-problems", "table"],
)
def test_jobs_output_is_byte_identical_to_one_process(big: Path, flags: list[str]) -> None:
    one = check(str(big), *flags, "--jobs", "1")
    assert one.returncode in (0, 1), one.stderr
    assert one.stdout
    for jobs in ("2", "3"):
        many = check(str(big), *flags, "--jobs", jobs)
        assert many.returncode == one.returncode
        assert many.stdout == one.stdout, f"--jobs {jobs} differs from --jobs 1"
        assert many.stderr == one.stderr


def test_the_default_is_the_cores_and_the_same_output(big: Path) -> None:
    assert batch.default_jobs() >= 1
    assert (
        check(str(big), "--format", "json").stdout
        == check(str(big), "--format", "json", "--jobs", "1").stdout
    )


@pytest.mark.parametrize("bad", ["0", "-2", "many"])
def test_a_bad_number_of_jobs_is_a_usage_error(big: Path, bad: str) -> None:
    proc = check(str(big), "--jobs", bad)
    assert proc.returncode == 2
    assert b"--jobs" in proc.stderr and b"Traceback" not in proc.stderr
