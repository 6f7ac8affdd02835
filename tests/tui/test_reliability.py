"""The TUI when another process has the result, and when saving fails."""

from __future__ import annotations

from test_lock import other_process_lock

from innoscan.store.result import load_result
from innoscan.store.session import Session
from innoscan.tui.factory import make_app
from innoscan.tui.screens.dialogs import LockedScreen
from innoscan.tui.screens.question import QuestionScreen

SIZE = (80, 24)


async def test_a_locked_result_offers_read_only(bank, folder):
    Session.open(bank, folder, "Team Data", 2026, "en").close()
    path = folder.path_for("Team Data", 2026)
    other_process_lock(path)
    before = path.read_bytes()
    app = make_app(bank, "en", folder, team="Team Data", year=2026)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        assert "process 1 on" in str(app.screen.query_one("#dialog").query("Static")[1].render())
        await pilot.press("enter")  # Open read-only is focused
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "READ-ONLY" in str(app.screen.query_one("#banner").render())
        await pilot.press("1", "y")
    assert path.read_bytes() == before


async def test_a_failed_save_shows_at_once_and_is_retried(bank, folder, tmp_path, on_disk):
    app = make_app(bank, "en", folder, team="Team Data", year=2026)
    app.RETRY_EVERY = 0.2
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        folder.path.rename(tmp_path / "away")
        await pilot.press("pagedown", "n")
        banner = str(app.screen.query_one("#banner").render())
        assert "NOT SAVED" in banner and "retries" in banner
        (tmp_path / "away").rename(folder.path)
        await pilot.pause(0.5)
        assert "activity.services" in on_disk().answers
        assert not app.screen.query_one("#banner").has_class("shown")


async def test_a_result_opened_again_elsewhere_stops_saving_here_and_says_so(
    bank, folder, on_disk, monkeypatch
):
    """...and keeps what was answered here in a private rescue copy in the results folder."""
    app = make_app(bank, "en", folder, team="Team Data", year=2026)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        elsewhere = Session.open(bank, folder, "Team Data", 2026, "en", lock=True, take_over=True)
        elsewhere.answer(bank.question("activity.services"), "no")
        await pilot.press("pagedown", "1")  # answered here too: must not overwrite
        await pilot.pause()
        banner = str(app.screen.query_one("#banner").render())
        assert "OPENED ELSEWHERE" in banner
        assert app.screen.query_one("#answer").disabled
        monkeypatch.setattr(type(app), "is_web", property(lambda _: True))
        app.screen.update_banner()  # in a browser: the copy's name, never the server's path
        in_browser = str(app.screen.query_one("#banner").render())
    assert on_disk().answers == {"activity.products": "yes", "activity.services": "no"}
    [copy] = folder.path.glob("unsaved_team-data-2026_*.toml")
    assert str(copy) in banner.replace("\n", "")
    assert copy.name in in_browser and "/" not in in_browser
    assert load_result(copy, bank).result.answers == {
        "activity.products": "yes",
        "activity.services": "yes",
    }
    assert copy.stat().st_mode & 0o777 == 0o600
    assert [e.path.name for e in folder.scan(bank)] == ["team-data-2026.toml"]


async def test_the_lock_dialog_speaks_dutch(bank, folder):
    Session.open(bank, folder, "Team Data", 2026, "nl").close()
    other_process_lock(folder.path_for("Team Data", 2026))
    app = make_app(bank, "nl", folder, team="Team Data", year=2026)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = str(app.screen.query_one("#dialog").query("Static")[1].render())
        assert " op " in body and "geleden nog gezien" in body
