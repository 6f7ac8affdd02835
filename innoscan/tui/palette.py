"""The command palette (Ctrl+P) in the app's language: its search field, its "no matches",
and the commands: innoscan's, and of Textual's own those innoscan keeps, help, quit and the
theme picker (its key panel, maximize and screenshot speak English only: left out)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from innoscan.locales import word
from innoscan.render import formats
from innoscan.tui.screens.base import InnoscanScreen

if TYPE_CHECKING:
    from innoscan.store.session import Session
    from innoscan.tui.app import InnoscanApp


class Palette(CommandPalette):
    """Textual's command palette with its own words in `lang`; with `providers`, a search of
    what they offer (the themes), its field saying what with the word `search`."""

    def __init__(self, lang: str, providers=None, search: str = "tui.palette_search") -> None:
        palette = "--command-palette" if providers is None else None  # see CommandPalette.is_open
        super().__init__(providers, placeholder=word(search, lang), id=palette)
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual 8.2's own, with "no matches" in the app's language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                none = Text(word("tui.palette_none", self.lang), style="not bold")
                option = Option(Align.center(none), disabled=True, id=self._NO_MATCHES)
                self.query_one(CommandList).add_option(option)
                self._list_visible = True
            else:  # nothing typed: no commands to discover is nothing to say
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(app: InnoscanApp, screen: Screen) -> Iterator[SystemCommand]:
    """The palette's commands on `screen`: help, quit, theme, the next language, the report's
    exports, and the screen's own."""
    for title, action in (
        ("key.help", app.action_help),
        ("key.quit", app.action_quit),
        ("tui.theme", app.action_change_theme),
    ):
        yield SystemCommand(word(title, app.lang), word(title, app.lang), action)
    next_one = word("language.name", app.next_language())
    language = word("tui.language", app.lang, language=next_one)
    yield SystemCommand(language, language, app.action_toggle_language)
    if not isinstance(screen, InnoscanScreen):
        return
    if screen.session is not None:
        for fmt in formats.FORMATS:
            yield from _export_commands(app, screen.session, fmt)
    yield from screen.palette_commands()


def _export_commands(app: InnoscanApp, session: Session, fmt: str) -> Iterator[SystemCommand]:
    """Export the report in `fmt`, and in a browser download it: from the registry."""
    what = word(f"format.{fmt}", app.lang)
    export = word("tui.export", app.lang, format=what)
    if formats.report_path(session.path, fmt) != session.path:  # toml: the file itself
        yield SystemCommand(export, export, lambda: app.export(session, fmt))
    if app.is_web:
        download = word("tui.download", app.lang, format=what)
        yield SystemCommand(download, download, lambda: app.download_report(session, fmt))
