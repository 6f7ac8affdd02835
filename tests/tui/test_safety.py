"""Issue 14 in the TUI: a hostile team name is shown inert, a conflict keeps a rescue copy,
an action without its "For" is a message, not a traceback."""

from __future__ import annotations

from textual.widgets import OptionList

from innoscan.store.result import Result, load_result
from innoscan.store.session import Session
from innoscan.tui.app import make_app
from innoscan.tui.screens.start import StartScreen

SIZE = (80, 24)
HOSTILE = "Team \u001b[2J\u001b[5;5H\x1bc\x00"


async def test_the_start_screen_shows_a_team_name_with_escapes_inert(bank, folder):
    folder.path.mkdir()
    result = Result.new(bank, HOSTILE, 2026, "en", respondent="Ann\x1b[31m")
    result.save(folder.path / "hostile-2026.toml")
    app = make_app(bank, "en", folder)
    async with app.run_test(size=(100, 60)) as pilot:  # the whole list on the screen
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        [option] = app.screen.query_one("#resume", OptionList)._options
        shown = str(option.prompt)
        assert "\x1b" not in shown and "\x00" not in shown
        assert "Team \\x1b[2J\\x1b[5;5H\\x1bc\\x00" in shown
        picture = app.export_screenshot()  # what the terminal was sent, as SVG text
        assert "\x1b" not in picture and "\x00" not in picture
        assert "\\x1b[2J" in picture


async def test_a_conflict_keeps_the_answers_given_here_in_a_private_rescue_copy(
    bank, folder, on_disk, monkeypatch
):
    app = make_app(bank, "en", folder, team="Team Data", year=2026)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        elsewhere = Session.open(bank, folder, "Team Data", 2026, "en", lock=True, take_over=True)
        elsewhere.answer(bank.question("activity.services"), "no")
        await pilot.press("pagedown", "1")  # answered here too: kept in a copy, not lost
        await pilot.pause()
        banner = str(app.screen.query_one("#banner").render())
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


async def test_adding_an_action_without_its_for_is_a_message_not_a_traceback(bank, folder):
    from answer_sets import STRUGGLING
    from textual.widgets import Select, Static

    result = Result.new(bank, "Team Data", 2026, "en", status="complete")
    result.answers.update(STRUGGLING)
    folder.path.mkdir()
    result.save(folder.path_for("Team Data", 2026))
    app = make_app(bank, "en", folder)
    async with app.run_test(size=(100, 40)) as pilot:
        app.open_results(folder.path_for("Team Data", 2026))
        await pilot.pause()
        app.screen.query_one("#tabs").active = "tab-actions"
        await pilot.pause()
        assert app.screen.query_one("#action-target", Select).is_blank()
        app.screen.query_one("#action-what").value = "Owner in the pilot plan"
        app.screen.query_one("#action-add").press()
        await pilot.pause()
        problem = str(app.screen.query_one("#action-problem", Static).render())
        assert problem == "Choose what for and describe the action."
        assert app.screen.query_one("#action-what").value == "Owner in the pilot plan"  # kept
    assert app.return_code in (0, None)
    assert load_result(folder.path_for("Team Data", 2026), bank).result.actions == []
