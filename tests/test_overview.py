"""The overview of many teams, on 30 team results of two years worked out by hand
(tests/overview_folder.py): counts, spreads, the years, the files left out, anonymising."""

from __future__ import annotations

import json
import re

import pytest
from markdown_check import table_widths

from innoscan.assess.overview import build_overview, letters
from innoscan.render.overview_markdown import overview_markdown
from innoscan.render.overview_report import overview_json, team_name
from innoscan.store.result import Result


@pytest.fixture(scope="module")
def ov(bank, teams_folder):
    return build_overview(bank, teams_folder)


def names(ov, keys):
    return [team_name(ov, k, "en") for k in keys]


def test_one_row_per_team_of_the_latest_year(ov):
    assert [p.year for p in ov.pictures] == [2025, 2026] and ov.year == 2026
    assert names(ov, [t.key for t in ov.current.teams]) == [f"Team {n:02}" for n in range(3, 19)]
    assert len(ov.previous.teams) == 14
    team_03 = ov.current.teams[0]
    assert (team_03.scores.index, [f.status for f in team_03.scores.factors]) == (
        71.6,
        ["partly", "partly", "present"],
    )
    assert [r.id for r in team_03.flags] == ["no_owner"] and team_03.most_severe.id == "no_owner"
    assert ov.index_change(team_03) == 53.8  # 71.6 - 17.8 in 2025 (struggling)
    # the older copy of Team 10's 2026 result (struggling) is left out: the later one counts
    team_10 = next(t for t in ov.current.teams if t.team == "Team 10")
    assert team_10.scores.index == 85.7 and str(team_10.path) == "workshop-b/team-10-2026.toml"


def test_success_factors_across_the_teams(ov):
    # 2026: strong 7 (present x3), middle 5 (partly, partly, present), struggling 2 (absent x3),
    # not innovating 2 (leadership without a score, collaboration partly at 55, roles absent)
    assert ov.current.factors == {
        "leadership": {"present": 7, "partly": 5, "absent": 2, None: 2},
        "collaboration": {"present": 7, "partly": 7, "absent": 2, None: 0},
        "roles": {"present": 12, "partly": 0, "absent": 4, None: 0},
    }
    assert ov.previous.factors["leadership"] == {"present": 3, "partly": 4, "absent": 5, None: 2}


def test_shared_risks_most_common_first(ov):
    risks = [(rule.id, n) for rule, n in ov.current.risks]
    assert risks[0] == ("no_owner", 4)  # two struggling teams and two middle ones
    # the struggling teams' other 12 risks and the not-innovating teams' nothing_in_use_yet;
    # not_innovating and adopters_not_ready fire for no team
    assert [n for _, n in risks[1:]] == [2] * 13 + [0] * 2
    assert {rule.id for rule, n in ov.current.risks if n == 0} == {
        "not_innovating",
        "adopters_not_ready",
    }
    severities = [rule.severity for rule, n in ov.current.risks[1:] if n == 2]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)


def test_section_scores_as_median_and_spread(ov):
    # leadership: 18.6 x2, 66.7 x5, 86.1 x7; the two teams that did not innovate have none
    lead = ov.current.sections["leadership"]
    assert (lead.teams, lead.missing, lead.low, lead.high) == (14, 2, 18.6, 86.1)
    assert lead.median == pytest.approx((66.7 + 86.1) / 2, abs=0.05)  # the 7th and 8th of 14
    assert (lead.q1, lead.q3) == (66.7, 86.1)  # at 3.25 and 9.75 of 0-13
    # index: 17.8 x2, 71.6 x2, 72.7 x3, 85.7 x7, and none for the two without a leadership
    # score: the 7th and 8th of 14 are 72.7 and 85.7
    index = ov.current.index
    assert (index.median, index.teams, index.missing) == (79.2, 14, 2)


def test_innovation_put_into_use_beside_the_national_figures(ov):
    (innovated,) = ov.current.innovated
    assert innovated.indicator.id == "innovated"
    assert (innovated.yes, innovated.no, innovated.unknown, innovated.share) == (14, 2, 0, 87.5)
    assert {f.unit for f in innovated.indicator.figures} <= {"organisations", "workplaces"}


def test_what_moved_and_who_took_part_in_one_year_only(ov):
    moved = ov.moved()
    assert moved.since == 2025
    assert names(ov, moved.only_before) == ["Team 01", "Team 02"]
    assert names(ov, moved.only_now) == ["Team 15", "Team 16", "Team 17", "Team 18"]
    # leadership present: 3 of 14 -> 7 of 16
    assert moved.factors["leadership"]["present"] == round(700 / 16 - 300 / 14, 1)
    assert moved.risks["no_owner"] == round(400 / 16 - 500 / 14, 1)


def test_files_left_out_with_the_reason_and_individual_files_never_named(ov):
    skipped = {str(s.path): s.reason for s in ov.skipped}
    assert skipped == {
        "team-10-2026.toml": "duplicate",
        "team-19-2026.toml": "in_progress",
        "team-20-2026.toml": "problem",
        "team-21-2026.toml": "problem",
        "unsaved_team-07-2026_20261129T1015Z.toml": "rescue",
        "workshop-b/broken-2026.toml": "problem",
    }
    details = {str(s.path): s.detail for s in ov.skipped}
    assert "another-bank" in details["team-20-2026.toml"]
    assert "newer innoscan" in details["team-21-2026.toml"]
    assert "not valid TOML" in details["workshop-b/broken-2026.toml"]
    assert details["team-10-2026.toml"] == "workshop-b/team-10-2026.toml"
    assert ov.files.individual == 3


def test_markdown_has_its_sections_and_tables_and_nothing_of_a_respondent(ov):
    text = overview_markdown(ov, "en")
    headings = re.findall(r"^(#+ .*)$", text, re.M)
    assert headings == [
        "# Overview of the teams: Kadaster, 2026",
        "## Teams in 2026",
        "## The organisation",
        "### Success factors",
        "### Shared last-mile risks",
        "### Scores per section",
        "### Put at least one innovation into use in the last two years",
        "## Over the years, 2025-2026",
        "### Success factors",
        "### Shared last-mile risks",
        "### Section scores (median)",
        "### Beside the national figures",
        "### Who took part",
        "## Files left out",
    ]
    widths = table_widths(text)
    assert len(widths) == 9 and all(len(w) == 1 for w in widths)
    assert "| Team 03 | 72 | +54 | partly (67) | partly (66) | present (100) | 1 |" in text
    assert "| No owner after the hand-over | high | 4 of 16 (25 %) |" in text
    assert "| Leadership and innovation management | 14 of 16 | 76 | 67–86 | 19–86 |" in text
    assert "Teams that did: 14 of 16 (88 %) of those that answered." in text
    assert "- Only in 2025: Team 01, Team 02" in text
    assert "- 3 individual answer file(s): a team's private input, never read" in text
    for private in ("Ada", "Bob", "individual", "answers-from-bob"):
        assert private not in text.replace("individual answer file", "")
    assert overview_markdown(ov, "nl").startswith("# Overzicht van de teams: Kadaster, 2026")


def test_json_for_scripts(ov):
    data = json.loads(json.dumps(overview_json(ov, "en")))
    assert data["year"] == 2026 and data["years"] == [2025, 2026]
    assert len(data["teams"]) == 16 and data["teams"][0]["team"] == "Team 03"
    assert data["teams"][0]["file"] == "team-03-2026.toml"
    now = data["per_year"]["2026"]
    assert now["success_factors"]["roles"] == {"present": 12, "partly": 0, "absent": 4, "unknown": 0}
    assert now["risks"][0] == {
        "id": "no_owner",
        "severity": "high",
        "title": "No owner after the hand-over",
        "teams": 4,
    }
    assert now["sections"]["leadership"]["no_score"] == 2
    assert now["innovated"][0]["figures"][1]["value"] == 76
    assert data["moved"]["only_in"] == {
        "2025": ["Team 01", "Team 02"],
        "2026": ["Team 15", "Team 16", "Team 17", "Team 18"],
    }
    assert len(data["skipped"]) == 6 and data["individual_files_not_read"] == 3
    assert "Ada" not in json.dumps(data)


def test_anonymised_teams_are_lettered_consistently_and_nothing_names_them(bank, teams_folder):
    ov = build_overview(bank, teams_folder, anonymise=True, secret=b"one")
    text = overview_markdown(ov, "en") + json.dumps(overview_json(ov, "en"))
    assert not re.search(r"Team \d", text) and "workshop-b" not in text and "team-" not in text
    assert "Kadaster" in text  # the organisation that all teams share names no team
    everyone = set(ov.labels.values())
    assert everyone == {letters(n) for n in range(18)}  # A-R: 16 in 2026, 2 in 2025 only
    shown = [t.key for t in ov.current.teams]
    assert names(ov, shown) == sorted(names(ov, shown), key=lambda n: (len(n), n))
    # a team keeps its letter in every year and in the list of who took part
    assert {ov.labels[t.key] for t in ov.previous.teams} <= everyone
    moved = ov.moved()
    assert len(names(ov, moved.only_before)) == 2 and len(names(ov, moved.only_now)) == 4
    # the letters follow a keyed hash: the same key the same letters, another key others,
    # and never the order of the names
    again = build_overview(bank, teams_folder, anonymise=True, secret=b"one")
    other = build_overview(bank, teams_folder, anonymise=True, secret=b"two")
    assert again.labels == ov.labels and other.labels != ov.labels
    by_name = sorted(ov.labels, key=lambda k: k)
    assert [ov.labels[k] for k in by_name] != sorted(ov.labels.values(), key=lambda n: (len(n), n))
    assert "- 3 file(s) that could not be used" in text  # counted, not named


def test_letters_count_like_spreadsheet_columns():
    assert [letters(n) for n in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip


# ── the command ──────────────────────────────────────────────────────────────────────────


def test_cli_writes_the_overview_and_says_what_it_left_out(cli, teams_folder, tmp_path):
    run = cli("overview", teams_folder, "--lang", "en", "-o", tmp_path / "overview.md")
    assert run.code == 0 and run.out == ""
    assert run.err.splitlines()[-1] == (
        "innoscan: 30 team result(s) of 2025, 2026; 6 file(s) left out; 3 individual answer "
        "file(s) not read"
    )
    assert (tmp_path / "overview.md").read_text().startswith("# Overview of the teams")
    anonymised = cli("overview", teams_folder, "--lang", "en", "--anonymise", "--format", "json")
    assert anonymised.code == 0 and json.loads(anonymised.out)["anonymised"] is True
    # the overview does not name the files left out: standard error does, for whoever ran it
    assert "innoscan: workshop-b/broken-2026.toml: could not be used: not valid TOML" in (
        anonymised.err
    )


def test_cli_year_shows_that_year_and_the_ones_before(cli, teams_folder):
    run = cli("overview", teams_folder, "--year", "2025", "--lang", "en", "--format", "json")
    data = json.loads(run.out)
    assert (data["years"], data["later_years_left_out"], len(data["teams"])) == ([2025], [2026], 14)
    missing = cli("overview", teams_folder, "--year", "2024", "--lang", "en")
    assert missing.code == 2 and missing.out == ""
    assert missing.err == (
        f"innoscan: {teams_folder}: no usable team result of 2024 "
        "(years with results: 2025, 2026)\n"
    )


def test_no_usable_result_at_all_is_one_line_and_exit_2(cli, bank, tmp_path):
    (tmp_path / "broken-2026.toml").write_text("[meta", encoding="utf-8")
    alone = Result.new(bank, "Team Data", 2026, "en", mode="individual", respondent="Ada")
    alone.save(tmp_path / "team-data-2026.individual-ada.toml")
    run = cli("overview", tmp_path, "--lang", "en")
    assert run.code == 2 and run.out == ""
    assert run.err == (
        f"innoscan: {tmp_path}: no usable team result in it or its subfolders (1 file(s) left "
        "out; 1 individual answer file(s) not read)\n"
        f"innoscan: {tmp_path / 'broken-2026.toml'}: not valid TOML: Expected ']' at the end of a table declaration (at end of document)\n"
    )
    for missing in (tmp_path / "nowhere", tmp_path / "broken-2026.toml"):
        run = cli("overview", missing, "--lang", "en")
        assert run.code == 2 and len(run.err.splitlines()) == 1


def test_cli_never_writes_over_a_result(cli, teams_folder):
    target = teams_folder / "team-03-2026.toml"
    before = target.read_bytes()
    run = cli("overview", teams_folder, "--lang", "en", "-o", target)
    assert run.code == 2 and "holds a result" in run.err and target.read_bytes() == before


def test_a_team_name_in_two_organisations_is_two_teams(bank, tmp_path):
    from overview_folder import MIDDLE, result

    from innoscan.assess.overview import build_overview as build

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    result(bank, "Team Data", 2026, MIDDLE).save(tmp_path / "a" / "team-data-2026.toml")
    rvo = result(bank, "team  data", 2026, MIDDLE)
    rvo.meta.organisation = "RVO"
    rvo.save(tmp_path / "b" / "team-data-2026.toml")
    again = result(bank, "Team Data", 2026, MIDDLE)  # the same team (Kadaster), copied twice
    again.meta.organisation = "kadaster"
    again.save(tmp_path / "b" / "copy-2026.toml")
    ov = build(bank, tmp_path)
    assert names(ov, [t.key for t in ov.current.teams]) == ["Team Data (Kadaster)", "team  data (RVO)"]
    assert [(str(s.path), s.reason) for s in ov.skipped] == [("b/copy-2026.toml", "duplicate")]
    assert ov.organisation() == ""  # two organisations: the title names none


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_names_and_files_that_hold_control_characters_stay_inert(cli, bank, tmp_path, fmt):
    from overview_folder import MIDDLE, result

    hostile = "Team | \x1b[2J*x*\x00\r\x9b"
    made = result(bank, hostile, 2026, MIDDLE)
    made.meta.organisation = "Org\x1b]0;pwned\x07"
    made.save(tmp_path / "hostile-2026.toml")
    result(bank, "Team Data", 2026, MIDDLE).save(tmp_path / "team-data-2026.toml")
    (tmp_path / "evil\x1b[2J-2026.toml").write_text("[meta", encoding="utf-8")
    run = cli("overview", tmp_path, "--lang", "en", "--format", fmt)
    assert run.code == 0, run.err
    for raw in ("\x1b", "\x00", "\x9b", "\r", "\x07"):
        assert raw not in run.out and raw not in run.err
    if fmt == "json":
        teams = [team["team"] for team in json.loads(run.out)["teams"]]
        assert f"{hostile} (Org\x1b]0;pwned\x07)" in teams  # the data itself unchanged
    else:
        assert all(len(w) == 1 for w in table_widths(run.out))  # a | in a name breaks no table
        assert "evil\\x1b\\[2J-2026.toml: could not be used" in run.out


def test_workshop_folders_copied_together_count_each_team_once_and_name_the_copies(
    bank, teams_folder, tmp_path
):
    import shutil

    first = shutil.copytree(teams_folder, tmp_path / "coordinator")
    shutil.copytree(first / "workshop-b", first / "mail" / "workshop-b")  # sent twice
    alone = build_overview(bank, teams_folder)
    ov = build_overview(bank, first)
    assert [t.key for t in ov.current.teams] == [t.key for t in alone.current.teams]
    copies = {str(s.path): s.detail for s in ov.skipped if s.reason == "copy"}
    second = [(n, 2025) for n in (8, 9, 10, 11, 12)] + [(n, 2026) for n in (8, 9, 10, 11, 12, 17, 18)]
    assert copies == {
        f"workshop-b/team-{n:02}-{y}.toml": f"mail/workshop-b/team-{n:02}-{y}.toml" for n, y in second
    }
    duplicate = {str(s.path): s.detail for s in ov.skipped if s.reason == "duplicate"}
    assert duplicate == {"team-10-2026.toml": "mail/workshop-b/team-10-2026.toml"}
    markdown = overview_markdown(ov, "en")
    assert "workshop-b/team-08-2026.toml: a copy of mail/workshop-b/team-08-2026.toml" in markdown
    assert ov.files.individual == 3 + 2  # the copied folder's two individual files, not read
