"""The app's own small settings with the user (issue 11 item 6): the chosen theme, kept across
runs in `app.json` in the user's config directory (platformdirs, next to organisation.yaml),
written owner-only (files.py). A missing or unreadable file is no settings, never an error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SETTINGS_FILE = "app.json"


def settings_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("vergoedingcheck", appauthor=False))


def load(directory: Path) -> dict[str, Any]:
    try:
        data = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(directory: Path, **values: Any) -> None:
    """Merge `values` into the settings file (created owner-only, with its folder)."""
    from vergoedingcheck.files import write_private

    data = {**load(directory), **values}
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private(directory / SETTINGS_FILE, json.dumps(data, indent=2, sort_keys=True) + "\n")
