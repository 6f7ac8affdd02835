"""Team names that differ always get different files; names that differ only in case, accents
or spacing are one team; the files of earlier versions are still found (issue 14, item 1)."""

from __future__ import annotations

import pytest
from processes import run_process

from innoscan.assess.merge import differences
from innoscan.content.loader import load_bank
from innoscan.store.names import file_stem, team_key
from innoscan.store.result import LoadedResult, Result
from innoscan.store.session import ResultsFolder, Session

BANK = load_bank()
DIFFERENT = [
    "Team Data",
    "Team-Data",
    "Team Data!",
    "数据团队",
    "فريق البيانات",
    "..",
    "-",
    "--",
    "🚀",
    "🚀🚀",
    "Café Ω",
    "Café Ψ",
    "x" * 70,
    "x" * 69 + "y",
    "Søren",
    "Sören",
]
SAME = [
    ["Team Data", "team data", "TEAM DATA", "  Team   Data ", "Téam Dàta", "Team\tData"],
    ["Straße", "STRASSE", "strasse"],
    ["数据团队", " 数据团队 "],
]


def test_team_names_that_differ_get_different_files(tmp_path):
    folder = ResultsFolder(tmp_path)
    paths = [folder.path_for(team, 2026) for team in DIFFERENT]
    assert len(set(paths)) == len(DIFFERENT)
    assert all(path.parent == folder.path for path in paths)


@pytest.mark.parametrize("names", SAME)
def test_names_that_differ_in_case_accents_or_spaces_are_one_team(tmp_path, names):
    folder = ResultsFolder(tmp_path)
    assert len({folder.path_for(name, 2026) for name in names}) == 1
    assert len({team_key(name) for name in names}) == 1


def test_plain_latin_names_keep_the_file_names_they_always_had():
    assert file_stem("Team Data") == "team-data"
    assert file_stem("Kadaster Team 3") == "kadaster-team-3"
    assert file_stem("Équipe Données") == "equipe-donnees"
    assert file_stem("数据团队").startswith("team-") and len(file_stem("数据团队")) == 15
    assert file_stem("Team-Data").startswith("team-data-")


def test_two_non_latin_teams_never_share_answers(tmp_path):
    folder = ResultsFolder(tmp_path)
    first = Session.open(BANK, folder, "数据团队", 2026, "en")
    first.answer(BANK.question("activity.products"), "yes")
    second = Session.open(BANK, folder, "فريق البيانات", 2026, "en")
    assert second.path != first.path
    assert second.result.answers == {}
    assert second.result.meta.team == "فريق البيانات"
    again = Session.open(BANK, folder, "数据团队", 2026, "en")
    assert again.path == first.path and again.result.answers == {"activity.products": "yes"}


def _earlier_version_file(folder: ResultsFolder, team: str, name: str) -> Result:
    """A result saved under the name innoscan gave before digests."""
    folder.path.mkdir(exist_ok=True)
    result = Result.new(BANK, team, 2026, "en")
    result.answers["activity.products"] = "yes"
    result.save(folder.path / name)
    return result


def test_a_file_of_an_earlier_version_is_still_found_and_never_given_to_another_team(tmp_path):
    folder = ResultsFolder(tmp_path / "results")
    _earlier_version_file(folder, "数据团队", "team-2026.toml")
    _earlier_version_file(folder, "Straße", "strae-2026.toml")
    _earlier_version_file(folder, "Team-Data", "team-data-2026.toml")
    assert folder.path_for("数据团队", 2026).name == "team-2026.toml"
    assert folder.path_for("Straße", 2026).name == "strae-2026.toml"
    assert folder.path_for("team-data", 2026).name == "team-data-2026.toml"
    for other in ("فريق البيانات", "Team", "Team Data"):
        path = folder.path_for(other, 2026)
        assert path.name not in ("team-2026.toml", "team-data-2026.toml"), other
        session = Session.open(BANK, folder, other, 2026, "en")
        assert session.result.answers == {} and session.result.meta.team == other
    assert len(list(folder.path.glob("*.toml"))) == 6


def test_merge_tells_teams_apart_by_their_names(tmp_path):
    def loaded(team: str) -> LoadedResult:
        return LoadedResult(Result.new(BANK, team, 2026, "en"), tmp_path / "x.toml")

    assert differences([loaded("Team Data"), loaded("team  DATA")]) == []
    teams = differences([loaded("数据团队"), loaded("فريق البيانات")])
    assert [str(said) for said in teams] == ["different teams: فريق البيانات, 数据团队"]


def test_earlier_years_are_found_by_the_team_not_by_its_file_name(tmp_path):
    folder = ResultsFolder(tmp_path)
    for team, year in (("数据团队", 2025), ("فريق البيانات", 2025)):
        Session.open(BANK, folder, team, year, "en")
    now = Session.open(BANK, folder, "数据团队", 2026, "en")
    assert folder.earlier(BANK, now.result).result.meta.team == "数据团队"


@pytest.mark.parametrize("team", ["", " ", "\t", "\u200b"])
@pytest.mark.parametrize("command", ["run --plain", "run", "serve"])
def test_an_empty_team_name_is_refused(tmp_path, team, command):
    run = run_process(*command.split(), "--team", team, cwd=tmp_path)
    assert run.code == 2
    assert run.err == "innoscan: --team: is empty: give the team's name\n"
    assert not (tmp_path / "innoscan-results").exists()


def test_plain_mode_in_two_scripts_keeps_two_files(tmp_path):
    for team, answer in (("数据团队", "1"), ("فريق البيانات", "2")):
        run = run_process(
            "run", "--plain", "--team", team, "--lang", "en", cwd=tmp_path, stdin=f"{answer}\nq\n"
        )
        assert run.code == 0, run.err
        assert "Welcome back" not in run.out and "answered so far" not in run.out
    assert len(list((tmp_path / "innoscan-results").glob("*.toml"))) == 2
