"""The engine is a pure core: importing it must not pull in Textual, reportlab or a store."""

from __future__ import annotations

import json
import subprocess
import sys


def test_engine_imports_no_ui_pdf_or_store() -> None:
    code = (
        "import json, sys\n"
        "import vergoedingcheck.engine, vergoedingcheck.rules, vergoedingcheck.io.casefile\n"
        "import vergoedingcheck.engine.explain, vergoedingcheck.report\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    mods = set(json.loads(out.stdout))
    forbidden = {m for m in mods if m.split(".")[0] in {"textual", "reportlab", "sqlite3", "openpyxl"}
                 or m.startswith(("vergoedingcheck.store", "vergoedingcheck.tui", "vergoedingcheck.letters"))}
    assert forbidden == set()
    assert "vergoedingcheck.engine.evaluate" in mods  # the check above looked at a real import
