"""Pictures of the main screens at 80x24, each after a short Pilot script (fixed dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from answer_sets import STRUGGLING

from innoscan.store.result import Result
from innoscan.tui.factory import make_app

SIZE = (80, 24)


@pytest.fixture
def app_at(bank, folder):
    def make(team: str | None = None, lang: str = "en"):
        if team is None:
            app = make_app(bank, lang, folder)
        else:
            app = make_app(bank, lang, folder, team=team, year=2026)
        app.today = date(2026, 3, 12)
        # a notice stays 5 s; a loaded machine may take longer to reach the picture, so
        # here it stays: whether a picture showed "now 59 questions" depended on the load
        app.NOTIFICATION_TIMEOUT = 3600
        return app

    return make


@pytest.fixture
def finished(bank, folder):
    """A complete result of a struggling team, saved in the folder."""
    folder.path.mkdir(exist_ok=True)
    result = Result.new(bank, "Team Data", 2026, "en", organisation="Kadaster")
    result.meta.created = result.meta.updated = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
    result.meta.status = "complete"
    result.answers.update(STRUGGLING)
    path = folder.path_for("Team Data", 2026)
    result.save(path)
    return path


def test_start_screen(snap_compare, app_at):
    assert snap_compare(app_at(), terminal_size=SIZE)


def test_start_screen_f6_in_the_assessments_in_progress(
    snap_compare, app_at, bank, folder, finished
):
    doing = Result.new(bank, "Team Zaak", 2026, "en")
    doing.answers["activity.products"] = "yes"
    doing.save(folder.path_for("Team Zaak", 2026))

    async def go(pilot):
        await pilot.press("f6")
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(app_at(), terminal_size=SIZE, run_before=go)


def test_question_likert_in_dutch(snap_compare, app_at):
    async def go(pilot):
        await pilot.press("f2")
        listing = pilot.app.screen.query_one("#overview-list")
        listing.highlighted = listing.get_option_index("leadership.vision")
        await pilot.press("enter", "4")

    assert snap_compare(app_at("Team Data", "nl"), terminal_size=SIZE, run_before=go)


def test_question_multiple_choice(snap_compare, app_at):
    async def go(pilot):
        # to the initiators of the latest innovation (question 7: up to three choices)
        await pilot.press("y", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.press("pagedown", "1", "3")

    assert snap_compare(app_at("Team Data"), terminal_size=SIZE, run_before=go)


def test_overview(snap_compare, app_at):
    async def go(pilot):
        await pilot.press("y", "pagedown", "n", "pagedown", "f2")

    assert snap_compare(app_at("Team Data"), terminal_size=SIZE, run_before=go)


def test_results_scores(snap_compare, app_at, finished):
    async def go(pilot):
        pilot.app.open_results(finished)
        await pilot.pause()

    assert snap_compare(app_at(), terminal_size=SIZE, run_before=go)


def test_results_risk_opened(snap_compare, app_at, finished):
    async def go(pilot):
        pilot.app.open_results(finished)
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.click("#tab-risks CollapsibleTitle")

    assert snap_compare(app_at(), terminal_size=SIZE, run_before=go)


PHONE = (40, 32)


def test_a_participant_on_a_phone_names_themselves_and_sees_the_narrow_question(
    snap_compare, bank, folder
):
    app = make_app(
        bank, "en", folder, team="Team Data", year=2026, mode="individual", participant="p-1"
    )

    async def go(pilot):
        await pilot.press(*"Ann", "enter")
        await pilot.pause()
        await pilot.press("2")

    assert snap_compare(app, terminal_size=PHONE, run_before=go)
