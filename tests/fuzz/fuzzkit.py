"""Shared pieces of the fuzz suite (issue 9 item 7): the hostile values, the text mutator, running
the CLI in-process, the promise every run must keep, and a dump of the store to compare.

The promise: exit 0 or 1 with a result, or exit 2 with every line of stderr naming the file (a
check: `file:line: field: message`; an import: `file rij N, kolom X: message`); never exit 3,
never "Traceback", never a Python exception class name; and an import that is refused (exit 2)
leaves every table of the store as it was.

How many examples: the Hypothesis profile (tests/conftest.py: `dev`, `ci`, `fuzz`), scaled per
test by `fuzz_settings(weight)` so a slow target (a whole rules directory per example) gets fewer.
Every run is counted in `TALLY` (written to $VC_FUZZ_TALLY at the end, for the report's table).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from vergoedingcheck.cli import main


def fuzz_settings(weight: float = 1.0) -> settings:
    """The loaded profile's example budget times `weight` (at least 5), no deadline."""
    base = settings()  # the loaded profile
    return settings(
        max_examples=max(5, int(base.max_examples * weight)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# -- hostile values ------------------------------------------------------------------------------

HOSTILE = [
    "1e400",
    "-1e400",
    "1e-400",
    "123456789012345678901234567890",
    '"1e50"',
    "0",
    "-0",
    "-5",
    ".nan",
    ".inf",
    "NaN",
    "sNaN",
    "''",
    '""',
    "null",
    "~",
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "true",
    "no",
    "0x1F",
    "2025-02-30",
    "9999-12-31",
    "0001-01-01",
    "1899-12-31",
    "2101-01-01",
    "&a x",
    "*a",
    "!!binary aGVsbG8=",
    "!!python/none",
    "!!python/object/apply:os.system ['true']",
    "!!str",
    '"\\e[2J"',
    '"\\u202e"',
    '"\\0"',
    "Łukasz",
    "ﬁ",
    "🙂" * 50,
    "x" * 3000,
    "1,5",
    "1.250,50",
    "'=1+1'",
    "---",
    "...",
    "%YAML 1.1",
    "[" * 40,
]
CSV_HOSTILE = [
    "1e400",
    "123456789012345678901234567890",
    "1.125",
    "0,00001",
    "-1",
    "",
    " ",
    "=1+1",
    "+1",
    "@SUM(A1)",
    '"',
    '"x',
    '""',
    "\x1b[2J",
    "\u202e",
    "31-2-2025",
    "99-99-9999",
    "1-1-0001",
    "31-12-9999",
    "2101-01-01",
    "x" * 3000,
    "€€",
    "€ -0,00",
    "1.2.3",
    "ja nee",
    "\x00",
    "\x81",
    "\r",
    "nan",
    "inf",
    "Infinity",
    "0x10",
    "1_000",
    "١٢٣",  # Arabic-Indic digits: int() reads them
    "²",
    "ww",
    "bijstand",
    "onbekend",
]
DATES = [
    "0001-01-01",
    "1899-12-31",
    "1900-01-01",
    "2100-12-31",
    "2101-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-13-01",
    "20260101",
    "2026-1-1",
    "'2026-01-01'",
    "2026-01-01T00:00:00",
    "2026-01-01 12:00",
]


def mutate_text(text: str, data: st.DataObject, pool: list[str], separators: str) -> str:
    """One to three edits: a value replaced by a hostile one, a chunk inserted, a span deleted, a
    line duplicated (duplicate key, payment, resident)."""
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        how = data.draw(st.sampled_from(["value", "value", "insert", "delete", "duplicate"]), label="how")
        if how == "value":  # replace one value (what stands between two separators) by a hostile one
            spans = [m.span() for m in re.finditer(rf"[^{separators}\n]+", text)]
            if not spans:
                continue
            start, end = data.draw(st.sampled_from(spans), label="span")
            text = text[:start] + data.draw(st.sampled_from(pool), label="value") + text[end:]
        elif how == "insert":
            pos = data.draw(st.integers(0, len(text)), label="pos")
            chunk = data.draw(
                st.one_of(
                    st.sampled_from(pool),
                    st.text(max_size=4),
                    st.sampled_from(list("{}[]:,-&*!#'\"\t\n;\r\x00")),
                ),
                label="chunk",
            )
            text = text[:pos] + chunk + text[pos:]
        elif how == "delete":
            pos = data.draw(st.integers(0, len(text)), label="pos")
            text = text[:pos] + text[pos + data.draw(st.integers(1, 20), label="len") :]
        else:
            lines = text.split("\n")
            i = data.draw(st.integers(0, len(lines) - 1), label="line")
            text = "\n".join(lines[: i + 1] + lines[i:])
    return text


def position(data: st.DataObject, size: int, label: str) -> int:
    """A place in 0..size-1 drawn as a fraction, so the draw does not depend on the size (an XLSX's
    bytes change with the clock: Hypothesis must see the same choices when it replays)."""
    return data.draw(st.integers(0, 10_000), label=label) * max(0, size - 1) // 10_000


def mutate_bytes(raw: bytes, data: st.DataObject) -> bytes:
    """Byte-level damage: a byte flipped, bytes inserted, the tail cut off."""
    how = data.draw(st.sampled_from(["flip", "insert", "truncate"]), label="bytes")
    pos = position(data, len(raw), "bpos")
    if how == "flip" and raw:
        return raw[:pos] + bytes([raw[pos] ^ data.draw(st.integers(1, 255), label="xor")]) + raw[pos + 1 :]
    if how == "insert":
        return raw[:pos] + data.draw(st.binary(min_size=1, max_size=8), label="ins") + raw[pos:]
    return raw[:pos]


# -- running the CLI and the promise ----------------------------------------------------------

EXCEPTION_NAME = re.compile(
    r"\b[A-Z][A-Za-z]*(Error|Exception|Warning)\b|\bBadZipFile\b|\bTraceback\b|interne fout|internal error"
)

TALLY: Counter[tuple[str, str]] = Counter()
"""(input kind, outcome) → runs; outcome: ok (0/1), refused (clean 2), and the failures."""


def _write_tally() -> None:
    out = os.environ.get("VC_FUZZ_TALLY")
    if out and TALLY:
        old: dict[str, int] = {}
        if Path(out).is_file():
            old = json.loads(Path(out).read_text(encoding="utf-8"))
        for (kind, outcome), n in TALLY.items():
            old[f"{kind}|{outcome}"] = old.get(f"{kind}|{outcome}", 0) + n
        Path(out).write_text(json.dumps(old, indent=1, sort_keys=True), encoding="utf-8")


atexit.register(_write_tally)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def keep_promise(
    kind: str,
    code: int,
    out: str,
    err: str,
    *,
    line_ok: Callable[[str], bool],
    ok_codes: tuple[int, ...] = (0, 1),
) -> None:
    """Exit 0/1 (a result), or 2 with every stderr line located by `line_ok`; nothing else."""
    if code == 3 or EXCEPTION_NAME.search(err):
        TALLY[(kind, "crash")] += 1
        raise AssertionError(f"{kind}: exit {code}, a crash:\n{err[:2000]}")
    if code not in (*ok_codes, 2):
        TALLY[(kind, "crash")] += 1
        raise AssertionError(f"{kind}: exit {code}:\n{err[:2000]}")
    if code == 2:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        bad = [ln for ln in lines if not line_ok(ln)]
        if not lines or bad:
            TALLY[(kind, "unlocated")] += 1
            raise AssertionError(
                f"{kind}: exit 2 without file and line:\n{(bad or ['(no stderr)'])[0][:500]}"
            )
        TALLY[(kind, "refused")] += 1
    else:
        TALLY[(kind, "ok")] += 1


def located(path: Path) -> Callable[[str], bool]:
    """A check's stderr line: `file:line: field: message` (a whole-file problem: `file: message`)."""
    prefix = f"{path}:"
    return lambda ln: ln.startswith(prefix)


def rule_located(root: Path) -> Callable[[str], bool]:
    """A rules problem names a file under the rules directory (with its line when it has one)."""
    pat = re.compile(rf"^{re.escape(str(root))}(/[^:]*)?:(\d+:)? ")
    return lambda ln: bool(pat.match(ln)) or ln.startswith(f"{root}: ")


# -- the store --------------------------------------------------------------------------------


def dump_store(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: what "the store is unchanged" compares (not the bytes)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def payment_count(db: Path) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM payments").fetchone()[0])
    finally:
        con.close()
