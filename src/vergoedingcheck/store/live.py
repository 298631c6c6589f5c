"""Live updates (issue 12 item 4): which residents another coordinator changed since the last look.

`Watcher(store)` keeps a connection of its own that tells, cheaply, *whether* anything was
committed (`pending()`), and then works out *what* (`changes()`):

- SQLite: `PRAGMA data_version` on the watcher's own connection changes whenever another connection
  (another process, or the app's own pool) commits. A few microseconds, no lock.
- PostgreSQL: every write to a watched table, by the app, psql or a script, makes the database
  `NOTIFY vergoedingcheck` (statement-level triggers, migration 0007), without a payload: every role
  may LISTEN to every channel, so the notification itself names no resident. The watcher LISTENs; as
  a safety net (triggers disabled by hand, a lost connection) it also looks every
  `fallback_seconds`.

What changed is then read through the role's own eyes, so under row-level security a coordinator
learns only about residents of their own teams (or who just left them):

- the audit rows after the last one seen (written by the database's own triggers for residents,
  benefits, payments and letters; a resident's change of reference also names the old one);
- the set of residents visible now against the last one: deletions (whose audit rows the role can
  no longer see), erasures, and residents added to or removed from the role's teams;
- PostgreSQL: a digest per resident of the other teams' payments (the `other_team_payments` view:
  totals without notes), since another team's payment rows and their audit stay with that team;
- the payers table (small): a change there changes every check.

More than `MANY` residents at once (an import) is reported as `full`: reload everything.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.store import schema as t
from vergoedingcheck.store.db import LIVE_CHANNEL, Store, StoreError

log = logging.getLogger("vergoedingcheck.store.live")

MANY = 200
"""More changed residents than this (an import, a restore): the app reloads everything."""


@dataclass(frozen=True)
class Changes:
    """What changed since the last look. Empty (falsy) when nothing did."""

    residents: frozenset[str] = frozenset()
    """Residents whose row, benefits, payments or letters changed, or who appeared or disappeared."""
    payers: bool = False
    """The payers table changed: every resident's check may change."""
    full: bool = False
    """Too much to name (more than MANY residents): reload everything."""

    def __bool__(self) -> bool:
        return bool(self.residents) or self.payers or self.full


@dataclass(frozen=True)
class _State:
    last_audit: int
    ids: frozenset[str]
    payers: tuple[tuple[Any, ...], ...]
    other: dict[str, str] = field(default_factory=dict)


# the other teams' payments per resident, as one digest (the view gives totals, never notes)
_OTHER_DIGEST = """
SELECT resident_id, md5(string_agg(
         concat_ws('|', date, kind, coalesce(payer, ''), amount, coalesce(hours, ''), receipts, in_kind,
                   status, n),
         ',' ORDER BY date, kind, payer, amount, status, receipts, in_kind)) AS digest
FROM other_team_payments GROUP BY resident_id
"""


class Watcher:
    """Which residents changed since the last `changes()`. Thread-safe; `close()` when done."""

    def __init__(self, store: Store, *, fallback_seconds: float = 30.0):
        self.store = store
        self.fallback_seconds = fallback_seconds
        self._lock = threading.Lock()
        self._raw: Any = None  # the watcher's own DBAPI connection (detached from the pool)
        self._version: int | None = None
        self._looked = time.monotonic()
        self._open()
        self._retry_at = 0.0
        self._state = self._read_state()

    # -- whether anything was committed ---------------------------------------------------------
    def _open(self) -> None:
        if self.store.dialect == "sqlite" and str(self.store.path) == ":memory:":
            return  # one connection only: nobody else can write
        try:
            fairy = self.store.engine.raw_connection()
            raw: Any = fairy.driver_connection
            fairy.detach()  # LISTEN / data_version belong to this connection: never back to the pool
            if self.store.dialect == "postgresql":
                raw.autocommit = True
                raw.execute(f"LISTEN {LIVE_CHANNEL}")
            else:
                self._version = int(raw.execute("PRAGMA data_version").fetchone()[0])
        except Exception as exc:  # the app works without live updates; say so in the log only
            log.warning("live updates unavailable: %s", type(exc).__name__)
            self._raw = None
            return
        self._raw = raw

    def pending(self, wait: float = 0.0) -> bool:
        """Whether something may have been committed since the last call (cheap: no query on
        SQLite beyond a pragma, none at all on PostgreSQL unless a notification arrived).
        `wait`: PostgreSQL delivers a notification a moment after the commit; wait up to that many
        seconds for one (the app polls with 0)."""
        with self._lock:
            if self._raw is None:
                if time.monotonic() < self._retry_at:
                    return False
                self._open()
                if self._raw is None:
                    self._retry_at = time.monotonic() + 10  # not a connection attempt every second
                    return False
                return True  # (re)connected: something may have been missed meanwhile
            try:
                if self.store.dialect == "postgresql":
                    got = any(True for _ in self._raw.notifies(timeout=wait, stop_after=1))
                    for _ in self._raw.notifies(timeout=0):  # the rest at once: one look for all
                        got = True
                    if not got and time.monotonic() - self._looked >= self.fallback_seconds:
                        got = True
                    return got
                version = int(self._raw.execute("PRAGMA data_version").fetchone()[0])
                changed, self._version = version != self._version, version
                return changed
            except Exception as exc:  # a dropped connection: reopen at the next call
                log.warning("live updates: connection lost (%s)", type(exc).__name__)
                self._close_raw()
                return False

    # -- what changed ---------------------------------------------------------------------------
    def changes(self) -> Changes:
        """Residents changed since the last call (or since the watcher started), as this role
        sees them."""
        with self._lock:
            self._looked = time.monotonic()
            old = self._state
            try:
                new, rows, overflow = self._read_changes(old)
            except StoreError as exc:
                log.warning("live updates: %s", type(exc).__name__)
                return Changes()
            self._state = new
        changed: set[str] = set()
        for table, action, rid, before in rows:
            if rid is not None:
                changed.add(str(rid))
            if table == "residents" and action == "update" and before:  # a new reference: the old too
                old_id = json.loads(before).get("id")
                if old_id is not None:
                    changed.add(str(old_id))
        changed |= old.ids ^ new.ids
        for rid in old.other.keys() | new.other.keys():
            if old.other.get(rid) != new.other.get(rid):
                changed.add(rid)
        full = overflow or len(changed) > MANY
        return Changes(
            residents=frozenset() if full else frozenset(changed),
            payers=old.payers != new.payers,
            full=full,
        )

    def poll(self) -> Changes:
        """`changes()` if `pending()`, else nothing."""
        return self.changes() if self.pending() else Changes()

    def _read_state(self) -> _State:
        with self.store.reading() as c:
            last = c.execute(sa.select(sa.func.max(t.audit.c.id))).scalar()
            return self._state_from(c, int(last or 0))

    def _state_from(self, c: Connection, last: int) -> _State:
        ids = frozenset(str(x) for x in c.execute(sa.select(t.residents.c.id)).scalars())
        payers = tuple(tuple(r) for r in c.execute(sa.select(t.payers).order_by(t.payers.c.name)))
        other: dict[str, str] = {}
        if self.store.dialect == "postgresql":
            other = {str(r[0]): str(r[1]) for r in c.execute(sa.text(_OTHER_DIGEST))}
        return _State(last, ids, payers, other)

    def _read_changes(self, old: _State) -> tuple[_State, list[tuple[str, str, Any, Any]], bool]:
        a = t.audit.c
        before = sa.case((sa.and_(a.table_name == "residents", a.action == "update"), a.before))
        stmt = (
            sa.select(a.id, a.table_name, a.action, a.resident_id, before)
            .where(a.id > old.last_audit)
            .order_by(a.id)
            .limit(MANY + 1)
        )
        with self.store.reading() as c:
            rows = list(c.execute(stmt))
            overflow = len(rows) > MANY
            if overflow:
                last = int(c.execute(sa.select(sa.func.max(a.id))).scalar() or old.last_audit)
            else:
                last = max([old.last_audit, *(int(r[0]) for r in rows)])
            state = self._state_from(c, last)
        return state, [(r[1], r[2], r[3], r[4]) for r in rows], overflow

    # -- the end --------------------------------------------------------------------------------
    def _close_raw(self) -> None:
        raw, self._raw = self._raw, None
        if raw is not None:
            with contextlib.suppress(Exception):  # already gone
                raw.close()

    def close(self) -> None:
        with self._lock:
            self._close_raw()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def records_for(
    store: Store, ids: Collection[str]
) -> tuple[list[ResidentRecord], list[PaymentRecord], list[PaymentRecord]]:
    """The store's rows for only these residents (those that still exist for this role): the
    residents, their own payments, and the other teams' payments to them (PostgreSQL)."""
    wanted = sorted(set(ids))
    residents: list[ResidentRecord] = []
    own: list[PaymentRecord] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = store._read(
            sa.select(t.residents).where(t.residents.c.id.in_(chunk)).order_by(t.residents.c.id)
        )
        bens = store._benefits_by_resident(ids=chunk)
        residents += [store._resident(row, bens.get(row["id"], ())) for row in rows]
        p = t.payments.c
        stmt = sa.select(t.payments).where(p.resident_id.in_(chunk)).order_by(p.date, p.id)
        own += [store._payment(r) for r in store._read(stmt)]
    other = store.other_team_payments(residents=wanted) if wanted else []
    return residents, own, other
