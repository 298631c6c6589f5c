"""Writing files that hold personal data: owner-only (0600), and atomic (a temporary file in the
same folder, then a rename or a hard link), so a crash never leaves half a letter or half an
export behind. One core (`_finished_temp`) for both ways of writing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _finished_temp(target: Path, data: bytes | str, encoding: str) -> Path:
    """Write `data` to an owner-only temporary file beside `target` (its folder made owner-only when
    it is new) and return it, complete and flushed; the caller moves it into place."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=".vc-", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_private(path: str | os.PathLike[str], data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write `path` owner-only and atomically, replacing what was there."""
    target = Path(path)
    tmp = _finished_temp(target, data, encoding)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_private_new(path: str | os.PathLike[str], data: bytes | str, encoding: str = "utf-8") -> Path:
    """As `write_private`, but never overwrites: when `path` exists, `name-2.pdf`, `name-3.pdf` …
    The file appears complete or not at all (hard link of the finished temporary file)."""
    target = Path(path)
    tmp = _finished_temp(target, data, encoding)
    try:
        stem, n, candidate = target.stem, 1, target
        while True:
            try:
                os.link(tmp, candidate)
                return candidate
            except FileExistsError:
                n += 1
                candidate = target.with_name(f"{stem}-{n}{target.suffix}")
    finally:
        tmp.unlink(missing_ok=True)
