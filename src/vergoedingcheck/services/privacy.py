"""The resident's right of access (AVG/GDPR art. 15): everything held about one resident, as a
case file (`check` reads it) plus the letters made and the audit of changes. Erasure and the
retention period are in `vergoedingcheck.store.privacy`."""

from __future__ import annotations

import json
from typing import Any

from vergoedingcheck.store import Store


def export_resident(store: Store, rid: str) -> dict[str, Any]:
    """Art. 15: a case file of the resident plus the letters and the history (JSON-ready)."""
    from vergoedingcheck.io.casefile import case_to_dict

    rec = store.resident(rid)  # NotFound when there is none
    payments = store.payments(rid)
    case = case_to_dict([rec.to_model()], [p.to_model() for p in payments])
    case = json.loads(json.dumps(case, default=str))
    letters = [
        {
            "id": x.id,
            "created_at": x.created_at,
            "year": x.year,
            "kind": x.kind,
            "lang": x.lang,
            "file": x.file_path,
            "fingerprint": x.fingerprint,
        }
        for x in store.letters(rid)
    ]
    history = [
        {"at": e.at, "who": e.who, "table": e.table, "action": e.action, "before": e.before, "after": e.after}
        for e in store.history(rid)
    ]
    return {"case": case, "letters": letters, "history": history}
