"""The merge screen: a team's individual answers for a year become the team's result;
the team settles each disagreement into a consensus answer first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Static

from innoscan.assess.merge import merge
from innoscan.content.problems import InputError
from innoscan.content.visible import visible
from innoscan.locales import spoken
from innoscan.render.report import build_report, disagreement_rows
from innoscan.store.result import LoadedResult
from innoscan.store.session import ResultsFolder
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.shown import shown
from innoscan.tui.widgets.answers import Picked, answer_widget


class MergeScreen(BaseScreen):
    CSS_PATH = "merge.tcss"
    HELP = "help.merge"
    BINDINGS = [Binding("escape", "back", "Back", key_display="Esc", id="back")]

    def __init__(self, folder: ResultsFolder, loaded: list[LoadedResult]) -> None:
        super().__init__()
        self.folder = folder
        self.loaded = loaded
        self.profile = merge(self.app.bank, loaded).result
        self.confirm_replace = False

    def in_language(self) -> MergeScreen:
        screen = MergeScreen(self.folder, self.loaded)
        screen.profile = self.profile
        return screen

    @property
    def target(self):
        meta = self.profile.meta
        return self.folder.path_for(meta.team, meta.year)

    def compose(self) -> ComposeResult:
        bank, lang, meta = self.app.bank, self.lang, self.profile.meta
        report = build_report(bank, LoadedResult(self.profile, self.target), lang)
        rows = disagreement_rows(report)
        with VerticalScroll(id="merge"):
            yield Static(
                self.word(
                    "tui.merge_group", team=visible(meta.team), year=meta.year, n=meta.respondents
                ),
                classes="subtitle",
                markup=False,
            )
            if rows:
                yield Static(
                    self.word("merge.intro", n=meta.respondents)
                    + " "
                    + self.word("tui.merge_settle")
                )
            else:
                yield Static(self.word("merge.none", n=meta.respondents))
            for qid, (title, given, _team) in zip(
                self.profile.merge.disagreements, rows, strict=False
            ):
                q = bank.question(qid)
                text = Text(shown(title) + "\n", style="bold")
                text.append(f"{self.word('merge.answers')}: {shown(given)}", style="dim")
                yield Static(text, classes="settle-question")
                value = self.profile.answers.get(qid)
                yield answer_widget(bank, q, lang, value, classes="settle")
            yield Static("", id="merge-problem")
            yield Button(self.word("tui.merge_save"), variant="success", id="merge-save")
        yield Footer(compact=True, show_command_palette=False)

    def on_picked(self, message: Picked) -> None:
        message.stop()
        settled, qid = self.profile.merge.settled, message.question.id
        if qid in settled:
            settled.remove(qid)
        if message.value is None:
            self.profile.answers.pop(qid, None)
        else:
            self.profile.answers[qid] = message.value
            settled.append(qid)
        self.profile = self.profile.in_bank_order(self.app.bank)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "merge-save":
            return
        target = self.target
        if target.exists() and not self.confirm_replace:
            self.confirm_replace = True
            self.query_one("#merge-problem", Static).update(
                self.word("tui.merge_exists", year=self.profile.meta.year)
            )
            return
        try:
            self.folder.path.mkdir(parents=True, exist_ok=True)
            self.profile.save(target)
        except (InputError, OSError) as exc:
            self.notify(
                self.word("tui.save_failed", problem=spoken(exc, self.lang)),
                severity="error",
                timeout=10,
            )
            return
        self.notify(self.word("tui.merge_saved", path=str(target)))
        self.app.open_results(target)

    def action_back(self) -> None:
        self.app.pop_screen()
