"""Payers (spec §1 `payers:`, §3 Payers) through the store: a case file's payers are imported with
its residents and payments, exported again, and given to the engine, so the app knows a commercial
payer as `check` does. A payer the store holds differently is an error: nothing is imported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from vergoedingcheck.model import Payer
from vergoedingcheck.services.transfer import apply_import, export, plan_import
from vergoedingcheck.store import Store, StoreError

CASE = """version: 1
residents:
  - {id: R1, birth_date: 1980-01-01, benefits: [{type: bijstand}]}
payers:
  - {name: Garage Noord BV, type: commercial}
  - {name: Buurthuis, type: anbi, below_market_rate: true}
payments:
  - {resident: R1, date: 2026-03-01, amount: "100.00", kind: vrijwilligersvergoeding, payer: Garage Noord BV}
"""


def _import(
    tmp_path: Path, store: Store, text: str, name: str = "case.yaml", *, again: bool = False
) -> object:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    plan = plan_import(f, store)
    assert plan.ok, plan.errors
    return apply_import(plan, store, again=again)


def test_a_case_files_payers_reach_the_store_and_the_engine(tmp_path: Path) -> None:
    from vergoedingcheck.engine import evaluate
    from vergoedingcheck.rules import load_ruleset

    with Store(tmp_path / "s.db") as store:
        summary = _import(tmp_path, store, CASE)
        assert summary.payers_added == 2  # type: ignore[attr-defined]
        assert store.payer_models() == [
            Payer("Buurthuis", "anbi", True),
            Payer("Garage Noord BV", "commercial", False),
        ]
        residents, payments = store.engine_input()
        y = evaluate(residents, payments, load_ruleset(None), payers=store.payer_models()).resident("R1")
        assert y is not None and y.year(2026) is not None
        # 100.00 from a commercial payer is pay (spec §3 Payers): countable in full for bijstand
        b = y.year(2026).benefits[0]  # type: ignore[union-attr]
        assert (b.status, b.countable) == ("unsafe", Decimal("100.00"))
        # importing the same file again (asked for: the same file is refused otherwise) adds no payer
        again = _import(tmp_path, store, CASE, again=True)
        assert again.payers_added == 0  # type: ignore[attr-defined]


def test_a_payer_the_store_holds_differently_is_refused_and_nothing_is_imported(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_payer("Garage Noord BV", "anbi")
        with pytest.raises(StoreError, match="Garage Noord BV"):
            _import(tmp_path, store, CASE)
        assert store.residents() == [] and store.payments() == []
        assert store.payers() == [("Garage Noord BV", "anbi", False)]


def test_payers_are_exported_with_the_case_file_and_import_again(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as a:
        _import(tmp_path, a, CASE)
        export(tmp_path / "out.yaml", a)
    with Store(tmp_path / "b.db") as b:
        plan = plan_import(tmp_path / "out.yaml", b)
        assert plan.ok
        apply_import(plan, b)
        assert b.payers() == [("Buurthuis", "anbi", True), ("Garage Noord BV", "commercial", False)]
