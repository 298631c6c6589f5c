"""The one private-file writer: owner-only, atomic, and (for letters) never overwriting."""

from __future__ import annotations

import stat
from pathlib import Path

from vergoedingcheck.files import write_private, write_private_new


def test_write_private_new_never_overwrites(tmp_path: Path) -> None:
    first = write_private_new(tmp_path / "brief.pdf", b"one")
    second = write_private_new(tmp_path / "brief.pdf", b"two")
    assert (first.name, second.name) == ("brief.pdf", "brief-2.pdf")
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert stat.S_IMODE(second.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief-2.pdf", "brief.pdf"]  # no temp left


def test_write_private_replaces_owner_only(tmp_path: Path) -> None:
    write_private(tmp_path / "x.csv", "a")
    path = write_private(tmp_path / "x.csv", "b")
    assert path.read_text() == "b"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
