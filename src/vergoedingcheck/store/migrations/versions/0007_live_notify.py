"""live: every write to the shared tables notifies the coordinators' apps, also from outside the app

Revision ID: 0007
Revises: 0006

Issue 12 item 4: the store's own write transactions sent `NOTIFY vergoedingcheck` (no payload), but
a change made with psql, a script or another tool sent nothing, and the apps saw it only through
their fallback look (every 30 s). A statement-level trigger on each table the apps watch now sends
the same payload-less notification from the database itself, whoever writes. PostgreSQL folds
identical notifications of one transaction into one, delivered at the commit (and none on a
rollback), so an import of 10,000 rows sends one.

The notification still names nothing: every role may LISTEN on every channel, so the watcher reads
*what* changed through the role's own row-level security (store/live.py).

SQLite needs nothing: `PRAGMA data_version` already sees every other connection's commit.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"

CHANNEL = "vergoedingcheck"  # = store.db.LIVE_CHANNEL (a migration does not import the app)
TABLES = (
    "residents", "benefits", "payments", "letters", "payers", "teams", "resident_teams", "team_members",
)  # fmt: skip

PG_FUNCTION = f"""
CREATE FUNCTION vc_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('{CHANNEL}', '');
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(PG_FUNCTION)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER live_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION vc_live_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS live_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS vc_live_notify()")
