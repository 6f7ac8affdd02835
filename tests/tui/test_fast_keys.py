"""Keys typed faster than the screen follows: each is handled in order, on the question it was
typed on, or visibly refused. And a number field never saves a number that was not typed.
(The same under real terminals and CPU load: tests/harness/fast_keys.py.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual import events

from innoscan.content.loader import load_bank
from innoscan.store.result import load_result
from innoscan.tui.factory import make_app

SIZE = (80, 24)
CHARACTERS = {"enter": "\r", "space": " ", "tab": "\t", "ctrl+j": "\n"}


def burst(app, *keys: str) -> None:
    """Post `keys` all at once, as a terminal delivers keys typed faster than they are shown."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else CHARACTERS.get(key)))


async def settle(pilot, seconds: float = 3.0, at_most: float = 120.0) -> None:
    """`seconds` of quiet: every key posted handled and nothing left in the app's queue for
    that long (a loaded machine takes longer to get there; at most `at_most` seconds)."""
    app, quiet, waited = pilot.app, 0.0, 0.0
    while quiet < seconds and waited < at_most:
        await pilot.pause(0.1)
        waited += 0.1
        busy = app.keys_waiting() or not app._message_queue.empty()
        quiet = 0.0 if busy else quiet + 0.1


def values(app, question_id: str) -> list:
    bank = app.bank
    return bank.question(question_id).choices(bank, "en")[0]


async def test_keys_typed_with_no_pause_land_on_their_own_questions(team_app, on_disk):
    app = team_app()
    # typed before the first question is on screen, and on through eleven questions
    burst(app, "y", "pagedown", "1", "pagedown", "n", "pagedown", "3", "enter")
    burst(app, "a", "b", "c", "backspace", "enter", "2", "enter")
    burst(app, "1", "3", "pagedown", "1", "pagedown", "2", "enter", "down", "enter")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.question.id == "activity.funding"
    result = on_disk()
    assert result.answers == {
        "activity.products": "yes",
        "activity.services": "yes",
        "activity.processes": "no",
        "activity.interaction": "dont_know",
        "activity.latest": "ab",
        "activity.novelty": values(app, "activity.novelty")[1],
        "activity.initiators": [values(app, "activity.initiators")[i] for i in (0, 2)],
        "activity.latest_partners": [values(app, "activity.latest_partners")[0]],
        "activity.value": [values(app, "activity.value")[1]],  # Enter picks nothing here
        # untouched, nothing is highlighted: Down goes to the first option, Enter picks it
        "activity.work_change": values(app, "activity.work_change")[0],
    }
    assert result.notes == {}


MINI = load_bank(Path(__file__).parents[1] / "fixtures" / "mini_bank")  # it has a number
TO_COUNT = ("y", "pagedown", "1", "pagedown", "1", "pagedown", "4", "pagedown", "4", "pagedown")


@pytest.fixture
def mini_app(folder):
    def make():
        return make_app(MINI, "en", folder, team="Team Data", year=2026)

    return make


@pytest.fixture
def mini_on_disk(folder):
    return lambda: load_result(folder.path_for("Team Data", 2026), MINI).result


async def test_keys_typed_while_a_typed_question_comes_up_go_into_its_field(
    mini_app, mini_on_disk
):
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*TO_COUNT, "ctrl+q")
    again = mini_app()  # resumes at the number: its field must take the keys
    burst(again, "7", "pagedown", *"first")
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.screen.question.id == "beta.note"
    assert mini_on_disk().answers["beta.count"] == 7
    assert mini_on_disk().answers["beta.note"] == "first"


async def test_keys_typed_on_from_the_start_screen_land_on_the_first_questions(
    bank, folder, on_disk
):
    app = make_app(bank, "en", folder)
    app.today = date(2026, 3, 12)
    async with app.run_test(size=SIZE) as pilot:
        # Enter starts (a message from the team field to the start screen), then answers
        burst(app, *"Team", "space", *"Data", "enter", "y", "pagedown", "1")
        await settle(pilot)
        assert app.screen.question.id == "activity.services"
    assert on_disk().answers == {"activity.products": "yes", "activity.services": "yes"}


async def test_a_number_out_of_range_is_not_saved_and_keeps_the_team_on_the_question(
    mini_app, mini_on_disk
):
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        bells, notices = [], []
        app.bell = lambda: bells.append(1)
        app.notify = lambda message, **_: notices.append(message)
        await pilot.press(*TO_COUNT)
        assert app.screen.question.id == "beta.count"
        await pilot.press(*"1500")  # at most 1000
        assert "above the maximum 1000" in str(app.screen.query_one("#problem").render())
        assert "beta.count" not in mini_on_disk().answers  # not the 150 typed on the way
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen.question.id == "beta.count"  # refused, and visibly
        assert bells
        assert [n for n in notices if not n.startswith("Because of this answer")] == [
            "Still on this question: 1500 is above the maximum 1000. Correct the answer, or "
            "empty the field to leave it open."
        ]
        await pilot.press("enter", "pageup")
        assert app.screen.question.id == "beta.count"
        assert "beta.count" not in mini_on_disk().answers
        await pilot.press("backspace", "pagedown")
        assert app.screen.question.id == "beta.note"
    assert mini_on_disk().answers["beta.count"] == 150


async def test_a_number_that_is_no_number_leaves_the_answer_there_was(mini_app, mini_on_disk):
    app = mini_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*TO_COUNT, "1", "2", "pagedown", "pageup")
        assert mini_on_disk().answers["beta.count"] == 12
        await pilot.press("backspace", "backspace", *"1e400")  # "1" on the way, then no number
        assert "is not a number" in str(app.screen.query_one("#problem").render())
        assert mini_on_disk().answers["beta.count"] == 12
        await pilot.press("pagedown")
        assert app.screen.question.id == "beta.count"
        await pilot.press("ctrl+q")  # quitting keeps the answer there was, not the "1"
    assert mini_on_disk().answers["beta.count"] == 12


async def test_a_team_name_tab_and_an_organisation_typed_in_a_burst_land_in_their_fields(
    bank, folder
):
    typed = (*"Team A", "tab", *"Org B")
    app = make_app(bank, "en", folder)
    burst(app, *typed)  # while the start screen is still coming up
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 1.0)
        assert app.screen.query_one("#team").value == "Team A"
        assert app.screen.query_one("#org").value == "Org B"
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:  # once it is there: all at once, and pressed
        burst(app, *typed)
        await settle(pilot, 1.0)
        # a field reached by Tab has its text selected: what is typed replaces it
        await pilot.press("tab", "tab", *"2025", "shift+tab", "shift+tab", "shift+tab", "B")
        assert app.screen.query_one("#team").value == "B"
        assert app.screen.query_one("#org").value == "Org B"
        assert app.screen.query_one("#year").value == "2025"


async def test_enter_typed_before_the_terminal_was_taken_over_starts_the_scan(bank, folder):
    """The terminal's line editing turns a Return typed before innoscan took over into a line
    feed, which arrives as Ctrl+J: it is read as the Enter it was."""
    app = make_app(bank, "en", folder)
    burst(app, *"Team A", "ctrl+j")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, 1.5)
        assert type(app.screen).__name__ == "QuestionScreen"
    assert folder.path_for("Team A", date.today().year).exists()


async def test_tab_after_choosing_one_respondent_goes_to_the_name_field_that_choice_shows(
    bank, folder
):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        burst(app, *"Team C", *["tab"] * 5, "right", "space", "tab", *"Ada")
        await settle(pilot, 1.0)
        assert app.screen.query_one("#team").value == "Team C"
        assert app.screen.query_one("#respondent").value == "Ada"
        assert app.focused.id == "respondent"


async def test_the_key_after_choosing_one_respondent_waits_until_the_name_field_has_its_place(
    bank, folder
):
    """Tab goes by the fields' places on screen: a field just shown has none until a refresh
    (in a real terminal the Tab came first, and went to the Start button)."""
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#respondent")
        app.screen.query_one("#mode-individual").value = True  # as Space there does
        await app.screen.ready_for_keys()  # what the next key waits for (tui/keys.py)
        assert field.region.height == 1
