"""Import hygiene (as harlequin's `test_import_hygiene.py`): every headless module, imported alone in
a fresh interpreter, pulls in no Textual, no reportlab and no database driver. The import-linter
contracts in pyproject.toml keep the arrows between our own packages pointing down; this test proves
it for what a real import loads (lazy imports included at module level)."""

from __future__ import annotations

import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import vergoedingcheck

UI_PDF_DB = frozenset({"textual", "rich", "reportlab", "sqlite3", "_sqlite3", "sqlalchemy", "psycopg"})
# Packages that may import a UI, PDF or database library (their own layer's business).
NOT_HEADLESS = ("vergoedingcheck.tui", "vergoedingcheck.store", "vergoedingcheck.services",
                "vergoedingcheck.commands", "vergoedingcheck.cli", "vergoedingcheck.__main__",
                "vergoedingcheck.letters")


def _modules() -> list[str]:
    names = ["vergoedingcheck"]
    for info in pkgutil.walk_packages(vergoedingcheck.__path__, "vergoedingcheck."):
        names.append(info.name)
    return sorted(names)


HEADLESS = [m for m in _modules() if not m.startswith(NOT_HEADLESS)]
LETTERS = [m for m in _modules() if m.startswith("vergoedingcheck.letters")]


def _loaded_by(module: str) -> set[str]:
    code = f"import json, sys\nimport {module}\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


def test_there_are_headless_modules() -> None:
    assert "vergoedingcheck.engine.evaluate" in HEADLESS
    assert "vergoedingcheck.rules.ruleset" in HEADLESS
    assert "vergoedingcheck.io.spreadsheet" in HEADLESS


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_imports_no_ui_pdf_or_database(module: str) -> None:
    loaded = _loaded_by(module)
    assert module in loaded
    bad = {m for m in loaded if m.split(".")[0] in UI_PDF_DB}
    ours = {m for m in loaded if m.startswith(NOT_HEADLESS)}
    assert bad == set()
    assert ours == set()


@pytest.mark.parametrize("module", LETTERS)
def test_letters_import_no_textual_and_no_store(module: str) -> None:
    loaded = _loaded_by(module)
    bad = {m for m in loaded if m.split(".")[0] in {"textual", "sqlite3", "_sqlite3", "sqlalchemy"}
           or m.startswith(("vergoedingcheck.store", "vergoedingcheck.tui"))}
    assert bad == set()


def test_import_contracts_hold() -> None:
    """The same contracts `make check` runs (so a plain `pytest` run sees a reversed import too)."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:  # pragma: no cover - the dev extra installs it
        pytest.skip("import-linter is not installed")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([exe, "--no-cache"], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]
