"""an optional postal address for the letters (lines separated by a newline)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.add_column("residents", sa.Column("address", sa.Text))
