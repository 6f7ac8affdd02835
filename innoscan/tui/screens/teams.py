"""The teams of the results folder side by side (the overview of `innoscan overview`): a row
per team; Enter opens that team's results, read-only."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Markdown, Static, TabbedContent, TabPane

from innoscan.assess.overview import Overview, build_overview
from innoscan.content.problems import InputError
from innoscan.content.visible import visible
from innoscan.locales import spoken
from innoscan.render.markdown import whole
from innoscan.render.overview_markdown import overview_markdown
from innoscan.render.overview_report import index_title, signed, team_name
from innoscan.store.session import ResultsFolder, Session
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.screens.results import STATUS_STYLE, ResultsScreen
from innoscan.tui.shown import shown


class TeamsScreen(BaseScreen):
    """Every team result in the folder and its subfolders; the organisation in a second tab."""

    CSS_PATH = "teams.tcss"
    HELP = "help.teams"
    BINDINGS = [Binding("escape", "back", "Back", key_display="Esc", id="back")]

    def __init__(self, folder: ResultsFolder) -> None:
        super().__init__()
        self.folder = folder
        self.overview: Overview | None = None

    def in_language(self) -> TeamsScreen:
        return TeamsScreen(self.folder)

    def compose(self) -> ComposeResult:
        try:
            self.overview = build_overview(self.app.bank, self.folder.path)
        except InputError as exc:
            yield Static(escape(visible(exc)), id="teams-problem")
            yield Footer(compact=True, show_command_palette=False)
            return
        ov = self.overview
        title = self.word("tui.teams_title", n=len(ov.current.teams), year=ov.year)
        yield Static(title, id="teams-title")
        with TabbedContent(id="teams-tabs"):
            with TabPane(self.word("tui.tab_teams"), id="tab-teams"):
                yield DataTable(cursor_type="row", header_height=2, id="teams-table")
            with TabPane(self.word("tui.tab_summary"), id="tab-summary"):
                yield Markdown(overview_markdown(ov, self.lang, teams=False), id="teams-summary")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        ov = self.overview
        if ov is None:
            return
        bank, lang = ov.bank, self.lang
        factors = bank.scoring.success_factors
        headers = [self.word("team"), shown(index_title(ov, lang))]
        if ov.previous is not None:
            headers.append(self.word("ov.since", year=ov.previous.year))
        headers += [shown(bank.text(bank.section(f.section).title, lang)) for f in factors]
        headers += [self.word("risks"), self.word("ov.most_severe")]
        table = self.query_one(DataTable)
        table.add_columns(*(_two_lines(h) for h in headers))
        for team in ov.current.teams:
            row = [Text(visible(team_name(ov, team.key, lang))), _number(whole(team.scores.index))]
            if ov.previous is not None:
                row.append(_number(signed(ov.index_change(team))))
            for f in team.scores.factors:
                status = self.word(f"factor.{f.status}" if f.status else "ov.unknown")
                row.append(Text(status, style=STATUS_STYLE[f.status]))
            worst = team.most_severe
            worst_title = shown(bank.text(worst.title, lang)) if worst else "—"
            row += [_number(str(len(team.flags))), Text(worst_title)]
            table.add_row(*row, key=str(ov.files.folder / team.path))
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        try:
            session = Session.resume(self.app.bank, Path(event.row_key.value), read_only=True)
        except InputError as exc:
            self.notify(spoken(exc, self.lang), severity="error", timeout=15)
            return
        self.app.push_screen(TeamResultsScreen(session, self.folder))

    def action_back(self) -> None:
        self.app.pop_screen()


class TeamResultsScreen(ResultsScreen):
    """A team's results opened from the overview, read-only; Esc goes back to the teams."""

    BINDINGS = [Binding("escape", "back", "Back", key_display="Esc", id="back")]

    def action_back(self) -> None:
        self.app.pop_screen()


def _two_lines(header: str) -> Text:
    """A long column title on two lines (split at the space nearest its middle), so that the
    table fits more columns."""
    spaces = [i for i, char in enumerate(header) if char == " "]
    if len(header) <= 14 or not spaces:
        return Text(header)
    middle = min(spaces, key=lambda i: abs(i - len(header) / 2))
    return Text(f"{header[:middle]}\n{header[middle + 1 :]}")


def _number(text: str) -> Text:
    return Text(text, justify="right")
