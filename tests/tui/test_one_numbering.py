"""One number per question: the header, the overview (F2) and the review ("Almost done")
agree; the header says what it counts; a change in the total is said once, with why."""

from __future__ import annotations

import re

from textual.widgets import OptionList, Static

from innoscan.tui.screens.question import QuestionScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.review import ReviewScreen

SIZE = (100, 30)


def header(app) -> tuple[str, str]:
    screen = app.screen
    return str(screen.query_one("#place", Static).render()), str(
        screen.query_one("#whole", Static).render()
    )


def listed_number(app, question_id: str, list_id: str) -> int:
    listing = app.screen.query_one(list_id, OptionList)
    prompt = str(listing.get_option(question_id).prompt)
    return int(re.search(r"(\d+)\.", prompt).group(1))


async def test_header_overview_and_review_give_a_question_the_same_number(team_app):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        place, whole = header(app)
        assert re.fullmatch(r"Section 1 of \d+ · question 1 of \d+ · Innovation activity", place)
        assert re.fullmatch(r"1 of \d+ in all", whole)
        await pilot.press("y", *["pagedown"] * 16)  # past the conditional questions
        place, whole = header(app)
        number = int(whole.split()[0])
        shown = app.screen.question.id
        assert number == 17 and not place.startswith("Section 1 ")
        await pilot.press("f2")
        assert listed_number(app, shown, "#overview-list") == number
        listing = app.screen.query_one("#overview-list", OptionList)
        listing.highlighted = listing.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        last = app.screen.question.id
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert listed_number(app, shown, "#missing") == number
        assert last  # the review lists the open questions by the header's numbers


async def test_the_total_changes_once_with_a_word_why(team_app):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        before = int(header(app)[1].split()[2])
        await pilot.press("y")
        await pilot.pause()
        after = int(header(app)[1].split()[2])
        assert after > before
        said = [n.message for n in app._notifications if "Because of this answer" in n.message]
        assert said == [
            f"Because of this answer the scan now has {after} questions instead of {before}."
        ]
        await pilot.press("pagedown", "y", "pagedown")  # another yes: nothing more to say
        await pilot.pause()
        said = [n.message for n in app._notifications if "Because of this answer" in n.message]
        assert len(said) == 1


async def test_enter_on_an_untouched_question_does_not_answer_it(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.question.id == "activity.services"
        assert on_disk().answers == {}
        await pilot.press("down", "enter")  # moved to an option: Enter picks it
        await pilot.pause()
        assert on_disk().answers == {"activity.services": "yes"}


async def test_the_results_footer_names_the_tabs_shown(team_app):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ResultsScreen(app.screen.session, app.folder))
        await pilot.pause()
        tabs = len(app.screen.query("TabPane"))
        displays = [
            b.binding.key_display for b in app.screen.active_bindings.values() if b.binding.show
        ]
        assert f"1-{tabs}" in displays, displays
        assert "1-5" not in displays or tabs == 5
