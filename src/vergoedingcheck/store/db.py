"""The coordinator's store: SQLite in the user's data directory.

Guarantees:
- the database file is created owner-only (0600, its directory 0700);
- WAL journal, foreign keys on, a busy timeout, so the app and an import in another process wait for
  each other instead of failing on a lock;
- every change is one transaction (`BEGIN IMMEDIATE`): a failure half-way leaves the database as it
  was, and two writers never interleave;
- edits carry the row's revision (`rev`): an edit based on a stale copy is refused with
  `ConflictError` instead of silently overwriting someone else's change;
- money is stored as decimal TEXT, never REAL;
- logs carry counts and schema versions only, never a name, a reference or an amount.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from vergoedingcheck.model import BENEFIT_TYPES, PAYMENT_KINDS, Benefit, Payment, Resident
from vergoedingcheck.records import PaymentRecord as PaymentRecord
from vergoedingcheck.records import ResidentRecord as ResidentRecord
from vergoedingcheck.records import to_models as to_models
from vergoedingcheck.store.schema import MIGRATIONS

log = logging.getLogger("vergoedingcheck.store")

BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """A store problem a user can act on (a message in Dutch for the app)."""


class ConflictError(StoreError):
    """The row was changed (or deleted) by someone else since it was read."""


class NotFound(StoreError):
    pass


# -- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LetterRecord:
    resident: str | None
    year: int
    kind: str
    lang: str
    inputs: dict[str, Any]
    result: dict[str, Any]
    fingerprint: str
    file_path: str | None = None
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ImportSummary:
    residents_added: int = 0
    residents_updated: int = 0
    payments_added: int = 0
    payments_skipped: int = 0  # exact duplicates of a payment already stored


# -- locating the database ---------------------------------------------------------------------


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("vergoedingcheck", appauthor=False)) / "vergoedingcheck.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else `VERGOEDINGCHECK_DB`, else the user's data directory."""
    raw = str(explicit) if explicit else os.environ.get("VERGOEDINGCHECK_DB")
    if raw:
        if raw.startswith(("postgres://", "postgresql://")):
            raise StoreError("PostgreSQL wordt nog niet ondersteund; geef een SQLite-bestand op")
        if raw.startswith("sqlite:///"):
            raw = raw[len("sqlite:///") :]
        return Path(raw).expanduser()
    return default_db_path()


def _prepare_file(path: Path) -> None:
    """Create the directory (0700) and the file (0600) before SQLite does it with the umask."""
    if str(path) == ":memory:":
        return
    parent = path.parent
    if not parent.exists():
        parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(parent, 0o700)
    if not path.exists():
        try:
            fd = os.open(path, os.O_CREAT | os.O_RDWR | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it a moment ago
            return
        os.close(fd)
        os.chmod(path, 0o600)


# -- conversions ----------------------------------------------------------------------------------


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _dec(s: str | None) -> Decimal | None:
    return Decimal(s) if s is not None and s != "" else None


def _money_text(d: Decimal | None) -> str | None:
    if d is None:
        return None
    if not isinstance(d, Decimal):
        raise TypeError("money must be a Decimal")
    return f"{d:.2f}"


def _hours_text(d: Decimal | None) -> str | None:
    if d is None:
        return None
    if not isinstance(d, Decimal):
        raise TypeError("hours must be a Decimal")
    return str(d)


def _address_text(lines: tuple[str, ...]) -> str | None:
    return "\n".join(line.strip() for line in lines if line.strip()) or None


def _payment_columns(p: PaymentRecord) -> tuple[object, ...]:
    """A payment's stored columns, in the order of the INSERT and UPDATE statements."""
    return (
        p.resident,
        p.date.isoformat(),
        _money_text(p.amount),
        p.kind,
        _hours_text(p.hours),
        int(p.receipts),
        int(p.in_kind),
        p.payer,
        p.note,
        p.status,
    )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# -- the store ----------------------------------------------------------------------------------


class Store:
    """One connection to one database. Thread-safe (one lock around the connection)."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = resolve_db_path(path)
        _prepare_file(self.path)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            str(self.path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        self._conn.row_factory = sqlite3.Row
        c = self._conn
        c.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        c.execute("PRAGMA foreign_keys = ON")
        mode = c.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal" and str(self.path) != ":memory:":
            log.warning("journal mode is %s, not WAL", mode)
        c.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    # -- plumbing ----------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any exception."""
        with self._lock:
            c = self._conn
            c.execute("BEGIN IMMEDIATE")
            try:
                yield c
            except BaseException:
                c.execute("ROLLBACK")
                raise
            else:
                c.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- schema ------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        rows = self._read("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'")
        if not rows:
            return 0
        row = self._read("SELECT MAX(version) AS v FROM schema_version")
        return int(row[0]["v"] or 0)

    def migrate(self, migrations: Sequence[str] = MIGRATIONS) -> None:
        """Apply the migrations this database has not had yet, each in its own transaction."""
        with self.transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        current = self.schema_version
        if current > len(migrations):
            raise StoreError(
                f"de database heeft schemaversie {current}; deze versie van "
                f"vergoedingcheck kent er {len(migrations)}: werk het programma bij"
            )
        for version, sql in enumerate(migrations, start=1):
            if version <= current:
                continue
            with self.transaction() as c:
                # re-check inside the lock: another process may have just migrated
                done = c.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,)).fetchone()
                if done:
                    continue
                for statement in _split_sql(sql):
                    c.execute(statement)
                c.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, _now()),
                )
            log.info("schema migrated to version %d", version)

    def is_empty(self) -> bool:
        return not self._read("SELECT 1 FROM residents LIMIT 1")

    # -- residents --------------------------------------------------------------------------
    def residents(self) -> list[ResidentRecord]:
        rows = self._read("SELECT * FROM residents ORDER BY COALESCE(name, id) COLLATE NOCASE, id")
        bens = self._benefits_by_resident()
        return [self._resident(r, bens.get(r["id"], ())) for r in rows]

    def resident(self, rid: str) -> ResidentRecord:
        rows = self._read("SELECT * FROM residents WHERE id = ?", (rid,))
        if not rows:
            raise NotFound(f"bewoner {rid} bestaat niet (meer)")
        return self._resident(rows[0], self._benefits_by_resident(rid).get(rid, ()))

    def _benefits_by_resident(self, rid: str | None = None) -> dict[str, tuple[Benefit, ...]]:
        sql = "SELECT * FROM benefits" + (" WHERE resident_id = ?" if rid else "") + " ORDER BY id"
        out: dict[str, list[Benefit]] = {}
        for b in self._read(sql, (rid,) if rid else ()):
            perm = b["uwv_permission"]
            out.setdefault(b["resident_id"], []).append(
                Benefit(
                    type=b["type"],
                    since=_d(b["since"]),
                    until=_d(b["until"]),
                    uwv_permission=None if perm is None else bool(perm),
                    ww_hourly_wage=_dec(b["ww_hourly_wage"]),
                    client_number=b["client_number"],
                )
            )
        return {k: tuple(v) for k, v in out.items()}

    @staticmethod
    def _resident(r: sqlite3.Row, benefits: tuple[Benefit, ...]) -> ResidentRecord:
        return ResidentRecord(
            id=r["id"],
            name=r["name"],
            birth_date=_d(r["birth_date"]),
            municipality=r["municipality"],
            household=r["household"],
            note=r["note"],
            benefits=benefits,
            rev=r["rev"],
            address=tuple(line for line in (r["address"] or "").split("\n") if line),
        )

    @staticmethod
    def _check_resident(rec: ResidentRecord) -> None:
        if not rec.id or not rec.id.strip():
            raise StoreError("een bewoner heeft een referentie nodig")
        for b in rec.benefits:
            if b.type not in BENEFIT_TYPES:
                raise StoreError(f"onbekende uitkering {b.type!r}")

    def add_resident(self, rec: ResidentRecord) -> ResidentRecord:
        self._check_resident(rec)
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM residents WHERE id = ?", (rec.id,)).fetchone():
                raise StoreError(f"er is al een bewoner met referentie {rec.id}")
            self._insert_resident(c, rec)
        return self.resident(rec.id)

    def _insert_resident(self, c: sqlite3.Connection, rec: ResidentRecord) -> None:
        now = _now()
        c.execute(
            "INSERT INTO residents (id, name, birth_date, municipality, household, note, address, "
            "rev, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (
                rec.id,
                rec.name,
                rec.birth_date.isoformat() if rec.birth_date else None,
                rec.municipality,
                rec.household,
                rec.note,
                _address_text(rec.address),
                now,
                now,
            ),
        )
        self._write_benefits(c, rec.id, rec.benefits)

    @staticmethod
    def _write_benefits(c: sqlite3.Connection, rid: str, benefits: Iterable[Benefit]) -> None:
        c.execute("DELETE FROM benefits WHERE resident_id = ?", (rid,))
        for b in benefits:
            c.execute(
                "INSERT INTO benefits (resident_id, type, since, until, uwv_permission, "
                "ww_hourly_wage, client_number) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    rid,
                    b.type,
                    b.since.isoformat() if b.since else None,
                    b.until.isoformat() if b.until else None,
                    None if b.uwv_permission is None else int(b.uwv_permission),
                    _money_text(b.ww_hourly_wage),
                    b.client_number,
                ),
            )

    def update_resident(self, rec: ResidentRecord, *, old_id: str | None = None) -> ResidentRecord:
        """Save an edited resident. `rec.rev` must be the revision that was read."""
        self._check_resident(rec)
        key = old_id or rec.id
        with self.transaction() as c:
            cur = c.execute(
                "UPDATE residents SET id = ?, name = ?, birth_date = ?, municipality = ?, "
                "household = ?, note = ?, address = ?, rev = rev + 1, updated_at = ? "
                "WHERE id = ? AND rev = ?",
                (
                    rec.id,
                    rec.name,
                    rec.birth_date.isoformat() if rec.birth_date else None,
                    rec.municipality,
                    rec.household,
                    rec.note,
                    _address_text(rec.address),
                    _now(),
                    key,
                    rec.rev,
                ),
            )
            if cur.rowcount != 1:
                raise ConflictError("deze bewoner is intussen gewijzigd of verwijderd; open hem opnieuw")
            self._write_benefits(c, rec.id, rec.benefits)
        return self.resident(rec.id)

    def delete_resident(self, rid: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM residents WHERE id = ?", (rid,))

    # -- payments ---------------------------------------------------------------------------
    def payments(self, resident: str | None = None, year: int | None = None) -> list[PaymentRecord]:
        sql = "SELECT * FROM payments WHERE 1=1"
        params: list[Any] = []
        if resident is not None:
            sql += " AND resident_id = ?"
            params.append(resident)
        if year is not None:
            sql += " AND date >= ? AND date <= ?"
            params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
        sql += " ORDER BY date, id"
        return [self._payment(r) for r in self._read(sql, params)]

    def payment(self, pid: int) -> PaymentRecord:
        rows = self._read("SELECT * FROM payments WHERE id = ?", (pid,))
        if not rows:
            raise NotFound("deze betaling bestaat niet (meer)")
        return self._payment(rows[0])

    @staticmethod
    def _payment(r: sqlite3.Row) -> PaymentRecord:
        return PaymentRecord(
            resident=r["resident_id"],
            date=date.fromisoformat(r["date"]),
            amount=Decimal(r["amount"]),
            kind=r["kind"],
            hours=_dec(r["hours"]),
            receipts=bool(r["receipts"]),
            in_kind=bool(r["in_kind"]),
            payer=r["payer"],
            note=r["note"],
            status=r["status"],
            id=r["id"],
            rev=r["rev"],
        )

    @staticmethod
    def _check_payment(p: PaymentRecord) -> None:
        if not isinstance(p.amount, Decimal) or p.amount <= 0:
            raise StoreError("het bedrag moet groter zijn dan € 0,00")
        if p.amount.as_tuple().exponent < -2:  # type: ignore[operator]
            raise StoreError("een bedrag heeft hoogstens twee decimalen")
        if p.kind not in PAYMENT_KINDS:
            raise StoreError(f"onbekende soort betaling {p.kind!r}")
        if p.status not in ("planned", "paid"):
            raise StoreError(f"onbekende status {p.status!r}")
        if p.hours is not None and p.hours < 0:
            raise StoreError("uren kunnen niet negatief zijn")

    def _insert_payment(self, c: sqlite3.Connection, p: PaymentRecord) -> int:
        self._check_payment(p)
        now = _now()
        cur = c.execute(
            "INSERT INTO payments (resident_id, date, amount, kind, hours, receipts, in_kind, "
            "payer, note, status, rev, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (*_payment_columns(p), now, now),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def add_payment(self, p: PaymentRecord) -> PaymentRecord:
        with self.transaction() as c:
            if not c.execute("SELECT 1 FROM residents WHERE id = ?", (p.resident,)).fetchone():
                raise StoreError(f"bewoner {p.resident} bestaat niet")
            pid = self._insert_payment(c, p)
        return self.payment(pid)

    def update_payment(self, p: PaymentRecord) -> PaymentRecord:
        if p.id is None:
            raise StoreError("deze betaling is nog niet opgeslagen")
        self._check_payment(p)
        with self.transaction() as c:
            cur = c.execute(
                "UPDATE payments SET resident_id = ?, date = ?, amount = ?, kind = ?, hours = ?, "
                "receipts = ?, in_kind = ?, payer = ?, note = ?, status = ?, rev = rev + 1, "
                "updated_at = ? WHERE id = ? AND rev = ?",
                (*_payment_columns(p), _now(), p.id, p.rev),
            )
            if cur.rowcount != 1:
                raise ConflictError("deze betaling is intussen gewijzigd of verwijderd; bekijk haar opnieuw")
        return self.payment(p.id)

    def mark_paid(self, pid: int) -> PaymentRecord:
        with self.transaction() as c:
            cur = c.execute(
                "UPDATE payments SET status = 'paid', rev = rev + 1, updated_at = ? WHERE id = ?",
                (_now(), pid),
            )
            if cur.rowcount != 1:
                raise NotFound("deze betaling bestaat niet (meer)")
        return self.payment(pid)

    def delete_payment(self, pid: int) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM payments WHERE id = ?", (pid,))

    # -- bulk -------------------------------------------------------------------------------
    def import_records(
        self, residents: Sequence[ResidentRecord], payments: Sequence[PaymentRecord]
    ) -> ImportSummary:
        """Add or update residents (their benefits replaced by the imported ones) and add payments,
        all in one transaction. A payment identical to one already stored is skipped, so importing
        the same file twice changes nothing."""
        for r in residents:
            self._check_resident(r)
        for p in payments:
            self._check_payment(p)
        added = updated = p_added = p_skipped = 0
        with self.transaction() as c:
            for r in residents:
                row = c.execute("SELECT note FROM residents WHERE id = ?", (r.id,)).fetchone()
                if row is None:
                    self._insert_resident(c, r)
                    added += 1
                else:
                    c.execute(
                        "UPDATE residents SET name = ?, birth_date = ?, municipality = ?, "
                        "household = ?, note = COALESCE(?, note), "
                        "address = COALESCE(?, address), rev = rev + 1, updated_at = ? "
                        "WHERE id = ?",
                        (
                            r.name,
                            r.birth_date.isoformat() if r.birth_date else None,
                            r.municipality,
                            r.household,
                            r.note,
                            _address_text(r.address),
                            _now(),
                            r.id,
                        ),
                    )
                    self._write_benefits(c, r.id, r.benefits)
                    updated += 1
            existing: dict[str, list[PaymentRecord]] = {}
            for p in payments:
                if p.resident not in existing:
                    existing[p.resident] = [
                        self._payment(x)
                        for x in c.execute("SELECT * FROM payments WHERE resident_id = ?", (p.resident,))
                    ]
                if any(p.same_content(e) for e in existing[p.resident]):
                    p_skipped += 1
                    continue
                if not c.execute("SELECT 1 FROM residents WHERE id = ?", (p.resident,)).fetchone():
                    raise StoreError(f"betaling voor onbekende bewoner {p.resident}")
                self._insert_payment(c, p)
                existing[p.resident].append(p)
                p_added += 1
        log.info(
            "import: %d residents added, %d updated, %d payments added, %d skipped",
            added,
            updated,
            p_added,
            p_skipped,
        )
        return ImportSummary(added, updated, p_added, p_skipped)

    # -- letters ----------------------------------------------------------------------------
    def record_letter(self, letter: LetterRecord) -> int:
        """Record a check that produced a letter (inputs, result, ruleset fingerprint)."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO letters (resident_id, year, kind, lang, created_at, inputs, result, "
                "fingerprint, file_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    letter.resident,
                    letter.year,
                    letter.kind,
                    letter.lang,
                    letter.created_at or _now(),
                    json.dumps(letter.inputs, ensure_ascii=False, sort_keys=True, default=str),
                    json.dumps(letter.result, ensure_ascii=False, sort_keys=True, default=str),
                    letter.fingerprint,
                    letter.file_path,
                ),
            )
            assert cur.lastrowid is not None
            return cur.lastrowid

    def letters(self, resident: str | None = None) -> list[LetterRecord]:
        sql = "SELECT * FROM letters" + (" WHERE resident_id = ?" if resident else "")
        rows = self._read(sql + " ORDER BY created_at, id", (resident,) if resident else ())
        return [
            LetterRecord(
                resident=r["resident_id"],
                year=r["year"],
                kind=r["kind"],
                lang=r["lang"],
                inputs=json.loads(r["inputs"]),
                result=json.loads(r["result"]),
                fingerprint=r["fingerprint"],
                file_path=r["file_path"],
                created_at=r["created_at"],
                id=r["id"],
            )
            for r in rows
        ]

    # -- engine input -----------------------------------------------------------------------
    def engine_input(self) -> tuple[list[Resident], list[Payment]]:
        return to_models(self.residents(), self.payments())


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
