"""Issue 9 item 3: a large caseload with one bad date on its last line is refused with file, line
and field, without building the whole file's line map or node tree (which took more than a
gigabyte per 20 MB of text: 200 MB ran out of memory). The figures are in the report of the
change; this test checks the behaviour on a 3 MB file, not the time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from vergoedingcheck.cli import main
from vergoedingcheck.sourcefile import LARGE_TEXT

N = 40_000  # payments: 2.6 MB (YAML) and 3.1 MB (JSON) of text, above LARGE_TEXT


def _no_tree(*_a: Any, **_k: Any) -> Any:
    raise AssertionError("the whole file was composed into a node tree")


def write_yaml(path: Path) -> int:
    lines = ["version: 1", "residents:", "  - {id: R1, birth_date: 1980-01-01, benefits: [{type: bijstand}]}"]
    lines.append("payments:")
    lines += [
        f'  - {{resident: R1, date: 2026-{1 + i % 12:02d}-01, amount: "1.00", kind: gift}}' for i in range(N)
    ]
    lines.append('  - {resident: R1, date: 2026-02-30, amount: "1.00", kind: gift}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)  # the bad date is on the last line


def write_json(path: Path) -> int:
    pays = [
        {"resident": "R1", "date": f"2026-{1 + i % 12:02d}-01", "amount": "1.00", "kind": "gift"}
        for i in range(N)
    ]
    pays.append({"resident": "R1", "date": "2026-02-30", "amount": "1.00", "kind": "gift"})
    head = '{"version": 1, "residents": [{"id": "R1", "birth_date": "1980-01-01"}],\n"payments": [\n'
    path.write_text(head + ",\n".join(json.dumps(p) for p in pays) + "\n]}\n", encoding="utf-8")
    return 2 + len(pays)


@pytest.mark.parametrize("name, writer", [("big.yaml", write_yaml), ("big.json", write_json)])
def test_one_bad_date_on_the_last_line_is_refused_without_a_full_line_map(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    writer: Any,
) -> None:
    path = tmp_path / name
    line = writer(path)
    assert path.stat().st_size > LARGE_TEXT
    monkeypatch.setattr(yaml, "compose", _no_tree)  # neither the careful reader nor the line map
    assert main(["check", str(path), "--format", "json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{path}:{line}: payments[{N}].date: '2026-02-30' is not a valid date"
        + (" (YYYY-MM-DD)" if name.endswith(".json") else "")
    ]
