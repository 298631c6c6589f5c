"""The resident's rights under the AVG/GDPR (issue 12 item 5).

- art. 15, access: `vergoedingcheck.services.privacy.export_resident` (it needs the case-file
  writer of `io`, which the store may not import).
- art. 17, erasure: `erase_resident` removes the resident everywhere in one transaction: the
  resident, benefits and payments, the letters made for them (and their PDFs on disk), the
  resident's entries in letters about several residents (the coordinator's overview), and every
  personal value in the audit: the audit keeps that a change happened (who, when, which table),
  not about whom or what.
- retention: `due_for_erasure` lists residents inactive for longer than the retention period
  (default seven years, the fiscal term of art. 52 AWR; `VERGOEDINGCHECK_RETENTION_YEARS` or
  `--years`), by their last activity (an edit, a payment, a letter).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from vergoedingcheck.store import schema as t
from vergoedingcheck.store.db import NotFound, Store, StoreError

DEFAULT_RETENTION_YEARS = 7
ERASED = "(gewist)"


def retention_years(explicit: int | None = None) -> int:
    if explicit is not None:
        years = explicit
    else:
        raw = os.environ.get("VERGOEDINGCHECK_RETENTION_YEARS", "")
        try:
            years = int(raw) if raw.strip() else DEFAULT_RETENTION_YEARS
        except ValueError:
            raise StoreError(
                f"VERGOEDINGCHECK_RETENTION_YEARS moet een geheel aantal jaren zijn, niet {raw!r}"
            ) from None
    if not 1 <= years <= 100:
        raise StoreError(f"de bewaartermijn moet tussen 1 en 100 jaar liggen, niet {years}")
    return years


@dataclass
class ErasureReport:
    resident: str
    payments: int = 0
    letters: int = 0
    letters_scrubbed: int = 0
    audit_rows: int = 0
    files_removed: list[str] = field(default_factory=list)
    files_missing: list[str] = field(default_factory=list)
    files_failed: list[str] = field(default_factory=list)


def _mentions(value: Any, rid: str) -> bool:
    if isinstance(value, dict):
        if value.get("id") == rid or value.get("resident") == rid:
            return True
        return any(_mentions(v, rid) for v in value.values())
    if isinstance(value, list):
        return any(_mentions(v, rid) for v in value)
    return False


def _without(value: Any, rid: str) -> Any:
    """`value` without any dict that is about `rid` (an entry with id/resident == rid)."""
    if isinstance(value, dict):
        return {k: _without(v, rid) for k, v in value.items()}
    if isinstance(value, list):
        return [
            _without(v, rid)
            for v in value
            if not (isinstance(v, dict) and (v.get("id") == rid or v.get("resident") == rid))
        ]
    return value


def erase_resident(store: Store, rid: str) -> ErasureReport:
    """Art. 17: remove `rid` everywhere (see the module). The database part is one transaction;
    the PDFs are removed after it committed (a PDF that cannot be removed is reported)."""
    try:
        store.resident(rid)
    except NotFound:  # a resident only in the trash (store/trash.py) is erased from the audit too
        with store.reading() as c:
            deleted = c.execute(
                sa.select(t.audit.c.id).where(
                    t.audit.c.table_name == "residents", t.audit.c.action == "delete",
                    t.audit.c.row_key == rid, t.audit.c.before.is_not(None),
                ).limit(1)
            ).first()  # fmt: skip
        if deleted is None:
            raise
    rep = ErasureReport(rid)
    a, lc = t.audit.c, t.letters.c
    files: list[str] = []
    overviews: list[str] = []
    with store.transaction() as c:
        # letters about this resident: by their column, or (after an earlier delete set it to NULL)
        # by the audit that recorded them
        linked = {
            int(x)
            for x in c.execute(
                sa.select(a.row_key).where(a.table_name == "letters", a.resident_id == rid)
            ).scalars()
            if x is not None and str(x).isdigit()
        }
        own = set(c.execute(sa.select(lc.id).where(lc.resident_id == rid)).scalars()) | linked
        for own_row in c.execute(sa.select(lc.id, lc.file_path).where(lc.id.in_(sorted(own)))).all():
            if own_row.file_path:
                files.append(str(own_row.file_path))
        rep.letters = len(c.execute(sa.select(lc.id).where(lc.id.in_(sorted(own)))).all())
        c.execute(t.letters.delete().where(lc.id.in_(sorted(own))))
        # letters about several residents: strip this resident's entries, remove their PDF
        for row in c.execute(sa.select(lc.id, lc.inputs, lc.result, lc.file_path)).all():
            inputs, result = json.loads(row.inputs), json.loads(row.result)
            if _mentions(inputs, rid) or _mentions(result, rid):
                c.execute(
                    t.letters.update()
                    .where(lc.id == row.id)
                    .values(
                        inputs=json.dumps(_without(inputs, rid), ensure_ascii=False, sort_keys=True),
                        result=json.dumps(_without(result, rid), ensure_ascii=False, sort_keys=True),
                        file_path=None,
                    )
                )
                rep.letters_scrubbed += 1
                overviews.append(str(row.id))
                if row.file_path:
                    files.append(str(row.file_path))
        rep.payments = len(c.execute(sa.select(t.payments.c.id).where(t.payments.c.resident_id == rid)).all())
        c.execute(t.residents.delete().where(t.residents.c.id == rid))  # benefits, payments cascade
        # the audit: keep that something happened, drop about whom and what
        scrubbed_letters = [str(x) for x in own]
        _allow_audit_erasure(store, c, on=True)
        cur = c.execute(
            t.audit.update()
            .where(
                sa.or_(
                    a.resident_id == rid, sa.and_(a.table_name == "letters", a.row_key.in_(scrubbed_letters))
                )
            )
            .values(resident_id=None, row_key=None, before=None, after=None)
        )
        rep.audit_rows = int(cur.rowcount or 0)
        # the scrubbed overviews: their audit rows held the resident in before/after too
        c.execute(
            t.audit.update()
            .where(a.table_name == "letters", a.row_key.in_(overviews))
            .values(before=None, after=None)
        )
        _allow_audit_erasure(store, c, on=False)
        c.execute(
            t.audit.insert().values(
                at=_now_utc(), who=_who(store, c), table_name="residents", action="erase", row_key=None,
                resident_id=None, before=None, after=None,
            )
        )  # fmt: skip
    for f in dict.fromkeys(files):
        p = Path(f)
        try:
            p.unlink()
            rep.files_removed.append(f)
        except FileNotFoundError:
            rep.files_missing.append(f)
        except OSError:
            rep.files_failed.append(f)
    return rep


def _allow_audit_erasure(store: Store, c: sa.Connection, *, on: bool) -> None:
    if store.dialect == "sqlite":
        if on:
            c.execute(t.audit_erasure.insert().values(active=1))
        else:
            c.execute(t.audit_erasure.delete())
    else:
        c.execute(sa.text("SELECT set_config('vc.erasure', :v, true)"), {"v": "on" if on else "off"})


def _now_utc() -> str:
    from vergoedingcheck.store.db import _now

    return _now()


def _who(store: Store, c: sa.Connection) -> str:
    if store.dialect == "sqlite":
        from vergoedingcheck.store.db import _os_user

        return _os_user()
    return str(c.execute(sa.text("SELECT current_user")).scalar())


@dataclass(frozen=True)
class DueResident:
    id: str
    name: str | None
    last_activity: date


def due_for_erasure(
    store: Store, *, years: int | None = None, today: date | None = None
) -> list[DueResident]:
    """Residents whose last activity (edit, payment date, letter) is more than `years` ago."""
    n = retention_years(years)
    today = today or date.today()
    try:
        cutoff = today.replace(year=today.year - n)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - n, day=28)
    last: dict[str, str] = {}
    with store.reading() as c:
        for rid, _name, updated in c.execute(
            sa.select(t.residents.c.id, t.residents.c.name, t.residents.c.updated_at)
        ):
            last[rid] = str(updated)[:10]
        names = dict(c.execute(sa.select(t.residents.c.id, t.residents.c.name)).all())
        pc = t.payments.c
        for rid, d in c.execute(sa.select(pc.resident_id, sa.func.max(pc.date)).group_by(pc.resident_id)):
            if d and d > last.get(rid, ""):
                last[rid] = str(d)
        lc = t.letters.c
        for rid, d in c.execute(
            sa.select(lc.resident_id, sa.func.max(lc.created_at))
            .where(lc.resident_id.is_not(None))
            .group_by(lc.resident_id)
        ):
            if rid in last and d and str(d)[:10] > last[rid]:
                last[rid] = str(d)[:10]
    out = [
        DueResident(rid, names.get(rid), date.fromisoformat(d))
        for rid, d in last.items()
        if date.fromisoformat(d) < cutoff
    ]
    return sorted(out, key=lambda r: (r.last_activity, r.id))


__all__ = [
    "DEFAULT_RETENTION_YEARS",
    "DueResident",
    "ErasureReport",
    "NotFound",
    "due_for_erasure",
    "erase_resident",
    "retention_years",
]
