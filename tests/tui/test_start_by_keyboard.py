"""The start screen with keys only."""

from __future__ import annotations

import pytest

from innoscan.store.result import Result
from innoscan.tui.factory import make_app
from innoscan.tui.screens.question import QuestionScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.start import StartScreen

SIZE = (80, 24)


@pytest.fixture
def in_folder(bank, folder):
    """Team Doing 2026 in progress (one answer) and Team Done 2025 finished, in the folder."""
    folder.path.mkdir()
    doing = Result.new(bank, "Team Doing", 2026, "en")
    doing.answers["activity.products"] = "yes"
    doing.save(folder.path_for("Team Doing", 2026))
    done = Result.new(bank, "Team Done", 2025, "en")
    done.meta.status = "complete"
    done.save(folder.path_for("Team Done", 2025))
    return folder


def footer(app) -> list[str]:
    return [f"{key.key_display} {key.description}" for key in app.screen.query("FooterKey")]


async def test_the_footer_names_the_keys_to_start_resume_and_open(bank, folder, in_folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = footer(app)
        assert {"F5 Start", "F6 Resume", "F7 Finished"} <= set(keys)
        assert keys.index("F5 Start") < keys.index("F6 Resume") < keys.index("F7 Finished")
    app = make_app(bank, "nl", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {"F5 Starten", "F6 Verder", "F7 Afgerond"} <= set(footer(app))


async def test_with_nothing_to_resume_or_open_only_start_is_named(bank, folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = footer(app)
        assert "F5 Start" in keys
        assert not [k for k in keys if k.startswith(("F6", "F7"))]
        await pilot.press("f6", "f7")  # nothing happens, nothing breaks
        assert isinstance(app.screen, StartScreen)
        assert app.focused.id == "team"


async def test_f5_starts_from_any_field_of_the_new_assessment(bank, folder, on_disk):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Team Data", "tab", *"Kadaster", "tab", "tab", "tab", "space")
        assert app.focused.id == "lang"  # Nederlands chosen by keys, and no Enter anywhere
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.lang == "nl"
    saved = on_disk("Team Data", app.today.year)
    assert (saved.meta.organisation, saved.meta.language) == ("Kadaster", "nl")


async def test_f5_without_a_team_name_says_so_and_goes_to_the_field(bank, folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "f5")
        assert isinstance(app.screen, StartScreen)
        assert app.focused.id == "team"
        assert "Enter a team name" in str(app.screen.query_one("#start-problem").render())


async def test_f6_goes_to_the_assessments_in_progress_and_enter_resumes(bank, folder, in_folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"typed", "f6")
        assert app.focused.id == "resume"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.active.result.meta.team == "Team Doing"
        assert app.screen.question.id == "activity.services"  # its first open question


async def test_f7_goes_to_the_finished_assessments_and_enter_opens_the_results(
    bank, folder, in_folder
):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        assert app.focused.id == "finished"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.active.result.meta.team == "Team Done"
