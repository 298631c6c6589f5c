"""The coordinator's store (SQLite or PostgreSQL): residents, benefits, payments and the letters produced."""

from vergoedingcheck.store.db import (
    AlreadyImported,
    AuditEntry,
    ConflictError,
    ImportSource,
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
    "AlreadyImported",
    "AuditEntry",
    "ConflictError",
    "ImportSource",
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
