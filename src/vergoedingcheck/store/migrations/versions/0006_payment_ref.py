"""payments.ref, a stable de-duplication key per resident, and import_files

Revision ID: 0006
Revises: 0005

Issue 9 item 1: an import used to skip a payment when the store already held one with the same
content, which dropped a genuine second EUR 120 payment on the same day imported from a later file
(and so turned an unsafe year into a safe one). Now a payment has a reference (`ref`, the
coordinator's own `id` / `kenmerk` from the file, or one the store makes), unique per resident, and
only a payment with the same reference is recognised as already stored.

Existing payments get `auto-<id>` (their row id), so an export → import round trip still matches
them. The backfill is not written to the audit (it is the schema's change, not anybody's edit): on
SQLite the payments' audit triggers are dropped, and created again with the new column; on
PostgreSQL the generic audit trigger (to_jsonb of the row) records `ref` by itself and is disabled
for the backfill only. A payment without a reference is refused by the database (PostgreSQL: NOT
NULL; SQLite, which cannot add NOT NULL in place without copying the table and losing its
triggers: a trigger).

`import_files` remembers every imported file by its SHA-256, so the same file imported again is
refused unless the user asks for it (its payments without a reference would be added twice).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"

OUTSIDE = "(buiten de app)"
PAYMENT_COLUMNS = (
    "id", "resident_id", "date", "amount", "kind", "hours", "receipts", "in_kind", "payer", "note",
    "status", "rev", "created_at", "updated_at", "ref",
)  # fmt: skip
REF_REQUIRED = "een betaling heeft een kenmerk nodig (payments.ref)"


def _sqlite_payment_triggers() -> list[str]:
    """The audit triggers of 0003 for `payments`, with `ref` in the recorded row."""
    cols = PAYMENT_COLUMNS
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
            f"CREATE TRIGGER audit_payments_{op_name} AFTER {when} ON payments BEGIN "
            "INSERT INTO audit (at, who, table_name, action, row_key, resident_id, before, after) VALUES ("
            "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), "
            f"coalesce((SELECT who FROM audit_actor LIMIT 1), '{OUTSIDE}'), "
            f"'payments', '{op_name}', CAST({row}.id AS TEXT), {row}.resident_id, {before}, {after}); END"
        )
    for what in ("INSERT", "UPDATE"):
        out.append(
            f"CREATE TRIGGER payments_ref_required_{what.lower()} BEFORE {what} ON payments "
            f"WHEN NEW.ref IS NULL OR trim(NEW.ref) = '' BEGIN SELECT RAISE(ABORT, '{REF_REQUIRED}'); END"
        )
    return out


BACKFILL = "UPDATE payments SET ref = 'auto-' || CAST(id AS TEXT) WHERE ref IS NULL"

PG_GRANTS = """DO $$
DECLARE m record;
BEGIN
  FOR m IN SELECT DISTINCT role_name, bool_or(can_edit) AS edit FROM team_members
           WHERE role_name IN (SELECT rolname FROM pg_roles) GROUP BY role_name LOOP
    EXECUTE format('GRANT SELECT ON import_files TO %I', m.role_name);
    IF m.edit THEN EXECUTE format('GRANT INSERT, UPDATE ON import_files TO %I', m.role_name); END IF;
  END LOOP;
END $$"""


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for op_name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER audit_payments_{op_name}")
    op.add_column("payments", sa.Column("ref", sa.Text))
    if sqlite:
        op.execute(BACKFILL)
        for stmt in _sqlite_payment_triggers():
            op.execute(stmt)
    else:
        op.execute("ALTER TABLE payments DISABLE TRIGGER audit_payments")
        op.execute(BACKFILL)
        op.execute("ALTER TABLE payments ENABLE TRIGGER audit_payments")
        op.execute("ALTER TABLE payments ALTER COLUMN ref SET NOT NULL")
        op.execute("ALTER TABLE payments ADD CONSTRAINT payments_ref_not_blank CHECK (trim(ref) <> '')")
    op.create_index("payments_ref", "payments", ["resident_id", "ref"], unique=True)
    op.create_table(
        "import_files",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("imported_at", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
    )
    if not sqlite:
        op.execute(PG_GRANTS)
