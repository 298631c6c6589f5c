"""The worked examples from public sources in ../shared/examples, run through the project's own
`vergoedingcheck check` by the shared tool `check-examples`, exactly as a reviewer would.

e05's `source:` line is not valid YAML (an unquoted ': ' inside the text), so the tool cannot read
it as shipped. The test quotes that one line in a temporary copy and changes nothing else.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

EXAMPLES = sorted((SHARED / "examples").glob("*.yaml")) if SHARED.is_dir() else []
TOOL = SHARED / "tools" / "check-examples"


def _readable_copy(src: Path, tmp: Path) -> Path:
    dst = tmp / src.name
    text = src.read_text(encoding="utf-8")
    try:
        yaml.safe_load(text)
    except yaml.YAMLError:
        lines = text.splitlines(keepends=True)
        fixed = []
        for line in lines:
            if line.startswith("source: ") and not line.startswith("source: '"):
                value = line[len("source: "):].rstrip("\n").replace("'", "''")
                line = f"source: '{value}'\n"
            fixed.append(line)
        text = "".join(fixed)
        yaml.safe_load(text)  # must now be readable, or the example itself is broken
    dst.write_text(text, encoding="utf-8")
    return dst


@pytest.mark.skipif(not EXAMPLES, reason="../shared/examples is not beside this checkout")
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_shared_example_agrees(example: Path, tmp_path: Path) -> None:
    case = _readable_copy(example, tmp_path)
    cmd = f"{sys.executable} -m vergoedingcheck"
    proc = subprocess.run([sys.executable, str(TOOL), "--cmd", cmd, str(case)],
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip().endswith("1/1 cases agree"), proc.stdout + proc.stderr
    assert proc.returncode == 0


def test_all_nine_examples_are_there() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    assert len(EXAMPLES) == 9
    assert shutil.which(sys.executable)
