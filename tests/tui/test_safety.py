"""Issue 14 in the TUI: a hostile team name is shown inert. (Elsewhere: the conflict's rescue
copy in test_reliability.py, an action without its "For" in test_compare_merge_actions.py.)"""

from __future__ import annotations

from textual.widgets import OptionList

from innoscan.store.result import Result
from innoscan.tui.factory import make_app
from innoscan.tui.screens.start import StartScreen

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
