"""The overview: every question with its status; open any that applies."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from innoscan.content.bank import DONT_KNOW, NOT_APPLICABLE, Question
from innoscan.store.session import Session
from innoscan.tui.screens.base import BaseModal
from innoscan.tui.shown import shown


class OverviewScreen(BaseModal[str | None]):
    """All questions, numbered, with ✓ answered, ? don't know, · open, – does not apply."""

    CSS_PATH = "overview.tcss"
    HELP = "help.overview"
    BINDINGS = [Binding("escape,f2,ctrl+o", "close", "Close", key_display="Esc", id="close")]

    def __init__(self, session: Session, current: Question) -> None:
        super().__init__()
        self.session = session
        self.current = current

    def compose(self) -> ComposeResult:
        bank, lang, answers = self.session.bank, self.lang, self.session.result.answers
        numbers = {q.id: n for n, q in enumerate(self.session.asked(), 1)}  # as in the header
        options: list[Option | None] = []
        for section in bank.sections:
            heading = Text(shown(bank.text(section.title, lang)), style="bold")
            options.append(Option(heading, disabled=True))
            for q in section.questions:
                title, style = shown(bank.text(q.title, lang)), ""
                number = f"{numbers[q.id]:>2}." if q.id in numbers else "   "
                if q.id not in numbers:
                    mark, style = "–", "dim"
                    title = f"{title} ({self.word('tui.not_asked')})"
                elif q.id not in answers:
                    mark = "·"
                else:  # (an answer may be a list: compared, never looked up)
                    value = answers[q.id]
                    mark = "?" if value == DONT_KNOW else "–" if value == NOT_APPLICABLE else "✓"
                line = Text(f" {mark} {number} {title}", style=style)
                options.append(Option(line, id=q.id, disabled=q.id not in numbers))
        with Vertical(id="dialog"):
            yield Static(self.word("tui.overview"), classes="dialog-title")
            yield OptionList(*options, id="overview-list")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = listing.get_option_index(self.current.id)
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
