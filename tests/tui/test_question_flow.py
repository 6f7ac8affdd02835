"""The whole workshop flow by key presses, with the result file checked on disk after each step."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from innoscan.content.loader import load_bank
from innoscan.store.result import load_result
from innoscan.tui.factory import make_app
from innoscan.tui.screens.question import QuestionScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.review import ReviewScreen

SIZE = (80, 24)
HERE = Path(__file__).parent


def current(app):
    return app.screen.question.id


async def page_to(pilot, question_id):
    """PageDown until `question_id` is on screen (after yes on products, so it applies)."""
    await pilot.press("y", "pagedown")
    while current(pilot.app) != question_id:
        await pilot.press("pagedown")


async def test_digits_y_n_and_pagedown_answer_and_save(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        assert current(app) == "activity.products"
        await pilot.press("y")
        assert on_disk().answers == {"activity.products": "yes"}
        await pilot.press("pagedown")
        assert current(app) == "activity.services"
        await pilot.press("3")  # the third option shown: don't know
        assert on_disk().answers["activity.services"] == "dont_know"
        await pilot.press("enter")  # Enter on a choice goes on
        assert current(app) == "activity.processes"
        await pilot.press("pageup", "pageup")
        assert current(app) == "activity.products"
        await pilot.press("n")  # change an answer
        assert on_disk().answers["activity.products"] == "no"


async def test_multiple_choice_toggles_and_respects_the_limit(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await page_to(pilot, "activity.initiators")
        await pilot.press("1", "2", "3")
        assert on_disk().answers["activity.initiators"] == [
            "employees",
            "manager",
            "top_management",
        ]
        await pilot.press("4")  # a fourth is refused: at most three
        assert on_disk().answers["activity.initiators"] == [
            "employees",
            "manager",
            "top_management",
        ]
        await pilot.press("2")  # toggles off
        assert on_disk().answers["activity.initiators"] == ["employees", "top_management"]
        await pilot.press("down", "down", "space")  # from option 2 to option 4
        assert on_disk().answers["activity.initiators"] == [
            "employees",
            "top_management",
            "politics",
        ]


async def test_pagedown_works_from_the_notes_and_notes_are_saved(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#notes")
        await pilot.press(*"Kaart 1 en 2")
        assert on_disk().notes == {"activity.products": "Kaart 1 en 2"}
        assert "activity.products" not in on_disk().answers  # digits typed text, picked nothing
        await pilot.press("pagedown")
        assert current(app) == "activity.services"


async def test_number_field_rejects_non_numbers_visibly(folder):
    mini = load_bank(HERE.parent / "fixtures" / "mini_bank")  # the built-in bank has no number
    app = make_app(mini, "en", folder, team="Team Data", year=2026)

    def on_disk():
        return load_result(folder.path_for("Team Data", 2026), mini).result

    async with app.run_test(size=SIZE) as pilot:
        await page_to(pilot, "beta.count")
        await pilot.press("a", "b")
        problem = str(app.screen.query_one("#problem").render())
        assert "'ab' is not a number" in problem
        assert "beta.count" not in on_disk().answers
        await pilot.press("backspace", "backspace", *"1,000")  # a thousand, or one?
        problem = str(app.screen.query_one("#problem").render())
        assert "'1,000' could mean a thousand or a decimal" in problem
        assert "beta.count" not in on_disk().answers  # not the "1" typed on the way
        await pilot.press(*["backspace"] * 5, "1", "2")
        assert on_disk().answers["beta.count"] == 12
        assert str(app.screen.query_one("#problem").render()) == ""


async def by_overview(pilot, question_id):
    """F2, the question in the overview, Enter: on the question screen at `question_id`."""
    await pilot.press("f2")
    listing = pilot.app.screen.query_one("#overview-list")
    listing.highlighted = listing.get_option_index(question_id)
    await pilot.press("enter")
    await pilot.pause()


async def test_overview_jumps_to_any_question(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await by_overview(pilot, "climate.failures_open")
        assert isinstance(app.screen, QuestionScreen)
        assert current(app) == "climate.failures_open"
        await pilot.press("5")
        assert on_disk().answers == {"climate.failures_open": 5}


async def test_the_overview_marks_a_multiple_choice_answer(team_app, on_disk):
    """A list answer (multiple choice) is marked answered, as any other (it crashed F2)."""
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await by_overview(pilot, "collaboration.partners")
        await pilot.press("1", "f2")
        await pilot.pause()
        listing = app.screen.query_one("#overview-list")
        line = str(listing.get_option("collaboration.partners").prompt)
        assert on_disk().answers["collaboration.partners"] and line.startswith(" ✓")


async def test_quit_and_resume_at_first_open_question(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "pagedown", "n", "pagedown", "y", "pagedown")
        await pilot.press("ctrl+q")
    assert on_disk().answers == {
        "activity.products": "no",
        "activity.services": "no",
        "activity.processes": "yes",
    }
    again = team_app()
    async with again.run_test(size=SIZE):
        assert current(again) == "activity.interaction"


async def test_whole_questionnaire_by_keys_then_review_finish_and_results(
    team_app, on_disk, folder
):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        steps = 0
        while isinstance(app.screen, QuestionScreen):
            q = app.screen.session.bank.question(current(app))
            if q.kind == "number":
                await pilot.press("4")
            elif q.kind == "text":
                await pilot.press(*"ok")
            elif q.id != "leadership.vision":  # leave one open for the review
                await pilot.press("1")
            await pilot.press("pagedown")
            steps += 1
            assert steps < 80
        assert isinstance(app.screen, ReviewScreen)
        assert "1 of the" in str(app.screen.query_one("#review-message").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await app.workers.wait_for_complete()  # the report is written in a thread
    result = on_disk()
    assert result.meta.status == "complete"
    assert "leadership.vision" not in result.answers
    assert len(result.answers) == steps - 1
    report = folder.path_for("Team Data", 2026).with_suffix(".md")
    assert report.read_text(encoding="utf-8").startswith("# Innovation scan: Team Data")


async def test_review_offers_each_open_question(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        listing = app.screen.query_one("#overview-list")
        # the last question asked of a team with nothing answered yet (the obstacle of its
        # innovations is asked once there are any)
        listing.highlighted = listing.get_option_index("last_mile.rules_room")
        await pilot.press("enter", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("tab")
        await pilot.press("enter")  # the first open question: products
        await pilot.pause()
        assert current(app) == "activity.products"
        assert on_disk().meta.status == "in-progress"


def test_a_crash_between_two_answers_loses_neither(tmp_path):
    """A real process answers two questions and is killed (SIGKILL) before the third."""
    script = textwrap.dedent(
        """
        import asyncio, os, signal
        from innoscan.content.loader import load_bank
        from innoscan.tui.factory import make_app

        async def main():
            app = make_app(load_bank(), "en", "innoscan-results", team="Team Data", year=2026)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press("y", "pagedown", "n", "pagedown")
                os.kill(os.getpid(), signal.SIGKILL)

        asyncio.run(main())
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, timeout=120)
    assert proc.returncode == -9
    saved = (tmp_path / "innoscan-results" / "team-data-2026.toml").read_text(encoding="utf-8")
    assert '"activity.products" = "yes"' in saved and '"activity.services" = "no"' in saved
    leftovers = [
        p.name for p in (tmp_path / "innoscan-results").iterdir() if p.name.startswith(".")
    ]
    assert leftovers == []
    resumed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from innoscan.content.loader import load_bank\n"
            "from innoscan.store.session import ResultsFolder, Session\n"
            "s = Session.open(load_bank(), ResultsFolder('innoscan-results'), 'Team Data', 2026, 'en')\n"
            "print(s.first_unanswered().id)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert resumed.stdout.strip() == "activity.processes"


async def test_in_the_browser_next_and_back_are_buttons_to_tap(team_app, on_disk, monkeypatch):
    monkeypatch.setattr(type(team_app()), "is_web", property(lambda self: True))
    app = team_app()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.press("1")
        await pilot.click("#nav-next")
        await pilot.pause()
        assert current(app) == "activity.services"
        await pilot.click("#nav-previous")
        await pilot.pause()
        assert current(app) == "activity.products"
    assert on_disk().answers == {"activity.products": "yes"}


async def test_in_a_terminal_there_are_no_navigation_buttons(team_app):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#nav").display
