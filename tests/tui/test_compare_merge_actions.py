"""The compare and merge screens, and actions on the results screen, by Pilot."""

from __future__ import annotations

from answer_sets import STRONG, STRUGGLING
from textual.widgets import Select, Static

from innoscan.store.result import Action, Result, load_result
from innoscan.tui.factory import make_app
from innoscan.tui.screens.compare import CompareScreen
from innoscan.tui.screens.merge import MergeScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.widgets.answers import ChoiceAnswer

SIZE = (80, 24)


def save(bank, folder, year, answers, **meta):
    folder.path.mkdir(exist_ok=True)
    result = Result.new(bank, "Team Data", year, "en", **meta)
    result.answers.update(answers)
    respondent = meta.get("respondent")
    path = folder.path_for(
        "Team Data", year, respondent if meta.get("mode") == "individual" else None
    )
    result.save(path)
    return path


async def open_actions(app, pilot, folder) -> None:
    """The results of Team Data 2026, at the Actions tab."""
    app.open_results(folder.path_for("Team Data", 2026))
    await pilot.pause()
    app.screen.query_one("#tabs").active = "tab-actions"
    await pilot.pause()


async def test_compare_two_years_from_the_start_screen(bank, folder):
    save(bank, folder, 2025, STRUGGLING)
    save(bank, folder, 2026, STRONG)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#compare-button").press()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("space", "down", "space")
        app.screen.query_one("#compare-button").press()
        await pilot.pause()
        source = app.screen.query_one("#compare-view").source
        assert "# Comparison: Team Data, 2025-2026" in source
        assert "| Innovation roles and units | 10 | 100 | +90 |" in source
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_merge_five_respondents_and_settle_the_disagreements(bank, folder, on_disk):
    answers = {
        "Ada": {"leadership.vision": 1, "last_mile.owner": "no"},
        "Bo": {"leadership.vision": 5, "last_mile.owner": "yes"},
        "Cas": {"leadership.vision": 4, "last_mile.owner": "no"},
        "Dee": {"leadership.vision": 4, "last_mile.owner": "yes"},
        "Eli": {"leadership.vision": 3, "last_mile.owner": "dont_know"},
    }
    for name, given in answers.items():  # each has an innovation in use: the owner is asked
        given = {"activity.products": "yes", **given}
        save(bank, folder, 2026, given, mode="individual", respondent=name)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#merge-groups").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MergeScreen)
        settle = list(app.screen.query(ChoiceAnswer))
        assert [c.question.id for c in settle] == ["leadership.vision", "last_mile.owner"]
        settle[0].pick(2)  # the team settles on 3: neutral
        settle[1].pick(0)  # and on yes
        await pilot.pause()
        app.screen.query_one("#merge-save").press()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    team = on_disk()
    assert team.answers == {
        "activity.products": "yes",
        "leadership.vision": 3,
        "last_mile.owner": "yes",
    }
    assert team.merge.settled == ["leadership.vision", "last_mile.owner"]
    assert team.meta.respondents == 5 and team.merge.disagreements == [
        "leadership.vision",
        "last_mile.owner",
    ]
    assert "Ada" not in (folder.path_for("Team Data", 2026)).read_text(encoding="utf-8")


async def test_add_an_action_and_follow_up_last_years(bank, folder, on_disk):
    last_year = save(bank, folder, 2025, STRUGGLING)
    result = load_result(last_year, bank).result
    result.actions.append(Action(target="flag:no_owner", what="Name an owner", who="Ada"))
    result.save(last_year)
    save(bank, folder, 2026, STRUGGLING)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(app, pilot, folder)
        app.screen.query_one("#action-target").value = "flag:no_owner"
        app.screen.query_one("#action-what").value = "Owner in the pilot plan"
        app.screen.query_one("#action-who").value = "Bo"
        app.screen.query_one("#action-by").value = "2027-01-31"
        app.screen.query_one("#action-add").press()
        await pilot.pause()
        app.screen.query_one("#earlier-0").value = "done"
        await pilot.pause()
    now = on_disk(year=2026)
    assert [a.model_dump() for a in now.actions] == [
        {
            "target": "flag:no_owner",
            "what": "Owner in the pilot plan",
            "who": "Bo",
            "by": "2027-01-31",
            "status": "open",
        }
    ]
    assert load_result(last_year, bank).result.actions[0].status == "done"


async def test_adding_an_action_without_its_for_is_a_message_not_a_traceback(bank, folder):
    """Issue 14, item 6: an unchosen Select holds Select.NULL in Textual 8, not a target."""
    save(bank, folder, 2026, STRUGGLING, status="complete")
    app = make_app(bank, "en", folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(app, pilot, folder)
        assert app.screen.query_one("#action-target", Select).is_blank()
        app.screen.query_one("#action-what").value = "Owner in the pilot plan"
        app.screen.query_one("#action-add").press()
        await pilot.pause()
        problem = str(app.screen.query_one("#action-problem", Static).render())
        assert problem == "Choose what for and describe the action."
        assert app.screen.query_one("#action-what").value == "Owner in the pilot plan"  # kept
    assert app.return_code in (0, None)
    assert load_result(folder.path_for("Team Data", 2026), bank).result.actions == []


async def test_an_action_longer_than_a_result_keeps_is_a_message_not_a_crash(bank, folder):
    """A pasted text of 20,001 characters in *who* ended the app with exit 1 (a
    ValidationError): now the form says why, and nothing is kept."""
    save(bank, folder, 2026, STRUGGLING, status="complete")
    app = make_app(bank, "en", folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(app, pilot, folder)
        app.screen.query_one("#action-target").value = "flag:no_owner"
        app.screen.query_one("#action-what").value = "Owner in the pilot plan"
        app.screen.query_one("#action-who").value = "x" * 20_001
        app.screen.query_one("#action-add").press()
        await pilot.pause()
        problem = str(app.screen.query_one("#action-problem", Static).render())
        assert "20,001 characters" in problem and "not kept" in problem
    assert app.return_code in (0, None)
    assert load_result(folder.path_for("Team Data", 2026), bank).result.actions == []
