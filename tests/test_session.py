"""The results folder and the session: safe file names, saving after every change, resuming."""

from __future__ import annotations

import re

import pytest

from innoscan.content.problems import InputError
from innoscan.store.session import ResultsFolder, Session


@pytest.mark.parametrize(
    ("team", "expected"),
    [
        ("Team Data", "team-data"),
        ("../../etc/passwd", "etc-passwd-[0-9a-f]{10}"),
        ("/absolute/path", "absolute-path-[0-9a-f]{10}"),
        ("Café Ω", "cafe-[0-9a-f]{10}"),
        ("nul\x00byte", "nul-byte-[0-9a-f]{10}"),
        ("", "team-[0-9a-f]{10}"),
        ("...", "team-[0-9a-f]{10}"),
        ("x" * 500, "x" * 49 + "-[0-9a-f]{10}"),
    ],
)
def test_team_names_become_safe_file_names(tmp_path, team, expected):
    folder = ResultsFolder(tmp_path / "results")
    path = folder.path_for(team, 2026)
    assert path.parent == folder.path
    assert re.fullmatch(f"{expected}-2026.toml", path.name)


def test_session_saves_after_every_change_and_resumes(bank, tmp_path):
    folder = ResultsFolder(tmp_path / "results")
    session = Session.open(bank, folder, "Team Data", 2026, "nl", organisation="Kadaster")
    assert session.path.is_file()
    products = bank.question("activity.products")
    session.answer(products, "yes")
    session.note(products, "Besproken")
    again = Session.open(bank, folder, "Team Data", 2026, "en")
    assert again.result.answers == {"activity.products": "yes"}
    assert again.result.notes == {"activity.products": "Besproken"}
    assert again.result.meta.language == "nl"
    assert again.first_unanswered().id == "activity.services"
    again.answer(products, None)
    assert Session.resume(bank, session.path).result.answers == {}


def test_a_wrong_answer_is_refused_and_nothing_saved(bank, tmp_path):
    session = Session.open(bank, ResultsFolder(tmp_path), "T", 2026, "en")
    with pytest.raises(ValueError, match="yes"):
        session.answer(bank.question("activity.products"), "ja")
    assert "activity.products" not in Session.resume(bank, session.path).result.answers


def test_place_and_neighbours_follow_the_conditions(bank, tmp_path):
    session = Session.open(bank, ResultsFolder(tmp_path), "T", 2026, "en")
    interaction = bank.question("activity.interaction")
    assert session.neighbour(interaction, 1).id == "activity.underway"
    session.answer(bank.question("activity.products"), "yes")
    assert session.neighbour(interaction, 1).id == "activity.latest"
    assert session.place(interaction)[:2] == (4, 15)


def test_a_file_where_the_folder_should_be_is_reported(bank, tmp_path):
    blocker = tmp_path / "results"
    blocker.write_text("")
    assert ResultsFolder(blocker).problem() == f"{blocker}: is a file, not a folder"


def test_a_rescue_copy_is_private_and_goes_home_only_when_the_folder_is_gone(
    bank, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    folder = ResultsFolder(tmp_path / "results")
    session = Session.open(bank, folder, "Team Data", 2026, "en")
    (tmp_path / "results").rename(tmp_path / "away")  # the network drive is gone
    with pytest.raises(InputError):
        session.answer(bank.question("activity.products"), "yes")
    copy = session.rescue()
    assert copy.parent == tmp_path / "home" and copy.name.startswith("unsaved_team-data-2026_")
    assert copy.stat().st_mode & 0o777 == 0o600
    session.result.answers["activity.services"] = "no"
    assert session.rescue() == copy  # the same copy, brought up to date
    assert set(Session.resume(bank, copy).result.answers) == {"activity.products", "activity.services"}


def test_two_sessions_that_lose_their_file_in_the_same_second_keep_two_copies(
    bank, tmp_path, monkeypatch
):
    """Issue 21, item 3: rescue copies named to the second were one file for both."""
    from datetime import UTC, datetime

    import innoscan.store.rescue

    frozen = datetime(2026, 11, 29, 10, 15, tzinfo=UTC)
    monkeypatch.setattr(innoscan.store.rescue, "now_utc", lambda: frozen)
    folder = ResultsFolder(tmp_path)
    laptops = [Session.open(bank, folder, "Team Data", 2026, "en") for _ in range(2)]
    laptops[0].path.write_text(laptops[0].path.read_text() + "\n")  # changed elsewhere
    products = bank.question("activity.products")
    for laptop, answer in zip(laptops, ("yes", "no"), strict=True):
        with pytest.raises(InputError, match="the answers are in"):
            laptop.answer(products, answer)
    copies = sorted(tmp_path.glob("unsaved_team-data-2026_20261129T101500Z*.toml"))
    assert len(copies) == 2 and {laptop.rescued for laptop in laptops} == set(copies)
    for laptop, answer in zip(laptops, ("yes", "no"), strict=True):
        kept = Session.resume(bank, laptop.rescued).result.answers
        assert kept == {"activity.products": answer}


def test_the_kind_of_organisation_is_kept_and_given_once_to_a_result_without_one(bank, tmp_path):
    folder = ResultsFolder(tmp_path)
    session = Session.open(bank, folder, "T", 2026, "en")
    assert session.result.meta.org_type is None  # as in every file of bank 2026.1
    again = Session.open(bank, folder, "T", 2026, "en", org_type="water_board")
    assert again.result.meta.org_type == "water_board"
    third = Session.open(bank, folder, "T", 2026, "en", org_type="province")
    assert third.result.meta.org_type == "water_board"  # never changed behind the team's back
    assert 'org_type = "water_board"' in session.path.read_text()


def test_a_text_longer_than_a_result_holds_is_refused_and_the_file_still_reads(bank, tmp_path):
    session = Session.open(bank, ResultsFolder(tmp_path), "T", 2026, "en")
    latest = bank.question("activity.latest")
    for keep in (lambda t: session.answer(latest, t), lambda t: session.note(latest, t)):
        with pytest.raises(InputError, match="a text of 20,001 characters"):
            keep("x" * 20_001)
    again = Session.resume(bank, session.path).result
    assert again.answers == {} and again.notes == {}
