"""The review: what is still open, a way to each, and Enter to finish."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from innoscan.store.session import Session
from innoscan.tui.screens.base import BaseModal
from innoscan.tui.shown import shown


class ReviewScreen(BaseModal[str | None]):
    """Dismisses with "finish", a question id to go to, or None to go back."""

    CSS_PATH = "review.tcss"
    HELP = "help.review"
    BINDINGS = [
        Binding("escape,pageup", "back", "Back", key_display="PgUp", id="back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        bank, lang = self.session.bank, self.lang
        asked = self.session.asked()
        missing = self.session.unanswered()
        numbers = {q.id: n for n, q in enumerate(asked, 1)}  # as in the header and overview
        with Vertical(id="dialog"):
            yield Static(self.word("tui.review_title"), classes="dialog-title")
            if missing:
                message = self.word("tui.review_open", n=len(missing), m=len(asked))
            else:
                message = self.word("tui.review_all", m=len(asked))
            yield Static(message, id="review-message")
            yield Static(self.word("tui.review_enter"), id="review-enter")
            yield Button(self.word("tui.finish"), variant="success", id="finish")
            if missing:
                yield OptionList(
                    *[
                        Option(
                            Text(f"{numbers[q.id]:>2}. {shown(bank.text(q.title, lang))}"), id=q.id
                        )
                        for q in missing
                    ],
                    id="missing",
                )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#finish", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "finish":
            self.dismiss("finish")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)
