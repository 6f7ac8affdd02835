"""F1: the keys of the screen below, and what the team lead needs to know there."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Markdown, Static

from innoscan.tui.screens.base import BaseModal, InnoscanScreen


class HelpScreen(BaseModal[None]):
    """The help text of the screen below, and a table of the keys active there."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close", key_display="Esc", id="close")]

    def __init__(self, below: InnoscanScreen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        rows = ["| | |", "|---|---|"]
        seen = set()
        for binding in self._keys_below():
            if binding.description and binding.description not in seen:
                seen.add(binding.description)
                rows.append(f"| `{self.app.get_key_display(binding)}` | {binding.description} |")
        text = self.word(self.below.HELP) + "\n\n" + "\n".join(rows)
        with Vertical(id="dialog"):
            yield Static(self.word("tui.help"), classes="dialog-title")
            with VerticalScroll():
                yield Markdown(text)
        yield Footer(compact=True, show_command_palette=False)

    def _keys_below(self) -> Iterator[Binding]:
        """The screen's and the app's bindings active below, in the app's language."""
        for active in self.below.active_bindings.values():
            if active.node in (self.below, self.app):
                yield active.binding

    def action_close(self) -> None:
        self.dismiss(None)
