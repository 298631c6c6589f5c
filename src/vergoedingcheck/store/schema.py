"""Versioned schema migrations: append, never edit a migration that has shipped.

Migration N is applied once, in its own transaction, and recorded in `schema_version`.
Money and hours are decimal TEXT (never REAL). No BSN column, on purpose.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: residents, benefits, payments, letters
    """
    CREATE TABLE residents (
        id            TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
        name          TEXT,
        birth_date    TEXT,
        municipality  TEXT,
        household     TEXT,
        note          TEXT,
        rev           INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE TABLE benefits (
        id              INTEGER PRIMARY KEY,
        resident_id     TEXT NOT NULL REFERENCES residents(id) ON DELETE CASCADE ON UPDATE CASCADE,
        type            TEXT NOT NULL,
        since           TEXT,
        until           TEXT,
        uwv_permission  INTEGER CHECK (uwv_permission IN (0, 1)),
        ww_hourly_wage  TEXT,
        client_number   TEXT
    );
    CREATE INDEX benefits_resident ON benefits(resident_id);
    CREATE TABLE payments (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        resident_id  TEXT NOT NULL REFERENCES residents(id) ON DELETE CASCADE ON UPDATE CASCADE,
        date         TEXT NOT NULL,
        amount       TEXT NOT NULL CHECK (typeof(amount) = 'text'),
        kind         TEXT NOT NULL CHECK (kind IN ('vrijwilligersvergoeding', 'onkostenvergoeding',
                                                   'gift', 'loon')),
        hours        TEXT CHECK (hours IS NULL OR typeof(hours) = 'text'),
        receipts     INTEGER NOT NULL DEFAULT 0,
        in_kind      INTEGER NOT NULL DEFAULT 0,
        payer        TEXT,
        note         TEXT,
        status       TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('planned', 'paid')),
        rev          INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE INDEX payments_resident_date ON payments(resident_id, date);
    CREATE TABLE letters (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        resident_id  TEXT REFERENCES residents(id) ON DELETE SET NULL ON UPDATE CASCADE,
        year         INTEGER NOT NULL,
        kind         TEXT NOT NULL,
        lang         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        inputs       TEXT NOT NULL,
        result       TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        file_path    TEXT
    )
    """,
    # 2: an optional postal address for the letters (lines separated by a newline)
    """
    ALTER TABLE residents ADD COLUMN address TEXT
    """,
)
