"""The coordinator's app (Textual): residents, one resident, what-if, rules, import/export, help.

Thin: it reads the store, calls the engine (in a worker) and shows the result. `today` is injected
(tests fix it); the year shown starts at today's year.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Collection, Iterable
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from vergoedingcheck.content import content_dir
from vergoedingcheck.engine import CheckResult
from vergoedingcheck.model import Payment, Resident
from vergoedingcheck.records import PaymentRecord, ResidentRecord
from vergoedingcheck.rules import Ruleset
from vergoedingcheck.services.recheck import ResultCache
from vergoedingcheck.services.worklist import year_pending
from vergoedingcheck.store import Store, StoreError
from vergoedingcheck.store.live import MANY, Changes, Watcher, records_for
from vergoedingcheck.tui.common import use_colour, visible
from vergoedingcheck.tui.messages import Rechecked
from vergoedingcheck.tui.widgets import dutch_select_overlay

LIVE_INTERVAL = 1.0
"""Seconds between two looks for changes made elsewhere (another coordinator, an import)."""

_Inputs = dict[str, tuple[Resident, tuple[Payment, ...], tuple[Payment, ...]]]
"""Per resident (in the store's order): the resident, their own payments, the other teams'."""


def _inputs_from(
    residents: Iterable[ResidentRecord], own: Iterable[PaymentRecord], other: Iterable[PaymentRecord]
) -> _Inputs:
    mine: dict[str, list[Payment]] = {}
    theirs: dict[str, list[Payment]] = {}
    for p in own:
        mine.setdefault(p.resident, []).append(p.to_model())
    for p in other:
        theirs.setdefault(p.resident, []).append(p.to_model())
    return {r.id: (r.to_model(), tuple(mine.get(r.id, ())), tuple(theirs.get(r.id, ()))) for r in residents}


class VergoedingApp(App[None]):
    TITLE = "vergoedingcheck"
    CSS_PATH = str(content_dir("tui") / "app.tcss")
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Stop", show=False, id="app.quit"),
        Binding("ctrl+c", "quit", "Stop", show=False, priority=True, id="app.quit_ctrl_c"),
        Binding("ctrl+p", "command_palette", "meer", show=False, priority=True, id="app.command_palette"),
        Binding("v", "trash", "Prullenbak", show=False, id="app.trash"),
    ]

    # Textual's crash dump prints the local variables of every frame: names, amounts, notes.
    # The app prints a generic message with the error's type and place instead (issue 9 item 4).
    show_locals_on_crash = False

    def __init__(
        self,
        store: Store,
        ruleset: Ruleset,
        *,
        today: date | None = None,
        live_interval: float | None = LIVE_INTERVAL,
        worklist_first: bool = False,
        settings_dir: Path | None = None,
        organisation_file: Path | None = None,
    ):
        super().__init__()
        self.organisation_file = organisation_file
        """The organisation's settings file (letters.content.user_organisation_path): when it is
        missing, the first-run form asks for the details (tui/organisation.py). None: never ask
        (the demo, tests)."""
        self.settings_dir = settings_dir
        """Where the chosen theme is kept (tui/settings.py); None: not kept (tests)."""
        self._theme_loaded = False
        self.worklist_first = worklist_first
        """Open on "Te doen" (issue 11 item 3), the residents list behind it (Escape)."""
        use_colour(not self.no_color)
        dutch_select_overlay()
        self.store = store
        self.ruleset = ruleset
        self.today = today or date.today()
        self.year = self.today.year
        self.result: CheckResult | None = None
        self.provisional_result: CheckResult | None = None
        """For a year whose figures are not confirmed: the check with the last confirmed ones."""
        self.check_count = 0
        self._generation = 0
        self._results = ResultCache()  # the last result per resident: a save rechecks only what changed
        self._provisional_results = ResultCache()
        self._crash: BaseException | None = None
        # live updates (store/live.py): changes made elsewhere are rechecked for those residents only
        self.live_interval = live_interval
        self._watcher: Watcher | None = None
        self._live_busy = False
        self._inputs: _Inputs | None = None  # the engine input of the last check, per resident
        self._inputs_lock = threading.Lock()
        self._accepted = 0  # the generation whose result is shown
        self._owed = False  # a result was dropped for a newer one: announce the next one
        self._held = False  # the result shown was not announced (quiet: nothing changed)
        self.live_checks = 0
        """How many checks were started by a change made elsewhere (tests, the demo)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification shows its message as text, never as markup (messages carry names)."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def _handle_exception(self, error: Exception) -> None:
        """Every unexpected error ends in `_fatal_error`: Textual would otherwise render an error
        that has `__rich__` itself (its text may hold a name), and a worker's error arrives
        outside its `except` block (no `sys.exc_info()`), so the error is kept for the message."""
        self._crash = error
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises the first error in tests
            self._exception = error
            self._exception_event.set()
        self._fatal_error()

    def _fatal_error(self) -> None:
        """An unexpected error: a short message without personal data (no locals, no values)."""
        import sys
        import traceback

        from rich.text import Text

        self.bell()
        from textual.worker import WorkerFailed

        exc = self._crash or sys.exc_info()[1]
        if isinstance(exc, WorkerFailed):  # the worker's own error says where it happened
            exc = exc.error
        where = ""
        if exc is not None and exc.__traceback__ is not None:
            last = traceback.extract_tb(exc.__traceback__)[-1]
            where = f" in {last.name} ({last.filename.rsplit('/', 1)[-1]}:{last.lineno})"
        name = type(exc).__name__ if exc is not None else "fout"
        self._exit_renderables.append(
            Text(
                f"vergoedingcheck is gestopt door een interne fout: {name}{where}.\n"
                "Alles wat al was opgeslagen staat nog in de database. Meld deze melding aan de "
                "beheerder; er staan geen namen of bedragen in."
            )
        )
        self._close_messages_no_wait()

    # -- start -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        from vergoedingcheck.tui.residents import ResidentsScreen

        if self.settings_dir is not None:
            from vergoedingcheck.tui import settings

            theme = settings.load(self.settings_dir).get("theme")
            if isinstance(theme, str) and theme in self.available_themes:
                self.theme = theme
        self._theme_loaded = True

        self.push_screen(ResidentsScreen())
        if self.worklist_first:
            self.action_worklist()
        if self.organisation_file is not None and not self.organisation_file.is_file():
            from vergoedingcheck.tui.organisation import OrganisationForm

            self.push_screen(OrganisationForm(self.organisation_file))
        self.recheck()
        if self.live_interval:
            try:
                self._watcher = Watcher(self.store)
            except StoreError:  # the app works without live updates
                self._watcher = None
            else:
                self.set_interval(self.live_interval, self._poll_live)

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.close()

    # -- the check (a worker: the app stays responsive while it runs) -------------------------
    def recheck(self, changed: Collection[str] | None = None) -> None:
        """Check again in a worker; a newer check always wins over an older one. `changed`: the
        residents this app's own save touched (only they are read from the store again, and only
        they and their households evaluated again); None: read everything again."""
        self._generation += 1
        self._check(self._generation, None if changed is None else frozenset(changed), own=True)

    def _engine_input(
        self, changed: Collection[str] | None
    ) -> tuple[list[Resident], list[Payment], list[str]]:
        """The engine's input: read whole (`changed` None), or the last one with only the
        `changed` residents read again. Also the names of residents that are gone since."""
        with self._inputs_lock:
            gone: list[str] = []
            if changed is None or self._inputs is None:
                self._inputs = _inputs_from(
                    self.store.residents(), self.store.payments(), self.store.other_team_payments()
                )
            else:
                fresh = _inputs_from(*records_for(self.store, changed))
                old = self._inputs
                gone = [old[rid][0].name or rid for rid in sorted(changed) if rid in old and rid not in fresh]
                merged: _Inputs = {}
                for rid, item in old.items():  # a changed resident keeps its place; a new one comes last
                    if rid in fresh:
                        merged[rid] = fresh[rid]
                    elif rid not in changed:
                        merged[rid] = item
                for rid, item in fresh.items():
                    merged.setdefault(rid, item)
                self._inputs = merged
            items = list(self._inputs.values())
        residents = [r for r, _, _ in items]
        payments = [p for _, own, _ in items for p in own] + [p for _, _, other in items for p in other]
        return residents, payments, gone

    @work(thread=True, group="check")
    def _check(self, generation: int, changed: frozenset[str] | None = None, own: bool = False) -> None:
        residents, payments, gone = self._engine_input(changed)
        if own:  # deleted or renamed by this app itself: not news from elsewhere
            gone = []
        years = {self.year, self.today.year}
        # only residents whose inputs changed (and their household) are evaluated again; the
        # result equals a full check (services/recheck.py, tests/test_recheck.py)
        payers = self.store.payer_models()
        result = self._results.check(
            residents, payments, self.ruleset, years=years, today=self.today, payers=payers
        )
        evaluated = self._results.evaluated
        # a year whose figures are announced but not confirmed: the room shown is provisional,
        # computed with the last confirmed figures and labelled so (the status stays the real one)
        provisional = None
        if year_pending(self.ruleset, self.year):
            provisional = self._provisional_results.check(
                residents,
                payments,
                self.ruleset.assuming_confirmed(),
                years=[self.year],
                today=self.today,
                payers=payers,
            )
        # a change elsewhere that changes no input (a letter recorded, or the app's own save that
        # its full recheck already read): nothing to redraw
        quiet = changed is not None and not own and evaluated == 0 and not gone
        self.call_from_thread(self._set_result, result, generation, provisional, gone, quiet)

    def _set_result(
        self,
        result: CheckResult,
        generation: int,
        provisional: CheckResult | None = None,
        gone: Collection[str] = (),
        quiet: bool = False,
    ) -> None:
        if generation != self._generation:  # a newer check is on its way (or already shown)
            if self._accepted == self._generation and self._held:
                self._announce()  # the newer one was held back as quiet, but this one was news
            else:
                self._owed = True  # the next result is announced, quiet or not
            return
        self._accepted = generation
        self.result = result
        self.provisional_result = provisional
        self.check_count += 1
        if gone:
            who = next(iter(gone)) if len(gone) == 1 else f"{len(gone)} bewoners"
            self.notify(
                f"{who}: intussen verwijderd door een andere coördinator (of niet meer in uw team)",
                title="Elders gewijzigd",
                severity="warning",
            )
        if quiet and not self._owed:
            self._held = True
            return
        self._announce()

    def _announce(self) -> None:
        self._owed = self._held = False
        for screen in self.screen_stack:
            screen.post_message(Rechecked())

    # -- live updates (store/live.py) ----------------------------------------------------------
    def _poll_live(self) -> None:
        """The timer: a pragma (SQLite) or a look at arrived notifications (PostgreSQL); what
        changed is read in a worker."""
        if self._watcher is None or self._live_busy:
            return
        if self._watcher.pending():
            self._live_busy = True
            self._live_changes(self._watcher)

    @work(thread=True, group="live")
    def _live_changes(self, watcher: Watcher) -> None:
        changes = Changes()
        try:
            changes = watcher.changes()
        except Exception as exc:  # live updates are an extra: never the reason the app stops
            logging.getLogger("vergoedingcheck.tui").warning("live update failed: %s", type(exc).__name__)
        finally:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.call_from_thread(self._live_changed, changes)

    def _live_changed(self, changes: Changes) -> None:
        """Recheck only the residents changed elsewhere; many at once or another payer: all."""
        self._live_busy = False
        if not changes:
            return
        self.live_checks += 1
        if changes.full or changes.payers or len(changes.residents) > MANY:
            self.recheck()
            return
        self._generation += 1
        self._check(self._generation, changes.residents)

    def watch_theme(self, theme: str) -> None:
        """Keep the theme the user chose for the next run (not the one set at start)."""
        if self._theme_loaded and self.settings_dir is not None:
            from vergoedingcheck.tui import settings

            try:
                settings.save(self.settings_dir, theme=theme)
            except OSError as exc:
                self.notify(f"Thema niet bewaard: {exc.strerror or exc}", severity="warning")

    def set_year(self, year: int) -> None:
        self.year = year
        self.sub_title = f"jaar {year}"
        self.recheck()

    # -- navigation -------------------------------------------------------------------------
    def action_help(self) -> None:
        from vergoedingcheck.tui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_rules(self) -> None:
        from vergoedingcheck.tui.rules import RulesScreen

        self.push_screen(RulesScreen())

    def action_worklist(self) -> None:
        from vergoedingcheck.tui.worklist import WorklistScreen

        self.push_screen(WorklistScreen())

    def action_trash(self) -> None:
        from vergoedingcheck.tui.trash import TrashScreen

        if not isinstance(self.screen, TrashScreen):
            self.push_screen(TrashScreen())

    def action_payers(self) -> None:
        from vergoedingcheck.tui.payers import PayersScreen

        self.push_screen(PayersScreen())

    def action_transfer(self) -> None:
        from vergoedingcheck.tui.transfer import TransferScreen

        self.push_screen(TransferScreen())

    def action_letters(self) -> None:
        from vergoedingcheck.tui.letters import LettersScreen

        self.push_screen(LettersScreen(None))

    def action_residents(self) -> None:
        from vergoedingcheck.tui.residents import ResidentsScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, ResidentsScreen):
            self.pop_screen()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder="Zoek een opdracht…", id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The current screen's own actions first (each binding with its key), then "ga naar
        bewoner …" for every resident, then what the whole app can do (issue 11 item 6)."""
        from functools import partial

        from vergoedingcheck.tui.common import esc, screen_actions

        seen = set()
        for title, key, action in screen_actions(screen):
            seen.add(title)
            yield SystemCommand(esc(title), f"Op dit scherm, toets {key}", partial(screen.run_action, action))
        for r in self.store.residents():
            yield SystemCommand(
                esc(f"Ga naar bewoner {r.label}"),
                esc(f"{r.id} openen"),
                partial(self._go_to_resident, r.id),
            )
        for cmd in self._app_commands():
            if cmd.title not in seen:
                yield cmd

    def _go_to_resident(self, rid: str) -> None:
        from vergoedingcheck.tui.resident import ResidentScreen

        self.action_residents()
        self.push_screen(ResidentScreen(rid))

    def _app_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Bewoners", "Terug naar de lijst met bewoners", self.action_residents)
        yield SystemCommand("Bewoner toevoegen", "Een nieuwe bewoner invoeren", self._add_resident)
        yield SystemCommand(
            "Regels bekijken", "Alle bedragen per datum met wettelijke grondslag", self.action_rules
        )
        yield SystemCommand(
            "Te doen",
            "Wat nu aandacht vraagt: geplande betalingen over een grens, onbekend, WW, leeftijd (t)",
            self.action_worklist,
        )
        yield SystemCommand(
            "Betalers", "Wat bekend is over de organisaties die betalen (b)", self.action_payers
        )
        yield SystemCommand("Importeren of exporteren", "CSV, Excel of casusbestand", self.action_transfer)
        yield SystemCommand(
            "Overzicht voor de coördinator",
            "Alle bewoners van het jaar als brief",
            self.action_letters,
        )
        yield SystemCommand(
            "Vorig jaar", "Toon het vorige kalenderjaar", lambda: self.set_year(self.year - 1)
        )
        yield SystemCommand(
            "Volgend jaar", "Toon het volgende kalenderjaar", lambda: self.set_year(self.year + 1)
        )
        yield SystemCommand("Help", "Toetsen en uitleg", self.action_help)
        yield SystemCommand("Thema wisselen", "Licht of donker", self.action_change_theme)
        yield SystemCommand("Stoppen", "De app sluiten (alles is al opgeslagen)", self.action_quit)

    def search_themes(self) -> None:
        """Textual's theme picker, in Dutch."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="Zoek een thema…"))

    def _add_resident(self) -> None:
        from vergoedingcheck.tui.residents import ResidentsScreen

        self.action_residents()
        if isinstance(self.screen, ResidentsScreen):
            self.screen.action_new()
