# ruff: noqa: E501  (SQL statements read better on one line each)
"""row-level security evaluated once per statement, not once per row (PostgreSQL only)

Revision ID: 0008
Revises: 0007

Issue 12 item 8: opening the residents screen of a 4,000-resident store took 114.8 s on PostgreSQL
against a 0.61 s floor (187x), 2.7 s on SQLite. The policies of 0004 call `vc_sees(resident_id, …)`
for every row, and that function runs a sub-query on resident_teams and team_members each time:
96,000 payment rows, 96,000 sub-queries. Worse, the `FOR ALL` write policies also apply to SELECT
(permissive policies are OR-ed), so every row was checked a second time, as an editor.

Now:
- `vc_residents(who, editing)` returns the set of residents a role may see (or edit) once; the
  SELECT policies and the `other_team_payments` view test `resident_id IN (SELECT vc_residents(…))`,
  which PostgreSQL evaluates once per statement as a hashed sub-plan;
- the write policies are split per command (INSERT, UPDATE, DELETE), so none applies to SELECT.
  They keep the per-row `vc_sees` check: a write touches few rows, and its meaning is unchanged.

Who sees what is exactly as before; tests/store/test_teams.py compares both forms for every role
and checks the same after a downgrade to 0007.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"

SEES = "IN (SELECT vc_residents(current_user, false))"
TEAMS = "IN (SELECT vc_teams(current_user, false))"
EDIT_TEAMS = "IN (SELECT vc_teams(current_user, true))"

FUNCTION = """CREATE FUNCTION vc_residents(who name, editing boolean) RETURNS SETOF text
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
     SELECT DISTINCT rt.resident_id FROM resident_teams rt
     WHERE rt.team_id IN (SELECT vc_teams(who, editing)) $$"""

# (table, policy name) of 0004 that this migration replaces
OLD_POLICIES = (
    ("residents", "residents_see"),
    ("benefits", "benefits_see"),
    ("benefits", "benefits_write"),
    ("payments", "payments_see"),
    ("payments", "payments_write"),
    ("letters", "letters_see"),
    ("letters", "letters_write"),
    ("resident_teams", "resident_teams_see"),
    ("audit", "audit_see"),
)

PAY_EDIT = "vc_sees(resident_id, current_user, true) AND team_id IN (SELECT vc_teams(current_user, true))"

NEW_POLICIES = [
    f"CREATE POLICY residents_see ON residents FOR SELECT USING (id {SEES})",
    f"CREATE POLICY benefits_see ON benefits FOR SELECT USING (resident_id {SEES})",
    "CREATE POLICY benefits_add ON benefits FOR INSERT WITH CHECK (vc_sees(resident_id, current_user, true))",
    "CREATE POLICY benefits_edit ON benefits FOR UPDATE USING (vc_sees(resident_id, current_user, true))"
    " WITH CHECK (vc_sees(resident_id, current_user, true))",
    "CREATE POLICY benefits_delete ON benefits FOR DELETE USING (vc_sees(resident_id, current_user, true))",
    f"CREATE POLICY payments_see ON payments FOR SELECT USING (resident_id {SEES} AND team_id {TEAMS})",
    f"CREATE POLICY payments_add ON payments FOR INSERT WITH CHECK ({PAY_EDIT})",
    f"CREATE POLICY payments_edit ON payments FOR UPDATE USING ({PAY_EDIT}) WITH CHECK ({PAY_EDIT})",
    f"CREATE POLICY payments_delete ON payments FOR DELETE USING ({PAY_EDIT})",
    f"CREATE POLICY letters_see ON letters FOR SELECT USING (resident_id {SEES})",
    "CREATE POLICY letters_add ON letters FOR INSERT"
    " WITH CHECK (resident_id IS NULL OR vc_sees(resident_id, current_user, true))",
    "CREATE POLICY letters_edit ON letters FOR UPDATE USING (vc_sees(resident_id, current_user, true))"
    " WITH CHECK (resident_id IS NULL OR vc_sees(resident_id, current_user, true))",
    "CREATE POLICY letters_delete ON letters FOR DELETE USING (vc_sees(resident_id, current_user, true))",
    f"CREATE POLICY resident_teams_see ON resident_teams FOR SELECT USING (resident_id {SEES})",
    # a payment's audit row holds its note: only for the team that made it
    f"CREATE POLICY audit_see ON audit FOR SELECT USING (resident_id {SEES} AND"
    f" (table_name <> 'payments' OR coalesce(after, before)::jsonb->>'team_id' {TEAMS}))",
]
NEW_NAMES = (
    ("residents", "residents_see"),
    ("benefits", "benefits_see"),
    ("benefits", "benefits_add"),
    ("benefits", "benefits_edit"),
    ("benefits", "benefits_delete"),
    ("payments", "payments_see"),
    ("payments", "payments_add"),
    ("payments", "payments_edit"),
    ("payments", "payments_delete"),
    ("letters", "letters_see"),
    ("letters", "letters_add"),
    ("letters", "letters_edit"),
    ("letters", "letters_delete"),
    ("resident_teams", "resident_teams_see"),
    ("audit", "audit_see"),
)

VIEW_COLUMNS = """SELECT resident_id, payer, date, kind, receipts, in_kind, status,
          sum(amount::numeric)::text AS amount,
          CASE WHEN count(hours) = count(*) THEN sum(hours::numeric)::text END AS hours,
          count(*) AS n
   FROM payments"""
VIEW_GROUP = "GROUP BY resident_id, payer, date, kind, receipts, in_kind, status"

NEW_VIEW = f"""CREATE OR REPLACE VIEW other_team_payments AS {VIEW_COLUMNS}
   WHERE resident_id {SEES} AND team_id NOT {TEAMS}
   {VIEW_GROUP}"""

# 0004's own statements, for the downgrade (a migration never imports another one)
OLD_VIEW = f"""CREATE OR REPLACE VIEW other_team_payments AS {VIEW_COLUMNS}
   WHERE vc_sees(resident_id, current_user, false) AND team_id NOT {TEAMS}
   {VIEW_GROUP}"""
OLD_STATEMENTS = [
    "CREATE POLICY residents_see ON residents FOR SELECT USING (vc_sees(id, current_user, false))",
    "CREATE POLICY benefits_see ON benefits FOR SELECT USING (vc_sees(resident_id, current_user, false))",
    "CREATE POLICY benefits_write ON benefits FOR ALL USING (vc_sees(resident_id, current_user, true))"
    " WITH CHECK (vc_sees(resident_id, current_user, true))",
    "CREATE POLICY payments_see ON payments FOR SELECT USING (vc_sees(resident_id, current_user, false)"
    f" AND team_id {TEAMS})",
    f"CREATE POLICY payments_write ON payments FOR ALL USING ({PAY_EDIT}) WITH CHECK ({PAY_EDIT})",
    "CREATE POLICY letters_see ON letters FOR SELECT USING (vc_sees(resident_id, current_user, false))",
    "CREATE POLICY letters_write ON letters FOR ALL USING (vc_sees(resident_id, current_user, true))"
    " WITH CHECK (resident_id IS NULL OR vc_sees(resident_id, current_user, true))",
    "CREATE POLICY resident_teams_see ON resident_teams FOR SELECT USING (vc_sees(resident_id, current_user, false))",
    "CREATE POLICY audit_see ON audit FOR SELECT USING (vc_sees(resident_id, current_user, false) AND"
    f" (table_name <> 'payments' OR coalesce(after, before)::jsonb->>'team_id' {TEAMS}))",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    for table, name in OLD_POLICIES:
        op.execute(f"DROP POLICY {name} ON {table}")
    for stmt in NEW_POLICIES:
        op.execute(stmt)
    op.execute(NEW_VIEW)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, name in NEW_NAMES:
        op.execute(f"DROP POLICY {name} ON {table}")
    for stmt in OLD_STATEMENTS:
        op.execute(stmt)
    op.execute(OLD_VIEW)
    op.execute("DROP FUNCTION vc_residents(name, boolean)")
