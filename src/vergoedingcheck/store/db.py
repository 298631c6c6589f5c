"""The coordinator's store: SQLite in the user's data directory, or a PostgreSQL database.

One code path for both engines (SQLAlchemy Core, Alembic migrations, psycopg 3 for PostgreSQL).

Guarantees:
- a SQLite file is created owner-only (0600, its directory 0700);
- SQLite: WAL journal, foreign keys on, a busy timeout, so the app and an import in another process
  wait for each other instead of failing on a lock;
- every change is one transaction (SQLite `BEGIN IMMEDIATE`, PostgreSQL a transaction-scoped advisory
  lock): a failure half-way leaves the database as it was, and two writers never interleave;
- reading takes no write lock, and opening migrates only when the schema is behind;
- edits carry the row's revision (`rev`): an edit based on a stale copy is refused with
  `ConflictError` instead of silently overwriting someone else's change;
- money is stored as decimal TEXT, never REAL;
- logs carry counts and schema versions only, never a name, a reference or an amount.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import stat
import sys
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping

from vergoedingcheck.model import BENEFIT_TYPES, PAYMENT_KINDS, Benefit, Payer, Payment, Resident
from vergoedingcheck.records import PaymentRecord as PaymentRecord
from vergoedingcheck.records import ResidentRecord as ResidentRecord
from vergoedingcheck.records import to_models as to_models
from vergoedingcheck.store import schema as t
from vergoedingcheck.validation import (
    MAX_NOTE_LENGTH,
    BoundError,
    check_amount,
    check_birth_date,
    check_date,
    check_hours,
    check_id,
    check_period,
    check_text,
    ww_only_error,
)

log = logging.getLogger("vergoedingcheck.store")
_T = TypeVar("_T")

BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """A store problem a user can act on (a message in Dutch for the app)."""


class ConflictError(StoreError):
    """The row was changed (or deleted) by someone else since it was read."""


class NotFound(StoreError):
    pass


class AlreadyImported(StoreError):
    """This very file (the same SHA-256) was imported before: importing it again would add its
    payments without a reference a second time. Refused unless the caller asks for it."""


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


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded change: who (database role, or OS user on SQLite), when (UTC), which table and
    row, and the row before and after (None for an insert / a delete)."""

    id: int
    at: str
    who: str
    table: str
    action: str  # insert | update | delete
    row_key: str | None
    resident: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def changed(self) -> dict[str, tuple[Any, Any]]:
        """The fields that differ: {field: (before, after)}."""
        b, a = self.before or {}, self.after or {}
        return {k: (b.get(k), a.get(k)) for k in sorted(set(b) | set(a)) if b.get(k) != a.get(k)}


@dataclass(frozen=True)
class ImportSummary:
    residents_added: int = 0
    residents_updated: int = 0
    payments_added: int = 0
    payments_skipped: int = 0  # a payment whose reference the store holds with the same content
    payers_added: int = 0  # case files: payers new to the store (identical ones are kept as they are)
    payments_updated: int = 0  # a payment whose reference the store holds with other content
    payments_lookalike: int = 0
    """Added payments without a reference that look like one already stored (same resident, day,
    amount, ...): added all the same (two EUR 120 payments on one day are two payments), but worth a
    look when a file was imported twice under another name."""


@dataclass(frozen=True)
class ImportSource:
    """The file an import comes from: its SHA-256 (remembered in `import_files`) and its name."""

    sha256: str
    name: str


def already_imported_message(at: str, name: str | None) -> str:
    return (
        f"dit bestand is al ingelezen op {at[:10]} om {at[11:16]} UTC"
        + (f" (als {name})" if name else "")
        + ": er is niets ingelezen. Nog eens inlezen voegt de betalingen zonder kenmerk opnieuw toe; "
        "is dat de bedoeling, lees het dan in met --opnieuw"
    )


# -- locating the database ---------------------------------------------------------------------

PG_PREFIXES = ("postgres://", "postgresql://", "postgresql+psycopg://")


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("vergoedingcheck", appauthor=False)) / "vergoedingcheck.db"


def demo_db_path() -> Path:
    """The demo's own database, next to the user's real one and never it (`app --demo`,
    `make run`): voorbeeldgegevens never mix with real residents."""
    return default_db_path().with_name("vergoedingcheck-demo.db")


def _raw_target(explicit: str | os.PathLike[str] | None) -> str | None:
    return str(explicit) if explicit else os.environ.get("VERGOEDINGCHECK_DB")


def is_postgres(target: str | os.PathLike[str] | None) -> bool:
    raw = _raw_target(target)
    return bool(raw) and str(raw).startswith(PG_PREFIXES)


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else `VERGOEDINGCHECK_DB`, else the user's data directory (SQLite only)."""
    raw = _raw_target(explicit)
    if raw:
        if raw.startswith(PG_PREFIXES):
            raise StoreError("dit is een PostgreSQL-database, geen SQLite-bestand")
        if raw.startswith("sqlite:///"):
            raw = raw[len("sqlite:///") :]
        return Path(raw).expanduser()
    return default_db_path()


def resolve_db(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """The SQLite path, or the PostgreSQL URL as given."""
    raw = _raw_target(explicit)
    if raw and raw.startswith(PG_PREFIXES):
        return raw
    return resolve_db_path(explicit)


def _pg_url(raw: str) -> sa.URL:
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            raw = "postgresql+psycopg://" + raw[len(prefix) :]
    return sa.make_url(raw)


def _tighten(path: Path, mode: int) -> None:
    """Personal data: make `path` owner-only if it is not; warn when that is not possible."""
    try:
        st = path.stat()
    except OSError:
        return
    if stat.S_IMODE(st.st_mode) & ~mode == 0:
        return
    try:
        os.chmod(path, stat.S_IMODE(st.st_mode) & mode)
        log.warning("permissions of %s tightened to %o (personal data)", path.name, mode)
    except OSError:
        print(
            f"vergoedingcheck: let op: {path} is leesbaar voor anderen en kan niet worden afgeschermd "
            f"(chmod {mode:o} {path})",
            file=sys.stderr,
        )


def _prepare_file(path: Path, *, create: bool, explicit: bool) -> None:
    """Create the directory (0700) and the file (0600) before SQLite does it with the umask;
    tighten an existing database (and its WAL files) that others could read."""
    if str(path) == ":memory:":
        return
    parent = path.parent
    if not path.exists():
        if not create:
            raise StoreError(
                f"de database {path} bestaat niet (maak een nieuwe met --create, "
                "of vul er een met `vergoedingcheck demo --db PAD`)"
            )
        if not parent.exists():
            parent.mkdir(parents=True, mode=0o700, exist_ok=True)
            os.chmod(parent, 0o700)
        try:
            fd = os.open(path, os.O_CREAT | os.O_RDWR | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it a moment ago
            pass
        else:
            os.close(fd)
            os.chmod(path, 0o600)
    if not explicit:  # the user's own data directory (never a shared folder given with --db)
        _tighten(parent, 0o700)
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        _tighten(p, 0o600)


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


def _payment_columns(p: PaymentRecord) -> dict[str, object]:
    """A payment's stored columns (the INSERT and UPDATE statements share them)."""
    return {
        "resident_id": p.resident,
        "date": p.date.isoformat(),
        "amount": _money_text(p.amount),
        "kind": p.kind,
        "hours": _hours_text(p.hours),
        "receipts": int(p.receipts),
        "in_kind": int(p.in_kind),
        "payer": p.payer,
        "note": p.note,
        "status": p.status,
        "ref": p.ref,
    }


def _new_ref() -> str:
    """A reference for a payment that came without one (the app's form, a file without `id` or
    `kenmerk`): `auto-` and 12 random hex digits, never a row id (the migration's `auto-<id>`)."""
    return t.AUTO_REF_PREFIX + secrets.token_hex(6)


def _resident_columns(rec: ResidentRecord) -> dict[str, object]:
    return {
        "id": rec.id,
        "name": rec.name,
        "birth_date": rec.birth_date.isoformat() if rec.birth_date else None,
        "municipality": rec.municipality,
        "household": rec.household,
        "note": rec.note,
        "address": _address_text(rec.address),
    }


def _benefit_columns(rid: str, b: Benefit) -> dict[str, object]:
    return {
        "resident_id": rid,
        "type": b.type,
        "since": b.since.isoformat() if b.since else None,
        "until": b.until.isoformat() if b.until else None,
        "uwv_permission": None if b.uwv_permission is None else int(b.uwv_permission),
        "ww_hourly_wage": _money_text(b.ww_hourly_wage),
        "client_number": b.client_number,
    }


def _payment_key(p: PaymentRecord) -> tuple[object, ...]:
    """A payment's content, as stored (so 50 and 50.00 are one amount), without id, revision and
    reference."""
    return tuple(v for k, v in sorted(_payment_columns(p).items()) if k != "ref")


def _batches(items: Sequence[_T], n: int) -> Iterator[Sequence[_T]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _os_user() -> str:
    """Who, on SQLite: the OS account (there are no database roles)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "onbekend"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# -- migrations ---------------------------------------------------------------------------------

LIVE_CHANNEL = "vergoedingcheck"  # PostgreSQL: the database NOTIFYs after every write (migration 0007)
PG_WRITE_LOCK = 0x76_63_73_74  # "vcst": one writer at a time, as SQLite's BEGIN IMMEDIATE gives


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.attributes["connection"] = conn
    return cfg


def _script() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(Path(__file__).parent / "migrations"))


def head_revision() -> str:
    return str(_script().get_current_head())


def _current_revision(conn: Connection) -> str | None:
    insp = sa.inspect(conn)
    if insp.has_table("alembic_version"):
        row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])
    if insp.has_table("schema_version"):  # a store from before Alembic
        v = conn.execute(sa.text("SELECT MAX(version) FROM schema_version")).scalar()
        if v is None:
            return None
        if int(v) not in t.LEGACY_VERSIONS:
            raise StoreError(_newer_schema(str(v)))
        return "legacy:" + t.LEGACY_VERSIONS[int(v)]
    return None


def _reason(exc: sa.exc.DBAPIError) -> str:
    """The driver's first line (no SQL, no parameters: nothing personal)."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__


SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 11, 13, 14, 26
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def _translate(exc: sa.exc.DBAPIError, where: object) -> StoreError:
    """A driver error as one sentence a coordinator can act on (never SQL or values)."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    primary = None if code is None else int(code) & 0xFF
    state = str(getattr(orig, "sqlstate", "") or "")
    reason = _reason(exc)
    if primary == SQLITE_FULL or state.startswith("53"):
        return StoreError(
            f"de schijf van de database {where} is vol: er is niets opgeslagen; maak ruimte vrij en "
            "probeer het opnieuw"
        )
    if primary == SQLITE_READONLY or state == "25006":
        return StoreError(
            f"de database {where} is alleen-lezen: er is niets opgeslagen (controleer de rechten "
            "van het bestand en de map)"
        )
    if state == "42501":
        return StoreError(f"u hebt geen recht op deze wijziging in de database {where}: {reason}")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreError(f"de database {where} is beschadigd of geen vergoedingcheck-database: {reason}")
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or state in ("40001", "40P01", "55P03"):
        return StoreError(f"de database {where} is bezet door een ander programma; probeer het zo opnieuw")
    if primary == SQLITE_CANTOPEN or state.startswith("08"):
        return StoreError(f"de database {where} kan niet worden geopend: {reason}")
    return StoreError(f"de database {where} weigerde dit: {reason}")


def _known_revision(rev: str) -> bool:
    from alembic.util import CommandError

    try:
        return _script().get_revision(rev) is not None
    except CommandError:
        return False


def _newer_schema(found: str) -> str:
    return (
        f"de database heeft schemaversie {found}; deze versie van vergoedingcheck kent die niet "
        f"(nieuwste: {head_revision()}): werk het programma bij"
    )


def _audit_entry(r: RowMapping) -> AuditEntry:
    return AuditEntry(
        id=int(r["id"]),
        at=r["at"],
        who=r["who"],
        table=r["table_name"],
        action=r["action"],
        row_key=r["row_key"],
        resident=r["resident_id"],
        before=None if r["before"] is None else json.loads(r["before"]),
        after=None if r["after"] is None else json.loads(r["after"]),
    )


# -- the store ----------------------------------------------------------------------------------


class Store:
    """One store (a pool of connections to one database). Thread-safe."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, create: bool = True):
        """`create=False` (the commands, for `--db`/`VERGOEDINGCHECK_DB`): a SQLite file that does not
        exist is an error instead of a new, empty store. The default location is always created."""
        target = resolve_db(path)
        explicit = _raw_target(path) is not None
        self.path: Path | str
        self._lock = threading.RLock()
        if isinstance(target, str):
            url = _pg_url(target)
            self.path = url.render_as_string(hide_password=True)
            self.dialect = "postgresql"
            self.engine: Engine = sa.create_engine(url, pool_pre_ping=True)
        else:
            self.path = target
            self.dialect = "sqlite"
            _prepare_file(target, create=create or not explicit, explicit=explicit)
            poolclass = sa.pool.StaticPool if str(target) == ":memory:" else None
            self.engine = sa.create_engine(
                f"sqlite:///{target}",
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                **({"poolclass": poolclass} if poolclass else {}),
            )
            sa.event.listen(self.engine, "connect", self._sqlite_connect)
        sa.event.listen(self.engine, "begin", self._begin)
        try:
            if self.schema_revision != head_revision():
                self.migrate()
        except sa.exc.DBAPIError as exc:
            self.engine.dispose()
            err = _translate(exc, self.path)
            if "weigerde" in str(err):
                err = StoreError(f"de database {self.path} kan niet worden geopend: {_reason(exc)}")
            raise err from None
        except BaseException:
            self.engine.dispose()
            raise

    # -- plumbing ----------------------------------------------------------------------------
    @staticmethod
    def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() not in ("wal", "memory"):
            log.warning("journal mode is %s, not WAL", mode)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    def _begin(self, conn: Connection) -> None:
        write = conn.get_execution_options().get("vc_write", False)
        if self.dialect == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        elif write:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")

    def close(self) -> None:
        with self._lock:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, *, audited: bool = True) -> Iterator[Connection]:
        """One write transaction; rolled back on any exception. A database error (read-only, full
        disk, corrupt, ...) becomes a `StoreError` with one sentence. On SQLite the OS user is
        put in `audit_actor` for the audit triggers, and removed again before the commit."""
        actor = audited and self.dialect == "sqlite"
        try:
            with self._lock, self.engine.connect() as c:
                c.execution_options(vc_write=True)
                with c.begin():
                    if actor:
                        c.execute(t.audit_actor.insert().values(who=_os_user()))
                    yield c
                    if actor:
                        c.execute(t.audit_actor.delete())
        except sa.exc.DBAPIError as exc:
            raise _translate(exc, self.path) from None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction (no write lock: a long import elsewhere does not block it)."""
        try:
            with self._lock, self.engine.connect() as c, c.begin():
                yield c
        except sa.exc.DBAPIError as exc:
            raise _translate(exc, self.path) from None

    def _read(self, stmt: sa.Executable) -> list[RowMapping]:
        with self.reading() as c:
            return list(c.execute(stmt).mappings())

    # -- schema ------------------------------------------------------------------------------
    @property
    def schema_revision(self) -> str | None:
        with self._lock, self.engine.connect() as c, c.begin():
            return _current_revision(c)

    @property
    def schema_version(self) -> int:
        rev = self.schema_revision
        return 0 if rev is None else int(rev.removeprefix("legacy:"))

    def migrate(self, target: str = "head") -> None:
        """Bring the schema up to `target` (default the newest), all in one transaction."""
        from alembic import command

        with self.transaction(audited=False) as c:
            current = _current_revision(c)  # again, inside the lock: another process may have done it
            if current is not None and current.startswith("legacy:"):
                c.execute(
                    sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
                )
                c.execute(
                    sa.text("INSERT INTO alembic_version VALUES (:v)"), {"v": current.removeprefix("legacy:")}
                )
                current = current.removeprefix("legacy:")
            if current is not None and not _known_revision(current):
                raise StoreError(_newer_schema(current))
            command.upgrade(_alembic_config(c), target)
        log.info("schema at revision %s", self.schema_revision)

    def is_empty(self) -> bool:
        return not self._read(sa.select(t.residents.c.id).limit(1))

    # -- residents --------------------------------------------------------------------------
    def residents(self) -> list[ResidentRecord]:
        r = t.residents.c
        rows = self._read(
            sa.select(t.residents).order_by(sa.func.lower(sa.func.coalesce(r.name, r.id)), r.id)
        )
        bens = self._benefits_by_resident()
        return [self._resident(row, bens.get(row["id"], ())) for row in rows]

    def resident(self, rid: str) -> ResidentRecord:
        rows = self._read(sa.select(t.residents).where(t.residents.c.id == rid))
        if not rows:
            raise NotFound(f"bewoner {rid} bestaat niet (meer)")
        return self._resident(rows[0], self._benefits_by_resident(rid).get(rid, ()))

    def _benefits_by_resident(
        self, rid: str | None = None, *, ids: Collection[str] | None = None
    ) -> dict[str, tuple[Benefit, ...]]:
        stmt = sa.select(t.benefits).order_by(t.benefits.c.id)
        if rid:
            stmt = stmt.where(t.benefits.c.resident_id == rid)
        if ids is not None:
            stmt = stmt.where(t.benefits.c.resident_id.in_(list(ids)))
        out: dict[str, list[Benefit]] = {}
        for b in self._read(stmt):
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
    def _resident(r: RowMapping, benefits: tuple[Benefit, ...]) -> ResidentRecord:
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
        """The same bounds as case files and spreadsheets (validation.py, issue 9 item 2): the
        store is the last gate for every way in (the app's forms, imports, scripts)."""
        if not rec.id or not rec.id.strip():
            raise StoreError("een bewoner heeft een referentie nodig")
        try:
            check_id(rec.id)
            for text in (rec.name, rec.municipality, rec.household, *rec.address):
                if text is not None:
                    check_text(text)
            if rec.note is not None:
                check_text(rec.note, MAX_NOTE_LENGTH)
            if rec.birth_date is not None:
                check_date(rec.birth_date)
                check_birth_date(rec.birth_date)
            for b in rec.benefits:
                for d in (b.since, b.until):
                    if d is not None:
                        check_date(d)
                check_period(b.since, b.until)
                if b.type != "ww" and (b.uwv_permission is not None or b.ww_hourly_wage is not None):
                    raise ww_only_error()
                if b.ww_hourly_wage is not None:
                    check_amount(b.ww_hourly_wage)
        except BoundError as exc:
            raise StoreError(f"bewoner {rec.id[:40]}: {exc.nl}") from None
        for b in rec.benefits:
            if b.type not in BENEFIT_TYPES:
                raise StoreError(f"onbekende uitkering {b.type!r}")

    @staticmethod
    def _exists(c: Connection, rid: str) -> bool:
        return c.execute(sa.select(t.residents.c.id).where(t.residents.c.id == rid)).first() is not None

    def add_resident(self, rec: ResidentRecord) -> ResidentRecord:
        self._check_resident(rec)
        with self.transaction() as c:
            if self._exists(c, rec.id):
                raise StoreError(f"er is al een bewoner met referentie {rec.id}")
            self._insert_resident(c, rec)
        return self.resident(rec.id)

    def _insert_resident(self, c: Connection, rec: ResidentRecord) -> None:
        now = _now()
        c.execute(
            t.residents.insert().values(**_resident_columns(rec), rev=1, created_at=now, updated_at=now)
        )
        self._write_benefits(c, rec.id, rec.benefits)

    @staticmethod
    def _write_benefits(c: Connection, rid: str, benefits: Iterable[Benefit]) -> None:
        c.execute(t.benefits.delete().where(t.benefits.c.resident_id == rid))
        rows = [_benefit_columns(rid, b) for b in benefits]
        if rows:
            c.execute(t.benefits.insert(), rows)

    def update_resident(self, rec: ResidentRecord, *, old_id: str | None = None) -> ResidentRecord:
        """Save an edited resident. `rec.rev` must be the revision that was read."""
        self._check_resident(rec)
        key = old_id or rec.id
        r = t.residents.c
        with self.transaction() as c:
            cur = c.execute(
                t.residents.update()
                .where(r.id == key, r.rev == rec.rev)
                .values(**_resident_columns(rec), rev=r.rev + 1, updated_at=_now())
            )
            if cur.rowcount != 1:
                raise ConflictError("deze bewoner is intussen gewijzigd of verwijderd; open hem opnieuw")
            self._write_benefits(c, rec.id, rec.benefits)
        return self.resident(rec.id)

    def delete_resident(self, rid: str) -> None:
        with self.transaction() as c:
            c.execute(t.residents.delete().where(t.residents.c.id == rid))

    # -- payments ---------------------------------------------------------------------------
    def payments(self, resident: str | None = None, year: int | None = None) -> list[PaymentRecord]:
        p = t.payments.c
        stmt = sa.select(t.payments)
        if resident is not None:
            stmt = stmt.where(p.resident_id == resident)
        if year is not None:
            stmt = stmt.where(p.date >= f"{year:04d}-01-01", p.date <= f"{year:04d}-12-31")
        stmt = stmt.order_by(p.date, p.id)
        return [self._payment(r) for r in self._read(stmt)]

    def payment(self, pid: int) -> PaymentRecord:
        rows = self._read(sa.select(t.payments).where(t.payments.c.id == pid))
        if not rows:
            raise NotFound("deze betaling bestaat niet (meer)")
        return self._payment(rows[0])

    @staticmethod
    def _payment(r: RowMapping) -> PaymentRecord:
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
            ref=r["ref"],
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
        try:  # the same bounds as case files and spreadsheets (validation.py)
            check_id(p.resident)
            check_date(p.date)
            if p.ref is not None:
                check_id(p.ref)
            check_amount(p.amount)
            if p.hours is not None:
                check_hours(p.hours)
            if p.payer is not None:
                check_text(p.payer)
            if p.note is not None:
                check_text(p.note, MAX_NOTE_LENGTH)
        except BoundError as exc:
            raise StoreError(f"betaling van {p.date.isoformat()}: {exc.nl}") from None

    def _insert_payment(self, c: Connection, p: PaymentRecord) -> int:
        self._check_payment(p)
        self._ref_free(c, p)
        now = _now()
        cols = {**_payment_columns(p), "ref": p.ref or _new_ref()}
        pid = c.execute(
            t.payments.insert()
            .values(**cols, rev=1, created_at=now, updated_at=now)
            .returning(t.payments.c.id)
        ).scalar_one()
        return int(pid)

    @staticmethod
    def _ref_free(c: Connection, p: PaymentRecord) -> None:
        """A reference is unique per resident: one already used by another payment is refused."""
        if p.ref is None:
            return
        col = t.payments.c
        stmt = sa.select(col.id).where(col.resident_id == p.resident, col.ref == p.ref)
        if p.id is not None:
            stmt = stmt.where(col.id != p.id)
        if c.execute(stmt).first() is not None:
            raise StoreError(f"bewoner {p.resident} heeft al een betaling met kenmerk {p.ref[:40]}")

    def add_payment(self, p: PaymentRecord) -> PaymentRecord:
        with self.transaction() as c:
            if not self._exists(c, p.resident):
                raise StoreError(f"bewoner {p.resident} bestaat niet")
            pid = self._insert_payment(c, p)
        return self.payment(pid)

    def add_payments(self, payments: Sequence[PaymentRecord]) -> list[PaymentRecord]:
        """Add several payments (a recurring series) in one transaction: all or none. Never matched
        against what the store holds: each one is a new payment."""
        with self.transaction() as c:
            for rid in {p.resident for p in payments}:
                if not self._exists(c, rid):
                    raise StoreError(f"bewoner {rid} bestaat niet")
            pids = [self._insert_payment(c, p) for p in payments]
        return [self.payment(pid) for pid in pids]

    def update_payment(self, p: PaymentRecord) -> PaymentRecord:
        if p.id is None:
            raise StoreError("deze betaling is nog niet opgeslagen")
        self._check_payment(p)
        col = t.payments.c
        values = _payment_columns(p)
        if p.ref is None:
            del values["ref"]  # a record without a reference keeps the one it has
        with self.transaction() as c:
            self._ref_free(c, p)
            cur = c.execute(
                t.payments.update()
                .where(col.id == p.id, col.rev == p.rev)
                .values(**values, rev=col.rev + 1, updated_at=_now())
            )
            if cur.rowcount != 1:
                raise ConflictError("deze betaling is intussen gewijzigd of verwijderd; bekijk haar opnieuw")
        return self.payment(p.id)

    def mark_paid(self, pid: int) -> PaymentRecord:
        col = t.payments.c
        with self.transaction() as c:
            cur = c.execute(
                t.payments.update()
                .where(col.id == pid)
                .values(status="paid", rev=col.rev + 1, updated_at=_now())
            )
            if cur.rowcount != 1:
                raise NotFound("deze betaling bestaat niet (meer)")
        return self.payment(pid)

    def delete_payment(self, pid: int) -> None:
        with self.transaction() as c:
            c.execute(t.payments.delete().where(t.payments.c.id == pid))

    # -- bulk -------------------------------------------------------------------------------
    IMPORT_BATCH = 2000  # rows per INSERT statement (executemany) in an import

    def import_records(
        self,
        residents: Sequence[ResidentRecord],
        payments: Sequence[PaymentRecord],
        *,
        progress: Callable[[int, int], None] | None = None,
        payers: Sequence[Payer] = (),
        source: ImportSource | None = None,
        again: bool = False,
    ) -> ImportSummary:
        """Add or update residents (their benefits replaced by the imported ones) and add payments,
        all in one transaction.

        `payers` (a case file's `payers:`): a payer new to the store is added; one the store already
        holds with the same type and below-market-rate answer is left alone; one that the store holds
        differently is an error and nothing is imported (never silently overwritten or dropped).

        Payments are matched on their reference (`ref`, unique per resident; issue 9 item 1), never
        on their content: a payment whose reference the store holds with the same content is
        skipped, with other content it is updated; a reference twice in one import is an error. A
        payment without a reference is always added (two EUR 120 payments on one day are two
        payments, from one file or from two) and gets a reference of its own. `source`: the file's
        SHA-256; the same file imported again is refused (`AlreadyImported`) unless `again`.

        Linear in the number of rows (one dictionary of references, rows written in batches).
        `progress(done, total)` is called as rows are written."""
        for r in residents:
            self._check_resident(r)
        for p in payments:
            self._check_payment(p)
        in_file: set[tuple[str, str]] = set()
        for p in payments:
            if p.ref is not None:
                if (p.resident, p.ref) in in_file:
                    raise StoreError(
                        f"bewoner {p.resident[:40]}: kenmerk {p.ref[:40]} staat twee keer in het bestand; "
                        "er is niets ingelezen"
                    )
                in_file.add((p.resident, p.ref))
        total = len(residents) + len(payments)
        done = 0
        added = updated = p_added = p_skipped = p_updated = p_alike = 0
        rc = t.residents.c
        with self.transaction() as c:
            if source is not None:
                self._remember_file(c, source, again)
            payers_added = self._import_payers(c, payers)
            wanted = {r.id for r in residents} | {p.resident for p in payments}
            known = self._existing_ids(c, wanted)
            new_rows: list[dict[str, object]] = []
            upd_rows: list[dict[str, object]] = []
            now = _now()
            seen: set[str] = set()
            for r in residents:
                cols = _resident_columns(r)
                if r.id not in known and r.id not in seen:
                    new_rows.append({**cols, "rev": 1, "created_at": now, "updated_at": now})
                    added += 1
                else:
                    upd_rows.append({**{f"n_{k}": v for k, v in cols.items()}, "now": now})
                    updated += 1
                seen.add(r.id)
            for batch in _batches(new_rows, self.IMPORT_BATCH):
                c.execute(t.residents.insert(), batch)
            if upd_rows:
                bp = sa.bindparam
                c.execute(
                    t.residents.update()
                    .where(rc.id == bp("n_id"))
                    .values(
                        name=bp("n_name"),
                        birth_date=bp("n_birth_date"),
                        municipality=bp("n_municipality"),
                        household=bp("n_household"),
                        note=sa.func.coalesce(bp("n_note", type_=sa.Text), rc.note),
                        address=sa.func.coalesce(bp("n_address", type_=sa.Text), rc.address),
                        rev=rc.rev + 1,
                        updated_at=bp("now"),
                    ),
                    upd_rows,
                )
            if residents:
                last = {r.id: r for r in residents}  # a resident given twice: the last row wins
                ids = list(last)
                for chunk in _batches(ids, 500):
                    c.execute(t.benefits.delete().where(t.benefits.c.resident_id.in_(chunk)))
                ben_rows = [_benefit_columns(rid, b) for rid, r in last.items() for b in r.benefits]
                for batch in _batches(ben_rows, self.IMPORT_BATCH):
                    c.execute(t.benefits.insert(), batch)
            done += len(residents)
            if progress and residents:
                progress(done, total)
            known |= seen
            by_ref, contents = self._stored_payments(c, {p.resident for p in payments})
            todo: list[dict[str, object]] = []
            changes: list[dict[str, object]] = []
            for p in payments:
                if p.resident not in known:
                    raise StoreError(f"betaling voor onbekende bewoner {p.resident}")
                key = _payment_key(p)
                old = None if p.ref is None else by_ref.get((p.resident, p.ref))
                if old is None:
                    if p.ref is None and contents.get(key, 0) > 0:
                        contents[key] -= 1
                        p_alike += 1
                    row = {**_payment_columns(p), "ref": p.ref or _new_ref()}
                    todo.append({**row, "rev": 1, "created_at": now, "updated_at": now})
                    p_added += 1
                elif old[1] == key:
                    p_skipped += 1
                else:
                    cols = {f"n_{k}": v for k, v in _payment_columns(p).items() if k != "ref"}
                    changes.append({**cols, "b_id": old[0], "now": now})
                    p_updated += 1
            if changes:
                bp = sa.bindparam
                col = t.payments.c
                names = [k[2:] for k in changes[0] if k.startswith("n_")]
                c.execute(
                    t.payments.update()
                    .where(col.id == bp("b_id"))
                    .values(**{k: bp(f"n_{k}") for k in names}, rev=col.rev + 1, updated_at=bp("now")),
                    changes,
                )
                done += len(changes)
            for batch in _batches(todo, self.IMPORT_BATCH):
                self._insert_payments(c, batch)
                done += len(batch)
                if progress:
                    progress(done, total)
            if progress:
                progress(total, total)
        log.info(
            "import: %d residents added, %d updated, %d payments added, %d updated, %d skipped",
            added,
            updated,
            p_added,
            p_updated,
            p_skipped,
        )
        return ImportSummary(added, updated, p_added, p_skipped, payers_added, p_updated, p_alike)

    def imported_file(self, sha256: str) -> tuple[str, str | None] | None:
        """When (UTC, ISO) and under which name the file with this SHA-256 was imported, if it was."""
        f = t.import_files.c
        rows = self._read(sa.select(t.import_files).where(f.sha256 == sha256))
        return (rows[0]["imported_at"], rows[0]["name"]) if rows else None

    @staticmethod
    def _remember_file(c: Connection, source: ImportSource, again: bool) -> None:
        f = t.import_files.c
        row = c.execute(sa.select(t.import_files).where(f.sha256 == source.sha256)).mappings().first()
        if row is not None and not again:
            raise AlreadyImported(already_imported_message(row["imported_at"], row["name"]))
        now = _now()
        if row is None:
            c.execute(t.import_files.insert().values(sha256=source.sha256, imported_at=now, name=source.name))
        else:
            c.execute(
                t.import_files.update()
                .where(f.sha256 == source.sha256)
                .values(imported_at=now, name=source.name)
            )

    @staticmethod
    def _insert_payments(c: Connection, rows: Sequence[dict[str, object]]) -> None:
        c.execute(t.payments.insert(), list(rows))

    @staticmethod
    def _existing_ids(c: Connection, ids: set[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _batches(sorted(ids), 500):
            found.update(
                str(x)
                for x in c.execute(sa.select(t.residents.c.id).where(t.residents.c.id.in_(chunk))).scalars()
            )
        return found

    def _stored_payments(
        self, c: Connection, rids: set[str]
    ) -> tuple[dict[tuple[str, str], tuple[int, tuple[object, ...]]], Counter[tuple[object, ...]]]:
        """The stored payments of these residents: {(resident, ref): (row id, content)}, and how
        many stored payments have each content."""
        by_ref: dict[tuple[str, str], tuple[int, tuple[object, ...]]] = {}
        contents: Counter[tuple[object, ...]] = Counter()
        for chunk in _batches(sorted(rids), 500):
            rows = c.execute(sa.select(t.payments).where(t.payments.c.resident_id.in_(chunk))).mappings()
            for r in rows:
                key = _payment_key(self._payment(r))
                by_ref[(r["resident_id"], r["ref"])] = (int(r["id"]), key)
                contents[key] += 1
        return by_ref, contents

    # -- letters ----------------------------------------------------------------------------
    def record_letter(self, letter: LetterRecord) -> int:
        """Record a check that produced a letter (inputs, result, ruleset fingerprint)."""
        with self.transaction() as c:
            lid = c.execute(
                t.letters.insert()
                .values(
                    resident_id=letter.resident,
                    year=letter.year,
                    kind=letter.kind,
                    lang=letter.lang,
                    created_at=letter.created_at or _now(),
                    inputs=json.dumps(letter.inputs, ensure_ascii=False, sort_keys=True, default=str),
                    result=json.dumps(letter.result, ensure_ascii=False, sort_keys=True, default=str),
                    fingerprint=letter.fingerprint,
                    file_path=letter.file_path,
                )
                .returning(t.letters.c.id)
            ).scalar_one()
            return int(lid)

    def letters(self, resident: str | None = None) -> list[LetterRecord]:
        lc = t.letters.c
        stmt = sa.select(t.letters)
        if resident:
            stmt = stmt.where(lc.resident_id == resident)
        rows = self._read(stmt.order_by(lc.created_at, lc.id))
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

    # -- audit ------------------------------------------------------------------------------
    def history(self, rid: str) -> list[AuditEntry]:
        """Every recorded change about resident `rid` (its own row, benefits, payments, letters),
        oldest first. Read-only: the audit cannot be changed through the store."""
        a = t.audit.c
        rows = self._read(sa.select(t.audit).where(a.resident_id == rid).order_by(a.id))
        return [_audit_entry(r) for r in rows]

    def audit(self, *, table: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        a = t.audit.c
        stmt = sa.select(t.audit).order_by(a.id)
        if table:
            stmt = stmt.where(a.table_name == table)
        if limit:
            stmt = stmt.limit(limit)
        return [_audit_entry(r) for r in self._read(stmt)]

    # -- teams and payers (migration 0004) ----------------------------------------------------
    def other_team_payments(
        self, resident: str | None = None, *, residents: Collection[str] | None = None
    ) -> list[PaymentRecord]:
        """Payments another team made to residents this role sees, as totals per resident, payer,
        day and kind, without notes or ids (PostgreSQL with teams; SQLite has one team: none).
        They count in every check: `engine_input` includes them. Per day, not per month, so that a
        benefit that starts or ends within a month still sees each amount on its own date."""
        if self.dialect != "postgresql":
            return []
        sql, params = "SELECT * FROM other_team_payments", dict[str, object]()
        if residents is not None:  # store/live.py: only the residents that changed
            sql, params = sql + " WHERE resident_id = ANY(:rids)", {"rids": list(residents)}
        elif resident:
            sql, params = sql + " WHERE resident_id = :rid", {"rid": resident}
        with self.reading() as c:
            rows = list(c.execute(sa.text(sql + " ORDER BY date, payer"), params).mappings())
        return [
            PaymentRecord(
                resident=r["resident_id"],
                date=date.fromisoformat(r["date"]),
                amount=Decimal(r["amount"]),
                kind=r["kind"],
                hours=_dec(r["hours"]),
                receipts=bool(r["receipts"]),
                in_kind=bool(r["in_kind"]),
                payer=r["payer"],
                note=None,
                status=r["status"],
            )
            for r in rows
        ]

    def other_team_totals(self, resident: str) -> list[tuple[str | None, str, Decimal]]:
        """For the screen: (payer, YYYY-MM, total) of the other teams' payments to `resident`."""
        out: dict[tuple[str | None, str], Decimal] = {}
        for p in self.other_team_payments(resident):
            key = (p.payer, p.date.isoformat()[:7])
            out[key] = out.get(key, Decimal(0)) + p.amount
        items = sorted(out.items(), key=lambda kv: (kv[0][1], kv[0][0] or ""))
        return [(payer, month, total) for (payer, month), total in items]

    def grant_team(self, role: str, team: str, *, edit: bool = True) -> None:
        """PostgreSQL, as the administrator: `role` (an existing login role) coordinates `team`
        (edit=False: reads only). The grants row-level security needs, and the membership."""
        if self.dialect != "postgresql":
            raise StoreError("teams en rollen zijn er alleen op PostgreSQL; SQLite heeft één team")
        ident = '"' + role.replace('"', '""') + '"'
        with self.transaction() as c:
            c.execute(
                sa.text("INSERT INTO teams (id, name) VALUES (:t, :t) ON CONFLICT DO NOTHING"), {"t": team}
            )
            c.execute(
                sa.text(
                    "INSERT INTO team_members (role_name, team_id, can_edit) VALUES (:r, :t, :e) "
                    "ON CONFLICT (role_name, team_id) DO UPDATE SET can_edit = excluded.can_edit"
                ),
                {"r": role, "t": team, "e": edit},
            )
            c.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ident}")
            if edit:
                c.exec_driver_sql(
                    f"GRANT INSERT, UPDATE, DELETE ON residents, benefits, payments, letters TO {ident}"
                )
                c.exec_driver_sql(f"GRANT INSERT ON audit TO {ident}")
                c.exec_driver_sql(f"GRANT INSERT, UPDATE ON import_files TO {ident}")
                c.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {ident}")

    def add_member(self, role: str, team: str, *, edit: bool = True) -> None:
        """`teams grant`: an existing PostgreSQL login role coordinates an existing team (edit=False:
        reads only). Unlike `grant_team` nothing is created: a typing error in the role or the team
        is refused, never a new team nobody else is in."""
        if self.dialect != "postgresql":
            raise StoreError(self.ONE_TEAM)
        with self.reading() as c:
            if c.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is None:
                raise NotFound(
                    f"er is geen PostgreSQL-rol {role}: maak die eerst aan (CREATE ROLE … LOGIN, "
                    "door de databasebeheerder)"
                )
            if c.execute(sa.select(t.teams.c.id).where(t.teams.c.id == team)).first() is None:
                raise NotFound(
                    f"er is geen team {team} (voeg het toe met `vergoedingcheck teams add {team}`)"
                )
        self.grant_team(role, team, edit=edit)

    def remove_member(self, role: str, team: str) -> None:
        """`teams revoke`: `role` no longer coordinates `team`. When it was the role's last team, its
        grants on the tables go too (row-level security already shows it nothing)."""
        if self.dialect != "postgresql":
            raise StoreError(self.ONE_TEAM)
        tm = t.team_members
        ident = '"' + role.replace('"', '""') + '"'
        with self.transaction() as c:
            gone = c.execute(tm.delete().where(tm.c.role_name == role, tm.c.team_id == team)).rowcount
            if not gone:
                raise NotFound(f"rol {role} is geen lid van team {team}")
            if c.execute(sa.select(tm.c.team_id).where(tm.c.role_name == role)).first() is None:
                c.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {ident}")
                c.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {ident}")

    def set_teams(self, rid: str, teams: Sequence[str]) -> None:
        """Which teams resident `rid` belongs to (administrator)."""
        rt = t.resident_teams
        with self.transaction() as c:
            for team in teams:
                if c.execute(sa.select(t.teams.c.id).where(t.teams.c.id == team)).first() is None:
                    c.execute(t.teams.insert().values(id=team, name=team))
            c.execute(rt.delete().where(rt.c.resident_id == rid))
            c.execute(rt.insert(), [{"resident_id": rid, "team_id": team} for team in teams])

    def teams_of(self, rid: str) -> list[str]:
        rt = t.resident_teams.c
        stmt = sa.select(rt.team_id).where(rt.resident_id == rid).order_by(rt.team_id)
        return [r["team_id"] for r in self._read(stmt)]

    # `vergoedingcheck teams` (commands/teams.py)
    ONE_TEAM = (
        "SQLite heeft één team (standaard) met alle bewoners; teams toevoegen en toewijzen kan alleen "
        "op PostgreSQL"
    )

    def team_list(self) -> list[tuple[str, str | None, int, list[tuple[str, bool]]]]:
        """Per team: id, name, how many of its residents this role sees, and its members (role,
        can edit). On PostgreSQL a coordinator counts only the residents of their own teams."""
        rt, tm = t.resident_teams.c, t.team_members.c
        with self.reading() as c:
            teams = list(c.execute(sa.select(t.teams.c.id, t.teams.c.name).order_by(t.teams.c.id)))
            counts: dict[str, int] = {
                str(team): int(n)
                for team, n in c.execute(sa.select(rt.team_id, sa.func.count()).group_by(rt.team_id))
            }
            members: dict[str, list[tuple[str, bool]]] = {}
            for role, team, edit in c.execute(
                sa.select(tm.role_name, tm.team_id, tm.can_edit).order_by(tm.role_name)
            ):
                members.setdefault(team, []).append((role, bool(edit)))
        return [(tid, name, int(counts.get(tid, 0)), members.get(tid, [])) for tid, name in teams]

    def add_team(self, team: str, name: str | None = None) -> None:
        if self.dialect != "postgresql":
            raise StoreError(self.ONE_TEAM)
        if not team.strip() or team != team.strip() or len(team) > 64 or not team.isprintable():
            raise StoreError("een team heeft een naam nodig van hoogstens 64 tekens, zonder spaties eromheen")
        with self.transaction() as c:
            if c.execute(sa.select(t.teams.c.id).where(t.teams.c.id == team)).first() is not None:
                raise StoreError(f"er is al een team {team}")
            c.execute(t.teams.insert().values(id=team, name=name or team))

    def assign_team(self, rid: str, team: str) -> bool:
        """Resident `rid` joins `team` (False: was already in it). Administrator on PostgreSQL."""
        if self.dialect != "postgresql":
            raise StoreError(self.ONE_TEAM)
        rt = t.resident_teams
        with self.transaction() as c:
            self._team_and_resident(c, rid, team)
            if c.execute(
                sa.select(rt.c.team_id).where(rt.c.resident_id == rid, rt.c.team_id == team)
            ).first():
                return False
            c.execute(rt.insert().values(resident_id=rid, team_id=team))
        return True

    def unassign_team(self, rid: str, team: str) -> None:
        """Resident `rid` leaves `team`; never their last team (nobody would see them any more)."""
        if self.dialect != "postgresql":
            raise StoreError(self.ONE_TEAM)
        rt = t.resident_teams
        with self.transaction() as c:
            self._team_and_resident(c, rid, team)
            now = [r[0] for r in c.execute(sa.select(rt.c.team_id).where(rt.c.resident_id == rid))]
            if team not in now:
                raise StoreError(f"bewoner {rid} zit niet in team {team}")
            if now == [team]:
                raise StoreError(
                    f"team {team} is het laatste team van bewoner {rid}: wijs eerst een ander team toe "
                    "(zonder team ziet geen coördinator deze bewoner)"
                )
            c.execute(rt.delete().where(rt.c.resident_id == rid, rt.c.team_id == team))

    def _team_and_resident(self, c: Connection, rid: str, team: str) -> None:
        if c.execute(sa.select(t.teams.c.id).where(t.teams.c.id == team)).first() is None:
            raise NotFound(f"er is geen team {team} (voeg het toe met `vergoedingcheck teams add {team}`)")
        if not self._exists(c, rid):
            raise NotFound(f"bewoner {rid} bestaat niet")

    def add_payer(self, name: str, type: str, *, below_market_rate: bool = False) -> None:
        if type not in t.PAYER_TYPES:
            raise StoreError(f"onbekend soort betaler {type!r} (kies uit {', '.join(t.PAYER_TYPES)})")
        if not name.strip():
            raise StoreError("een betaler heeft een naam nodig")
        with self.transaction() as c:
            if c.execute(sa.select(t.payers.c.name).where(t.payers.c.name == name)).first() is not None:
                raise StoreError(f"er is al een betaler {name}")
            c.execute(
                t.payers.insert().values(name=name, type=type, below_market_rate=int(below_market_rate))
            )

    def update_payer(self, name: str, type: str, *, below_market_rate: bool = False) -> None:
        """Change what is known about a payer (audited like every change)."""
        if type not in t.PAYER_TYPES:
            raise StoreError(f"onbekend soort betaler {type!r} (kies uit {', '.join(t.PAYER_TYPES)})")
        with self.transaction() as c:
            done = c.execute(
                t.payers.update()
                .where(t.payers.c.name == name)
                .values(type=type, below_market_rate=int(below_market_rate))
            )
            if done.rowcount == 0:
                raise StoreError(f"er is geen betaler {name}")

    def payers(self) -> list[tuple[str, str, bool]]:
        rows = self._read(sa.select(t.payers).order_by(t.payers.c.name))
        return [(r["name"], r["type"], bool(r["below_market_rate"])) for r in rows]

    def payer_names_in_use(self) -> list[str]:
        """The distinct payer names on the payments this role sees (recorded as payers or not)."""
        col = t.payments.c.payer
        rows = self._read(sa.select(col).where(col.is_not(None)).distinct())
        return sorted((r["payer"] for r in rows if r["payer"]), key=str.casefold)

    def payer_models(self) -> list[Payer]:
        """The payers as the engine takes them (spec §3, Payers): the app, what-if and the letters
        pass them to `evaluate`, as `check` passes a case file's `payers:`."""
        return [Payer(name, typ, below) for name, typ, below in self.payers()]  # type: ignore[arg-type]

    def _import_payers(self, c: sa.Connection, payers: Sequence[Payer]) -> int:
        added = 0
        for payer in payers:
            if payer.type not in t.PAYER_TYPES:
                raise StoreError(
                    f"onbekend soort betaler {payer.type!r} (kies uit {', '.join(t.PAYER_TYPES)})"
                )
            row = c.execute(sa.select(t.payers).where(t.payers.c.name == payer.name)).mappings().first()
            if row is None:
                c.execute(
                    t.payers.insert().values(
                        name=payer.name, type=payer.type, below_market_rate=int(payer.below_market_rate)
                    )
                )
                added += 1
            elif (row["type"], bool(row["below_market_rate"])) != (payer.type, payer.below_market_rate):
                raise StoreError(
                    f"betaler {payer.name}: de database zegt {row['type']}"
                    f"{', onder marktconform' if row['below_market_rate'] else ''}, het bestand "
                    f"{payer.type}{', onder marktconform' if payer.below_market_rate else ''}; er is niets "
                    "ingelezen (pas de betaler eerst aan)"
                )
        return added

    # -- engine input -----------------------------------------------------------------------
    def engine_input(self) -> tuple[list[Resident], list[Payment]]:
        """Every resident this role sees and every payment that counts for them: this team's own
        rows and, on PostgreSQL with teams, the other teams' payments to shared residents."""
        return to_models(self.residents(), self.payments() + self.other_team_payments())
