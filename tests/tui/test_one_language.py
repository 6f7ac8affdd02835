"""An explicit --lang wins over the language a result records, for everything shown."""

from __future__ import annotations

from textual.widgets import Static

from innoscan.tui.factory import make_app

SIZE = (100, 30)
ENGLISH = ("Section", "question", "Next", "Overview", "In the last two years")


async def test_an_explicit_lang_shows_an_english_result_in_dutch(bank, folder, team_app):
    async with team_app(lang="en").run_test(size=SIZE) as pilot:
        await pilot.press("y", "pagedown")
    app = make_app(bank, "nl", folder, team="Team Data", year=2026, lang_given=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.lang == "nl"
        screen = app.screen
        shown = " ".join(
            str(screen.query_one(f"#{name}", Static).render())
            for name in ("place", "whole", "question-title")
        )
        footer = " ".join(b.binding.description for b in screen.active_bindings.values())
        assert shown.startswith("Deel 1 van")
        assert [w for w in ENGLISH if w in shown or w in footer] == []
        assert screen.session.result.meta.language == "en"  # the result keeps its language
