"""Residents and payments as spreadsheets: CSV the way Dutch spreadsheets write it, and XLSX.

CSV: `;` between fields (`,` and tab are recognised too), a decimal comma, amounts may carry `€` and
thousands dots (`€ 1.250,50`), dates as `3-3-2026`, `03-03-2026`, `3/3/2026` or `2026-03-03`,
UTF-8 with or without BOM, else Windows-1252. One CSV holds one table; which one is recognised
from its header row. XLSX: one workbook with the sheets `Bewoners` and `Betalingen`.

Residents are one row per benefit (a resident with two benefits has two rows with the same
reference; a resident without a benefit has one row with `uitkering` empty).

Reading never raises on a bad row: every problem is a `RowError` naming the sheet, the row (as the
spreadsheet numbers it, header = row 1) and the column. Nothing is imported when there is an error,
unless the caller chooses to import the good rows (`ImportPlan.good_only`).
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from vergoedingcheck.files import write_private
from vergoedingcheck.model import BENEFIT_TYPES, PAYMENT_KINDS, Benefit, Payer
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.text import word
from vergoedingcheck.validation import (
    HOURS_PLACES,
    MAX_NOTE_LENGTH,
    BoundError,
    check_amount,
    check_birth_date,
    check_date,
    check_hours,
    check_id,
    check_period,
    check_text,
    visible,
    ww_only_error,
)

RESIDENT_COLUMNS = (
    "referentie",
    "naam",
    "geboortedatum",
    "gemeente",
    "huishouden",
    "notitie",
    "adres",
    "uitkering",
    "sinds",
    "tot",
    "toestemming_uwv",
    "ww_uurloon",
    "klantnummer",
)
PAYMENT_COLUMNS = (
    "referentie",
    "naam",
    "datum",
    "bedrag",
    "soort",
    "uren",
    "bonnen",
    "in_natura",
    "betaler",
    "notitie",
    "status",
    "kenmerk",
)
"""`kenmerk`: the coordinator's own reference of a payment (unique per resident in the file), the
store's de-duplication key (issue 9 item 1): a payment with a kenmerk the store holds is recognised,
one without is always added."""
REQUIRED_RESIDENT = ("referentie", "geboortedatum")
REQUIRED_PAYMENT = ("referentie", "datum", "bedrag", "soort")

SHEET_RESIDENTS = "Bewoners"
SHEET_PAYMENTS = "Betalingen"
SHEET_PAYERS = "Betalers"
PAYER_COLUMNS = ("naam", "soort", "niet_marktconform")
"""The payers (spec §1 `payers:`): name as on the payments, kind, and whether the payer can show
its hourly rate is not a market rate."""
REQUIRED_PAYER = ("naam", "soort")
PAYER_TYPE_WORDS = {
    "anbi": "anbi",
    "sbbi": "sbbi",
    "sport": "sport",
    "sportorganisatie": "sport",
    "sportvereniging": "sport",
    "not_vpb": "not_vpb",
    "geen vpb": "not_vpb",
    "geen vennootschapsbelasting": "not_vpb",
    "commercial": "commercial",
    "commercieel": "commercial",
    "commercieel bedrijf": "commercial",
    "bedrijf": "commercial",
}
PAYER_TYPE_NL = {
    "anbi": "ANBI",
    "sbbi": "SBBI",
    "sport": "sportorganisatie",
    "not_vpb": "geen vennootschapsbelasting",
    "commercial": "commercieel bedrijf",
}

_ALIASES = {
    "ref": "referentie",
    "bewoner": "referentie",
    "id": "referentie",
    "nummer": "referentie",
    "geboren": "geboortedatum",
    "bedrag (€)": "bedrag",
    "bedrag in euro": "bedrag",
    "soort betaling": "soort",
    "bonnetjes": "bonnen",
    "in natura": "in_natura",
    "toestemming uwv": "toestemming_uwv",
    "ww uurloon": "ww_uurloon",
    "ww-uurloon": "ww_uurloon",
    "opmerking": "notitie",
    "omschrijving": "notitie",
    "gemeente van inschrijving": "gemeente",
    "betalingskenmerk": "kenmerk",
    "kenmerk betaling": "kenmerk",
    # a coordinator's own sheet and English headers (issue 11 item 7)
    "opmerkingen": "notitie",
    "beschrijving": "notitie",
    "description": "notitie",
    "note": "notitie",
    "notes": "notitie",
    "name": "naam",
    "naam bewoner": "naam",
    "date": "datum",
    "datum betaling": "datum",
    "betaaldatum": "datum",
    "amount": "bedrag",
    "reference": "referentie",
    "birth date": "geboortedatum",
    "date of birth": "geboortedatum",
    "birthdate": "geboortedatum",
    "geboortedag": "geboortedatum",
    "hours": "uren",
    "payer": "betaler",
    "municipality": "gemeente",
    "household": "huishouden",
    "address": "adres",
}
_YES = {"ja", "j", "waar", "true", "1", "x", "yes", "y"}
_NO = {"nee", "n", "onwaar", "false", "0", "no", ""}
_STATUS = {
    "betaald": "paid",
    "paid": "paid",
    "gepland": "planned",
    "planned": "planned",
}
"""An empty status is never read as "betaald" (issue 11 item 7): it is an error unless the caller
chose one status for the whole file (`read_spreadsheet(status=...)`, the CLI's `--status`)."""
_STATUS_NL = {"paid": "betaald", "planned": "gepland"}


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (not a table we know, unreadable encoding, ...)."""


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int
    column: str
    message: str
    where: str = "rij"  # "regel" (a line) for case files

    def __str__(self) -> str:
        col = f", {'kolom' if self.where == 'rij' else 'veld'} {self.column}" if self.column else ""
        return visible(f"{self.sheet} {self.where} {self.row}{col}: {self.message}")


@dataclass
class ImportPlan:
    """What a file would import, before anything is written."""

    source: str
    residents: list[ResidentRecord] = field(default_factory=list)
    payments: list[PaymentRecord] = field(default_factory=list)
    payers: list[Payer] = field(default_factory=list)  # a case file's `payers:` (spreadsheets: none)
    errors: list[RowError] = field(default_factory=list)
    rows_read: int = 0
    bad_rows: set[tuple[str, int]] = field(default_factory=set)
    payment_rows: list[int] = field(default_factory=list)  # the sheet row of each payment
    resident_columns: frozenset[str] = frozenset(RESIDENT_COLUMNS)
    """The resident columns the file has: a field whose column is missing is left as it is in the
    store (services/transfer.py), rather than wiped."""
    sha256: str | None = None
    """The file's SHA-256 (services/transfer.py): the store refuses the same file a second time."""
    imported_before: tuple[str, str | None] | None = None
    """When (and under which name) the store imported this very file before, for the preview."""
    notes: list[str] = field(default_factory=list)
    """What the reader did that the user should know, once per file (columns it ignored, the
    soort or status chosen for the whole file)."""
    default_kind: str | None = None
    """The soort for payments without one, chosen once for the whole file (`--soort`)."""
    default_status: str | None = None
    """`paid` or `planned` for payments without a status, chosen once for the whole file."""
    match_pool: list[ResidentRecord] = field(default_factory=list, repr=False)
    """The residents a payment without a reference is looked up in, by name and birth date."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def good_only(self) -> ImportPlan:
        """The same plan without the rows that have errors (already left out while reading)."""
        return replace(self, errors=[])


# -- parsing single values --------------------------------------------------------------------

_NUM_RE = re.compile(r"^[+-]?[0-9.,]+$")


def parse_decimal_nl(text: str, *, places: int = 2) -> Decimal:
    """`€ 1.250,50`, `1250,5`, `12.50`, `1.250` (Dutch thousands) → Decimal.

    ValueError otherwise."""
    s = str(text).strip().replace("€", "").replace("\u00a0", "").replace(" ", "").replace("EUR", "")
    if not s or not _NUM_RE.match(s):
        raise ValueError(f"{text!r} is geen bedrag")
    if "," in s and "." in s:
        dutch = s.rfind(",") > s.rfind(".")  # 1.250,50 rather than 1,250.50
        s = s.replace(".", "").replace(",", ".") if dutch else s.replace(",", "")
    elif "," in s:
        if s.count(",") > 1:
            raise ValueError(f"{text!r} is geen bedrag")
        s = s.replace(",", ".")
    elif s.count(".") > 1 or re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", s):
        # only dots: `1.250` and `1.250.000` are Dutch thousands
        if not re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", s):
            raise ValueError(f"{text!r} is geen bedrag")
        s = s.replace(".", "")
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"{text!r} is geen bedrag") from None
    exp = d.as_tuple().exponent
    if isinstance(exp, int) and exp < -places:
        raise ValueError(f"{text!r} heeft meer dan {places} decimalen")
    return d


def parse_money_nl(value: Any) -> Decimal:
    """An amount from a cell: text (Dutch or plain), int, or an XLSX float (checked to the cent)."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is geen bedrag")
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > 1e15:
            check_amount(value)  # an XLSX 1e400 is infinity: a refusal (it raises), not a crash
        d = Decimal(repr(value))
        rounded = d.quantize(Decimal("0.01"))
        if abs(d - rounded) > Decimal("0.000001"):
            raise ValueError(f"{value!r} heeft meer dan 2 decimalen")
        d = rounded
    elif isinstance(value, int | Decimal):
        d = Decimal(value)
    else:
        d = parse_decimal_nl(str(value))
    if d <= 0:
        raise ValueError("het bedrag moet groter zijn dan nul")
    check_amount(d)  # the same bounds as a case file (validation.py), before any rounding
    return d.quantize(Decimal("0.01"))


_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date_nl(value: Any) -> date:
    """`3-3-2026`, `03-03-2026`, `3/3/2026`, `3.3.2026`, `2026-03-03`, or an XLSX date cell;
    within 1-1-1900 … 31-12-2100 (validation.py)."""
    d = _parse_date_nl(value)
    try:
        return check_date(d)
    except BoundError as exc:
        raise ValueError(exc.nl) from None


def _parse_date_nl(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    m = _DATE_DMY.match(s)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _DATE_ISO.match(s)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"{s!r} is geen bestaande datum") from None
    raise ValueError(f"{s!r} is geen datum (schrijf bijvoorbeeld 3-3-2026)")


def parse_bool_nl(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    s = "" if value is None else str(value).strip().casefold()
    if s in _YES:
        return True
    if s in _NO:
        return False
    raise ValueError(f"{value!r}: schrijf ja of nee")


def parse_permission(value: Any) -> bool | None:
    s = "" if value is None else str(value).strip().casefold()
    if s in ("", "onbekend", "?", "unknown"):
        return None
    return parse_bool_nl(value)


def format_decimal_nl(d: Decimal | None) -> str:
    """`1250,50` (no thousands separator: a spreadsheet reads it as a number)."""
    return "" if d is None else f"{d:.2f}".replace(".", ",")


def format_hours_nl(d: Decimal | None) -> str:
    return "" if d is None else str(d).replace(".", ",")


def format_date_nl(d: date | None) -> str:
    return "" if d is None else f"{d.day}-{d.month}-{d.year}"


# -- reading tables ---------------------------------------------------------------------------


def _norm_header(h: Any) -> str:
    s = "" if h is None else str(h).strip().casefold().lstrip("\ufeff")
    s = _ALIASES.get(s, s)
    return s.replace(" ", "_")


def _decode(raw: bytes) -> str:
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        if bom:
            return raw[bom:].decode("utf-8")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252")
    except UnicodeDecodeError as exc:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are not Windows-1252 either
        at = bom + exc.start
        line = raw.count(b"\n", 0, at) + 1
        raise SpreadsheetError(
            f"regel {line}: byte 0x{raw[at]:02x} is geen UTF-8 en geen Windows-1252; "
            "sla het bestand op als CSV UTF-8"
        ) from None


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv_rows(path: str | Path) -> list[list[str]]:
    raw = Path(path).read_bytes()
    text = _decode(raw)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first), strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        # the row that was being read: an opening quote that is never closed swallows the rest
        n = len(rows) + 1
        if "field larger than field limit" in str(exc):
            msg = f"een veld is langer dan {csv.field_size_limit() // 1024} KiB"
        elif "unexpected end of data" in str(exc) or "expected after" in str(exc):
            msg = 'een aanhalingsteken (") wordt niet (goed) gesloten'
        else:
            msg = f"geen leesbare CSV ({exc})"
        raise SpreadsheetError(f"rij {n}: {msg}") from None
    return rows


def _table_kind(header: Sequence[str]) -> str:
    cols = set(header)
    if {"datum", "bedrag"} <= cols:
        return SHEET_PAYMENTS
    if "geboortedatum" in cols:
        return SHEET_RESIDENTS
    if {"naam", "soort"} <= cols and "referentie" not in cols:
        return SHEET_PAYERS
    raise SpreadsheetError(
        "de kopregel hoort niet bij bewoners (referentie, geboortedatum, ...) en "
        "niet bij betalingen (referentie, datum, bedrag, soort, ...)"
    )


def _name_key(name: str) -> str:
    """A name as it is compared: case and runs of spaces do not matter (accents do)."""
    return " ".join(name.casefold().split())


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _text(v: Any) -> str | None:
    if _blank(v):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s[1:] if _NEUTRALISED.match(s) else s


# OWASP CSV injection: a cell that begins with = + - @ tab or CR is a formula to a spreadsheet
_FORMULA = re.compile(r"'*[=+\-@\t\r\n]")  # \n too: XLSX (XML) stores a CR as a line feed
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r\n]")


def safe_cell(v: str) -> str:
    """A text cell for an export: one `'` before a value a spreadsheet would run as a formula (and
    before a value that already starts with `'` and then such a character, so that reading it
    back removes exactly one `'`: the project's own export imports again without loss)."""
    return "'" + v if _FORMULA.match(v) else v


def _safe(v: str | None) -> str | None:
    return None if v is None else safe_cell(v)


def _msg(exc: ValueError) -> str:
    return exc.nl if isinstance(exc, BoundError) else str(exc)


_TEXT_COLUMNS = {
    "naam": 200,
    "gemeente": 200,
    "huishouden": 200,
    "adres": 1000,
    "klantnummer": 200,
    "betaler": 200,
    "notitie": MAX_NOTE_LENGTH,
}


class _Reader:
    """Turns rows of one sheet into records, collecting errors per row and column."""

    def __init__(self, plan: ImportPlan, sheet: str, header: Sequence[Any]):
        self.plan = plan
        self.sheet = sheet
        self.cols = [_norm_header(h) for h in header]
        required, known = {
            SHEET_PAYMENTS: (REQUIRED_PAYMENT, (*PAYMENT_COLUMNS, "geboortedatum")),
            SHEET_PAYERS: (REQUIRED_PAYER, PAYER_COLUMNS),
        }.get(sheet, (REQUIRED_RESIDENT, RESIDENT_COLUMNS))
        self.fatal = False
        for c in required:
            if c not in self.cols:
                msg = "deze kolom ontbreekt"
                if sheet == SHEET_PAYMENTS and c == "referentie":
                    if "naam" in self.cols:  # residents are found by name (and birth date)
                        continue
                    msg = word("sheet_import", "who_missing")
                if sheet == SHEET_PAYMENTS and c == "soort":
                    if plan.default_kind is not None:  # chosen once for the whole file
                        continue
                    msg = word("sheet_import", "kind_missing")
                plan.errors.append(RowError(sheet, 1, c, msg))
                self.fatal = True
        if sheet == SHEET_PAYMENTS and "status" not in self.cols and plan.default_status is None:
            # never silently "betaald" (issue 11 item 7): the user says it once for the whole file
            plan.errors.append(RowError(sheet, 1, "status", word("sheet_import", "status_missing")))
            self.fatal = True
        ignored = []
        for i, c in enumerate(self.cols):
            if not c or c in known:
                continue
            close = difflib.get_close_matches(c, known, n=1, cutoff=0.8)
            if close:  # `soortt`, `bonen`: a typo is an error, never a silently lost column
                plan.errors.append(
                    RowError(sheet, 1, c, word("sheet_import", "typo_column").format(known=close[0]))
                )
                self.fatal = True
            else:  # `Project`: a coordinator's own column, ignored with a note (issue 11 item 7)
                ignored.append(str(header[i]).strip())
                self.cols[i] = ""
        if ignored:
            plan.notes.append(
                word("sheet_import", "columns_ignored").format(sheet=sheet, columns=", ".join(ignored))
            )

    def rows(self, rows: Iterable[Sequence[Any]]) -> Iterable[tuple[int, dict[str, Any]]]:
        for n, row in enumerate(rows, start=2):
            if all(_blank(v) for v in row):
                continue
            self.plan.rows_read += 1
            cells = {c: (row[i] if i < len(row) else None) for i, c in enumerate(self.cols) if c}
            bad = False
            for col, limit in _TEXT_COLUMNS.items():
                v = cells.get(col)
                if isinstance(v, str):
                    try:
                        check_text(v.strip(), limit)
                    except BoundError as exc:
                        self.err(n, col, exc.nl)
                        bad = True
            if not bad:
                yield n, cells

    def ref(self, n: int, cells: dict[str, Any]) -> str | None:
        """The row's reference (resident id), bounded like a case file's id."""
        rid = _text(cells.get("referentie"))
        if not rid:
            self.err(n, "referentie", "verplicht")
            return None
        try:
            return check_id(rid)
        except BoundError as exc:
            self.err(n, "referentie", exc.nl)
            return None

    def by_name(self, n: int, cells: dict[str, Any]) -> str | None:
        """A payment row without a reference: the one resident with this name (and birth date,
        when the sheet has that column), in the file or the store. None (and an error naming the
        row and column) when there is none or more than one: a payment is never guessed onto a
        resident."""
        name = _text(cells.get("naam"))
        if not name:
            self.err(n, "naam", "verplicht")
            return None
        born: date | None = None
        if "geboortedatum" in self.cols and not _blank(cells.get("geboortedatum")):
            try:
                born = parse_date_nl(cells.get("geboortedatum"))
            except ValueError as exc:
                self.err(n, "geboortedatum", str(exc))
                return None
        key = _name_key(name)
        pool = {r.id: r for r in self.plan.match_pool}
        pool.update({r.id: r for r in self.plan.residents})
        found = [r for r in pool.values() if r.name and _name_key(r.name) == key]
        if born is not None:
            found = [r for r in found if r.birth_date == born]
        if len(found) == 1:
            return found[0].id
        if found:
            self.err(n, "naam", word("sheet_import", "ambiguous").format(count=len(found), name=name))
        elif born is not None:
            self.err(
                n,
                "naam",
                word("sheet_import", "no_match_born").format(name=name, born=format_date_nl(born)),
            )
        else:
            self.err(n, "naam", word("sheet_import", "no_match").format(name=name))
        return None

    def err(self, row: int, col: str, msg: str) -> None:
        self.plan.errors.append(RowError(self.sheet, row, col, msg))
        self.plan.bad_rows.add((self.sheet, row))


def _read_residents(plan: ImportPlan, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    rd = _Reader(plan, SHEET_RESIDENTS, header)
    if rd.fatal:
        return
    plan.resident_columns = frozenset(c for c in rd.cols if c)
    merged: dict[str, tuple[int, ResidentRecord]] = {}
    bad_ids: set[str] = set()
    for n, cells in rd.rows(rows):
        before = len(plan.errors)
        rid = rd.ref(n, cells)
        birth: date | None = None
        try:
            birth = parse_date_nl(cells.get("geboortedatum"))
        except ValueError as exc:
            rd.err(n, "geboortedatum", "verplicht" if _blank(cells.get("geboortedatum")) else str(exc))
        if birth is not None:
            try:
                check_birth_date(birth)
            except BoundError as exc:
                rd.err(n, "geboortedatum", exc.nl)
        benefit: Benefit | None = None
        btype = (_text(cells.get("uitkering")) or "").casefold()
        if btype:
            if btype not in BENEFIT_TYPES:
                rd.err(n, "uitkering", f"onbekend: {btype!r} (kies uit {', '.join(BENEFIT_TYPES)})")
            kw: dict[str, Any] = {"type": btype}
            for col, key in (("sinds", "since"), ("tot", "until")):
                if not _blank(cells.get(col)):
                    try:
                        kw[key] = parse_date_nl(cells.get(col))
                    except ValueError as exc:
                        rd.err(n, col, str(exc))
            try:
                kw["uwv_permission"] = parse_permission(cells.get("toestemming_uwv"))
            except ValueError as exc:
                rd.err(n, "toestemming_uwv", str(exc))
            if not _blank(cells.get("ww_uurloon")):
                try:
                    kw["ww_hourly_wage"] = parse_money_nl(cells.get("ww_uurloon"))
                except ValueError as exc:
                    rd.err(n, "ww_uurloon", _msg(exc))
            kw["client_number"] = _text(cells.get("klantnummer"))
            try:
                check_period(kw.get("since"), kw.get("until"))
            except BoundError as exc:
                rd.err(n, "tot", exc.nl)
            if btype != "ww":
                for col, key in (("toestemming_uwv", "uwv_permission"), ("ww_uurloon", "ww_hourly_wage")):
                    if kw.get(key) is not None:
                        rd.err(n, col, ww_only_error().nl)
            if len(plan.errors) == before:
                benefit = Benefit(**kw)
        elif any(not _blank(cells.get(c)) for c in ("sinds", "tot", "toestemming_uwv", "ww_uurloon")):
            rd.err(n, "uitkering", "leeg, maar er staan wel uitkeringsgegevens in de rij")
        if len(plan.errors) != before or rid is None:
            if rid:
                bad_ids.add(rid)
            continue
        rec = ResidentRecord(
            id=rid,
            name=_text(cells.get("naam")),
            birth_date=birth,
            municipality=_text(cells.get("gemeente")),
            household=_text(cells.get("huishouden")),
            note=_text(cells.get("notitie")),
            benefits=(benefit,) if benefit else (),
            address=tuple(x.strip() for x in (_text(cells.get("adres")) or "").split(",") if x.strip()),
        )
        if rid in merged:
            first_row, prev = merged[rid]
            diff = [
                c
                for c, a, b in (
                    ("naam", prev.name, rec.name),
                    ("geboortedatum", prev.birth_date, rec.birth_date),
                    ("gemeente", prev.municipality, rec.municipality),
                    ("huishouden", prev.household, rec.household),
                )
                if a != b
            ]
            if diff:
                rd.err(n, diff[0], f"verschilt van rij {first_row} met dezelfde referentie")
                bad_ids.add(rid)
                continue
            merged[rid] = (first_row, replace(prev, benefits=prev.benefits + rec.benefits))
        else:
            merged[rid] = (n, rec)
    plan.residents += [rec for rid, (_, rec) in merged.items() if rid not in bad_ids]


def _read_payments(plan: ImportPlan, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    rd = _Reader(plan, SHEET_PAYMENTS, header)
    if rd.fatal:
        return
    refs: dict[tuple[str, str], int] = {}
    for n, cells in rd.rows(rows):
        before = len(plan.errors)
        rid = rd.ref(n, cells) if "referentie" in rd.cols else rd.by_name(n, cells)
        values: dict[str, Any] = {}
        kenmerk = _text(cells.get("kenmerk"))
        if kenmerk is not None:
            try:
                values["ref"] = check_id(kenmerk)
            except BoundError as exc:
                rd.err(n, "kenmerk", exc.nl)
            if rid is not None and (rid, kenmerk) in refs:
                rd.err(n, "kenmerk", f"{kenmerk!r} staat voor deze bewoner al in rij {refs[(rid, kenmerk)]}")
            elif rid is not None:
                refs[(rid, kenmerk)] = n
        try:
            values["date"] = parse_date_nl(cells.get("datum"))
        except ValueError as exc:
            rd.err(n, "datum", "verplicht" if _blank(cells.get("datum")) else str(exc))
        try:
            values["amount"] = parse_money_nl(cells.get("bedrag"))
        except ValueError as exc:
            rd.err(n, "bedrag", "verplicht" if _blank(cells.get("bedrag")) else _msg(exc))
        kind = (_text(cells.get("soort")) or plan.default_kind or "").casefold()
        if kind not in PAYMENT_KINDS:
            rd.err(
                n,
                "soort",
                f"onbekend: {kind!r} (kies uit {', '.join(PAYMENT_KINDS)})"
                if kind
                else word("sheet_import", "kind_empty"),
            )
        if not _blank(cells.get("uren")):
            raw_hours = cells.get("uren")
            try:
                if isinstance(raw_hours, (int, float)) and not isinstance(raw_hours, bool):
                    h = check_hours(raw_hours)  # an XLSX number: 1.125 hours, not Dutch thousands
                else:
                    h = parse_decimal_nl(str(raw_hours), places=HOURS_PLACES)
                    if h < 0:
                        raise ValueError("uren kunnen niet negatief zijn")
                    h = check_hours(h)
                values["hours"] = h
            except ValueError as exc:
                rd.err(n, "uren", _msg(exc))
        for col, key in (("bonnen", "receipts"), ("in_natura", "in_kind")):
            try:
                values[key] = parse_bool_nl(cells.get(col))
            except ValueError as exc:
                rd.err(n, col, str(exc))
        status_text = (_text(cells.get("status")) or "").casefold()
        status = _STATUS.get(status_text) if status_text else plan.default_status
        if status is None:
            rd.err(n, "status", word("sheet_import", "status_unknown" if status_text else "status_empty"))
        if len(plan.errors) != before or rid is None:
            continue
        plan.payment_rows.append(n)
        plan.payments.append(
            PaymentRecord(
                resident=rid,
                kind=kind,
                payer=_text(cells.get("betaler")),
                note=_text(cells.get("notitie")),
                status=status,  # type: ignore[arg-type]
                **values,
            )
        )


def check_references(plan: ImportPlan, known_residents: Iterable[str]) -> None:
    """Payments must name a resident in the file or already in the store."""
    known = set(known_residents) | {r.id for r in plan.residents}
    keep, rows = [], []
    for p, row in zip(plan.payments, plan.payment_rows, strict=True):
        if p.resident in known:
            keep.append(p)
            rows.append(row)
        else:
            plan.errors.append(
                RowError(SHEET_PAYMENTS, row, "referentie", f"onbekende bewoner {p.resident!r}")
            )
            plan.bad_rows.add((SHEET_PAYMENTS, row))
    plan.payments, plan.payment_rows = keep, rows


def read_spreadsheet(
    path: str | Path,
    known_residents: Iterable[str] = (),
    *,
    residents: Sequence[ResidentRecord] = (),
    kind: str | None = None,
    status: str | None = None,
) -> ImportPlan:
    """Read a CSV or XLSX file into an ImportPlan (never raises on a bad row).

    `residents`: the store's residents, to find a payment without a reference by name and birth
    date. `kind` (a soort) and `status` (`paid`/`planned`): chosen once for the whole file, for the
    payments that have none; without them such a payment is an error."""
    p = Path(path)
    plan = ImportPlan(source=str(p), match_pool=list(residents))
    if kind is not None:
        if kind not in PAYMENT_KINDS:
            raise SpreadsheetError(f"onbekende soort {kind!r} (kies uit {', '.join(PAYMENT_KINDS)})")
        plan.default_kind = kind
        plan.notes.append(word("sheet_import", "kind_for_file").format(kind=kind))
    if status is not None:
        status = _STATUS.get(status.casefold())
        if status is None:
            raise SpreadsheetError("kies voor --status betaald of gepland")
        plan.default_status = status
        plan.notes.append(word("sheet_import", "status_for_file").format(status=_STATUS_NL[status]))
    known_residents = [*known_residents, *(r.id for r in residents)]
    suffix = p.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        _read_xlsx(plan, p)
    elif suffix in (".csv", ".txt"):
        rows = read_csv_rows(p)
        if not rows:
            raise SpreadsheetError("het bestand is leeg")
        header = [_norm_header(h) for h in rows[0]]
        kind = _table_kind(header)
        _dispatch(plan, kind, rows[0], rows[1:])
    else:
        raise SpreadsheetError(f"onbekend bestandstype {p.suffix!r} (gebruik .csv of .xlsx)")
    check_references(plan, known_residents)
    return plan


def _dispatch(plan: ImportPlan, kind: str, header: Sequence[Any], rows: Sequence[Sequence[Any]]) -> None:
    if kind == SHEET_RESIDENTS:
        _read_residents(plan, header, rows)
    elif kind == SHEET_PAYERS:
        _read_payers(plan, header, rows)
    else:
        _read_payments(plan, header, rows)


def _read_payers(plan: ImportPlan, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    rd = _Reader(plan, SHEET_PAYERS, header)
    if rd.fatal:
        return
    seen: dict[str, int] = {}
    for n, cells in rd.rows(rows):
        before = len(plan.errors)
        name = _text(cells.get("naam"))
        if not name:
            rd.err(n, "naam", "verplicht")
        elif name in seen:
            rd.err(n, "naam", f"staat al in rij {seen[name]}")
        word = (_text(cells.get("soort")) or "").casefold()
        typ = PAYER_TYPE_WORDS.get(word)
        if typ is None:
            rd.err(
                n,
                "soort",
                f"onbekend: {word!r} (kies uit ANBI, SBBI, sport, geen vpb, commercieel)"
                if word
                else "verplicht",
            )
        try:
            below = parse_bool_nl(cells.get("niet_marktconform"))
        except ValueError as exc:
            rd.err(n, "niet_marktconform", str(exc))
            below = False
        if len(plan.errors) != before or name is None or typ is None:
            continue
        seen[name] = n
        plan.payers.append(Payer(name, typ, below))  # type: ignore[arg-type]


def _read_xlsx(plan: ImportPlan, path: Path) -> None:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        # never the exception's class name (BadZipFile, ParseError): a sentence for a coordinator
        raise SpreadsheetError(
            "dit is geen leesbaar Excel-bestand (beschadigd, afgebroken of geen .xlsx)"
        ) from None
    try:
        found = False
        for ws in wb.worksheets:
            try:
                # a <dimension> header may understate the sheet (3 of 10 rows were read): ignore it
                ws.reset_dimensions()
                rows = [list(r) for r in ws.iter_rows(values_only=True)]
            except Exception:  # a truncated or damaged sheet: openpyxl raises many kinds
                raise SpreadsheetError(f"blad {ws.title!r} is beschadigd of afgebroken") from None
            if not rows:
                continue
            header = [_norm_header(h) for h in rows[0]]
            try:
                kind = _table_kind(header)
            except SpreadsheetError:
                if ws.title.casefold() in (
                    SHEET_RESIDENTS.casefold(),
                    SHEET_PAYMENTS.casefold(),
                    SHEET_PAYERS.casefold(),
                ):
                    raise
                continue
            found = True
            _dispatch(plan, kind, rows[0], rows[1:])
        if not found:
            raise SpreadsheetError("geen blad met bewoners of betalingen gevonden")
    finally:
        wb.close()


# -- writing ----------------------------------------------------------------------------------


def resident_rows(residents: Sequence[ResidentRecord]) -> list[list[str]]:
    out = []
    for r in residents:
        base = [
            safe_cell(r.id),
            safe_cell(r.name or ""),
            format_date_nl(r.birth_date),
            safe_cell(r.municipality or ""),
            safe_cell(r.household or ""),
            safe_cell(r.note or ""),
            safe_cell(", ".join(r.address)),
        ]
        for b in r.benefits or (None,):
            if b is None:
                out.append([*base, "", "", "", "", "", ""])
            else:
                perm = "" if b.uwv_permission is None else ("ja" if b.uwv_permission else "nee")
                out.append(
                    [
                        *base,
                        b.type,
                        format_date_nl(b.since),
                        format_date_nl(b.until),
                        perm,
                        format_decimal_nl(b.ww_hourly_wage),
                        safe_cell(b.client_number or ""),
                    ]
                )
    return out


def payment_rows(payments: Sequence[PaymentRecord], names: dict[str, str]) -> list[list[str]]:
    return [
        [
            safe_cell(p.resident),
            safe_cell(names.get(p.resident, "")),
            format_date_nl(p.date),
            format_decimal_nl(p.amount),
            p.kind,
            format_hours_nl(p.hours),
            "ja" if p.receipts else "nee",
            "ja" if p.in_kind else "nee",
            safe_cell(p.payer or ""),
            safe_cell(p.note or ""),
            _STATUS_NL[p.status],
            safe_cell(p.ref or ""),
        ]
        for p in payments
    ]


def write_csv(
    path: str | Path,
    table: str,
    residents: Sequence[ResidentRecord],
    payments: Sequence[PaymentRecord],
    *,
    encoding: str = "utf-8-sig",
    payers: Sequence[Payer] = (),
) -> int:
    """Write one table (`bewoners`, `betalingen` or `betalers`) as a Dutch CSV. Returns the
    number of rows.

    `encoding="cp1252"` for old Excel: a name that Windows-1252 cannot hold is refused with the
    row that holds it, rather than written as question marks."""
    if table.casefold() in ("bewoners", SHEET_RESIDENTS.casefold()):
        header, rows = list(RESIDENT_COLUMNS), resident_rows(residents)
    elif table.casefold() in ("betalers", SHEET_PAYERS.casefold()):
        header, rows = list(PAYER_COLUMNS), payer_rows(payers)
    else:
        header = list(PAYMENT_COLUMNS)
        rows = payment_rows(payments, {r.id: r.name or "" for r in residents})
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    text = buf.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise SpreadsheetError(
            f"rij {line}: {text[exc.start : exc.end]!r} past niet in {encoding}; kies UTF-8"
        ) from None
    write_private(path, data)
    return len(rows)


def payer_rows(payers: Sequence[Payer]) -> list[list[str]]:
    return [
        [safe_cell(p.name), PAYER_TYPE_NL[p.type], "ja" if p.below_market_rate else "nee"] for p in payers
    ]


def write_xlsx(
    path: str | Path,
    residents: Sequence[ResidentRecord],
    payments: Sequence[PaymentRecord],
    payers: Sequence[Payer] = (),
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_RESIDENTS
    ws.append(list(RESIDENT_COLUMNS))
    for r in residents:
        for b in r.benefits or (None,):
            perm = None if b is None or b.uwv_permission is None else ("ja" if b.uwv_permission else "nee")
            ws.append(
                [
                    safe_cell(r.id),
                    _safe(r.name),
                    r.birth_date,
                    _safe(r.municipality),
                    _safe(r.household),
                    _safe(r.note),
                    _safe(", ".join(r.address) or None),
                    b.type if b else None,
                    b.since if b else None,
                    b.until if b else None,
                    perm,
                    float(b.ww_hourly_wage) if b and b.ww_hourly_wage is not None else None,
                    _safe(b.client_number) if b else None,
                ]
            )
    for col in ("C", "I", "J"):  # geboortedatum, sinds, tot
        for cell in ws[col][1:]:
            cell.number_format = "d-m-yyyy"
    ps = wb.create_sheet(SHEET_PAYMENTS)
    ps.append(list(PAYMENT_COLUMNS))
    names = {r.id: r.name for r in residents}
    for p in payments:
        ps.append(
            [
                safe_cell(p.resident),
                _safe(names.get(p.resident)),
                p.date,
                float(p.amount),
                p.kind,
                float(p.hours) if p.hours is not None else None,
                "ja" if p.receipts else "nee",
                "ja" if p.in_kind else "nee",
                _safe(p.payer),
                _safe(p.note),
                _STATUS_NL[p.status],
                _safe(p.ref),
            ]
        )
    for cell in ps["C"][1:]:
        cell.number_format = "d-m-yyyy"
    for cell in ps["D"][1:]:
        cell.number_format = '"€" #,##0.00'
    sheets = [ws, ps]
    if payers:
        bs = wb.create_sheet(SHEET_PAYERS)
        bs.append(list(PAYER_COLUMNS))
        for row in payer_rows(payers):
            bs.append(row)
        sheets.append(bs)
    for sheet in sheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # never a formula from data (safe_cell already sees to it)
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    write_private(path, buf.getvalue())
