"""The one app factory for the CLI, `serve` and the tests: the start screen, a team's first
open question, a participant's name, or the room view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from innoscan.content.bank import Bank
from innoscan.store.lock import LockedError
from innoscan.store.session import ResultsFolder, Session
from innoscan.tui.app import InnoscanApp

if TYPE_CHECKING:
    from innoscan.tui.screens.room import Room


def make_app(
    bank: Bank,
    lang: str,
    folder: str | Path | ResultsFolder,
    team: str | None = None,
    lang_given: bool = False,
    **details,
) -> InnoscanApp:
    """The app, at the start screen, or (with a team) at that team's first open question."""
    if not isinstance(folder, ResultsFolder):
        folder = ResultsFolder(folder)
    if team is not None and _asks_name_first(folder, team, details):
        participant = {"team": team, "lang": lang, **details}
        return InnoscanApp(bank, lang, folder, participant=participant, lang_given=lang_given)
    session, locked = None, None
    if team is not None:
        forced = details.get("participant") is not None  # see start_session
        try:
            session = Session.open(
                bank, folder, team=team, lang=lang, lock=True, take_over=forced, **details
            )
        except LockedError as exc:
            locked = (exc, {"team": team, "lang": lang, **details})
    return InnoscanApp(bank, lang, folder, session, locked, lang_given=lang_given)


def make_room_app(bank: Bank, lang: str, folder: str | Path, room: Room) -> InnoscanApp:
    """The app at the room view, for the team lead while `serve` runs on this terminal."""
    return InnoscanApp(bank, lang, ResultsFolder(folder), room=room)


def warm_up() -> None:
    """Import what a browser participant's app needs before it shows its first screen (for
    `serve`'s warm process, whose copies then start without importing)."""
    import textual.drivers.web_driver  # noqa: F401

    import innoscan.tui.screens.participant  # noqa: F401
    import innoscan.tui.screens.question  # noqa: F401


def _asks_name_first(folder: ResultsFolder, team: str, details: dict) -> bool:
    """An individual without a name given and without answers yet starts at the name."""
    if details.get("mode") != "individual" or details.get("respondent"):
        return False
    participant = details.get("participant")
    return participant is None or not folder.path_for(team, details["year"], participant).exists()
