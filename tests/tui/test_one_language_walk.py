"""One language per screen (issue 15): every screen of the TUI, walked in each language, shows
no word of the other language: its texts, notices, footer, F1 help and command palette."""

from __future__ import annotations

import io
import re
import time
import tomllib
from pathlib import Path

import pytest
from answer_sets import STRONG, STRUGGLING
from rich.console import Console
from room_files import save_individuals
from textual.widgets import Collapsible, TabPane

from innoscan.assess.merge import merge
from innoscan.locales import word
from innoscan.serve.join import qr_lines
from innoscan.store.lock import LockedError, Owner
from innoscan.store.result import Action, Result, load_result
from innoscan.tui.factory import make_app, make_room_app
from innoscan.tui.screens.dialogs import LockedScreen
from innoscan.tui.screens.review import ReviewScreen
from innoscan.tui.screens.room import Room

SIZE = (120, 48)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "results_2026_1"
OTHER = {"en": "nl", "nl": "en"}
MADE_IN = {"en": "Team Oslo", "nl": "Team Delft"}  # the team whose result is made in a language
# Words of one language that the other does not have, matched as whole words (and with a
# capital first). Not "of", "is", "in", "team", "bank": Dutch has them too.
TELLTALE = {
    "en": [
        "the", "and", "with", "your", "question", "questions", "answer", "answers", "Quit",
        "Help", "Focus", "Next", "Previous", "Back", "Close", "Copy", "Save", "Search",
        "palette", "Welcome", "Section", "Keys", "Theme", "Screenshot", "Maximize", "made",
        "read", "version", "accepted", "scored", "changed", "since", "commands", "matches",
        "citing", "cannot", "written", "elsewhere",
    ],
    "nl": [
        "de", "het", "een", "en", "van", "niet", "je", "jullie", "vraag", "vragen", "antwoord",
        "antwoorden", "Stoppen", "Hulp", "Welkom", "Sectie", "Deel", "Terug", "Sluiten",
        "opslaan", "gemaakt", "versie", "gelezen", "sinds",
    ],
}  # fmt: skip
# Names that are the same in either language: taken out of the text before it is searched.
# The failure patterns of the Instituut voor Briljante Mislukkingen go by their Dutch names
# in both (risks.toml): Walk.leaks adds them from the bank.
PROPER_NOUNS = [
    "Innovatie Barometer Overheid",  # the Dutch survey the bank follows, by its own name
    "Frans van Dongen",  # people the bank cites (a risk's advice)
    "Annemieke de Vries",
]
# The team's own words (answers to text questions, notes, actions) are in whatever language
# the team wrote them: the results made here hold words of neither language.
OWN_WORDS = {"activity.latest": "Braille 3D", "last_mile.obstacle": "CO2"}


def leaks(text: str, lang: str, names: list[str]) -> list[str]:
    """The words of the language other than `lang` in `text`, each with its line; `names`
    left out."""
    for name in names:
        text = text.replace(name, "")
    found = []
    for line in text.splitlines():
        for telltale in TELLTALE[OTHER[lang]]:
            if re.search(rf"\b({telltale}|{telltale.capitalize()})\b", line):
                found.append(f"{telltale!r} in {' '.join(line.split())!r}")
    return found


def screen_text(app) -> str:
    """All the terminal shows now, as the compositor draws it (App.export_screenshot, as text):
    the screen, those below a dialog, the notices, the footer."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    stack = app._background_screens
    console.print(app.screen._compositor.render_update(full=True, screen_stack=stack))
    return console.export_text()


class Walk:
    """What a walk through the app saw: the text of each screen it looked at, by name."""

    def __init__(self, pilot, lang: str) -> None:
        self.pilot, self.lang, self.seen = pilot, lang, {}

    @property
    def app(self):
        return self.pilot.app

    async def look(self, name: str, help: bool = True, palette: bool = False) -> None:
        """The screen as it is, scrolled through; its F1 help; its command palette (looked
        at where its commands differ: the start, a question, results, the room)."""
        self.seen[name] = await self._pages()
        self.app.clear_notifications()  # seen once; they would hide what is below them
        if help:
            await self.pilot.press("f1")
            self.seen[f"{name}, F1"] = await self._pages()
            await self.pilot.press("escape")
        if palette:
            await self.pilot.press("ctrl+p")
            self.seen[f"{name}, command palette"] = await self._pages()
            await self.pilot.press("escape")
        await self.pilot.pause()

    async def search_in_palette(self, name: str, typed: str) -> None:
        """The palette after typing a search that finds nothing."""
        await self.pilot.press("ctrl+p", *typed)
        await self.pilot.pause(0.7)  # the palette says so after half a second
        self.seen[name] = await self._pages()
        await self.pilot.press("escape")

    async def themes(self) -> None:
        """The palette's theme command: the themes to pick from."""
        await self.pilot.press("ctrl+p", *word("tui.theme", self.lang))
        await self.pilot.pause(0.3)  # the palette searches
        await self.pilot.press("enter")
        self.seen["themes"] = await self._pages()
        await self.pilot.press("escape")

    async def _pages(self) -> str:
        """The screen's text at each scroll position of everything shown that scrolls."""
        await self.pilot.pause()
        pages = [screen_text(self.app)]
        for widget in list(self.app.screen._compositor.visible_widgets):
            region = widget.scrollable_content_region
            for axis, step, most, scrolls in (
                ("y", region.height, widget.max_scroll_y, widget.allow_vertical_scroll),
                ("x", region.width, widget.max_scroll_x, widget.allow_horizontal_scroll),
            ):
                for at in range(step, most + step, step) if step and scrolls else ():
                    widget.scroll_to(**{axis: at}, animate=False, immediate=True)
                    await self.pilot.pause()
                    pages.append(screen_text(self.app))
                widget.scroll_to(0, 0, animate=False, immediate=True)
        return "\n".join(pages)

    def leaks(self) -> str:
        """Each word of the other language seen, once, with the first screen it was on."""
        found: dict[str, str] = {}
        names = PROPER_NOUNS + [pattern.name for pattern in self.app.bank.patterns]
        for name, text in self.seen.items():
            for leak in leaks(text, self.lang, names):
                found.setdefault(leak, name)
        return "\n".join(f"{name}: {leak}" for leak, name in found.items())


@pytest.fixture
def workshop(bank, folder):
    """A results folder with something for every screen: a result made in each language with
    an older bank (it loads with warnings), a team's two years with actions, a merged team
    profile with disagreements, and individual answers to merge and to show in the room."""
    folder.path.mkdir()
    for lang, made in (("en", "team_strong.toml"), ("nl", "team_2026.toml")):
        older = Result.model_validate(tomllib.loads((FIXTURES / made).read_text("utf-8")))
        assert older.meta.language == lang and older.meta.bank_version != bank.version
        older.meta.team, older.meta.status = MADE_IN[lang], "in-progress"
        older.answers.update(OWN_WORDS)
        older.notes = {}
        older.save(folder.path_for(older.meta.team, 2026))
    for year, answers in ((2025, STRONG), (2026, STRUGGLING)):  # 2026: risks to show
        result = Result.new(bank, "Team Data", year, "en", organisation="Kadaster")
        result.answers.update({**answers, **OWN_WORDS})
        result.meta.status = "complete"
        result.actions = [Action(target="section:leadership", what="Agenda 2030", who="CIO")]
        result.save(folder.path_for("Team Data", year))
    save_individuals(bank, folder, team="Team Room")
    individuals = [load_result(p, bank) for p in folder.path.glob("team-room-*.individual-*")]
    profile = merge(bank, individuals).result
    profile.meta.status = "complete"
    profile.save(folder.path_for("Team Room", 2026))


async def walk_questions(walk: Walk) -> None:
    """A question of each kind the bank has, the overview, the review, the dialogs (save a
    copy, open elsewhere), the banners (read-only, a conflict, not saved), the too-small
    notice."""
    app, pilot = walk.app, walk.pilot
    screen = app.screen
    kinds = {}
    for question in screen.session.asked():
        kinds.setdefault(question.kind, question)
    await walk.look("question, as opened, with its notices", palette=True)
    await pilot.press("ctrl+c")  # nothing selected to copy: the app says how to quit
    await walk.look("Ctrl+C, how to quit", help=False)
    for kind, question in kinds.items():
        await screen.show(question)
        await walk.look(f"question ({kind})", help=False)
    await pilot.press("f2")
    await walk.look("overview")
    await pilot.press("escape")
    app.push_screen(ReviewScreen(screen.session))
    await walk.look("review")
    await pilot.press("escape", "ctrl+s")
    await walk.look("save a copy")
    await pilot.press("escape")
    owner = Owner(pid=4242, host="laptop-7", since="2026-03-12T09:30:00+00:00", seen=time.time())
    app.push_screen(LockedScreen(LockedError(screen.session.path, owner)))
    await walk.look("open elsewhere")
    await pilot.press("escape")
    session = screen.session
    session.read_only = True
    screen.update_banner()
    await walk.look("read-only", help=False)
    session.conflict = True
    screen.update_banner()
    await walk.look("conflict", help=False)
    session.read_only = session.conflict = False
    folder, away = session.path.parent, session.path.parent.with_name("away")
    folder.rename(away)  # the results folder gone: a notice and a banner say it was not saved
    screen._save(session.save)
    await walk.look("not saved", help=False)
    away.rename(folder)
    session.save()
    screen.update_banner()
    await pilot.resize_terminal(40, 12)
    await walk.look("too small", help=False)
    await pilot.resize_terminal(*SIZE)


async def walk_results(walk: Walk, name: str, tabs: int = 5) -> None:
    """Every tab of the results screen (or the first `tabs`), risks opened."""
    screen = walk.app.screen
    for number, pane in enumerate(list(screen.query(TabPane))[:tabs], 1):
        screen.action_tab(number)
        for collapsible in screen.query(Collapsible):
            collapsible.collapsed = False
        await walk.look(f"{name} {pane.id}", help=number == 1, palette=number == 1)


async def walk_folder(walk: Walk) -> None:
    """The start screen (its palette: a search finding nothing, the themes), all teams (F3:
    both tabs, a team's results), compare, merge."""
    app, pilot = walk.app, walk.pilot
    await walk.look("start", palette=True)
    await walk.search_in_palette("start, a command not found", "qqq")
    await walk.themes()
    await pilot.press("f3")
    await walk.look("teams")
    await pilot.press("right")
    await walk.look("teams, summary", help=False)
    await pilot.press("left", "tab", "enter")
    await walk.look("teams, a team's results")
    await pilot.press("escape", "escape")
    app.screen.query_one("#compare-button").press()
    await pilot.pause()
    listing = app.screen.query_one("#compare-list")
    for index in range(listing.option_count):  # the team's two years
        selection = listing.get_option_at_index(index)
        if "Team Data" in str(selection.prompt):
            listing.select(selection.value)
    app.screen.query_one("#compare-button").press()
    await walk.look("compare")
    await pilot.press("escape")
    groups = app.screen.query_one("#merge-groups")
    groups.highlighted = 0
    groups.action_select()
    await walk.look("merge")
    app.screen.query_one("#merge-save").press()  # the team's result is there: asks again
    await walk.look("merge, replace?", help=False)


def lasting_notices(app) -> None:
    """Notices stay until the walk has read them: the picture's notice (8 s) timed out while
    a loaded machine drew the report's charts."""
    notify = app.notify
    app.notify = lambda message, **details: notify(message, **{**details, "timeout": 3600})


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_screen_over_a_result_made_in_the_other_language(
    bank, folder, workshop, lang
):
    """`innoscan --lang nl run --team ...` over a result made in English with an older bank
    (and the other way round): its warnings, every question, dialog and results tab in the
    language given; the result still records its own."""
    team = MADE_IN[OTHER[lang]]
    app = make_app(bank, lang, folder, team=team, year=2026, lang_given=True)
    lasting_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(pilot, lang)
        await walk_questions(walk)
        app.open_results(folder.path_for("Team Room", 2026))  # merged: disagreements
        await pilot.pause()
        await walk_results(walk, "merged results", tabs=1)
        app.open_results(folder.path_for("Team Data", 2026))  # last year's actions
        await pilot.pause()
        await walk_results(walk, "results")
        await pilot.press("e", "p")  # the report (charts drawn in a thread), a picture
        await app.workers.wait_for_complete()
        await walk.look("results, exported", help=False)
    assert not walk.leaks(), walk.leaks()
    # the walk saw the notices: the file's warnings, the report and picture saved
    assert "last_mile.wallet" in walk.seen["question, as opened, with its notices"]
    assert "^q" in walk.seen["Ctrl+C, how to quit"]
    assert word("file.not_written", lang, reason="")[:12] in walk.seen["not saved"]  # a notice
    assert "team-data-2026.md" in walk.seen["results, exported"]
    assert "screen-actions.sv" in walk.seen["results, exported"]  # (the path wraps)
    assert load_result(folder.path_for(team, 2026), bank).result.meta.language == OTHER[lang]


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_screen_of_the_results_folder(bank, folder, workshop, lang):
    app = make_app(bank, lang, folder, lang_given=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(pilot, lang)
        await walk_folder(walk)
    assert not walk.leaks(), walk.leaks()


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_room_view_and_a_participant(bank, folder, workshop, lang):
    address = "http://192.168.1.20:8000/?code=k7mqx2vd"
    room = Room("Team Room", 2026, address, qr_lines(address), connected=lambda: 3)
    app = make_room_app(bank, lang, folder.path, room)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(pilot, lang)
        await walk.look("room", palette=True)
        await pilot.press("c")
        await walk.look("room, code hidden", help=False)
        await pilot.press("m")
        await walk.look("room, merge")
    details = dict(team="Team Room", year=2026, mode="individual", participant="p-new")
    app = make_app(bank, lang, folder, lang_given=True, **details)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk.pilot = pilot
        await walk.look("participant")
    assert not walk.leaks(), walk.leaks()


async def test_switching_language_switches_questions_and_words(bank, folder, workshop):
    """The palette's language command: the question, its answers, the footer, the results
    switch together, and back."""
    app = make_app(bank, "en", folder, team="Team Data", year=2026)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        english, dutch = Walk(pilot, "en"), Walk(pilot, "nl")
        await english.look("question", help=False)
        for walk, command in ((dutch, "Language"), (english, "Taal")):
            await pilot.press("ctrl+p", *command, "enter")
            await pilot.pause()
            assert app.lang == walk.lang
            await walk.look("question after the switch")
            await pilot.press("f2")
            await walk.look("overview after the switch", help=False)
            await pilot.press("escape")
        app.open_results(folder.path_for("Team Data", 2026))
        await pilot.pause()
        await pilot.press("ctrl+p", *"Language", "enter")
        await pilot.pause()
        await dutch.look("results after the switch", help=False)
    assert not english.leaks() and not dutch.leaks(), english.leaks() + dutch.leaks()
