"""Letters: choose a letter, read its text, make the PDF. Made and recorded by the service the CLI
uses (`services.letters`): every PDF is recorded in the store with exactly the inputs that make it
again, the check result and the ruleset fingerprint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ProgressBar, Select, Static

from vergoedingcheck.services import letters
from vergoedingcheck.services.letters import LetterInputs, LetterRequest
from vergoedingcheck.tui.common import visible
from vergoedingcheck.tui.widgets import DataInput

if TYPE_CHECKING:
    from vergoedingcheck.tui.app import VergoedingApp

OFFICE_NL = {"gemeente": "de gemeente", "uwv": "UWV", "svb": "de SVB"}


@dataclass(frozen=True)
class Choice:
    kind: str
    lang: str
    office: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "resident":
            return f"Brief aan de bewoner ({'Nederlands' if self.lang == 'nl' else 'Engels'})"
        if self.kind == "office":
            return f"Brief aan {OFFICE_NL.get(self.office or '', self.office)}"
        return f"Overzicht voor de coördinator ({'Nederlands' if self.lang == 'nl' else 'Engels'})"

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.lang}:{self.office or ''}"


def default_folder() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "vergoedingcheck"


def _write_private(path: Path, data: bytes) -> Path:
    """Write a new file readable by its owner only; never overwrite an earlier letter."""
    from vergoedingcheck.files import write_private_new

    return write_private_new(path, data)


class LettersScreen(Screen[None]):
    """Letters for one resident (`rid`), or the coordinator's overview (`rid=None`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="letters.back"),
        Binding("ctrl+s", "make_pdf", "Maak PDF", id="letters.make_pdf"),
        Binding("ctrl+b", "all_letters", "Brieven aan iedereen", id="letters.all_letters"),
    ]

    def __init__(self, rid: str | None):
        super().__init__()
        self.rid = rid
        self.choices: list[Choice] = []

    @property
    def vc(self) -> VergoedingApp:
        return cast("VergoedingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="row"):
            yield Label("Brief ")
            yield Select([], allow_blank=True, prompt="kies een brief", compact=True, id="choice")
        with Horizontal(classes="row"):
            yield Label("Map ")
            yield DataInput(str(default_folder()), id="folder", compact=True)
        yield ProgressBar(total=None, id="progress", show_eta=False)
        with VerticalScroll(id="letter-box"):
            yield Static("", id="letter", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from vergoedingcheck.letters import LANGUAGES, offices_for

        self.query_one("#progress").display = False
        app = self.vc
        if self.rid is None:
            self.choices = [Choice("coordinator", lang) for lang in LANGUAGES["coordinator"]]
            self.app.sub_title = f"brieven · overzicht {app.year}"
        else:
            rec = app.store.resident(self.rid)
            self.choices = [Choice("resident", lang) for lang in LANGUAGES["resident"]]
            self.choices += [Choice("office", "nl", o) for o in offices_for(rec.to_model(), app.year)]
            self.app.sub_title = visible(f"brieven · {rec.label} · {app.year}")
        sel = self.query_one("#choice", Select)
        sel.set_options([(c.label, c.key) for c in self.choices])
        sel.value = self.choices[0].key
        sel.focus()

    def chosen(self) -> Choice | None:
        value = self.query_one("#choice", Select).value
        return next((c for c in self.choices if c.key == value), None)

    def on_select_changed(self, _: Select.Changed) -> None:
        choice = self.chosen()
        if choice is not None:
            self.query_one("#letter", Static).update("Brief opstellen…")
            self.preview(choice)

    def _request(self, choice: Choice) -> LetterRequest:
        app = self.vc
        return LetterRequest(
            choice.kind, choice.lang, app.year, app.today, resident=self.rid, office=choice.office
        )

    @work(thread=True, exclusive=True, group="letter")
    def preview(self, choice: Choice) -> None:
        from rich.text import Text

        from vergoedingcheck.letters import preview_text

        app = self.vc
        try:  # checked afresh: the store may have changed
            letter = letters.compose(LetterInputs.from_store(app.store), self._request(choice), app.ruleset)
            text: Any = Text(visible(preview_text(letter, width=74)).replace("\u240a", "\n"))
        except Exception as exc:  # a letter that cannot be made says why, it does not crash
            text = Text(visible(f"Deze brief kan niet gemaakt worden: {exc}"))
        self.app.call_from_thread(self.query_one("#letter", Static).update, text)

    def action_make_pdf(self) -> None:
        choice = self.chosen()
        if choice is None:
            self.notify("Kies eerst een brief", severity="warning")
            return
        folder = Path(self.query_one("#folder", Input).value.strip() or default_folder()).expanduser()
        self.notify("PDF maken…")
        self.make_pdf(choice, folder)

    @work(thread=True, exclusive=True, group="pdf")
    def make_pdf(self, choice: Choice, folder: Path) -> None:
        """One letter, made and recorded by the service the CLI uses; an earlier PDF of the same
        name is kept (the new one gets `-2`, `-3`, …)."""
        app = self.vc
        try:
            made = letters.make_letter(LetterInputs.from_store(app.store), self._request(choice), app.ruleset)
            path = _write_private(folder / f"{made.request.name}.pdf", made.pdf)
            app.store.record_letter(made.recorded(path))
            msg, severity = f"PDF opgeslagen: {path}", "information"
        except Exception as exc:
            msg, severity = f"Geen PDF gemaakt: {exc}", "error"
        self.app.call_from_thread(self.notify, msg, severity=severity, timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "all_letters":
            return self.rid is None  # the whole caseload: from the coordinator's overview only
        return True

    def action_all_letters(self) -> None:
        folder = Path(self.query_one("#folder", Input).value.strip() or default_folder()).expanduser()
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.notify("Brieven aan alle bewoners maken…")
        self.make_all(folder)

    @work(thread=True, exclusive=True, group="pdf")
    def make_all(self, folder: Path) -> None:
        """A Dutch letter for every resident with payments this year, each recorded in the store.
        A letter that would overwrite an earlier PDF stops the batch before anything is written."""
        app = self.vc
        bar = self.query_one("#progress", ProgressBar)
        made: list[letters.MadeLetter] = []
        failed = 0
        try:
            inputs = LetterInputs.from_store(app.store)
            reqs = letters.requests(inputs, "resident", "nl", app.year, app.today, every=True)
            there = letters.existing(folder / f"{r.name}.pdf" for r in reqs)
            if there:
                raise letters.LetterExists(there)
            result = letters.check(inputs, app.ruleset)
            self.app.call_from_thread(bar.update, total=len(reqs), progress=0)
            for req in reqs:
                try:
                    one = letters.make_letter(inputs, req, app.ruleset, result=result)
                    (path,) = letters.save([one], folder)
                    app.store.record_letter(one.recorded(path))
                    made.append(one)
                except letters.LetterExists:
                    raise
                except Exception:  # one letter that cannot be made does not stop the others
                    failed += 1
                self.app.call_from_thread(bar.advance, 1)
            msg = f"{len(made)} brieven gemaakt in {folder}" + (f"; {failed} niet gelukt" if failed else "")
            severity = "warning" if failed else "information"
        except letters.LetterExists as exc:
            msg = f"Geen brieven gemaakt: {exc.paths[0]} bestaat al. Kies een andere map."
            severity = "error"
        except Exception as exc:
            msg, severity = f"Geen brieven gemaakt: {exc}", "error"
        self.app.call_from_thread(self.notify, msg, severity=severity, timeout=10)

    def action_back(self) -> None:
        self.app.pop_screen()
