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
from vergoedingcheck.text import word


def _t(key: str, **params: object) -> str:
    """A sentence of `rules` from the text catalogue (group cmd_rules)."""
    text = word("cmd_rules", key)
    return text.format(**params) if params else text


def _usage(msg: str) -> Exception:
    from vergoedingcheck.errors import UsageError

    return UsageError(msg)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("not_a_date", text=repr(text))) from None


def _year(text: str) -> int:
    try:
        y = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_t("not_a_year", text=repr(text))) from None
    if not 2000 <= y <= 2100:
        raise argparse.ArgumentTypeError(_t("year_out_of_range", text=repr(text)))
    return y


_SET = ("value", "pending")


def _option_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="ID",
        help=_t("option_help"),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help=word("command_help", "rules"),
        description=_t("description"),
    )

    def _help(args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_help)
    rs = p.add_subparsers(dest="rules_command", metavar="OPDRACHT")

    v = rs.add_parser(
        "validate",
        help=_t("validate_help"),
        description=_t("validate_description"),
    )
    _rules_arg(v, positional=True)
    v.add_argument("--today", type=_date, metavar="DATUM", help=argparse.SUPPRESS)
    v.set_defaults(func=run_validate)

    s = rs.add_parser(
        "show",
        help=_t("show_help"),
        description=_t("show_description"),
    )
    s.add_argument("figure", nargs="?", metavar="REGEL", help=_t("figure_help"))
    s.add_argument(
        "--on", type=_date, metavar="DATUM", help=_t("on_help")
    )
    s.add_argument(
        "--municipality",
        "--gemeente",
        metavar="NAAM",
        help=_t("municipality_help"),
    )
    _rules_arg(s)
    _option_arg(s)
    s.set_defaults(func=run_show)

    d = rs.add_parser(
        "diff",
        help=_t("diff_help"),
        description=_t("diff_description"),
    )
    d.add_argument("dirs", nargs="*", metavar="MAP", help="OUDE_MAP NIEUWE_MAP")
    d.add_argument("--from", dest="day_from", type=_date, metavar="DATUM", help=_t("from_help"))
    d.add_argument("--to", dest="day_to", type=_date, metavar="DATUM", help=_t("to_help"))
    _rules_arg(d, _t("diff_rules_help"))
    d.set_defaults(func=run_diff)

    i = rs.add_parser(
        "impact",
        help=_t("impact_help"),
        description=_t("impact_description"),
    )
    i.add_argument("new_dir", metavar="NIEUWE_MAP", help=_t("new_dir_help"))
    i.add_argument(
        "casefile", nargs="?", metavar="CASUSBESTAND", help=_t("casefile_help")
    )
    i.add_argument("--db", metavar="PAD", help=_t("db_help"))
    i.add_argument(
        "--rules", metavar="OUDE_MAP", help=_t("old_rules_help")
    )
    _option_arg(i)
    i.set_defaults(func=run_impact)

    t = rs.add_parser(
        "test",
        help=_t("test_help"),
        description=_t("test_description"),
    )
    _rules_arg(t, positional=True)
    t.add_argument("--cases", metavar="MAP", help=_t("cases_help"))
    t.add_argument("-v", "--verbose", action="store_true", help=_t("verbose_help"))
    _option_arg(t)
    t.set_defaults(func=run_test)

    n = rs.add_parser(
        "new-year",
        help=_t("new_year_help"),
        description=_t("new_year_description"),
    )
    n.add_argument("year", type=_year, metavar="JAAR")
    _rules_arg(n)
    n.add_argument(
        "--out", metavar="BESTAND", help=_t("out_help")
    )
    n.set_defaults(func=run_new_year)


# -- helpers -------------------------------------------------------------------------------------


def _rules_arg(
    p: argparse.ArgumentParser,
    help: str | None = None,
    *,
    positional: bool = False,
) -> None:
    """One name for the rules folder on every command: `--rules DIR` (as `check`, `letters` and
    `app`). `--dir`, and for validate/test the positional DIR, still work for existing scripts."""
    p.add_argument("--rules", "--dir", dest="dir", metavar="DIR", help=help or _t("rules_help"))
    if positional:
        p.add_argument("dir_pos", nargs="?", metavar="DIR", help=argparse.SUPPRESS)


def _rules_dir(args: argparse.Namespace) -> str | None:
    pos = getattr(args, "dir_pos", None)
    if pos and args.dir and pos != args.dir:
        raise _usage(_t("rules_twice"))
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
        raise _usage(_t("no_rules_dir", root=root))
    rs = load_ruleset(root, options=options or [])
    unknown = [o for o in options or [] if o not in getattr(rs, "options", {})]
    if unknown:
        raise _usage(_t("unknown_option", options=", ".join(unknown)))
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
        raise _usage(_t("no_rules_dir", root=root))
    errors, warnings = validate_dir(root, args.today)
    for p in sorted(errors + warnings, key=lambda p: (p.file, p.line or 0)):
        _out(str(p))
    _out(_t("validated", root=root, errors=len(errors), warnings=len(warnings)))
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
        where = _t("where_municipality", municipality=args.municipality) + (
            _t("where_overlay", name=overlay.name) if overlay else _t("where_national")
        )
    _out(_t("rules_on", day=format_date(day), where=where, directory=rs.directory))
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
        since = _t("since", day=format_date(st.start)) if st.start and st.kind != "end" else ""
        mark = _t("mark_municipal", name=overlay.name) if local and overlay else ""
        mark = mark or (_t("mark_option", option=opt) if opt else "")
        _out(f"  {st.text}{since}{mark}")
        if st.entry is not None:
            for line in entry_lines(fig, st.start or day, st.entry, indent="  ")[1:]:
                _out(line)
    _out()
    options = getattr(rs, "options", {})
    if options:
        _out()
        _out(_t("options_head"))
        for oid in sorted(options):
            on = _t("option_on") if oid in getattr(rs, "enabled_options", ()) else ""
            _out(f"  {oid}: {options[oid].name}{on}")
    lv, ov = rs.last_verified, rs.oldest_verified_in_force(day)
    _out(
        _t(
            "last_verified",
            last=format_date(lv) if lv else _t("never"),
            oldest=format_date(ov) if ov else "-",
        )
    )
    return 0


def _show_figure(
    rs: Ruleset, fid: str, day: date, explicit_day: bool, overlay_id: str | None
) -> int:
    fig = rs.figures.get(fid)
    if fig is None:
        close = difflib.get_close_matches(fid, list(rs.figures), n=3)
        hint = _t("did_you_mean", close=", ".join(close)) if close else _t("show_all_hint")
        raise _usage(_t("no_such_rule", fid=repr(fid), hint=hint))
    _out(f"{fid} — {fig.title}")
    _out(
        _t("unit", title_en=fig.title_en, unit=fig.unit)
        + (_t("choices", choices=", ".join(fig.choices)) if fig.choices else "")
        + ")"
    )
    if fig.description:
        _out(f"  {' '.join(fig.description.split())}")
    if fig.decision:
        _out(_t("decision", text=" ".join(fig.decision.split())))
    st = effective_state(rs, fid, day, overlay_id, mark_origin=True)
    _out(_t("on_day", day=format_date(day), today="" if explicit_day else _t("today"), text=st.text))
    _out()
    _out(_t("national"))
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
            _t(
                "overlay_head",
                name=ov.name,
                oid=oid,
                municipalities=", ".join(m.name for m in ov.municipalities),
            )
        )
        for start, entry in hist:
            for line in entry_lines(fig, start, entry):
                _out(line)
    options = getattr(rs, "options", {})
    for oid in sorted(options):
        hist = rs.history(fid, oid)
        if not hist:
            continue
        on = _t("on") if oid in getattr(rs, "enabled_options", ()) else _t("off")
        _out()
        _out(_t("option_head", oid=oid, on=on, name=options[oid].name))
        for start, entry in hist:
            for line in entry_lines(fig, start, entry):
                _out(line)
    return 0


# -- diff ----------------------------------------------------------------------------------------


def run_diff(args: argparse.Namespace) -> int:
    from vergoedingcheck.maintainer.diff import diff_dates, diff_dirs

    if args.dirs:
        if len(args.dirs) != 2 or args.day_from or args.day_to or args.dir:
            raise _usage(_t("diff_usage"))
        old, new = _load(args.dirs[0]), _load(args.dirs[1])
        changes = diff_dirs(old, new)
        _out(_t("diff_dirs", old=old.directory, new=new.directory))
    else:
        if not (args.day_from and args.day_to):
            raise _usage(_t("diff_need_dates"))
        rs = _load(args.dir)
        changes = diff_dates(rs, args.day_from, args.day_to)
        _out(
            _t(
                "diff_dates",
                first=format_date(args.day_from),
                second=format_date(args.day_to),
                directory=rs.directory,
            )
        )
    for c in changes:
        _out()
        for line in c.lines():
            _out(line)
    _out()
    _out(_t("changes", n=len(changes)) if changes else _t("no_changes"))
    return 1 if changes else 0


# -- impact --------------------------------------------------------------------------------------


def run_impact(args: argparse.Namespace) -> int:
    from vergoedingcheck.services.impact import STATUS_NL, impact

    if args.db and args.casefile:
        raise _usage(_t("casefile_or_db"))
    old = _load(args.rules, args.option)
    new = _load(args.new_dir, args.option)
    if args.casefile:
        from vergoedingcheck.io.casefile import read_case_file

        case = read_case_file(args.casefile)
        residents, payments, origin = case.residents, case.payments, args.casefile
    else:
        residents, payments, origin = _from_store(args.db)
    impacts = impact(residents, payments, old, new)
    _out(_t("impact_head", new=new.directory, old=old.directory, n=len(residents), origin=origin))
    for imp in impacts:
        _out()
        old_s, new_s = (
            STATUS_NL.get(imp.old_status or "", "-"),
            STATUS_NL.get(imp.new_status or "", "-"),
        )
        _out(
            f"{imp.label}: "
            + (f"{old_s} → {new_s}" if old_s != new_s else _t("unchanged", status=new_s))
        )
        for c in imp.changes:
            if not c.startswith("status "):
                _out(f"  {c}")
    _out()
    n = len({i.resident for i in impacts})
    _out(_t("impact_count", n=n) if impacts else _t("impact_none"))
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
        raise _usage(_t("no_database", path=path))
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
        raise _usage(_t("no_cases_dir", directory=cases_dir))
    files = case_files(cases_dir)
    outcomes = run_scenarios(files, rs)
    for o in outcomes:
        name = Path(o.file).name
        if o.passed:
            if args.verbose:
                _out(_t("case_ok", file=name, name=o.name))
            continue
        _out(_t("case_failed", file=name, name=o.name))
        for f in o.failures:
            _out(f"      {f}")
    passed = sum(o.passed for o in outcomes)
    failed = len(outcomes) - passed
    if not outcomes:
        _out(_t("no_cases", directory=cases_dir))
    _out(_t("cases_summary", passed=passed, failed=failed))
    return 1 if failed else 0


# -- new-year ------------------------------------------------------------------------------------


def run_new_year(args: argparse.Namespace) -> int:
    from vergoedingcheck.maintainer.newyear import drafts_for_year, render_drafts

    rs = _load(args.dir)
    drafts = drafts_for_year(rs, args.year)
    summary = [_t("new_year_count", n=len(drafts), day=format_date(date(args.year, 1, 1)))]
    summary += [f"  {d.figure}{f' [{d.where}]' if d.where else ''}: {d.state.text}" for d in drafts]
    if not drafts:
        _out(_t("new_year_none", day=format_date(date(args.year, 1, 1))))
        return 0
    text = render_drafts(drafts, args.year)
    if args.out:
        target = Path(args.out).resolve()
        if target.is_relative_to(rs.directory.resolve()):
            raise _usage(_t("draft_in_rules", directory=rs.directory))
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _usage(_t("cannot_write", target=target, error=exc.strerror)) from None
        for line in summary:
            _out(line)
        _out(_t("draft_written", target=target))
    else:
        sys.stdout.write(text)
        for line in summary:
            sys.stderr.write(line + "\n")
    return 1
