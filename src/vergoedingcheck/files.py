"""Writing files that hold personal data: owner-only (0600), and atomic (a temporary file in the
same folder, then a rename), so a crash never leaves half a letter or half an export behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_private(path: str | os.PathLike[str], data: bytes | str, encoding: str = "utf-8") -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=".vc-", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_private_new(path: str | os.PathLike[str], data: bytes | str, encoding: str = "utf-8") -> Path:
    """As `write_private`, but never overwrites: when `path` exists, `name-2.pdf`, `name-3.pdf` …
    The file appears complete or not at all (hard link of the finished temporary file)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=".vc-", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        stem, n, candidate = target.stem, 1, target
        while True:
            try:
                os.link(tmp, candidate)
                return candidate
            except FileExistsError:
                n += 1
                candidate = target.with_name(f"{stem}-{n}{target.suffix}")
    finally:
        Path(tmp).unlink(missing_ok=True)
