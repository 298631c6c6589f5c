"""Fixtures for the letter tests: the scenarios run once through the real engine."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any, Literal, Protocol, cast, overload

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))  # letter_scenarios (no tests/__init__.py)
from letter_scenarios import (
    BY_KEY,
    LETTER_DATE,
    SCENARIOS,
    all_payments,
    all_residents,
)

from vergoedingcheck.engine import evaluate
from vergoedingcheck.engine.result import CheckResult
from vergoedingcheck.letters import (
    CoordinatorOverview,
    Letter,
    OfficeLetter,
    Organisation,
    ResidentLetter,
    compose_letter,
    load_organisation,
)
from vergoedingcheck.rules import Ruleset

LETTERS = Path(__file__).resolve().parents[2] / "letters"


class Make(Protocol):
    """The type of the `make` fixture: the letter's class follows from `kind`."""

    @overload
    def __call__(self, kind: Literal["resident"], lang: str, key: str | None = None, **kw: Any) -> ResidentLetter: ...
    @overload
    def __call__(self, kind: Literal["office"], lang: str, key: str | None = None, **kw: Any) -> OfficeLetter: ...
    @overload
    def __call__(
        self, kind: Literal["coordinator"], lang: str, key: str | None = None, **kw: Any
    ) -> CoordinatorOverview: ...
    @overload
    def __call__(self, kind: str, lang: str, key: str | None = None, **kw: Any) -> Letter: ...


@pytest.fixture(scope="session")
def org() -> Organisation:
    return load_organisation(directory=LETTERS)


@pytest.fixture(scope="session")
def check(ruleset: Ruleset) -> CheckResult:
    return evaluate(all_residents(), all_payments(), ruleset)


@pytest.fixture(scope="session")
def make(ruleset: Ruleset, check: CheckResult, org: Organisation) -> Make:
    """make(kind, lang, scenario_key, **kw) -> the composed letter."""

    def _make(kind: str, lang: str, key: str | None = None, **kw: Any) -> Letter:
        if key is None:
            kw.setdefault("year", 2025)
            return compose_letter(kind, lang, check, all_residents(), all_payments(), ruleset,
                                  letter_date=kw.pop("letter_date", LETTER_DATE),
                                  organisation=org, letters_dir=LETTERS, **kw)
        s = BY_KEY[key]
        rr = check.resident(s.resident.id)
        return compose_letter(kind, lang, rr, all_residents(), all_payments(), ruleset,
                              year=kw.pop("year", s.year),
                              letter_date=kw.pop("letter_date", LETTER_DATE), organisation=org,
                              letters_dir=LETTERS, **kw)

    return cast(Make, _make)


USER_SETTINGS = "organisation.yaml"


@pytest.fixture(autouse=True)
def user_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the user's own config directory in a test. The user has filled in the settings file
    with the demo organisation's details but without `demo: true` (letters from a test database
    are made as from a real one); a test that deletes the file gets the demo organisation."""
    from vergoedingcheck.letters import content

    path = tmp_path_factory.mktemp("config") / USER_SETTINGS
    demo = (LETTERS / "organisation.yaml").read_text(encoding="utf-8")
    path.write_text(demo.replace("\ndemo: true\n", "\n"), encoding="utf-8")
    assert "\ndemo: true\n" not in path.read_text(encoding="utf-8")
    monkeypatch.setattr(content, "user_organisation_path", lambda: path)
    return path


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF; a no-break space (Babel puts one after €) reads as a space."""
    return "\n".join(pdf_pages(pdf))


def pdf_trailer(reader: PdfReader) -> dict[str, Any]:
    """The trailer as the plain dict it is: pypdf types each entry as PdfObject, which hides that
    /Root is a dictionary and /ID an array."""
    return reader.trailer


def pdf_pages(pdf: bytes) -> list[str]:
    return [p.extract_text().replace("\xa0", " ") for p in PdfReader(io.BytesIO(pdf)).pages]


__all__ = ["SCENARIOS", "Make", "pdf_pages", "pdf_text", "pdf_trailer"]
