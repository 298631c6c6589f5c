"""residents, benefits, payments, letters (the store's version 1)

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

KINDS = "'vrijwilligersvergoeding', 'onkostenvergoeding', 'gift', 'loon'"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"

    def text_check(col: str) -> str:  # the column type already says TEXT on PostgreSQL
        return f"typeof({col}) = 'text'" if sqlite else "true"

    op.create_table(
        "residents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text),
        sa.Column("birth_date", sa.Text),
        sa.Column("municipality", sa.Text),
        sa.Column("household", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.CheckConstraint("length(trim(id)) > 0", name="residents_id_not_blank"),
    )
    op.create_table(
        "benefits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "resident_id",
            sa.Text,
            sa.ForeignKey("residents.id", ondelete="CASCADE", onupdate="CASCADE"),
            nullable=False,
        ),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("since", sa.Text),
        sa.Column("until", sa.Text),
        sa.Column("uwv_permission", sa.Integer),
        sa.Column("ww_hourly_wage", sa.Text),
        sa.Column("client_number", sa.Text),
        sa.CheckConstraint("uwv_permission IN (0, 1)", name="benefits_uwv_permission"),
    )
    op.create_index("benefits_resident", "benefits", ["resident_id"])
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "resident_id",
            sa.Text,
            sa.ForeignKey("residents.id", ondelete="CASCADE", onupdate="CASCADE"),
            nullable=False,
        ),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("amount", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("hours", sa.Text),
        sa.Column("receipts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("in_kind", sa.Integer, nullable=False, server_default="0"),
        sa.Column("payer", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("status", sa.Text, nullable=False, server_default="paid"),
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.CheckConstraint(text_check("amount"), name="payments_amount_text"),
        sa.CheckConstraint(f"hours IS NULL OR {text_check('hours')}", name="payments_hours_text"),
        sa.CheckConstraint(f"kind IN ({KINDS})", name="payments_kind"),
        sa.CheckConstraint("status IN ('planned', 'paid')", name="payments_status"),
        sqlite_autoincrement=True,
    )
    op.create_index("payments_resident_date", "payments", ["resident_id", "date"])
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "resident_id",
            sa.Text,
            sa.ForeignKey("residents.id", ondelete="SET NULL", onupdate="CASCADE"),
        ),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("lang", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("inputs", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.Text, nullable=False),
        sa.Column("file_path", sa.Text),
        sqlite_autoincrement=True,
    )
