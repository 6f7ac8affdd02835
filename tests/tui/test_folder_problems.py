"""The start screen over a results folder that cannot be listed says so, rather than
showing empty lists (issue 21, item 8)."""

from __future__ import annotations

from unreadable import unreadable

from innoscan.tui.factory import make_app

SIZE = (80, 24)


async def test_a_results_folder_that_cannot_be_listed_is_named_on_the_start_screen(
    bank, folder, monkeypatch
):
    folder.path.mkdir()
    unreadable(monkeypatch, folder.path)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE):
        problems = [str(s.render()) for s in app.screen.query(".problem")]
    assert problems == ["innoscan-results: cannot be listed (Permission denied)"]


async def test_a_picture_is_never_written_through_a_charts_folder_that_is_a_link(
    bank, folder, tmp_path
):
    """`p` saves the screen beside the report's charts: never where a link points."""
    folder.path.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    charts = folder.path / "team-data-2026-charts"
    charts.symlink_to(elsewhere, target_is_directory=True)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.save_picture(folder.path / "team-data-2026.toml", "Team Data", "screen-scores")
        await pilot.pause()
        told = [n.message for n in app._notifications]
    assert told == [f"{charts}: is a symbolic link: innoscan never writes through one"]
    assert list(elsewhere.iterdir()) == []
