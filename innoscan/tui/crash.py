"""What the user sees when something no screen caught goes wrong: one line, never Textual's
traceback with its local variables (answers, notes and names among them)."""

from __future__ import annotations

import os
import sys

from rich.text import Text
from textual.app import App
from textual.worker import WorkerFailed

from innoscan.content.problems import InputError, system_problem
from innoscan.content.visible import visible

EXIT_BUG, EXIT_BAD_INPUT = 1, 2


class OneLineErrors(App):
    """An app whose unhandled exceptions end it with one line each on standard error (after
    the screen is restored) and an exit status: 2 for bad input, 1 for a bug."""

    lang: str
    _told: list[str] | None = None  # printed by run_to_end, else among Textual's last words

    def run_to_end(self) -> int:
        """Run the app; then what went wrong, a line each on standard error, unwrapped; the
        exit status (0, or as `_handle_exception` set it)."""
        self._told = []
        self.run()
        sys.stderr.writelines(f"{line}\n" for line in self._told)
        return self.return_code or 0

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an exception nobody handled (the app ends either way): the
        first is told, those it caused are not. With INNOSCAN_DEBUG=1, Textual's own
        traceback."""
        if os.environ.get("INNOSCAN_DEBUG"):
            super()._handle_exception(error)
            return
        if self._exception is not None:  # a consequence of the first, which ends the app
            return
        self._exception = error  # Pilot raises it again in the test that ran the app
        self._exception_event.set()
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, InputError):
            lines, code = cause.text(self.lang).splitlines(), EXIT_BAD_INPUT
        elif isinstance(cause, OSError):  # the system refused: a folder not to be looked into
            lines, code = [system_problem(cause)], EXIT_BAD_INPUT
        else:
            bug = f"unexpected error ({type(cause).__name__}: {visible(cause)}); please report it"
            lines, code = [bug], EXIT_BUG
        self._return_code = code
        lines = [f"innoscan: {line}" for line in lines]
        if self._told is not None:
            self._told.extend(lines)
        else:
            self._exit_renderables.append(Text("\n".join(lines)))
        self._close_messages_no_wait()
