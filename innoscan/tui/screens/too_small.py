"""A notice over everything while the terminal is smaller than innoscan can work in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from innoscan.locales import word

MIN_WIDTH, MIN_HEIGHT = 36, 20  # 36 columns: a phone in the browser (`serve`)


class TooSmallScreen(ModalScreen[None]):
    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.update()

    def on_resize(self) -> None:
        self.update()
        self.app.call_after_refresh(self.app.check_size)

    def update(self) -> None:
        width, height = self.app.size
        self.query_one(Static).update(
            word("tui.too_small", self.app.lang, w=width, h=height, mw=MIN_WIDTH, mh=MIN_HEIGHT)
        )
