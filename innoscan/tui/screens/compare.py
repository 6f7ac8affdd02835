"""The compare screen: pick two or more results from the folder, see what changed."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Footer, Markdown, SelectionList, Static

from innoscan.assess.compare import compare_results
from innoscan.content.problems import InputError
from innoscan.content.visible import visible
from innoscan.locales import spoken
from innoscan.render.compare_report import compare_markdown
from innoscan.store.session import ResultsFolder
from innoscan.tui.screens.base import BaseScreen


class CompareScreen(BaseScreen):
    """The same comparison as `innoscan compare`, rendered in the terminal."""

    CSS_PATH = "compare.tcss"
    HELP = "help.compare"
    BINDINGS = [Binding("escape", "back", "Back", key_display="Esc", id="back")]

    def __init__(self, folder: ResultsFolder, chosen: list[str] | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.chosen = chosen or []

    def in_language(self) -> CompareScreen:
        return CompareScreen(self.folder, [str(v) for v in self.query_one(SelectionList).selected])

    def compose(self) -> ComposeResult:
        self.entries = [e for e in self.folder.scan(self.app.bank) if e.loaded is not None]
        items = []
        for entry in sorted(self.entries, key=lambda e: (e.result.meta.team, e.result.meta.year)):
            meta = entry.result.meta
            label = (
                f"{escape(visible(meta.team))} · {meta.year} · {self.word('status.' + meta.status)}"
            )
            if meta.mode == "individual":
                label += f" · {escape(visible(meta.respondent)) or self.word('anonymous')}"
            items.append((label, str(entry.path), str(entry.path) in self.chosen))
        with Vertical(id="compare-pick"):
            yield Static(self.word("tui.compare_title"), classes="subtitle")
            yield SelectionList(*items, id="compare-list")
            yield Button(self.word("tui.compare_open"), variant="primary", id="compare-button")
        yield Markdown(id="compare-view")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        if len(self.chosen) >= 2:
            self._compare()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "compare-button":
            self._compare()

    def _compare(self) -> None:
        paths = [str(v) for v in self.query_one(SelectionList).selected]
        if len(paths) < 2:
            self.notify(self.word("tui.compare_need"), severity="warning")
            return
        loaded = [e.loaded for e in self.entries if str(e.path) in paths]
        try:
            comparison = compare_results(self.app.bank, loaded)
        except InputError as exc:
            self.notify(spoken(exc, self.lang), severity="error", timeout=10)
            return
        view = self.query_one("#compare-view", Markdown)
        view.update(compare_markdown(comparison, self.lang))
        view.focus()

    def action_back(self) -> None:
        self.app.pop_screen()
