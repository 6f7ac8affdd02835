"""The start screen, help, language, and the small-terminal notice."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console

from innoscan.store.result import Result, load_result
from innoscan.tui.factory import make_app
from innoscan.tui.screens.help import HelpScreen
from innoscan.tui.screens.question import QuestionScreen
from innoscan.tui.screens.results import ResultsScreen
from innoscan.tui.screens.start import StartScreen
from innoscan.tui.screens.too_small import TooSmallScreen

SIZE = (80, 24)


async def test_start_a_new_assessment_from_the_start_screen(bank, folder, on_disk):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press(*"Team Data")
        await pilot.press("tab", *"Kadaster")
        await pilot.click("#lang-nl")
        await pilot.click("#start-button")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.lang == "nl"
    saved = on_disk()
    assert (saved.meta.team, saved.meta.organisation, saved.meta.language) == (
        "Team Data",
        "Kadaster",
        "nl",
    )
    assert saved.meta.year == date.today().year or saved.meta.year == 2026


async def test_the_kind_of_organisation_is_chosen_on_the_start_screen(bank, folder, on_disk):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Team Data")
        app.screen.query_one("#org-type").value = "executive_agency"
        await pilot.click("#start-button")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert on_disk().meta.org_type == "executive_agency"


async def test_start_needs_a_team_name(bank, folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)
        assert "Enter a team name" in str(app.screen.query_one("#start-problem").render())
    assert not folder.path.exists() or not list(folder.path.glob("*.toml"))


async def test_individual_respondent_gets_an_own_private_file(bank, folder):
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Team Data")
        await pilot.click("#mode-individual")
        await pilot.click("#respondent")
        await pilot.press(*"Ada", "enter")  # the Start button is below the fold at 80x24
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        files = list(folder.path.glob("*.toml"))
        assert [f.name for f in files] == [f"team-data-{date.today().year}.individual-ada.toml"]
        assert files[0].stat().st_mode & 0o777 == 0o600
    # quitting without a single answer leaves nothing that would count in a merge
    assert list(folder.path.glob("*.toml")) == []


async def test_resume_and_open_from_the_lists_and_unreadable_files_are_named(
    bank, folder, doing_and_done
):
    broken = folder.path / "broken-2026.toml"
    broken.write_text("schema_version = [", encoding="utf-8")
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        problems = [str(s.render()) for s in app.screen.query(".problem")]
        assert any("broken-2026.toml" in p and "not valid TOML" in p for p in problems)
    async with make_app(bank, "nl", folder).run_test(size=SIZE) as pilot:  # the line in Dutch
        problems = [str(s.render()) for s in pilot.app.screen.query(".problem")]
        assert any("broken-2026.toml: geen geldige TOML" in p for p in problems)
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#resume").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.question.id == "activity.services"
    assert broken.read_text(encoding="utf-8") == "schema_version = ["
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#finished").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_unwritable_results_folder_is_reported_before_answering(bank, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = make_app(bank, "en", blocker)
    async with app.run_test(size=SIZE) as pilot:
        notice = str(app.screen.query_one("#folder-problem").render())
        assert str(blocker) in notice and "Warning" in notice
        await pilot.press(*"Team Data", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_f1_help_lists_the_keys_of_the_screen(team_app):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("Markdown").source
        assert "PgDn" in text and "Overview" in text and "F1" in text
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)


async def test_f1_help_in_dutch_describes_textuals_own_keys_in_dutch_too(team_app):
    app = team_app(lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        text = app.screen.query_one("Markdown").source
        assert "| `PgDn` | Volgende |" in text and "| `j/n` | Ja/nee |" in text
        assert "| `tab` | Volgend veld |" in text and "| `^p` | Opdrachten |" in text
        assert "Focus" not in text and "palette" not in text


def test_every_binding_of_innoscan_has_an_id_with_words():
    import importlib
    import pkgutil

    import innoscan.tui
    from innoscan.locales import has_word

    names = [m.name for m in pkgutil.walk_packages(innoscan.tui.__path__, "innoscan.tui.")]
    modules = [importlib.import_module(name) for name in names]
    classes = {c for m in modules for c in vars(m).values() if isinstance(c, type)}
    ours = [c for c in classes if c.__module__.startswith("innoscan.") and "BINDINGS" in vars(c)]
    bindings = [b for c in ours for b in c.BINDINGS]
    assert len(bindings) > 10
    missing = [b for b in bindings if b.id is None or not has_word(f"key.{b.id}")]
    assert not missing


async def test_language_switch_from_the_command_palette(team_app):
    app = team_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Language")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.lang == "nl"
        assert "Heeft jullie team" in str(app.screen.query_one("#question-title").render())


async def test_a_terminal_too_small_gets_a_notice(team_app):
    app = team_app()
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "too small (50×15)" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_usable_at_60x20(team_app, on_disk):
    app = team_app()
    async with app.run_test(size=(60, 20)) as pilot:
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("y", "pagedown", "1")
        assert on_disk().answers == {"activity.products": "yes", "activity.services": "yes"}


async def test_results_show_the_change_since_last_year_and_export(bank, folder):
    from answer_sets import STRONG, STRUGGLING

    folder.path.mkdir()
    for year, answers in ((2025, STRUGGLING), (2026, STRONG)):
        result = Result.new(bank, "Team Data", year, "en")
        result.meta.status = "complete"
        result.answers.update(answers)
        result.save(folder.path_for("Team Data", year))
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.open_results(folder.path_for("Team Data", 2026))
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        titles = [str(s.render()) for s in app.screen.query(".subtitle")]
        assert "Change since 2025" in titles
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#change").content)
        change = console.export_text()
        # leadership went from 18.6 to 86.1 (+67.5, shown +68)
        assert "19  →  86   +68" in change
        exports = [c.title for c in app.get_system_commands(app.screen) if "Export" in c.title]
        assert exports == [  # from the registry; toml is the result file itself
            "Export report: Markdown, with charts beside it (.md)",
            "Export report: JSON, for scripts (.json)",
            "Export report: Word, with charts (.docx)",
        ]
        await pilot.press("e", "p")  # the report (its charts drawn in a thread), the screen
        await app.workers.wait_for_complete()
        await pilot.pause()
    report = folder.path_for("Team Data", 2026).with_suffix(".md")
    assert report.read_text(encoding="utf-8").startswith("# Innovation scan: Team Data")
    charts = report.with_name(f"{report.stem}-charts")
    assert (charts / "profile.png").is_file() and "profile.png" in report.read_text(encoding="utf-8")
    picture = (charts / "screen-scores.svg").read_text(encoding="utf-8")
    assert picture.startswith("<svg") and "Team Data" in picture.replace("&#160;", " ")


async def test_a_participant_gives_a_name_and_answers_in_a_private_file_of_their_own(bank, folder):
    app = make_app(
        bank, "en", folder, team="Team Data", year=2026, mode="individual", participant="p-7"
    )
    async with app.run_test(size=(40, 30)) as pilot:
        assert app.screen.has_class("-narrow")
        await pilot.press(*"Bo", "enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
    path = folder.path_for("Team Data", 2026, "p-7")
    saved = load_result(path, bank).result
    assert saved.meta.respondent == "Bo" and saved.meta.mode == "individual"
    assert saved.answers == {"activity.products": "yes"}
    assert path.stat().st_mode & 0o077 == 0

    again = make_app(
        bank, "en", folder, team="Team Data", year=2026, mode="individual", participant="p-7"
    )
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.screen.question.id == "activity.services"  # no name asked again
        assert not again.screen.has_class("-narrow")


async def test_switching_language_keeps_the_name_a_participant_typed(bank, folder):
    app = make_app(
        bank, "en", folder, team="Team Data", year=2026, mode="individual", participant="p-8"
    )
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press(*"Bea")
        await pilot.click("#lang-nl")
        await pilot.pause()
        assert app.lang == "nl"
        assert app.screen.query_one("#respondent").value == "Bea"
        await pilot.click("#start-button")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
    saved = load_result(folder.path_for("Team Data", 2026, "p-8"), bank).result
    assert saved.meta.respondent == "Bea" and saved.meta.language == "nl"


async def test_the_reference_figures_tab_shows_the_teams_own_kind_first(bank, folder):
    folder.path.mkdir()
    result = Result.new(bank, "Team Data", 2026, "en", org_type="core_ministry")
    result.answers["activity.products"] = "yes"
    result.save(folder.path_for("Team Data", 2026))
    app = make_app(bank, "en", folder)
    async with app.run_test(size=SIZE) as pilot:
        app.open_results(folder.path_for("Team Data", 2026))
        await pilot.pause()
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(app.screen.query(".benchmark").first().content)
        text = console.export_text()
    figures = [line.split("%")[0].split()[-1] for line in text.splitlines() if " % " in line]
    assert figures[0] == "56" and "(your kind of organisation)" in " ".join(text.split())
    assert "Like 56 % of Dutch core ministries (2025), your team put at least" in " ".join(text.split())


async def test_welcome_back_speaks_to_the_team_as_jullie_and_to_one_person_as_je(bank, folder):
    folder.path.mkdir()
    for mode, respondent, said in (("team", "", "jullie"), ("individual", "Anna", "je")):
        details = {"mode": mode, "respondent": respondent} if respondent else {}
        result = Result.new(bank, "Team Data", 2026, "nl", **details)
        result.answers["activity.products"] = "yes"
        result.save(folder.path_for("Team Data", 2026, respondent or None))
        app = make_app(bank, "nl", folder, team="Team Data", year=2026, **details)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            notices = [str(n.message) for n in app._notifications]
        assert f"Welkom terug: {said} antwoorden tot nu toe staan er nog." in notices
