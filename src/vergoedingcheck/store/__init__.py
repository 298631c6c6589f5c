"""The coordinator's store (SQLite or PostgreSQL): residents, benefits, payments and the letters produced."""

from vergoedingcheck.store.db import (
    AuditEntry,
    ConflictError,
    ImportSummary,
    LetterRecord,
    NotFound,
    PaymentRecord,
    ResidentRecord,
    Store,
    StoreError,
    default_db_path,
    resolve_db_path,
    to_models,
)

__all__ = [
    "AuditEntry",
    "ConflictError",
    "ImportSummary",
    "LetterRecord",
    "NotFound",
    "PaymentRecord",
    "ResidentRecord",
    "Store",
    "StoreError",
    "default_db_path",
    "resolve_db_path",
    "to_models",
]
