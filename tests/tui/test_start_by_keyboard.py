"""The start screen with keys only, and readable without colour (NO_COLOR keeps the characters
and text styles: bold, underline, reverse; it takes the colours)."""

from __future__ import annotations

import pytest

from innoscan.tui.factory import make_app
from innoscan.tui.screens.question import QuestionScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.start import StartScreen

SIZE = (80, 24)


def footer(app) -> list[str]:
    return [f"{key.key_display} {key.description}" for key in app.screen.query("FooterKey")]


def without_colour(app) -> list[str]:
    """The screen as NO_COLOR shows it: each row's characters, then a letter per cell for its
    text style (R reverse, U underline, B bold)."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        text, marks = "", ""
        for segment in strip:
            style = segment.style
            mark = next(
                (
                    m
                    for m, on in (("R", "reverse"), ("U", "underline"), ("B", "bold"))
                    if style is not None and getattr(style, on)
                ),
                " ",
            )
            text += segment.text
            marks += mark * len(segment.text)
        rows.append(text + "|" + marks)
    return rows


async def test_the_footer_names_the_keys_to_start_resume_and_open(bank, folder, doing_and_done):
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


async def test_f6_goes_to_the_assessments_in_progress_and_enter_resumes(
    bank, folder, doing_and_done
):
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
    bank, folder, doing_and_done
):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        assert app.focused.id == "finished"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.active.result.meta.team == "Team Done"


async def test_the_chosen_radio_button_looks_different_without_colour(bank, folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:

        def marks() -> dict[str, str]:
            return {
                button.id: str(button.render())[:3] for button in app.screen.query("RadioButton")
            }

        assert marks() == {
            "lang-nl": "▐ ▌",
            "lang-en": "▐●▌",
            "mode-team": "▐●▌",
            "mode-individual": "▐ ▌",
        }
        app.screen.query_one("#mode").focus()
        await pilot.press("right", "space")
        assert marks()["mode-team"] == "▐ ▌" and marks()["mode-individual"] == "▐●▌"


FOCUSABLE = [
    "team",
    "org",
    "org-type",
    "year",
    "lang",
    "mode",
    "start-button",
    "resume",
    "finished",
]


@pytest.mark.parametrize("widget_id", FOCUSABLE)
async def test_focus_shows_without_colour_on_the_focused_widget(
    bank, folder, doing_and_done, widget_id
):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        widget = app.screen.query_one(f"#{widget_id}")
        widget.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # scrolled to it
        focused = without_colour(app)
        app.screen.set_focus(None)  # nothing focused, nothing scrolled
        await pilot.pause()
        unfocused = without_colour(app)
        changed = [y for y, (a, b) in enumerate(zip(focused, unfocused, strict=True)) if a != b]
        assert changed, f"#{widget_id} in focus looks the same as out of focus without colour"
        top = widget.parent.region.y if "field" in widget.parent.classes else widget.region.y
        assert top <= min(changed) and max(changed) < widget.region.bottom
