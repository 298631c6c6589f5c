"""audit: every change to residents, benefits, payments and letters, with who, when, before/after

Revision ID: 0003
Revises: 0002

Written by triggers in the database itself, so nothing that writes (the app, an import, a script
on the same database) escapes it. Who: PostgreSQL's `current_user`; on SQLite the OS user, which the
store puts in `audit_actor` inside each write transaction (and removes before it commits), so an
edit made outside the app is recorded as `(buiten de app)`. The audit refuses UPDATE and DELETE,
except during an erasure (art. 17 AVG), which the store marks in `audit_erasure`/`vc.erasure`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

COLUMNS = {
    "residents": (
        "id", "name", "birth_date", "municipality", "household", "note", "rev", "created_at", "updated_at",
        "address",
    ),
    "benefits": (
        "id", "resident_id", "type", "since", "until", "uwv_permission", "ww_hourly_wage", "client_number",
    ),
    "payments": (
        "id", "resident_id", "date", "amount", "kind", "hours", "receipts", "in_kind", "payer", "note",
        "status", "rev", "created_at", "updated_at",
    ),
    "letters": (
        "id", "resident_id", "year", "kind", "lang", "created_at", "inputs", "result", "fingerprint",
        "file_path",
    ),
}  # fmt: skip

OUTSIDE = "(buiten de app)"


def _sqlite_triggers(table: str) -> list[str]:
    cols = COLUMNS[table]
    rid = "id" if table == "residents" else "resident_id"
    out = []
    for op_name, when in (("insert", "INSERT"), ("update", "UPDATE"), ("delete", "DELETE")):
        before = (
            "NULL"
            if op_name == "insert"
            else "json_object(" + ", ".join(f"'{c}', OLD.{c}" for c in cols) + ")"
        )
        after = (
            "NULL"
            if op_name == "delete"
            else "json_object(" + ", ".join(f"'{c}', NEW.{c}" for c in cols) + ")"
        )
        row = "OLD" if op_name == "delete" else "NEW"
        out.append(
            f"CREATE TRIGGER audit_{table}_{op_name} AFTER {when} ON {table} BEGIN "
            "INSERT INTO audit (at, who, table_name, action, row_key, resident_id, before, after) VALUES ("
            "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), "
            f"coalesce((SELECT who FROM audit_actor LIMIT 1), '{OUTSIDE}'), "
            f"'{table}', '{op_name}', CAST({row}.id AS TEXT), {row}.{rid}, {before}, {after}); END"
        )
    return out


PG_FUNCTION = """
CREATE FUNCTION vc_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE b jsonb; a jsonb; rid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN b := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN a := to_jsonb(NEW); END IF;
  IF TG_TABLE_NAME = 'residents' THEN rid := coalesce(a->>'id', b->>'id');
  ELSE rid := coalesce(a->>'resident_id', b->>'resident_id'); END IF;
  INSERT INTO audit (at, who, table_name, action, row_key, resident_id, before, after)
  VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'), current_user,
          TG_TABLE_NAME, lower(TG_OP), coalesce(a->>'id', b->>'id'), rid, b::text, a::text);
  RETURN NULL;
END $$
"""

PG_GUARD = """
CREATE FUNCTION vc_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('vc.erasure', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'het logboek (audit) kan niet worden gewijzigd' USING ERRCODE = '42501';
END $$
"""


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("table_name", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("row_key", sa.Text),
        sa.Column("resident_id", sa.Text),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sqlite_autoincrement=True,
    )
    op.create_index("audit_resident", "audit", ["resident_id", "id"])
    if sqlite:
        op.create_table("audit_actor", sa.Column("who", sa.Text, nullable=False))
        op.create_table("audit_erasure", sa.Column("active", sa.Integer, nullable=False))
        for table in COLUMNS:
            for stmt in _sqlite_triggers(table):
                op.execute(stmt)
        for what in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_guard_{what.lower()} BEFORE {what} ON audit "
                "WHEN (SELECT count(*) FROM audit_erasure) = 0 BEGIN "
                "SELECT RAISE(ABORT, 'het logboek (audit) kan niet worden gewijzigd'); END"
            )
    else:
        op.execute(PG_FUNCTION)
        op.execute(PG_GUARD)
        for table in COLUMNS:
            op.execute(
                f"CREATE TRIGGER audit_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION vc_audit()"
            )
        op.execute(
            "CREATE TRIGGER audit_guard BEFORE UPDATE OR DELETE ON audit "
            "FOR EACH ROW EXECUTE FUNCTION vc_audit_guard()"
        )
        op.execute(
            "CREATE TRIGGER audit_guard_truncate BEFORE TRUNCATE ON audit EXECUTE FUNCTION vc_audit_guard()"
        )
