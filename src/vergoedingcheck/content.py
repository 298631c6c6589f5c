"""Where the content folders (rules/, letters/, tui/) are: an explicit directory, the installed
package (`vergoedingcheck/_content/…`, put there by the wheel), or the source checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def content_dir(name: str, explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get(f"VERGOEDINGCHECK_{name.upper()}")
    if env:
        return Path(env)
    installed = _PKG / "_content" / name
    if installed.is_dir():
        return installed
    checkout = _PKG.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"the content folder {name!r} was not found (looked in {installed} and {checkout})"
    )


def rules_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    return content_dir("rules", explicit)
