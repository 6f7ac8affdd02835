"""The room view under Pilot: individual result files in a folder, as `serve` leaves them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from room_files import ANSWERS, save_individuals

from innoscan.serve.join import qr_lines
from innoscan.tui.factory import make_room_app
from innoscan.tui.screens.merge import MergeScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.room import PictureLines, Room, RoomScreen

ADDRESS = "http://192.168.1.20:8000/?code=k7mqx2vd"


@pytest.fixture
def room_app(bank, folder):
    def make(lang: str = "en"):
        room = Room("Team Data", 2026, ADDRESS, qr_lines(ADDRESS), connected=lambda: 3)
        return make_room_app(bank, lang, folder.path, room)

    return make


def shown(screen: RoomScreen, width: int = 60) -> str:
    """The picture's words as the screen draws them at `width`, lines joined."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(PictureLines(screen))
    return " ".join(console.export_text().split())


async def test_the_room_view_shows_the_spread_anonymously_disagreements_first(
    bank, folder, room_app
):
    save_individuals(bank, folder)
    app = room_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        assert "4 joined · 3 connected now" in str(screen.query_one("#room-summary").render())
        text = shown(screen)
        vision = text.index("Our leadership has a clear vision")
        products = text.index("has your team put new or strongly improved products")
        assert vision < products  # the disagreement first
        assert "4 answered · differs" in text[vision:products]
        assert "services" not in text  # two answers: not yet
        assert "1 question(s) with fewer than 3 answers" in text
        assert "Person" not in text and "p-team" not in text  # no names, no ids
        assert "How far each section is" in text


async def test_the_room_view_follows_the_folder_and_hides_the_code(bank, folder, room_app):
    save_individuals(bank, folder, ANSWERS[:2])
    app = room_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "has your team put new" not in shown(screen)  # two have answered: too few
        save_individuals(bank, folder, ANSWERS[2:], first=2)  # two more come in
        await pilot.pause(RoomScreen.REFRESH_EVERY + 0.5)
        assert "4 joined" in str(screen.query_one("#room-summary").render())
        assert "has your team put new" in shown(screen)
        await pilot.press("c")
        assert not screen.query_one("#join").display
        assert ADDRESS in str(screen.query_one("#room-summary").render())
        await pilot.press("c")
        assert screen.query_one("#join").display


async def test_m_merges_and_settles_then_esc_comes_back_to_the_room(bank, folder, room_app):
    save_individuals(bank, folder)
    app = room_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen)
        assert app.screen.profile.merge.disagreements == ["activity.services", "leadership.vision"]
        await pilot.press("escape")
        assert isinstance(app.screen, RoomScreen)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#merge-save").press()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert folder.path_for("Team Data", 2026).exists()  # the team profile
        await pilot.press("escape")
        assert isinstance(app.screen, RoomScreen)
        assert "4 joined" in str(app.screen.query_one("#room-summary").render())


async def test_m_with_nobody_yet_says_so(folder, room_app):
    app = room_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nobody has answered yet" in shown(app.screen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        assert any("No answers to merge yet" in str(n.message) for n in app._notifications)


async def test_a_team_name_and_a_warning_are_shown_as_they_are(bank, folder):
    room = Room("[b]Team[/b] \x1b[31m", 2026, ADDRESS, qr_lines(ADDRESS))
    app = make_room_app(bank, "en", folder.path, room)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#room-summary").render())
        assert summary.startswith("[b]Team[/b] \\x1b[31m · 2026")
        room.problems.append("a [red]problem[/red]")
        app.screen.update_picture()
        await pilot.pause()
        assert any("a [red]problem[/red]" in str(n.message) for n in app._notifications)


async def test_the_room_view_in_dutch(bank, folder, room_app):
    save_individuals(bank, folder)
    app = room_app("nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = shown(app.screen)
        assert "Hoe ver elk onderdeel is" in text and "verschil" in text
        assert "Scan om mee te doen" in str(app.screen.query_one("#join-title").render())


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
def test_snapshot_room_view(snap_compare, bank, folder, room_app, size):
    save_individuals(bank, folder)
    assert snap_compare(room_app(), terminal_size=size)


async def test_p_saves_the_room_view_as_a_picture_beside_the_teams_report(
    bank, folder, room_app
):
    save_individuals(bank, folder)
    app = room_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
    picture = folder.path / "team-data-2026-charts" / "screen-room.svg"
    text = picture.read_text(encoding="utf-8").replace("&#160;", " ")
    assert text.startswith("<svg") and "joined" in text
