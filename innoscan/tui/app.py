"""The innoscan workshop app: one factory for the CLI and the tests."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import ThemeProvider

from innoscan.content.bank import Bank
from innoscan.content.problems import InputError
from innoscan.locales import languages, spoken, word
from innoscan.render import formats
from innoscan.render.report import session_report
from innoscan.store.atomic import real_folder, write_atomic
from innoscan.store.lock import REFRESH_EVERY, LockedError
from innoscan.store.session import ResultsFolder, Session
from innoscan.tui import palette
from innoscan.tui.crash import OneLineErrors
from innoscan.tui.keys import KeysInOrder
from innoscan.tui.screens.base import BaseScreen, InnoscanScreen
from innoscan.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from innoscan.tui.served import EndsWithServe
from innoscan.tui.shown import GuardedApp

if TYPE_CHECKING:
    from innoscan.tui.screens.room import Room


class InnoscanApp(EndsWithServe, OneLineErrors, KeysInOrder, GuardedApp):
    """Start screen (or a team's first open question), questions, review, results; keys
    handled in the order typed (tui/keys.py); no text from a file drives the terminal
    (tui/shown.py); what no screen caught, in one line (crash.py); in `serve`, ending with
    it (tui/served.py)."""

    CSS_PATH = "app.tcss"
    TITLE = "innoscan"
    BINDINGS = [  # described in the app's language by the words key.ID (screens/base.py)
        Binding("f1", "help", "Help", key_display="F1", id="help"),
        Binding("ctrl+s", "save_copy", "Save copy", show=False, priority=True, id="save_copy"),
        Binding("ctrl+q", "quit", "Quit", priority=True, key_display="^q", id="quit"),
        Binding("escape", "room", "Room", key_display="Esc", id="room"),  # during `serve`
    ]
    RETRY_EVERY = 5.0
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-normal")]  # -narrow: a phone

    def __init__(
        self,
        bank: Bank,
        lang: str,
        folder: ResultsFolder,
        session: Session | None = None,
        locked: tuple[LockedError, dict] | None = None,
        participant: dict | None = None,
        room: Room | None = None,
        lang_given: bool = False,
    ) -> None:
        super().__init__()
        self.lang_given = lang_given  # chosen (--lang, the start screen, a switch): it wins
        self.participant = participant
        self.room = room  # `serve` on this terminal: the room view is the first screen
        self.bank = bank
        self.lang = lang
        self.folder = folder
        self.first_session = session
        self.locked = locked
        self.active: Session | None = None
        self.today = date.today()

    def on_mount(self) -> None:
        self.check_size()
        self.set_interval(REFRESH_EVERY, self._heartbeat)
        self.set_interval(self.RETRY_EVERY, self._retry_save)
        if self.first_session is not None:
            self.open_questions(self.first_session)
            result = self.first_session.result
            if result.answers:
                own = "_own" if result.meta.mode == "individual" else ""
                self.notify(word(f"tui.welcome_back{own}", self.lang))
            return
        if self.room is not None:
            from innoscan.tui.screens.room import RoomScreen

            self.push_screen(RoomScreen(self.room))
            return
        if self.participant is not None:
            from innoscan.tui.screens.participant import ParticipantScreen

            self.push_screen(ParticipantScreen(self.participant))
            return
        from innoscan.tui.screens.start import StartScreen

        self.push_screen(StartScreen(self.folder))
        if self.locked is not None:
            error, details = self.locked
            self._ask_about_lock(
                error,
                lambda take_over: Session.open(
                    self.bank, self.folder, lock=True, take_over=take_over, **details
                ),
            )

    def on_unmount(self) -> None:
        if self.active is not None:
            self.active.close()

    async def action_quit(self) -> None:
        """Quit, after saving what the screen holds (every change is saved already)."""
        self.exit()  # on_exit_app saves

    def on_exit_app(self) -> None:
        """Before the app ends, however it was asked to (Ctrl+Q, or `serve` stopping): save
        what the screens hold."""
        for screen in self.screen_stack:
            if isinstance(screen, InnoscanScreen):
                screen.commit()

    # ── locks, saving again, saving elsewhere ─────────────────────────────────────────

    def _heartbeat(self) -> None:
        if self.active is not None and self.active.lock is not None:
            with contextlib.suppress(OSError, InputError):
                self.active.lock.refresh()

    def _retry_save(self) -> None:
        session = self.active
        if session is None or session.unsaved is None or session.read_only:
            return
        try:
            session.save()
        except InputError:
            return
        self.notify(word("tui.saved_again", self.lang, path=self.shown_path(session.path)))
        self._update_banner()

    def _update_banner(self) -> None:
        for screen in self.screen_stack:  # a dialog may cover the screen with the banner
            if isinstance(screen, InnoscanScreen):
                screen.update_banner()

    def action_save_copy(self) -> None:
        """Ctrl+S: a copy of the answers elsewhere; in a browser, as a download (a
        participant never chooses a path on the server)."""
        from innoscan.tui.screens.dialogs import SaveCopyScreen

        if self.active is None or isinstance(self.screen, SaveCopyScreen):
            return
        if self.is_web:
            self._deliver(self.active.result.to_toml(), self.active.path.name, "application/toml")
        else:
            self.push_screen(SaveCopyScreen(self.active))

    def _deliver(self, content: str | bytes, name: str, mime_type: str) -> None:
        import io

        if isinstance(content, bytes):
            self.deliver_binary(io.BytesIO(content), save_filename=name, mime_type=mime_type)
        else:
            self.deliver_text(io.StringIO(content), save_filename=name, mime_type=mime_type)
        self.notify(word("tui.downloading", self.lang, name=name))

    def _opened(self, open_session, path: Path | None = None):
        """Open a session with its lock; when another process has it, ask what to do."""
        try:
            return open_session(False)
        except LockedError as exc:
            self._ask_about_lock(exc, open_session)
        except InputError as exc:
            self.notify(spoken(exc, self.lang), severity="error", timeout=15)
        return None

    def _ask_about_lock(self, error: LockedError, open_session) -> None:
        from innoscan.tui.screens.dialogs import LockedScreen

        def decided(choice: str | None) -> None:
            try:
                if choice == "read-only":
                    session = Session.resume(self.bank, error.path, read_only=True)
                elif choice == "take-over":
                    session = open_session(True)
                else:
                    return
            except (InputError, LockedError) as exc:
                self.notify(spoken(exc, self.lang), severity="error", timeout=15)
                return
            self.open_questions(session)

        self.push_screen(LockedScreen(error), decided)

    # ── the flow ──────────────────────────────────────────────────────────────────────

    def start_session(self, **details) -> None:
        self.lang = details.get("lang", self.lang)
        self.lang_given = self.lang_given or "lang" in details
        # a browser's own earlier connection may still hold its lock: that one is gone
        forced = details.get("participant") is not None
        session = self._opened(
            lambda take_over: Session.open(
                self.bank, self.folder, lock=True, take_over=take_over or forced, **details
            )
        )
        if session is not None:
            self.open_questions(session)

    def resume_session(self, path: Path) -> None:
        session = self._opened(
            lambda take_over: Session.resume(self.bank, path, lock=True, take_over=take_over)
        )
        if session is not None:
            self.open_questions(session)

    def open_questions(self, session: Session, question=None) -> None:
        from innoscan.tui.screens.question import QuestionScreen

        self._activate(session)
        if not self.lang_given and session.result.meta.language in languages():
            self.lang = session.result.meta.language
        for warning in session.warnings:  # in the language the screens now speak
            self.notify(warning.text(self.lang), severity="warning", timeout=10, markup=False)
        self._show(QuestionScreen(session, question or session.first_unanswered()))

    def open_results(self, path: Path) -> None:
        session = self._resume(path)
        if session is not None:
            self._show_results(session)

    def _resume(self, path: Path) -> Session | None:
        try:
            return Session.resume(self.bank, path)
        except InputError as exc:
            self.notify(spoken(exc, self.lang), severity="error", timeout=15)
            return None

    def finish(self, session: Session) -> None:
        """Mark the result complete, show the results, write the report beside it."""
        try:
            session.finish()
        except InputError as exc:
            self.notify(
                word("tui.save_failed", self.lang, problem=spoken(exc, self.lang)), severity="error"
            )
            return
        self._show_results(session)
        self.export(session)

    def export(self, session: Session, fmt: str = formats.DEFAULT) -> None:
        """Write the report (with its charts) beside the result file, in a thread: drawing
        the charts takes a second or two."""
        write = formats.exporter(session, self.lang, fmt)

        def done(target: Path) -> None:
            self.notify(word("tui.exported", self.lang, path=self.shown_path(target)), timeout=8)

        self._in_thread(write, done)

    def download_report(self, session: Session, fmt: str = formats.DEFAULT) -> None:
        """Send the report to the browser as a download (in `serve`)."""
        report = session_report(session, self.lang)
        name = formats.report_path(session.path, fmt).name
        mime_type = formats.FORMATS[fmt].mime_type
        self._in_thread(
            lambda: formats.report_file(report, fmt),
            lambda content: self._deliver(content, name, mime_type),
        )

    def _in_thread(self, work, then) -> None:
        """`work()` in a thread, then `then(its result)` here; a problem is shown."""

        def run() -> None:
            try:
                result = work()
            except InputError as exc:
                self.call_from_thread(
                    self.notify, spoken(exc, self.lang), severity="error", timeout=15
                )
            else:
                self.call_from_thread(then, result)

        self.run_worker(run, thread=True, group="export")

    def save_picture(self, result_path: Path, team: str, name: str, private: bool = False) -> None:
        """The screen as SVG (for a slide) beside the report's charts of the result at
        `result_path`; in a browser, sent."""
        svg = self.export_screenshot(title=f"innoscan · {team}")
        target = formats.picture_path(result_path, name)
        if self.is_web:
            self._deliver(svg, target.name, "image/svg+xml")
            return
        try:
            write_atomic(real_folder(target.parent, private) / target.name, svg, private)
        except InputError as exc:
            self.notify(spoken(exc, self.lang), severity="error", timeout=15)
            return
        self.notify(word("tui.picture_saved", self.lang, path=self.shown_path(target)), timeout=8)

    def shown_path(self, path: Path) -> str:
        """A file as the user may see it: in a browser only its name, never the server's path."""
        return path.name if self.is_web else str(path)

    def _activate(self, session: Session) -> None:
        """The session now shown; the one before lets go of its lock."""
        if self.active is not None and self.active is not session:
            self.active.close()
        self.active = session

    def _show_results(self, session: Session) -> None:
        from innoscan.tui.screens.results import ResultsScreen

        self._activate(session)
        self._show(ResultsScreen(session, self.folder))

    def _show(self, screen: Screen) -> None:
        """Replace the flow's current screen (dialogs above it close); the room view, when
        there is one, stays below it."""
        floor = 3 if self.room is not None else 2
        while len(self.screen_stack) > floor or isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        if len(self.screen_stack) > floor - 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.call_after_refresh(self.check_size)

    # ── app actions ───────────────────────────────────────────────────────────────────

    def action_room(self) -> None:
        """Back to the room view (during `serve`), from the results of a merge."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "room":
            return self.room is not None and len(self.screen_stack) > 2
        return True

    def action_help_quit(self) -> None:
        """Ctrl+C with nothing to copy: say how to quit (Textual's own, in the app's language)."""
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                key = escape(self.get_key_display(active.binding))
                self.notify(
                    word("tui.quit_how", self.lang, shortcut=f"[b]{key}[/b]"),
                    title=word("tui.quit_title", self.lang),
                )
                return

    def action_help(self) -> None:
        from innoscan.tui.screens.help import HelpScreen

        if isinstance(self.screen, InnoscanScreen) and not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def next_language(self) -> str:
        """The language after the app's own, in the bank's order, the first after the last."""
        offered = languages(self.bank.languages)
        after = offered.index(self.lang) + 1 if self.lang in offered else 0
        return offered[after % len(offered)]

    def action_toggle_language(self, lang: str | None = None) -> None:
        """Switch to `lang` (or the next language) and redraw the flow's screen (dialogs above
        it close)."""
        self.lang = lang or self.next_language()
        self.lang_given = True
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, BaseScreen):
            self.switch_screen(self.screen.in_language())

    def get_system_commands(self, screen: Screen):
        """The command palette's commands, in the app's language (tui/palette.py)."""
        return palette.system_commands(self, screen)

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, in the app's language."""
        if self.use_command_palette and not palette.Palette.is_open(self):
            self.push_screen(palette.Palette(self.lang))

    def search_themes(self) -> None:
        """The palette's theme command: the themes to pick from, in the app's language."""
        self.push_screen(palette.Palette(self.lang, [ThemeProvider], "tui.theme_search"))

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
