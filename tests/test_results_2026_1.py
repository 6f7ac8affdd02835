"""Last year's records stay readable: result files made with bank 2026.1 load in every command.

tests/fixtures/results_2026_1/ holds result files written with the built-in bank as it was
at version 2026.1 (five team runs, three individual answers). Whatever the bank becomes, they
must still give a report, a comparison and a merged profile, with every answer understood.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

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
    assert data["unknown_answers"] == {}
    assert data["warnings"] == [] or data["bank"]["version"] != "2026.1"


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
