"""`vergoedingcheck rules …`: tools for the people who keep `rules/` up to date.

    rules validate [DIR]                         every problem as file:line: field: message
    rules show [FIGURE] [--on DATE] [--municipality NAME] [--dir DIR]
    rules diff --from DATE --to DATE [--dir DIR]  |  rules diff OLD_DIR NEW_DIR
    rules impact NEW_DIR [--db PATH | CASEFILE] [--rules OLD_DIR]
    rules test [DIR]                             every scenario case in DIR/cases
    rules new-year YEAR [--dir DIR] [--out FILE]

Exit codes: 0 ok; 1 the check found something (validate: errors in the rules; test: a failing
case; diff/impact: there are differences; new-year: figures still to fill in); 2 bad input (a
wrong option, a file that cannot be read, a rules directory that does not load where it is only
used, not checked).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from datetime import date
from pathlib import Path

from vergoedingcheck.maintainer.timeline import effective_state, entry_lines, state_at
from vergoedingcheck.model import Payment, Resident
from vergoedingcheck.money import format_date
from vergoedingcheck.rules import load_ruleset
from vergoedingcheck.rules.ruleset import RulesError, Ruleset
from vergoedingcheck.sourcefile import Problem


def _usage(msg: str) -> Exception:
    from vergoedingcheck.errors import UsageError

    return UsageError(msg)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is geen datum (JJJJ-MM-DD)") from None


def _year(text: str) -> int:
    try:
        y = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is geen jaartal") from None
    if not 2000 <= y <= 2100:
        raise argparse.ArgumentTypeError(f"{text!r} is geen jaartal tussen 2000 en 2100")
    return y


_SET = ("value", "pending")


def _option_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="ID",
        help="zet een regeloptie uit rules/opties/ aan (mag vaker)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="de regels (bedragen per jaar) controleren en bijwerken",
        description="Hulpmiddelen voor wie de regels in rules/ bijhoudt: controleren, bekijken, "
        "vergelijken, gevolgen voor bewoners, scenario's testen en een nieuw jaar voorbereiden. "
        "Exitcode 0: in orde; 1: de controle vond iets (fouten, verschillen, mislukte scenario's, "
        "nog in te vullen bedragen); 2: foute invoer.",
    )

    def _help(args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_help)
    rs = p.add_subparsers(dest="rules_command", metavar="OPDRACHT")

    v = rs.add_parser(
        "validate",
        help="controleer alle regelbestanden",
        description="Laad de regelmap en toon elk probleem als bestand:regel: veld: melding, "
        "waarschuwingen ook (bijvoorbeeld een controle die meer dan een jaar oud is). "
        "Exitcode 0: geen fouten (waarschuwingen mogen); 1: fouten in de regels; "
        "2: de map bestaat niet.",
    )
    _rules_arg(v, positional=True)
    v.add_argument("--today", type=_date, metavar="DATUM", help=argparse.SUPPRESS)
    v.set_defaults(func=run_validate)

    s = rs.add_parser(
        "show",
        help="toon de bedragen die gelden (of de geschiedenis van één regel)",
        description="Zonder REGEL: elke regel die op DATUM geldt, met wettelijke basis, bron en "
        "datum van controle. Met REGEL (bijvoorbeeld tax.volunteer.month_cap): de hele "
        "geschiedenis, met gemeentelijke afwijkingen, aangekondigde (pending) waarden en einddata.",
    )
    s.add_argument("figure", nargs="?", metavar="REGEL", help="de id van één regel")
    s.add_argument(
        "--on", type=_date, metavar="DATUM", help="peildatum JJJJ-MM-DD (standaard: vandaag)"
    )
    s.add_argument(
        "--municipality",
        "--gemeente",
        metavar="NAAM",
        help="toon wat in deze gemeente geldt (met gemeentelijke afwijkingen)",
    )
    _rules_arg(s)
    _option_arg(s)
    s.set_defaults(func=run_show)

    d = rs.add_parser(
        "diff",
        help="welke bedragen veranderen (tussen twee data of twee regelmappen)",
        description="Met --from en --to: welke regels op de tweede datum anders zijn dan op de "
        "eerste, van wat naar wat, met bronnen. Met OUDE_MAP NIEUWE_MAP: waar twee regelmappen "
        "verschillen (bedragen, ingangsdata, bronnen). "
        "Exitcode 0: geen verschillen; 1: verschillen.",
    )
    d.add_argument("dirs", nargs="*", metavar="MAP", help="OUDE_MAP NIEUWE_MAP")
    d.add_argument("--from", dest="day_from", type=_date, metavar="DATUM", help="eerste datum")
    d.add_argument("--to", dest="day_to", type=_date, metavar="DATUM", help="tweede datum")
    _rules_arg(d, "regelmap bij --from/--to (standaard: de meegeleverde)")
    d.set_defaults(func=run_diff)

    i = rs.add_parser(
        "impact",
        help="voor welke bewoners verandert de uitkomst met nieuwe regels",
        description="Controleer elke bewoner met de huidige en met de voorgestelde regels en toon "
        "wie een andere uitkomst krijgt: status, meetellend bedrag of ruimte. Bewoners en "
        "betalingen komen uit een casusbestand of de database. Exitcode 0: niemand verandert; "
        "1: er veranderen uitkomsten.",
    )
    i.add_argument("new_dir", metavar="NIEUWE_MAP", help="de voorgestelde regelmap")
    i.add_argument(
        "casefile", nargs="?", metavar="CASUSBESTAND", help="casusbestand (YAML of JSON)"
    )
    i.add_argument("--db", metavar="PAD", help="de database van de coördinator (SQLite)")
    i.add_argument(
        "--rules", metavar="OUDE_MAP", help="de huidige regelmap (standaard: de meegeleverde)"
    )
    _option_arg(i)
    i.set_defaults(func=run_impact)

    t = rs.add_parser(
        "test",
        help="draai alle scenario's in rules/cases",
        description="Draai elk scenario (DIR/cases/*.yaml) door de rekenregels en vergelijk met de "
        "verwachte uitkomst. Elke afwijking met bestand, naam en verschil; als laatste regel "
        "'N passed, M failed'. Exitcode 0: alles klopt; 1: een scenario faalt.",
    )
    _rules_arg(t, positional=True)
    t.add_argument("--cases", metavar="MAP", help="map met scenario's (standaard: DIR/cases)")
    t.add_argument("-v", "--verbose", action="store_true", help="toon ook de geslaagde scenario's")
    _option_arg(t)
    t.set_defaults(func=run_test)

    n = rs.add_parser(
        "new-year",
        help="wat moet er voor een nieuw jaar ingevuld worden",
        description="Toon elke regel zonder bevestigde waarde op 1 januari van JAAR (geen waarde, "
        "of nog 'pending') en schrijf per regel een ontwerp-item om in te vullen: value: TODO, "
        "wettelijke basis en bron overgenomen van het vorige item met CONTROLEER erbij, "
        "verified_on leeg. Nooit een geschat bedrag. Het ontwerp gaat naar --out (standaard het "
        "scherm), nooit direct in rules/. "
        "Exitcode 0: alles is al ingevuld; 1: er is iets in te vullen.",
    )
    n.add_argument("year", type=_year, metavar="JAAR")
    _rules_arg(n)
    n.add_argument(
        "--out", metavar="BESTAND", help="schrijf het ontwerp naar dit bestand (niet in rules/)"
    )
    n.set_defaults(func=run_new_year)


# -- helpers -------------------------------------------------------------------------------------


def _rules_arg(
    p: argparse.ArgumentParser,
    help: str = "regelmap (standaard: de meegeleverde)",
    *,
    positional: bool = False,
) -> None:
    """One name for the rules folder on every command: `--rules DIR` (as `check`, `letters` and
    `app`). `--dir`, and for validate/test the positional DIR, still work for existing scripts."""
    p.add_argument("--rules", "--dir", dest="dir", metavar="DIR", help=help)
    if positional:
        p.add_argument("dir_pos", nargs="?", metavar="DIR", help=argparse.SUPPRESS)


def _rules_dir(args: argparse.Namespace) -> str | None:
    pos = getattr(args, "dir_pos", None)
    if pos and args.dir and pos != args.dir:
        raise _usage("geef de regelmap één keer: --rules DIR (of als laatste argument)")
    return args.dir or pos


def _rules_root(directory: str | None) -> Path:
    from vergoedingcheck.content import rules_dir

    try:
        return rules_dir(directory).resolve()
    except FileNotFoundError as exc:
        raise _usage(str(exc)) from None


def _load(directory: str | None, options: list[str] | None = None) -> Ruleset:
    root = _rules_root(directory)
    if not root.is_dir():
        raise _usage(f"de regelmap {root} bestaat niet")
    rs = load_ruleset(root, options=options or [])
    unknown = [o for o in options or [] if o not in getattr(rs, "options", {})]
    if unknown:
        raise _usage(f"onbekende regeloptie {', '.join(unknown)} (zie rules/opties/)")
    return rs


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


# -- validate ------------------------------------------------------------------------------------


def validate_dir(
    directory: str | Path, today: date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of a rules directory: the loader's, plus draft markers left in."""
    from vergoedingcheck.maintainer.lint import draft_markers

    root = Path(directory)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    try:
        rs = load_ruleset(root, today=today)
        warnings = list(rs.warnings)
    except RulesError as exc:
        errors = [p for p in exc.problems if p.severity == "error"]
        warnings = [p for p in exc.problems if p.severity != "error"]
    errors += draft_markers(root)
    return errors, warnings


def run_validate(args: argparse.Namespace) -> int:
    root = _rules_root(_rules_dir(args))
    if not root.is_dir():
        raise _usage(f"de regelmap {root} bestaat niet")
    errors, warnings = validate_dir(root, args.today)
    for p in sorted(errors + warnings, key=lambda p: (p.file, p.line or 0)):
        _out(str(p))
    _out(f"{root}: {len(errors)} fout(en), {len(warnings)} waarschuwing(en)")
    return 1 if errors else 0


# -- show ----------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    rs = _load(args.dir, args.option)
    day = args.on or date.today()
    overlay = rs.overlay_for(args.municipality)
    if args.figure:
        return _show_figure(
            rs, args.figure, day, args.on is not None, overlay.id if overlay else None
        )
    where = ""
    if args.municipality:
        where = f", gemeente {args.municipality}" + (
            f" ({overlay.name})" if overlay else " (geen gemeentelijke afwijkingen: landelijk)"
        )
    _out(f"Regels op {format_date(day)}{where}  (regelmap {rs.directory})")
    for fid in sorted(rs.figures):
        fig = rs.figures[fid]
        st = effective_state(rs, fid, day, overlay.id if overlay else None)
        local = overlay is not None and state_at(rs, fid, day, overlay.id).kind in _SET
        opt = next(
            (
                o
                for o in getattr(rs, "enabled_options", ())
                if not local and state_at(rs, fid, day, o).kind in _SET
            ),
            None,
        )
        _out()
        _out(f"{fid} — {fig.title}")
        since = f" (vanaf {format_date(st.start)})" if st.start and st.kind != "end" else ""
        mark = f"  [gemeentelijk: {overlay.name}]" if local and overlay else ""
        mark = mark or (f"  [optie: {opt}]" if opt else "")
        _out(f"  {st.text}{since}{mark}")
        if st.entry is not None:
            for line in entry_lines(fig, st.start or day, st.entry, indent="  ")[1:]:
                _out(line)
    _out()
    options = getattr(rs, "options", {})
    if options:
        _out()
        _out("Regelopties (rules/opties/; aanzetten met --option ID):")
        for oid in sorted(options):
            on = " [aan]" if oid in getattr(rs, "enabled_options", ()) else ""
            _out(f"  {oid}: {options[oid].name}{on}")
    lv, ov = rs.last_verified, rs.oldest_verified_in_force(day)
    _out(
        f"Laatst gecontroleerd: {format_date(lv) if lv else 'nooit'}; oudste controle van een "
        f"geldende waarde: {format_date(ov) if ov else '-'}"
    )
    return 0


def _show_figure(
    rs: Ruleset, fid: str, day: date, explicit_day: bool, overlay_id: str | None
) -> int:
    fig = rs.figures.get(fid)
    if fig is None:
        close = difflib.get_close_matches(fid, list(rs.figures), n=3)
        hint = f"; bedoelt u {', '.join(close)}?" if close else "; `rules show` toont alle regels"
        raise _usage(f"regel {fid!r} bestaat niet{hint}")
    _out(f"{fid} — {fig.title}")
    _out(
        f"  ({fig.title_en}; eenheid: {fig.unit}"
        + (f"; keuzes: {', '.join(fig.choices)}" if fig.choices else "")
        + ")"
    )
    if fig.description:
        _out(f"  {' '.join(fig.description.split())}")
    if fig.decision:
        _out(f"  Besluit: {' '.join(fig.decision.split())}")
    st = effective_state(rs, fid, day, overlay_id, mark_origin=True)
    _out(f"  Op {format_date(day)}{'' if explicit_day else ' (vandaag)'}: {st.text}")
    _out()
    _out("  Landelijk:")
    for start, entry in rs.history(fid):
        for line in entry_lines(fig, start, entry):
            _out(line)
    for oid in sorted(rs.overlays):
        hist = rs.history(fid, oid)
        if not hist:
            continue
        ov = rs.overlays[oid]
        _out()
        _out(
            f"  {ov.name} (rules/gemeenten/{oid}.yaml; geldt voor "
            f"{', '.join(m.name for m in ov.municipalities)}):"
        )
        for start, entry in hist:
            for line in entry_lines(fig, start, entry):
                _out(line)
    options = getattr(rs, "options", {})
    for oid in sorted(options):
        hist = rs.history(fid, oid)
        if not hist:
            continue
        on = "aan" if oid in getattr(rs, "enabled_options", ()) else "uit; aanzetten met --option"
        _out()
        _out(f"  Regeloptie {oid} ({on}): {options[oid].name} (rules/opties/{oid}.yaml):")
        for start, entry in hist:
            for line in entry_lines(fig, start, entry):
                _out(line)
    return 0


# -- diff ----------------------------------------------------------------------------------------


def run_diff(args: argparse.Namespace) -> int:
    from vergoedingcheck.maintainer.diff import diff_dates, diff_dirs

    if args.dirs:
        if len(args.dirs) != 2 or args.day_from or args.day_to or args.dir:
            raise _usage(
                "gebruik `rules diff OUDE_MAP NIEUWE_MAP` of "
                "`rules diff --from DATUM --to DATUM [--dir MAP]`"
            )
        old, new = _load(args.dirs[0]), _load(args.dirs[1])
        changes = diff_dirs(old, new)
        _out(f"Verschillen tussen {old.directory} (oud) en {new.directory} (nieuw)")
    else:
        if not (args.day_from and args.day_to):
            raise _usage("geef --from en --to (of twee regelmappen)")
        rs = _load(args.dir)
        changes = diff_dates(rs, args.day_from, args.day_to)
        _out(
            f"Wijzigingen tussen {format_date(args.day_from)} en {format_date(args.day_to)}"
            f"  (regelmap {rs.directory})"
        )
    for c in changes:
        _out()
        for line in c.lines():
            _out(line)
    _out()
    _out(f"{len(changes)} wijziging(en)" if changes else "Geen wijzigingen.")
    return 1 if changes else 0


# -- impact --------------------------------------------------------------------------------------


def run_impact(args: argparse.Namespace) -> int:
    from vergoedingcheck.services.impact import STATUS_NL, impact

    if args.db and args.casefile:
        raise _usage("geef een casusbestand óf --db, niet allebei")
    old = _load(args.rules, args.option)
    new = _load(args.new_dir, args.option)
    if args.casefile:
        from vergoedingcheck.io.casefile import read_case_file

        case = read_case_file(args.casefile)
        residents, payments, origin = case.residents, case.payments, args.casefile
    else:
        residents, payments, origin = _from_store(args.db)
    impacts = impact(residents, payments, old, new)
    _out(
        f"Gevolgen van {new.directory} (nieuw) ten opzichte van {old.directory} (huidig) "
        f"voor {len(residents)} bewoner(s) uit {origin}"
    )
    for imp in impacts:
        _out()
        old_s, new_s = (
            STATUS_NL.get(imp.old_status or "", "-"),
            STATUS_NL.get(imp.new_status or "", "-"),
        )
        _out(
            f"{imp.label}: "
            + (f"{old_s} → {new_s}" if old_s != new_s else f"{new_s} (ongewijzigd)")
        )
        for c in imp.changes:
            if not c.startswith("status "):
                _out(f"  {c}")
    _out()
    n = len({i.resident for i in impacts})
    _out(
        f"{n} bewoner(s) met een andere uitkomst"
        if impacts
        else "Voor niemand verandert de uitkomst."
    )
    return 1 if impacts else 0


def _from_store(db: str | None) -> tuple[list[Resident], list[Payment], str]:
    from pathlib import Path

    from vergoedingcheck.store import Store, StoreError
    from vergoedingcheck.store.db import resolve_db

    try:
        path = resolve_db(db)
    except StoreError as exc:
        raise _usage(str(exc)) from None
    if isinstance(path, Path) and not path.is_file():
        raise _usage(f"de database {path} bestaat niet (geef --db PAD of een casusbestand)")
    try:
        with Store(path) as store:
            residents, payments = store.engine_input()
    except StoreError as exc:
        raise _usage(str(exc)) from None
    return residents, payments, str(path)


# -- test ----------------------------------------------------------------------------------------


def run_test(args: argparse.Namespace) -> int:
    from vergoedingcheck.maintainer.scenarios import case_files, run_scenarios

    rs = _load(_rules_dir(args), args.option)
    cases_dir = Path(args.cases) if args.cases else rs.directory / "cases"
    if not cases_dir.is_dir():
        raise _usage(f"de map met scenario's {cases_dir} bestaat niet")
    files = case_files(cases_dir)
    outcomes = run_scenarios(files, rs)
    for o in outcomes:
        name = Path(o.file).name
        if o.passed:
            if args.verbose:
                _out(f"ok    {name}: {o.name}")
            continue
        _out(f"FOUT  {name}: {o.name}")
        for f in o.failures:
            _out(f"      {f}")
    passed = sum(o.passed for o in outcomes)
    failed = len(outcomes) - passed
    if not outcomes:
        _out(f"geen scenario's gevonden in {cases_dir}")
    _out(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


# -- new-year ------------------------------------------------------------------------------------


def run_new_year(args: argparse.Namespace) -> int:
    from vergoedingcheck.maintainer.newyear import drafts_for_year, render_drafts

    rs = _load(args.dir)
    drafts = drafts_for_year(rs, args.year)
    summary = [
        f"{len(drafts)} regel(s) zonder bevestigde waarde op {format_date(date(args.year, 1, 1))}:"
    ]
    summary += [f"  {d.figure}{f' [{d.where}]' if d.where else ''}: {d.state.text}" for d in drafts]
    if not drafts:
        _out(f"Alle regels hebben een bevestigde waarde op {format_date(date(args.year, 1, 1))}.")
        return 0
    text = render_drafts(drafts, args.year)
    if args.out:
        target = Path(args.out).resolve()
        if target.is_relative_to(rs.directory.resolve()):
            raise _usage(
                f"schrijf het ontwerp niet in de regelmap ({rs.directory}); kies een "
                "ander --out en neem de items over na controle"
            )
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _usage(f"kan {target} niet schrijven: {exc.strerror}") from None
        for line in summary:
            _out(line)
        _out(f"Ontwerp geschreven naar {target}")
    else:
        sys.stdout.write(text)
        for line in summary:
            sys.stderr.write(line + "\n")
    return 1
