# ruff: noqa: E501  (SQL statements read better on one line each)
"""teams (which coordinator sees which residents) and payers

Revision ID: 0004
Revises: 0003

Residents belong to one or more teams (`resident_teams`); a payment is made by one team. SQLite has
one implicit team, `standaard`. On PostgreSQL a coordinator is a database role listed in
`team_members` (with `can_edit`; a read-only role has it false) and row-level security limits every
table to the residents of that role's teams. Payments made by another team to a shared resident are
not visible row by row (their notes stay with that team), but still count: the view
`other_team_payments` gives them as totals per resident, payer, day and kind, without notes.
Superusers and the owner of the tables (the administrator who migrates) see everything.

`payers`: the organisations that pay (name, type, whether they pay below the market rate).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

DEFAULT_TEAM = "standaard"
PAYER_TYPES = "'anbi', 'sbbi', 'sport', 'not_vpb', 'commercial'"
OUTSIDE = "(buiten de app)"

PG_FUNCTIONS = [
    # SECURITY DEFINER: they read team_members/resident_teams whatever the caller may see; `who`
    # is passed in by the policy, evaluated as the caller (current_user).
    """CREATE FUNCTION vc_teams(who name, editing boolean) RETURNS SETOF text
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT team_id FROM team_members WHERE role_name = who AND (can_edit OR NOT editing) $$""",
    """CREATE FUNCTION vc_sees(rid text, who name, editing boolean) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT EXISTS (SELECT 1 FROM resident_teams rt WHERE rt.resident_id = rid
                        AND rt.team_id IN (SELECT vc_teams(who, editing))) $$""",
    """CREATE FUNCTION vc_default_team() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       DECLARE tid text;
       BEGIN
         SELECT team_id INTO tid FROM team_members WHERE role_name = session_user
           AND can_edit ORDER BY team_id LIMIT 1;
         INSERT INTO resident_teams (resident_id, team_id) VALUES (NEW.id, coalesce(tid, 'standaard'))
           ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$""",
    """CREATE FUNCTION vc_payment_team() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE tid text;
       BEGIN
         IF NEW.team_id IS NULL OR NEW.team_id = 'standaard' THEN
           SELECT t INTO tid FROM vc_teams(current_user, true) t ORDER BY t LIMIT 1;
           NEW.team_id := coalesce(tid, 'standaard');
         END IF;
         RETURN NEW;
       END $$""",
]

PG_POLICIES = [
    "ALTER TABLE residents ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY residents_see ON residents FOR SELECT USING (vc_sees(id, current_user, false))",
    "CREATE POLICY residents_add ON residents FOR INSERT WITH CHECK (EXISTS (SELECT vc_teams(current_user, true)))",
    "CREATE POLICY residents_edit ON residents FOR UPDATE USING (vc_sees(id, current_user, true))",
    "CREATE POLICY residents_delete ON residents FOR DELETE USING (vc_sees(id, current_user, true))",
    "ALTER TABLE benefits ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY benefits_see ON benefits FOR SELECT USING (vc_sees(resident_id, current_user, false))",
    "CREATE POLICY benefits_write ON benefits FOR ALL USING (vc_sees(resident_id, current_user, true))"
    " WITH CHECK (vc_sees(resident_id, current_user, true))",
    "ALTER TABLE payments ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY payments_see ON payments FOR SELECT USING (vc_sees(resident_id, current_user, false)"
    " AND team_id IN (SELECT vc_teams(current_user, false)))",
    "CREATE POLICY payments_write ON payments FOR ALL USING (vc_sees(resident_id, current_user, true)"
    " AND team_id IN (SELECT vc_teams(current_user, true))) WITH CHECK (vc_sees(resident_id, current_user, true)"
    " AND team_id IN (SELECT vc_teams(current_user, true)))",
    "ALTER TABLE letters ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY letters_see ON letters FOR SELECT USING (vc_sees(resident_id, current_user, false))",
    "CREATE POLICY letters_write ON letters FOR ALL USING (vc_sees(resident_id, current_user, true))"
    " WITH CHECK (resident_id IS NULL OR vc_sees(resident_id, current_user, true))",
    "ALTER TABLE resident_teams ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY resident_teams_see ON resident_teams FOR SELECT USING (vc_sees(resident_id, current_user, false))",
    "ALTER TABLE audit ENABLE ROW LEVEL SECURITY",
    # a payment's audit row holds its note: only for the team that made it
    "CREATE POLICY audit_see ON audit FOR SELECT USING (vc_sees(resident_id, current_user, false) AND"
    " (table_name <> 'payments' OR coalesce(after, before)::jsonb->>'team_id' IN (SELECT vc_teams(current_user, false))))",
    "CREATE POLICY audit_add ON audit FOR INSERT WITH CHECK (true)",
    # the other teams' payments to residents this role sees: totals, no notes, no ids
    """CREATE VIEW other_team_payments AS
       SELECT resident_id, payer, date, kind, receipts, in_kind, status,
              sum(amount::numeric)::text AS amount,
              CASE WHEN count(hours) = count(*) THEN sum(hours::numeric)::text END AS hours,
              count(*) AS n
       FROM payments
       WHERE vc_sees(resident_id, current_user, false)
         AND team_id NOT IN (SELECT vc_teams(current_user, false))
       GROUP BY resident_id, payer, date, kind, receipts, in_kind, status""",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table("teams", sa.Column("id", sa.Text, primary_key=True), sa.Column("name", sa.Text))
    op.execute(f"INSERT INTO teams (id, name) VALUES ('{DEFAULT_TEAM}', 'Standaard')")
    op.create_table(
        "resident_teams",
        sa.Column(
            "resident_id",
            sa.Text,
            sa.ForeignKey("residents.id", ondelete="CASCADE", onupdate="CASCADE"),
            primary_key=True,
        ),
        sa.Column("team_id", sa.Text, sa.ForeignKey("teams.id", onupdate="CASCADE"), primary_key=True),
    )
    op.create_table(
        "team_members",
        sa.Column("role_name", sa.Text, primary_key=True),
        sa.Column("team_id", sa.Text, sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("can_edit", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    # a plain ADD COLUMN (no table copy on SQLite: the audit triggers of 0003 stay)
    op.add_column("payments", sa.Column("team_id", sa.Text, nullable=False, server_default=DEFAULT_TEAM))
    op.execute(
        f"INSERT INTO resident_teams (resident_id, team_id) SELECT id, '{DEFAULT_TEAM}' FROM residents"
    )
    op.create_index("payments_team", "payments", ["team_id"])
    op.create_table(
        "payers",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("below_market_rate", sa.Integer, nullable=False, server_default="0"),
        sa.CheckConstraint(f"type IN ({PAYER_TYPES})", name="payers_type"),
        sa.CheckConstraint("below_market_rate IN (0, 1)", name="payers_below_market_rate"),
        sa.CheckConstraint("length(trim(name)) > 0", name="payers_name_not_blank"),
    )
    if sqlite:
        op.execute(
            "CREATE TRIGGER residents_default_team AFTER INSERT ON residents BEGIN "
            f"INSERT OR IGNORE INTO resident_teams (resident_id, team_id) VALUES (NEW.id, '{DEFAULT_TEAM}'); END"
        )
        cols = ("name", "type", "below_market_rate")
        for op_name in ("insert", "update", "delete"):
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
            op.execute(
                f"CREATE TRIGGER audit_payers_{op_name} AFTER {op_name.upper()} ON payers BEGIN "
                "INSERT INTO audit (at, who, table_name, action, row_key, resident_id, before, after) VALUES ("
                "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), "
                f"coalesce((SELECT who FROM audit_actor LIMIT 1), '{OUTSIDE}'), "
                f"'payers', '{op_name}', {row}.name, NULL, {before}, {after}); END"
            )
    else:
        for stmt in PG_FUNCTIONS:
            op.execute(stmt)
        op.execute(
            "CREATE TRIGGER residents_default_team AFTER INSERT ON residents FOR EACH ROW "
            "EXECUTE FUNCTION vc_default_team()"
        )
        op.execute(
            "CREATE TRIGGER payments_default_team BEFORE INSERT ON payments FOR EACH ROW "
            "EXECUTE FUNCTION vc_payment_team()"
        )
        # the generic audit function keys rows on `id`; payers are keyed on their name
        op.execute(
            """CREATE FUNCTION vc_audit_payers() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE b jsonb; a jsonb;
            BEGIN
              IF TG_OP <> 'INSERT' THEN b := to_jsonb(OLD); END IF;
              IF TG_OP <> 'DELETE' THEN a := to_jsonb(NEW); END IF;
              INSERT INTO audit (at, who, table_name, action, row_key, resident_id, before, after)
              VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'), current_user,
                      'payers', lower(TG_OP), coalesce(a->>'name', b->>'name'), NULL, b::text, a::text);
              RETURN NULL;
            END $$"""
        )
        op.execute(
            "CREATE TRIGGER audit_payers AFTER INSERT OR UPDATE OR DELETE ON payers FOR EACH ROW "
            "EXECUTE FUNCTION vc_audit_payers()"
        )
        for stmt in PG_POLICIES:
            op.execute(stmt)
