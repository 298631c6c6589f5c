"""Backups that restore (issue 12 item 6): SQLite's online backup API, owner-only, timestamped.

A backup is a consistent copy even while the app or an import is writing (the backup API copies
one snapshot, WAL included). It is written to a temporary file beside the destination, checked
(`PRAGMA integrity_check`, a known schema) and only then renamed into place: a failed backup
leaves no file. PostgreSQL: `pg_dump`/`pg_restore` (the commands refuse with that advice).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from vergoedingcheck.store.db import Store, StoreError, is_postgres, resolve_db_path

PG_ADVICE = (
    "voor PostgreSQL maakt de databasebeheerder de back-up: "
    "pg_dump --format=custom --file=vergoedingcheck.dump 'postgresql://…' "
    "(terugzetten: pg_restore --clean --dbname='postgresql://…' vergoedingcheck.dump)"
)


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def backup_path(db: Path, dest: str | os.PathLike[str] | None) -> Path:
    """DEST as given; a folder (existing, or ending in /) gets a timestamped file inside; no DEST:
    a `backups` folder next to the database."""
    name = f"{db.stem}-{_timestamp()}.db"
    if dest is None:
        return db.parent / "backups" / name
    d = Path(dest).expanduser()
    if d.is_dir() or str(dest).endswith(os.sep):
        return d / name
    return d


def _copy(src: sqlite3.Connection, target: Path) -> None:
    """src -> a new owner-only file at `target`, complete or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".vc-backup-", suffix=".tmp", dir=target.parent)
    os.fchmod(fd, 0o600)
    os.close(fd)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
        if ok != "ok":
            raise StoreError(f"de back-up {target} is niet in orde ({ok}): er is niets geschreven")
        if target.exists():
            raise StoreError(f"{target} bestaat al: kies een andere naam (een back-up overschrijft niets)")
        os.link(tmp, target)
    except sqlite3.Error as exc:
        raise StoreError(f"de back-up naar {target} is mislukt: {exc}: er is niets geschreven") from None
    except OSError as exc:
        raise StoreError(
            f"de back-up naar {target} is mislukt: {exc.strerror or exc}: er is niets geschreven"
        ) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def backup(db: str | os.PathLike[str] | None, dest: str | os.PathLike[str] | None = None) -> Path:
    if is_postgres(db):
        raise StoreError(PG_ADVICE)
    path = resolve_db_path(db)
    with Store(path, create=False):  # the usual checks: exists, not corrupt, known schema
        pass
    target = backup_path(path, dest)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _copy(src, target)
    finally:
        src.close()
    return target


def _check_backup(path: Path) -> None:
    if not path.is_file():
        raise StoreError(f"de back-up {path} bestaat niet")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path} is geen bruikbare back-up: {exc}") from None
    if ok != "ok" or not {"residents", "payments"} <= tables:
        raise StoreError(f"{path} is geen vergoedingcheck-back-up (of hij is beschadigd)")


def restore(
    source: str | os.PathLike[str], db: str | os.PathLike[str] | None, *, force: bool = False
) -> tuple[Path, Path | None]:
    """Put a backup back as the store at `db`. A store that holds data is only replaced with
    `force`, and then first saved itself as a backup. Returns (db path, safety copy or None)."""
    if is_postgres(db):
        raise StoreError(PG_ADVICE)
    src_path = Path(source).expanduser()
    _check_backup(src_path)
    path = resolve_db_path(db)
    saved: Path | None = None
    if path.exists():
        with Store(path, create=False) as current:
            empty = current.is_empty()
        if not empty:
            if not force:
                raise StoreError(
                    f"de database {path} bevat al gegevens: --force vervangt hem "
                    "(hij wordt eerst zelf als back-up bewaard)"
                )
            saved = backup(path, path.parent / "backups" / f"{path.stem}-voor-terugzetten-{_timestamp()}.db")
    else:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_RDWR | os.O_EXCL, 0o600))
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(path, timeout=15)
        try:
            src.backup(dst)  # page by page into the live file, under SQLite's own locks
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise StoreError(f"terugzetten naar {path} is mislukt: {exc}") from None
    finally:
        src.close()
    with Store(path, create=False):  # an older backup is migrated to the current schema
        pass
    return path, saved
