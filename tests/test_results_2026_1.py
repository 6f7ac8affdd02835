"""Last year's records stay readable: result files made with bank 2026.1 load in every command.

tests/fixtures/results_2026_1/ holds result files written with the built-in bank as it was
at version 2026.1 (five team runs, three individual answers). Whatever the bank becomes, they
must still give a report, a comparison and a merged profile, with every answer understood:
read as today's question where changes.toml maps it, or kept and named as a question whose
meaning changed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from innoscan.content.loader import load_bank
from innoscan.store.result import load_result

FIXTURES = Path(__file__).parent / "fixtures" / "results_2026_1"


@pytest.fixture
def files(tmp_path) -> Path:
    target = tmp_path / "results"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.toml")))
def test_a_2026_1_result_gives_a_report_with_every_answer_understood(cli, files, name):
    run = cli("report", files / name, "--format", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["bank"]["result_version"] == "2026.1"
    changed = {qid for change in load_bank().changes for qid in change.questions}
    assert set(data["unknown_answers"]) <= changed  # kept, and named as changed in meaning
    assert data["warnings"] == [] or data["bank"]["version"] != "2026.1"


def test_an_old_wallet_answer_is_read_as_benefits_where_its_meaning_is_clear(files):
    bank = load_bank()
    shared = load_result(files / "team_2026.toml", bank)  # "shared": the same option today
    assert shared.result.answers["last_mile.benefits"] == "shared"
    assert "last_mile.wallet" not in shared.unknown and "last_mile.wallet" in shared.read_as
    assert any("read as last_mile.benefits" in w.text("en") for w in shared.warnings)
    other = load_result(files / "team_2025.toml", bank)  # "other": the public or a non-investor?
    assert "last_mile.benefits" not in other.result.answers
    assert "last_mile.wallet" in other.unknown
    assert other.result.answers["last_mile.wallet"] == "other"  # kept in the record


def test_the_warnings_of_an_older_result_are_in_the_language_of_the_command(cli, files):
    """The file is English (team_strong.toml); the warnings follow --lang, as the report's
    words do, in the JSON too."""
    lines = {}
    for lang in ("nl", "en"):
        run = cli("--lang", lang, "report", files / "team_strong.toml", "--format", "json")
        assert run.code == 0
        lines[lang] = run.err.splitlines()
        assert json.loads(run.out)["warnings"] == [
            line.split("warning: ", 1)[-1].split("waarschuwing: ", 1)[-1] for line in lines[lang]
        ]
    file = files / "team_strong.toml"
    assert lines["nl"][0].startswith(
        f"innoscan: waarschuwing: {file}: gemaakt met versie 2026.1 van de vragenbank, gelezen "
        "met versie 2026.2: aanvaard"
    )
    assert f"{file}: last_mile.wallet = 'shared' gelezen als last_mile.benefits" in lines["nl"][1]
    assert lines["en"][0].startswith(
        f"innoscan: warning: {file}: made with bank version 2026.1, read with version 2026.2"
    )
    assert len(lines["nl"]) == len(lines["en"]) == 3  # version, read as, answers kept


def test_answers_to_questions_no_longer_asked_stay_in_the_file_and_are_listed(cli, files):
    """Bank 2026.2 asks fewer questions (changes.toml); 2026.1's answers to them are kept."""
    gone = {"activity.count", "leadership.budget", "roles.methods", "climate.blame"}
    loaded = load_result(files / "team_2025.toml", load_bank())
    assert gone <= set(loaded.unknown) and gone <= set(loaded.result.answers)
    md = cli("report", files / "team_2025.toml", "--lang", "en").out
    listed = md.split("belong to questions this bank no longer has")[1].split("## ")[0]
    assert all("| " + q.replace("_", "\\_") + " |" in listed for q in gone)  # Markdown-escaped


def test_two_2026_1_years_compare(cli, files):
    run = cli("compare", files / "team_2025.toml", files / "team_2026.toml")
    assert run.code == 0, run.err
    assert "2025" in run.out and "2026" in run.out


def test_2026_1_individual_answers_merge(cli, files, tmp_path):
    target = tmp_path / "team.toml"
    individuals = sorted(files.glob("individual_*.toml"))
    run = cli("merge", *individuals, "-o", target)
    assert run.code == 0, run.err
    assert cli("report", target).code == 0
