"""A participant's app in `serve` ends when serve has gone, however serve ended (kill -9 too).

`serve` names its own process in each app's environment (`system.SERVER_VARIABLE`); the app
checks every CHECK_EVERY seconds that it still runs. When it has gone, or the pipe of the
app's output breaks (serve went before the check saw it), the app quits as Ctrl+Q does: what
the screen holds is saved and the lock goes. The output, that no one reads now, goes nowhere.
"""

from __future__ import annotations

import os

from textual.app import App

from innoscan.store import system


class EndsWithServe(App):
    """Mixed into the app: nothing to do outside `serve`."""

    CHECK_EVERY = 1.0  # seconds: how soon a participant's app ends after serve

    def on_mount(self) -> None:
        server = os.environ.get(system.SERVER_VARIABLE)
        if server:
            self.set_interval(self.CHECK_EVERY, lambda: system.runs(server) or self._serve_gone())

    def _handle_exception(self, error: Exception) -> None:
        if isinstance(error, BrokenPipeError) and os.environ.get(system.SERVER_VARIABLE):
            self._serve_gone()  # its output went to serve, which is gone
        else:
            super()._handle_exception(error)

    def _serve_gone(self) -> None:
        system.output_to_nowhere()
        self.exit()
