"""The room view: the team lead's window on the projector while `innoscan serve` runs.

The join address as a QR code (and as text beneath it), and a live, anonymous picture of the
team's answers read from the results folder every few seconds (assess/room.py): how many
joined, how far each section is, and per question the spread of the answers as bars, the
questions the team disagrees on most first. M merges the answers into the team profile and
opens the disagreements to settle (the merge screen); C hides the code to give the picture
the whole width.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static

from innoscan.assess.room import LEAST, RoomPicture, RoomReader, room_picture
from innoscan.content.visible import visible
from innoscan.render.markdown import bar
from innoscan.render.report import spread_label
from innoscan.tui.screens.base import BaseScreen
from innoscan.tui.shown import shown

QR_STYLE = "#ffffff on #000000"  # the code's lines draw its light modules: light on dark


@dataclass
class Room:
    """What the CLI tells the room view about the workshop it serves."""

    team: str
    year: int
    address: str  # the join address participants open, with the join code
    qr: list[str]  # that address as a QR code (serve/join.py)
    connected: Callable[[], int] = lambda: 0  # browsers connected right now
    problems: list[str] = field(default_factory=list)  # the server's warnings, to show


class RoomScreen(BaseScreen):
    CSS_PATH = "room.tcss"
    HELP = "help.room"
    BINDINGS = [
        Binding("m", "merge", "Merge", id="room_merge"),
        Binding("c", "toggle_code", "Code", id="room_code"),
        Binding("p", "picture", "Picture", id="picture"),
    ]
    REFRESH_EVERY = 2.0

    def __init__(self, room: Room) -> None:
        super().__init__()
        self.room = room
        self.reader = RoomReader(self.app.bank, self.app.folder, room.team, room.year)
        self.picture = RoomPicture()
        self.connected = 0

    def action_picture(self) -> None:
        """The room view as it is now, as an SVG picture for a slide, beside the team's report."""
        result_path = self.app.folder.path_for(self.room.team, self.room.year)
        self.app.save_picture(result_path, self.room.team, "screen-room")

    def in_language(self) -> RoomScreen:
        return RoomScreen(self.room)

    def compose(self) -> ComposeResult:
        with Horizontal(id="room"):
            with Vertical(id="join"):
                yield Static(self.word("room.scan"), classes="subtitle", id="join-title")
                yield Static(Text("\n".join(self.room.qr), QR_STYLE, no_wrap=True), id="qr")
                yield Static(Text(visible(self.room.address), no_wrap=True), id="join-address")
            with VerticalScroll(id="picture"):
                yield Static(id="room-summary", classes="subtitle", markup=False)
                yield Static(id="room-body")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.update_picture(force=True)
        self.set_interval(self.REFRESH_EVERY, self.update_picture)
        with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
            # a request to stop (SIGTERM; not on Windows) quits as Ctrl+Q: the server stops
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self.app.exit)

    def update_picture(self, force: bool = False) -> None:
        """Read the folder again; redraw when anything changed (new answers, people)."""
        loaded, changed = self.reader.read()
        connected = self.room.connected()
        while self.room.problems:
            problem = visible(self.room.problems.pop(0))
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if not (force or changed or connected != self.connected):
            return
        self.connected = connected
        if changed or force:
            self.picture = room_picture(self.app.bank, loaded)
        summary = self.word("room.summary", joined=self.picture.joined, connected=connected)
        summary = f"{visible(self.room.team)} · {self.room.year}\n{summary}"
        if not self.query_one("#join").display:
            summary += f" · {visible(self.room.address)}"
        self.query_one("#room-summary", Static).update(summary)
        self.query_one("#room-body", Static).update(PictureLines(self))

    def action_toggle_code(self) -> None:
        join = self.query_one("#join")
        join.display = not join.display
        self.update_picture(force=True)

    def action_merge(self) -> None:
        from innoscan.tui.screens.merge import MergeScreen

        loaded, _ = self.reader.read()
        if not loaded:
            self.notify(self.word("room.nothing_to_merge"))
            return
        self.app.push_screen(MergeScreen(self.app.folder, loaded))


class PictureLines:
    """The picture as lines of text, fitted to the width the screen gives it."""

    def __init__(self, screen: RoomScreen) -> None:
        self.screen = screen

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        screen, width = self.screen, options.max_width
        bank, lang, picture = screen.app.bank, screen.lang, screen.picture
        if not picture.joined:
            yield Text(screen.word("room.nobody"))
            return
        yield Text("")
        yield Text(screen.word("room.progress"), style="bold")
        yield from _bars(
            [
                (
                    shown(bank.text(bank.section(s.section_id).title, lang)),
                    s.share,
                    f"{s.share:4.0%}",
                )
                for s in picture.sections
            ],
            width,
        )
        yield Text("")
        yield Text(screen.word("room.questions"), style="bold")
        for item in picture.shown:
            q = bank.question(item.question_id)
            yield Text("\n" + shown(bank.text(q.title, lang)), style="bold")
            counted = Text().append(screen.word("room.answered", n=item.answered), style="dim")
            if item.disagree:
                counted.append(" · ").append(screen.word("room.differs"), style="bold reverse")
            yield counted
            rows = [
                (shown(spread_label(bank, q, key, lang)), n / item.answered, f"{n:4}")
                for key, n in item.counts.items()
            ]
            yield from _bars(rows, width)
        if picture.waiting:
            yield Text("\n" + screen.word("room.waiting", n=picture.waiting, least=LEAST))


def _bars(rows: list[tuple[str, float, str]], width: int) -> RenderResult:
    """A line per row: its label, a bar for its share (0-1), and its number."""
    longest = max((len(label) for label, _, _ in rows), default=0)
    label_width = min(longest, max(8, width // 2))
    bar_width = max(4, width - label_width - 7)
    for label, share, number in rows:
        shown = label if len(label) <= label_width else label[: label_width - 1] + "…"
        yield Text(f"{shown:<{label_width}} {bar(share * 100, bar_width)} {number}", no_wrap=True)
