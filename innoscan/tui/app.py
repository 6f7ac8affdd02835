"""The innoscan workshop app: one factory for the CLI and the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from innoscan.bank import Bank
from innoscan.i18n import word
from innoscan.problems import InputError
from innoscan.session import ResultsFolder, Session
from innoscan.tui.screens.base import BaseScreen, localise_bindings
from innoscan.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen


class InnoscanApp(App):
    """Start screen (or a team's first open question), questions, review, results."""

    CSS_PATH = "app.tcss"
    TITLE = "innoscan"
    BINDINGS = [
        Binding("f1", "help", "Help", key_display="F1"),
        Binding("ctrl+q", "quit", "Quit", priority=True, key_display="^q"),
    ]

    def __init__(
        self,
        bank: Bank,
        lang: str,
        folder: ResultsFolder,
        session: Session | None = None,
    ) -> None:
        super().__init__()
        self.bank = bank
        self.lang = lang
        self.folder = folder
        self.first_session = session
        self.today = date.today()
        localise_bindings(self, lang)

    def on_mount(self) -> None:
        self.check_size()
        if self.first_session is not None:
            self.open_questions(self.first_session)
        else:
            from innoscan.tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.folder))

    # ── the flow ──────────────────────────────────────────────────────────────────────

    def start_session(self, **details) -> None:
        try:
            session = Session.open(self.bank, self.folder, **details)
        except InputError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        self.lang = details.get("lang", self.lang)
        self.open_questions(session)

    def resume_session(self, path: Path) -> None:
        session = self._resume(path)
        if session is not None:
            self.open_questions(session)

    def open_questions(self, session: Session, question=None) -> None:
        from innoscan.tui.screens.question import QuestionScreen

        if session.result.meta.language in ("nl", "en"):
            self.lang = session.result.meta.language
        for warning in session.warnings:
            self.notify(warning, severity="warning", timeout=10)
        self._show(QuestionScreen(session, question or session.first_unanswered()))

    def open_results(self, path: Path) -> None:
        session = self._resume(path)
        if session is not None:
            self._show_results(session)

    def _resume(self, path: Path) -> Session | None:
        try:
            return Session.resume(self.bank, path)
        except InputError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return None

    def finish(self, session: Session) -> None:
        """Mark the result complete, write the report beside it, show the results."""
        try:
            target = session.finish(self.lang)
        except InputError as exc:
            self.notify(word("tui.save_failed", self.lang, problem=str(exc)), severity="error")
            return
        self._show_results(session)
        self.notify(word("tui.exported", self.lang, path=str(target)), timeout=8)

    def export(self, session: Session) -> None:
        try:
            target = session.export_markdown(self.lang)
        except InputError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        self.notify(word("tui.exported", self.lang, path=str(target)), timeout=8)

    def _show_results(self, session: Session) -> None:
        from innoscan.tui.screens.results import ResultsScreen

        self._show(ResultsScreen(session, self.folder))

    def _show(self, screen: Screen) -> None:
        """Replace the flow's current screen (dialogs above it close)."""
        while len(self.screen_stack) > 2 or isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.call_after_refresh(self.check_size)

    # ── app actions ───────────────────────────────────────────────────────────────────

    def action_help(self) -> None:
        from innoscan.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | TooSmallScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_language(self) -> None:
        """Switch nl <-> en and redraw the flow's screen (dialogs above it close)."""
        self.lang = "en" if self.lang == "nl" else "nl"
        localise_bindings(self, self.lang)
        while len(self.screen_stack) > 2:
            self.pop_screen()
        copy = getattr(self.screen, "copy", None)  # each flow screen can redraw itself
        if isinstance(self.screen, BaseScreen) and copy is not None:
            self.switch_screen(copy())

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        w = self.lang
        yield SystemCommand(
            word("tui.language", w), word("tui.language", w), self.action_toggle_language
        )
        session = getattr(screen, "session", None)
        if session is not None:
            yield SystemCommand(
                word("tui.export", w), word("tui.export", w), lambda: self.export(session)
            )
        if hasattr(screen, "action_overview"):
            yield SystemCommand(
                word("tui.overview", w), word("tui.overview", w), screen.action_overview
            )

    # ── size ──────────────────────────────────────────────────────────────────────────

    def on_resize(self) -> None:
        self.check_size()

    def check_size(self) -> None:
        """Cover the screen with a notice while the terminal is too small to work in."""
        width, height = self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()


def make_app(
    bank: Bank,
    lang: str,
    folder: str | Path | ResultsFolder,
    team: str | None = None,
    **details,
) -> InnoscanApp:
    """The app, at the start screen, or (with a team) at that team's first open question."""
    if not isinstance(folder, ResultsFolder):
        folder = ResultsFolder(folder)
    session = None
    if team is not None:
        session = Session.open(bank, folder, team=team, lang=lang, **details)
    return InnoscanApp(bank, lang, folder, session)
