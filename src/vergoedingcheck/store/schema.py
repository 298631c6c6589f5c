"""The store's tables as SQLAlchemy Core metadata (the shape after the newest migration).

The migrations themselves live in `store/migrations/versions/` (Alembic, one history for SQLite and
PostgreSQL); append a migration, never edit one that has shipped. Money and hours are decimal TEXT
(never REAL or float), dates ISO TEXT, on both engines. No BSN column, on purpose.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, MetaData, Table, Text

metadata = MetaData()

residents = Table(
    "residents",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text),
    Column("birth_date", Text),
    Column("municipality", Text),
    Column("household", Text),
    Column("note", Text),
    Column("rev", Integer, nullable=False, server_default="1"),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("address", Text),
)

benefits = Table(
    "benefits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "resident_id",
        Text,
        ForeignKey("residents.id", ondelete="CASCADE", onupdate="CASCADE"),
        nullable=False,
    ),
    Column("type", Text, nullable=False),
    Column("since", Text),
    Column("until", Text),
    Column("uwv_permission", Integer),
    Column("ww_hourly_wage", Text),
    Column("client_number", Text),
)

payments = Table(
    "payments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "resident_id",
        Text,
        ForeignKey("residents.id", ondelete="CASCADE", onupdate="CASCADE"),
        nullable=False,
    ),
    Column("date", Text, nullable=False),
    Column("amount", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("hours", Text),
    Column("receipts", Integer, nullable=False, server_default="0"),
    Column("in_kind", Integer, nullable=False, server_default="0"),
    Column("payer", Text),
    Column("note", Text),
    Column("status", Text, nullable=False, server_default="paid"),
    Column("rev", Integer, nullable=False, server_default="1"),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("ref", Text),  # revision 0006: the payment's stable key, unique per resident
)

letters = Table(
    "letters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "resident_id",
        Text,
        ForeignKey("residents.id", ondelete="SET NULL", onupdate="CASCADE"),
    ),
    Column("year", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("lang", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("inputs", Text, nullable=False),
    Column("result", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("file_path", Text),
)

# The store's schema before Alembic kept a `schema_version` table (versions 1 and 2); those versions
# are the Alembic revisions below, so an old store is stamped at its version and upgraded from there.
LEGACY_VERSIONS = {1: "0001", 2: "0002"}

# Revision 0003: the audit, written by triggers (see the migration); append-only except for erasure.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("table_name", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("row_key", Text),
    Column("resident_id", Text),
    Column("before", Text),
    Column("after", Text),
)
audit_actor = Table("audit_actor", metadata, Column("who", Text, nullable=False))  # SQLite only
audit_erasure = Table("audit_erasure", metadata, Column("active", Integer, nullable=False))  # SQLite only

# Revision 0004: teams (row-level security on PostgreSQL, one implicit team on SQLite) and payers.
DEFAULT_TEAM = "standaard"
teams = Table("teams", metadata, Column("id", Text, primary_key=True), Column("name", Text))
resident_teams = Table(
    "resident_teams",
    metadata,
    Column("resident_id", Text, ForeignKey("residents.id"), primary_key=True),
    Column("team_id", Text, ForeignKey("teams.id"), primary_key=True),
)
team_members = Table(
    "team_members",
    metadata,
    Column("role_name", Text, primary_key=True),
    Column("team_id", Text, ForeignKey("teams.id"), primary_key=True),
    Column("can_edit", Boolean, nullable=False),
)
payers = Table(
    "payers",
    metadata,
    Column("name", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("below_market_rate", Integer, nullable=False),
)
PAYER_TYPES = ("anbi", "sbbi", "sport", "not_vpb", "commercial")

# Revision 0006: payments carry a stable reference (`payments.ref`, unique per resident: the
# de-duplication key of an import), and every imported file is remembered by its SHA-256, so the
# same file imported again is refused unless the user asks for it (its payments without a
# reference would be added a second time).
import_files = Table(
    "import_files",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("imported_at", Text, nullable=False),
    Column("name", Text),
)
AUTO_REF_PREFIX = "auto-"
