"""The first screen of someone who answers alone (`run --individual`, or a browser in `serve`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, RadioSet, Static

from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.shown import shown
from innoscan.tui.widgets.languages import chosen_language, language_buttons


class ParticipantScreen(BaseScreen):
    """Name (optional: anonymous unless given) and language, then the first question."""

    CSS_PATH = "start.tcss"
    HELP = "help.participant"

    def __init__(self, details: dict) -> None:
        super().__init__()
        self.details = details

    def in_language(self) -> ParticipantScreen:
        return ParticipantScreen(self.details)

    def compose(self) -> ComposeResult:
        team, year = self.details["team"], self.details["year"]
        with VerticalScroll(id="start"):
            yield Static(
                shown(self.app.bank.text(self.app.bank.title, self.lang)),
                id="app-title",
                markup=False,
            )
            yield Static(f"{shown(team)} · {year}", classes="subtitle", markup=False)
            yield Static(self.word("tui.participant_intro"), classes="intro")
            with Vertical(classes="panel"):
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.your_name"))
                    yield Input(
                        self.details.get("respondent", ""),
                        id="respondent",
                        placeholder=self.word("tui.name_empty"),
                        compact=True,
                    )
                with Horizontal(classes="field"):
                    yield Label(self.word("tui.lang_label"))
                    with RadioSet(id="lang", compact=True):
                        yield from language_buttons(self.app.bank.languages, self.lang)
                yield Button(self.word("tui.start"), variant="primary", id="start-button")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#respondent", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        lang = chosen_language(event.radio_set)
        if lang and lang != self.lang:  # the screen is made again in that language, name kept
            self.details["respondent"] = self.query_one("#respondent", Input).value
            self.app.action_toggle_language(lang)

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self._start()

    def on_button_pressed(self, _: Button.Pressed) -> None:
        self._start()

    def _start(self) -> None:
        name = self.query_one("#respondent", Input).value.strip()
        self.app.start_session(**{**self.details, "lang": self.lang, "respondent": name})
