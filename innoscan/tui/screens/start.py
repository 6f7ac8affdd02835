"""The start screen: a new assessment, one in progress, or a finished one."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from innoscan.content.figures import ORG_TYPES
from innoscan.content.visible import visible
from innoscan.store.names import team_key
from innoscan.store.result import FIRST_YEAR, LAST_YEAR
from innoscan.store.session import FolderEntry, ResultsFolder
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.shown import shown, shown_markup
from innoscan.tui.widgets.languages import chosen_language, language_buttons
from innoscan.tui.widgets.radio import MarkedRadioButton


class StartScreen(BaseScreen):
    """Start, resume or open; unreadable files are named and left alone."""

    CSS_PATH = "start.tcss"
    HELP = "help.start"
    AUTO_FOCUS = "#team"  # at once, while composing: keys typed early go there
    BINDINGS = [  # free in tmux and Windows Terminal; Ctrl+S is the app's "save a copy"
        Binding("f5", "start", "Start", key_display="F5", id="start"),
        Binding("f6", "to_list('resume')", "Resume", key_display="F6", id="resume"),
        Binding("f7", "to_list('finished')", "Finished", key_display="F7", id="finished"),
        Binding("f3", "teams", "All teams", key_display="F3", id="teams"),
    ]

    def __init__(self, folder: ResultsFolder) -> None:
        super().__init__()
        self.folder = folder
        self.entries: list[FolderEntry] = []
        self._laid_out = asyncio.Event()  # the fields are where Tab will look for them

    def in_language(self) -> StartScreen:
        return StartScreen(self.folder)

    def compose(self) -> ComposeResult:
        app = self.app
        self.entries = self.folder.scan(app.bank)
        problem = self.folder.problem()
        with VerticalScroll(id="start"):
            yield Static(
                shown(app.bank.text(app.bank.title, self.lang)), id="app-title", markup=False
            )
            yield Static(
                self.word("tui.folder", path=shown_markup(self.folder.path)), classes="dim"
            )
            if problem:
                yield Static(
                    self.word("tui.folder_problem", problem=shown_markup(problem)),
                    id="folder-problem",
                )
            with Vertical(id="new", classes="panel"):
                yield Static(self.word("tui.start_title"), classes="subtitle")
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.team_name"))
                    yield Input(id="team", compact=True)
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.org_name"))
                    yield Input(id="org", compact=True)
                with Horizontal(classes="field"):
                    yield Label(self.word("org_type.label"))
                    yield Select(
                        [(self.word(f"org_type.{kind}"), kind) for kind in ORG_TYPES],
                        prompt=self.word("tui.org_type_prompt"),
                        id="org-type",
                        compact=True,
                    )
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.year"))
                    yield Input(str(app.today.year), id="year", max_length=4, compact=True)
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.lang_label"))
                    with RadioSet(id="lang", compact=True):
                        yield from language_buttons(app.bank.languages, self.lang)
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.mode_label"))
                    with RadioSet(id="mode", compact=True):
                        yield MarkedRadioButton(
                            self.word("tui.mode_team"), value=True, id="mode-team"
                        )
                        yield MarkedRadioButton(
                            self.word("tui.mode_individual"), id="mode-individual"
                        )
                with Horizontal(classes="field", id="respondent-row"):
                    yield Label(self.word("tui.respondent"))
                    yield Input(id="respondent", compact=True)
                yield Static("", id="start-problem")
                yield Button(self.word("tui.start"), variant="primary", id="start-button")
            yield from self._listing("resume", "tui.resume_title", "in-progress")
            yield from self._listing("finished", "tui.finished_title", "complete")
            yield from self._merge_groups()
            if sum(e.loaded is not None for e in self.entries) >= 2:
                yield Button(self.word("tui.compare"), id="compare-button")
            if self.folder.path.is_dir():
                yield Button(self.word("tui.teams"), id="teams-button")
            broken = [e for e in self.entries if e.problem]
            if broken:
                yield Static(self.word("tui.unreadable_title"), classes="subtitle")
                for entry in broken:
                    line = f"{entry.path.name}: {entry.told(self.lang)}"
                    yield Static(escape(visible(line)), classes="problem")
        yield Footer(compact=True, show_command_palette=False)

    def _listing(self, list_id: str, title: str, status: str) -> ComposeResult:
        yield Static(self.word(title), classes="subtitle")
        found = [e for e in self.entries if e.result is not None and e.result.meta.status == status]
        if not found:
            yield Static(self.word("tui.none_found"), classes="dim")
            return
        options = []
        for entry in found:
            meta = entry.result.meta
            answered = len(entry.result.answers)
            who = (
                f" · {escape(visible(meta.respondent)) or self.word('anonymous')}"
                if meta.mode == "individual"
                else ""
            )
            team = escape(visible(meta.team))
            label = self.word("tui.entry", team=team, year=meta.year, answered=answered)
            options.append(Option(label + who, id=str(entry.path)))
        yield OptionList(*options, id=list_id)

    def _groups(self) -> dict[str, list[FolderEntry]]:
        """Individual results per team and year, keyed 'team key|year'."""
        groups: dict[str, list[FolderEntry]] = {}
        for entry in self.entries:
            meta = entry.result.meta if entry.result else None
            if meta is not None and meta.mode == "individual":
                groups.setdefault(f"{team_key(meta.team)}|{meta.year}", []).append(entry)
        return groups

    def _merge_groups(self) -> ComposeResult:
        groups = self._groups()
        if not groups:
            return
        yield Static(self.word("tui.merge_title"), classes="subtitle")
        options = []
        for key, entries in groups.items():
            meta = entries[0].result.meta
            label = self.word(
                "tui.merge_group", team=escape(visible(meta.team)), year=meta.year, n=len(entries)
            )
            options.append(Option(label, id=key))
        yield OptionList(*options, id="merge-groups")

    def on_mount(self) -> None:
        individual = self.query_one("#mode-individual", RadioButton)
        self.watch(individual, "value", self._show_respondent)  # at once, and now

    async def ready_for_keys(self) -> None:
        """Return once the fields are laid out, the team field focused (tui/keys.py): keys
        typed while the screen comes up, or right after "one respondent alone" shows the name
        field, wait for it. Tab follows the fields' places on screen, known after a refresh."""
        await self._laid_out.wait()

    def _show_respondent(self, shown: bool) -> None:
        self.query_one("#respondent-row").display = shown
        self._laid_out.clear()
        self.call_after_refresh(self._laid_out.set)

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start-button":
            self.action_start()
        elif event.button.id == "compare-button":
            from innoscan.tui.screens.compare import CompareScreen

            self.app.push_screen(CompareScreen(self.folder))
        elif event.button.id == "teams-button":
            self.action_teams()

    def action_to_list(self, list_id: str) -> None:
        """F6, F7: to the list of assessments in progress, or finished ones; Enter opens."""
        listing = self.query_one(f"#{list_id}", OptionList)
        if listing.highlighted is None:
            listing.highlighted = 0
        listing.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F6 and F7 only when there is such a list (and so they show in the footer)."""
        if action == "to_list":
            return bool(self.query(f"#{parameters[0]}"))
        return True

    def action_teams(self) -> None:
        """F3: every team result of the folder side by side."""
        from innoscan.tui.screens.teams import TeamsScreen

        self.app.push_screen(TeamsScreen(self.folder))

    def action_start(self) -> None:
        """F5 (from any field), Enter in a text field, or the button: start the assessment."""
        team = self.query_one("#team", Input).value.strip()
        year_text = self.query_one("#year", Input).value.strip()
        problem = self.query_one("#start-problem", Static)
        if not team:
            problem.update(self.word("tui.need_team"))
            self.query_one("#team", Input).focus()
            return
        if not (year_text.isdigit() and FIRST_YEAR <= int(year_text) <= LAST_YEAR):
            problem.update(self.word("tui.bad_year", year=self.app.today.year))
            self.query_one("#year", Input).focus()
            return
        lang = chosen_language(self.query_one("#lang", RadioSet)) or self.lang
        individual = self.query_one("#mode-individual", RadioButton).value
        org_type = self.query_one("#org-type", Select).selection  # None: not chosen
        self.app.start_session(
            team=team,
            organisation=self.query_one("#org", Input).value,
            org_type=org_type,
            year=int(year_text),
            lang=lang,
            mode="individual" if individual else "team",
            respondent=self.query_one("#respondent", Input).value if individual else "",
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "merge-groups":
            from innoscan.tui.screens.merge import MergeScreen

            loaded = [e.loaded for e in self._groups()[event.option.id]]
            self.app.push_screen(MergeScreen(self.folder, loaded))
            return
        path = Path(event.option.id)
        if event.option_list.id == "finished":
            self.app.open_results(path)
        else:
            self.app.resume_session(path)
