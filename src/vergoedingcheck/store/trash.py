"""The trash (issue 11 item 6): a deleted resident or payment can be put back, exactly as it was.

Built on the audit trail (migration 0003), without a table of its own: every delete is recorded
there by the database's triggers with the row's before-state as JSON. A deleted resident is the
`residents` delete row plus the rows its delete cascaded to in the same statement (benefits and
payments deleted, letters unlinked): the audit rows right next to it, with the same time and the
same resident. A deleted payment is its own delete row.

The trash offers what was deleted within the retention period (`privacy.retention_years`) and is
not back yet. An erasure (art. 17 AVG, `privacy.erase_resident`) empties the before-states of every
audit row about the resident, so nothing of them is left in the trash either.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from vergoedingcheck.store import schema as t
from vergoedingcheck.store.db import NotFound, Store, StoreError


@dataclass(frozen=True)
class TrashItem:
    audit_id: int
    kind: str  # "resident" or "payment"
    at: str  # when it was deleted (UTC, ISO)
    resident: str
    name: str | None
    payments: int = 0  # a resident: how many payments come back with them
    date: date | None = None  # a payment: its date and amount
    amount: Decimal | None = None


def _cutoff(today: date, years: int) -> str:
    try:
        return today.replace(year=today.year - years).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28).isoformat()


def _rows(c: sa.Connection, *where: Any) -> list[sa.RowMapping]:
    a = t.audit.c
    return list(c.execute(sa.select(t.audit).where(*where).order_by(a.id)).mappings())


def _before(r: sa.RowMapping) -> dict[str, Any]:
    return dict(json.loads(r["before"]))


def _belongs(r: sa.RowMapping, rid: str) -> bool:
    """Is audit row `r` part of the cascade of deleting resident `rid`?"""
    if r["before"] is None:
        return False
    if r["table_name"] in ("benefits", "payments"):
        return bool(r["action"] == "delete" and r["resident_id"] == rid)
    if r["table_name"] == "letters" and r["action"] == "update" and r["after"] is not None:
        return bool(
            _before(r).get("resident_id") == rid and json.loads(r["after"]).get("resident_id") is None
        )
    return False


def _group(c: sa.Connection, head: sa.RowMapping) -> list[sa.RowMapping]:
    """The audit rows of one resident's delete: the rows right next to `head` (consecutive ids, the
    same second) that its cascade wrote."""
    a = t.audit.c
    rid = head["row_key"]
    near = {int(r["id"]): r for r in _rows(c, a.at == head["at"])}
    out = []
    for step in (-1, 1):
        i = int(head["id"]) + step
        while i in near and _belongs(near[i], rid):
            out.append(near[i])
            i += step
    return sorted(out, key=lambda r: int(r["id"]))


def _resident_exists(c: sa.Connection, rid: str) -> bool:
    return c.execute(sa.select(t.residents.c.id).where(t.residents.c.id == rid)).first() is not None


def _payment_present(c: sa.Connection, before: dict[str, Any]) -> bool:
    p = t.payments.c
    if before.get("ref"):
        stmt = sa.select(p.id).where(p.resident_id == before["resident_id"], p.ref == before["ref"])
    else:
        stmt = sa.select(p.id).where(p.id == before["id"])
    return c.execute(stmt).first() is not None


def trash(store: Store, *, today: date | None = None, years: int | None = None) -> list[TrashItem]:
    """What can be put back, newest first: residents deleted (and not back), and payments deleted
    of residents that are there (a deleted resident's payments come back with them)."""
    from vergoedingcheck.store.privacy import retention_years

    cutoff = _cutoff(today or date.today(), retention_years(years))
    a = t.audit.c
    items: list[TrashItem] = []
    with store.reading() as c:
        latest: dict[str, sa.RowMapping] = {}
        for r in _rows(c, a.table_name == "residents", a.action == "delete", a.before.is_not(None),
                       a.at >= cutoff):  # fmt: skip
            latest[str(r["row_key"])] = r
        in_groups: set[int] = set()
        for rid, r in latest.items():
            group = _group(c, r)
            in_groups |= {int(g["id"]) for g in group}
            if _resident_exists(c, rid):
                continue
            n = sum(1 for g in group if g["table_name"] == "payments")
            items.append(TrashItem(int(r["id"]), "resident", r["at"], rid, _before(r).get("name"), n))
        seen: set[tuple[str, str]] = set()
        for r in reversed(_rows(c, a.table_name == "payments", a.action == "delete",
                                a.before.is_not(None), a.at >= cutoff)):  # fmt: skip
            b = _before(r)
            key = (str(b["resident_id"]), str(b.get("ref") or b["id"]))
            if key in seen:
                continue
            seen.add(key)
            if not _resident_exists(c, key[0]) or _payment_present(c, b):
                continue
            items.append(
                TrashItem(int(r["id"]), "payment", r["at"], key[0], None, 0,
                          date.fromisoformat(b["date"]), Decimal(str(b["amount"])))
            )  # fmt: skip
    return sorted(items, key=lambda i: i.audit_id, reverse=True)


def _columns(table: sa.Table, before: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in before.items() if k in table.c}


def _insert_keeping_id(c: sa.Connection, table: sa.Table, before: dict[str, Any]) -> None:
    """Insert the row as it was; with its own id when that id is free (it is, unless reused)."""
    cols = _columns(table, before)
    if c.execute(sa.select(table.c.id).where(table.c.id == cols["id"])).first() is not None:
        del cols["id"]
    c.execute(table.insert().values(**cols))


def restore(store: Store, audit_id: int) -> str:
    """Put trash item `audit_id` back, every field as it was; returns the resident's reference."""
    a = t.audit.c
    with store.transaction() as c:
        rows = _rows(c, a.id == audit_id)
        if not rows or rows[0]["before"] is None or rows[0]["action"] != "delete":
            raise NotFound("dit staat niet (meer) in de prullenbak")
        head = rows[0]
        before = _before(head)
        if head["table_name"] == "residents":
            rid = str(head["row_key"])
            if _resident_exists(c, rid):
                raise StoreError(f"er is al een bewoner met referentie {rid}")
            c.execute(t.residents.insert().values(**_columns(t.residents, before)))
            for g in _group(c, head):
                b = _before(g)
                if g["table_name"] == "letters":
                    lc = t.letters.c
                    unlinked = sa.and_(lc.id == b["id"], lc.resident_id.is_(None))
                    c.execute(t.letters.update().where(unlinked).values(resident_id=rid))
                elif g["table_name"] == "benefits":
                    _insert_keeping_id(c, t.benefits, b)
                elif not _payment_present(c, b):
                    _insert_keeping_id(c, t.payments, b)
            return rid
        if head["table_name"] == "payments":
            rid = str(before["resident_id"])
            if not _resident_exists(c, rid):
                raise StoreError(f"bewoner {rid} bestaat niet; zet eerst de bewoner terug")
            if _payment_present(c, before):
                raise StoreError("deze betaling staat er al weer")
            _insert_keeping_id(c, t.payments, before)
            return rid
        raise NotFound("dit staat niet (meer) in de prullenbak")


__all__ = ["TrashItem", "restore", "trash"]
