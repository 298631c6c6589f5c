"""Alembic environment: the store hands over its own connection (already in a write transaction)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things in place
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
