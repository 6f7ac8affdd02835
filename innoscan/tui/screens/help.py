"""F1: the keys of the screen below, and what the team lead needs to know there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Markdown, Static

from innoscan.tui.screens.base import BaseModal


class HelpScreen(BaseModal[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close", key_display="Esc")]

    def __init__(self, below) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        rows = ["| | |", "|---|---|"]
        seen = set()
        for _key, binding in self._bindings_below():
            if binding.description and binding.description not in seen:
                seen.add(binding.description)
                keys = binding.key_display or binding.key
                rows.append(f"| `{keys}` | {binding.description} |")
        text = self.w(self.below.HELP) + "\n\n" + "\n".join(rows)
        with Vertical(id="dialog"):
            yield Static(self.w("tui.help"), classes="dialog-title")
            with VerticalScroll():
                yield Markdown(text)
        yield Footer(compact=True, show_command_palette=False)

    def _bindings_below(self):
        for node in (self.below, self.app):
            for key, bindings in node._bindings.key_to_bindings.items():
                for binding in bindings:
                    yield key, binding

    def action_close(self) -> None:
        self.dismiss(None)
