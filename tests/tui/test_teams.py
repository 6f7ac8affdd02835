"""The overview of the results folder in the TUI: from the start screen, a row per team,
Enter opens that team's results read-only, Esc comes back."""

from __future__ import annotations

from overview_folder import make_folder
from textual.widgets import DataTable, Markdown, Static

from innoscan.tui.factory import make_app
from innoscan.tui.screens.start import StartScreen
from innoscan.tui.screens.teams import TeamResultsScreen, TeamsScreen

SIZE = (100, 30)


def contents(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


async def test_the_start_screen_offers_the_teams_and_a_row_opens_a_teams_results(bank, tmp_path):
    folder = make_folder(bank, tmp_path / "results")
    before = contents(folder)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, TeamsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 16  # the latest year, subfolders too, no individual files
        assert [str(table.get_row_at(n)[0]) for n in (0, 15)] == ["Team 03", "Team 18"]
        assert [str(cell) for cell in table.get_row_at(2)[:6]] == [
            "Team 05", "18", "+0", "absent", "absent", "absent"
        ]  # fmt: skip
        summary = app.screen.query_one("#teams-summary", Markdown).source
        assert "## The organisation" in summary and "## Teams in 2026" not in summary
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TeamResultsScreen)
        assert app.screen.session.result.meta.team == "Team 05"
        assert app.screen.session.read_only and app.screen.session.lock is None
        await pilot.press("escape")
        assert isinstance(app.screen, TeamsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
    assert contents(folder) == before  # read, never written


async def test_a_folder_without_a_team_result_says_so(bank, folder):
    folder.path.mkdir()
    (folder.path / "broken-2026.toml").write_text("[meta", encoding="utf-8")
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        problem = str(app.screen.query_one("#teams-problem", Static).render())
        assert "no usable team result" in problem and "1 file(s) left out" in problem
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
