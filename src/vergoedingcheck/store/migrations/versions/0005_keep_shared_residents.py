"""deleting a shared resident removes only the caller's part

Revision ID: 0005
Revises: 0004

On PostgreSQL with teams, a coordinator of team A who deleted a resident that team B shares used to
delete the resident row, and with it (ON DELETE CASCADE, which row-level security does not stop)
every payment team B had made: B lost the resident and its payments. Now a coordinator's delete of
a resident who also belongs to a team the coordinator does not edit removes only that coordinator's
teams' payments (as the coordinator, so the audit names them) and the coordinator's teams from the
resident; the resident, the benefits and the other teams' payments stay. The administrator (a role
that edits no team: the owner who migrates) still deletes everywhere, as do `privacy erase` run by
the administrator. SQLite has one team: nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"

# SECURITY DEFINER: a coordinator may not write resident_teams; this removes only teams the
# logged-in role itself edits (session_user, as vc_default_team), whatever `teams` asks for.
LEAVE = """CREATE FUNCTION vc_leave_teams(rid text, teams text[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    DELETE FROM resident_teams WHERE resident_id = rid AND team_id = ANY(teams)
      AND team_id IN (SELECT vc_teams(session_user, true)) $$"""

KEEP = """CREATE FUNCTION vc_keep_shared_resident() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE mine text[];
  BEGIN
    SELECT coalesce(array_agg(x), '{}') INTO mine FROM vc_teams(current_user, true) AS x;
    IF cardinality(mine) = 0 THEN
      RETURN OLD;  -- the administrator: the resident goes everywhere
    END IF;
    IF NOT EXISTS (SELECT 1 FROM resident_teams WHERE resident_id = OLD.id AND NOT (team_id = ANY(mine))) THEN
      RETURN OLD;  -- only the caller's teams hold this resident
    END IF;
    DELETE FROM payments WHERE resident_id = OLD.id AND team_id = ANY(mine);
    PERFORM vc_leave_teams(OLD.id, mine);
    RETURN NULL;  -- the resident stays for the other teams
  END $$"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute(LEAVE)
    op.execute(KEEP)
    op.execute(
        "CREATE TRIGGER residents_keep_shared BEFORE DELETE ON residents FOR EACH ROW "
        "EXECUTE FUNCTION vc_keep_shared_resident()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP TRIGGER residents_keep_shared ON residents")
    op.execute("DROP FUNCTION vc_keep_shared_resident()")
    op.execute("DROP FUNCTION vc_leave_teams(text, text[])")
