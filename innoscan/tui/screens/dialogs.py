"""Dialogs: a result open elsewhere (read-only or take over), and saving a copy elsewhere."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Input, Static

from innoscan.content.problems import InputError
from innoscan.locales import spoken
from innoscan.store.lock import LockedError
from innoscan.store.session import Session
from innoscan.tui.screens.base import BaseModal
from innoscan.tui.shown import shown


class LockedScreen(BaseModal[str | None]):
    """Dismisses with "read-only", "take-over" or None (cancel)."""

    CSS_PATH = "dialogs.tcss"
    HELP = "help.question"
    BINDINGS = [Binding("escape", "cancel", "Back", key_display="Esc", id="back")]

    def __init__(self, error: LockedError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="small-dialog"):
            yield Static(self.word("tui.locked_title"), classes="dialog-title")
            body = self.word(
                "tui.locked_body",
                path=shown(self.error.path.name),
                owner=self.error.owner.describe(self.lang),
            )
            yield Static(body, markup=False)
            yield Static(self.word("tui.locked_stale" if self.error.stale else "tui.locked_live"))
            with Horizontal(classes="buttons"):
                yield Button(self.word("tui.read_only"), variant="primary", id="read-only")
                yield Button(
                    self.word("tui.take_over"),
                    variant="warning" if self.error.stale else "error",
                    id="take-over",
                )
                yield Button(self.word("tui.cancel"), id="cancel")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveCopyScreen(BaseModal[None]):
    """Ctrl+S: write the answers to another path, when the results folder fails."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "close", "Close", key_display="Esc", id="close")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="small-dialog"):
            yield Static(self.word("tui.save_copy_title"), classes="dialog-title")
            yield Input(
                str(Path.home() / self.session.path.name),
                placeholder=self.word("tui.save_copy_hint"),
            )
            yield Static("", id="copy-problem", markup=False)  # holds the path typed
        yield Footer(compact=True, show_command_palette=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            target = self.session.save_copy(event.value.strip())
        except InputError as exc:
            self.query_one("#copy-problem", Static).update(spoken(exc, self.lang))
            return
        self.notify(self.word("tui.copy_saved", path=str(target)), timeout=10)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
