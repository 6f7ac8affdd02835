"""Issue 21, item 6: no escape sequence or bidi override from a file reaches the terminal.

A note, a text answer, an action's what and who, an organisation, a team, and a bank's titles
and help hold an OSC 52 (sets the terminal's clipboard), an OSC 0 (its title) and U+202E. The
app runs with a driver that keeps what would be written to the terminal (Pilot's own driver
writes nothing), each screen is shown, and none of the three may be in it; the texts themselves
must be (as escapes where a screen shows them, so the test sees the screens showed them)."""

from __future__ import annotations

import pytest
import textual.drivers.headless_driver as headless
from room_files import save_individuals
from textual.widgets import Input, TextArea

from innoscan.content.bank import Bank
from innoscan.serve.join import qr_lines
from innoscan.store.result import Action, Result
from innoscan.tui.factory import make_app, make_room_app
from innoscan.tui.screens.compare import CompareScreen
from innoscan.tui.screens.merge import MergeScreen
from innoscan.tui.screens.overview import OverviewScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.review import ReviewScreen
from innoscan.tui.screens.room import Room
from innoscan.tui.screens.teams import TeamsScreen

CLIPBOARD, TITLE, OVERRIDE = "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;pwned\x07", "\u202e"
HOSTILE = f"A{CLIPBOARD}B{TITLE}C{OVERRIDE}D"
RAW = ("\x1b]52", "\x1b]0;", OVERRIDE)
SEEN = "]52;c;aGVsbG8="  # what is left of the clipboard's sequence once it is inert


@pytest.fixture
def terminal(monkeypatch) -> list[str]:
    """What the app writes to its terminal, as the real drivers would be given it."""
    written: list[str] = []

    class Terminal(headless.HeadlessDriver):
        @property
        def is_headless(self) -> bool:  # so the app draws (App._display) and rings
            return False

        def write(self, data: str) -> None:
            written.append(data)

    monkeypatch.setattr(headless, "HeadlessDriver", Terminal)  # run_test imports it by name
    return written


def written_since(terminal: list[str], start: int) -> str:
    sent = "".join(terminal[start:])
    for raw in RAW:
        assert raw not in sent, f"{raw!r} reached the terminal"
    return sent


def hostile_bank(bank: Bank) -> Bank:
    """The bank with its title, its first section's title and its first questions' titles
    and help made hostile (as a bank that `validate` refuses, got past it)."""

    def spoiled(text: dict[str, str]) -> dict[str, str]:
        return {lang: f"{value} {HOSTILE}" for lang, value in text.items()}

    first = bank.sections[0]
    questions = [
        q.model_copy(update={"title": spoiled(q.title), "help": spoiled(q.help)})
        for q in first.questions
    ]
    section = first.model_copy(update={"title": spoiled(first.title), "questions": questions})
    fields = {name: getattr(bank, name) for name in Bank.model_fields}
    return Bank(
        **{**fields, "title": spoiled(bank.title), "sections": [section, *bank.sections[1:]]}
    )


@pytest.fixture
def hostile(bank, folder):
    """Team Data 2026 (finished) and 2025 whose note, text answer and actions are hostile."""
    folder.path.mkdir()
    for year in (2025, 2026):
        result = Result.new(bank, "Team Data", year, "en", organisation=f"Org {HOSTILE}")
        result.answers["activity.products"] = "yes"
        result.answers["activity.latest"] = f"text {HOSTILE}"
        result.notes["activity.products"] = f"note {HOSTILE}\nsecond line"
        result.actions.append(
            Action(target="section:leadership", what=f"do {HOSTILE}", who=f"me {HOSTILE}")
        )
        result.meta.status = "complete"
        result.save(folder.path_for("Team Data", year))
    return hostile_bank(bank)


async def test_no_screen_of_a_team_sends_a_files_escape_to_the_terminal(
    hostile, folder, terminal, on_disk
):
    app = make_app(hostile, "en", folder)
    async with app.run_test(size=(120, 50), notifications=True) as pilot:
        await pilot.pause()
        assert "Team Data" in written_since(terminal, 0)  # the start screen
        path = folder.path_for("Team Data", 2026)

        start = len(terminal)  # the question with the hostile note, raw in its field
        app.resume_session(path)
        await pilot.pause()
        await app.screen.show(hostile.question("activity.products"))
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.text == f"note {HOSTILE}\nsecond line"  # the value itself is kept
        assert SEEN in written_since(terminal, start)

        start = len(terminal)  # the text answer, raw in its input line
        await app.screen.show(hostile.question("activity.latest"))
        await pilot.pause()
        assert app.screen.query_one("#typed", Input).value == f"text {HOSTILE}"
        assert SEEN in written_since(terminal, start)

        start = len(terminal)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert "\\x1b]52" in written_since(terminal, start)
        await pilot.press("escape")

        start = len(terminal)
        app.push_screen(ReviewScreen(app.active))
        await pilot.pause()
        written_since(terminal, start)
        await pilot.press("escape")

        app.open_results(path)  # the results: every tab, the actions of both years too
        for tab in "12345":
            start = len(terminal)
            await pilot.press(tab)
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            written_since(terminal, start)
        assert "do A\\x1b]52" in written_since(terminal, 0)

        start = len(terminal)
        app.notify(f"a notice {HOSTILE}")
        await pilot.pause()
        assert "A\\x1b]52" in written_since(terminal, start)
    written_since(terminal, 0)  # and all it wrote to the end
    assert on_disk().notes["activity.products"] == f"note {HOSTILE}\nsecond line"  # as it was


async def test_the_folders_screens_send_no_escape_from_a_file(hostile, bank, folder, terminal):
    save_individuals(bank, folder, team=f"Team {HOSTILE}")
    app = make_app(hostile, "en", folder)
    async with app.run_test(size=(120, 50), notifications=True) as pilot:
        await pilot.pause()
        assert "Team A\\x1b]52" in written_since(terminal, 0)  # the start screen's lists
        for screen in (TeamsScreen(folder), CompareScreen(folder)):
            start = len(terminal)
            app.push_screen(screen)
            await pilot.pause()
            written_since(terminal, start)
            app.pop_screen()
        start = len(terminal)
        entries = [e for e in folder.scan(bank) if e.result.meta.mode == "individual"]
        app.push_screen(MergeScreen(folder, [e.loaded for e in entries]))
        await pilot.pause()
        assert SEEN in written_since(terminal, start)


async def test_the_room_view_sends_no_escape_from_a_file(hostile, bank, folder, terminal):
    save_individuals(bank, folder, team=f"Team {HOSTILE}")
    address = "http://192.168.1.20:8000/?code=k7mqx2vd"
    room = Room(f"Team {HOSTILE}", 2026, address, qr_lines(address), problems=[HOSTILE])
    app = make_room_app(hostile, "en", folder.path, room)
    async with app.run_test(size=(120, 50), notifications=True) as pilot:
        await pilot.pause()
        sent = written_since(terminal, 0)
        assert "Team A\\x1b]52" in sent
        assert "activity A\\x1b]52" in sent  # a section's bar, a question's title
