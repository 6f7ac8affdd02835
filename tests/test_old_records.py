"""Last year's records stay readable: result files made with bank 2026.1 (kept in
tests/fixtures/bank-2026.1, written by innoscan as it was then) load in report, compare and
merge with today's bank."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "bank-2026.1"
RECORDS = sorted(FIXTURES.glob("*.toml"))


def test_the_old_records_are_there():
    assert {p.stem for p in RECORDS} >= {"strong", "struggling", "not_innovating"}
    assert all('bank_version = "2026.1"' in p.read_text() for p in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_an_old_record_gives_a_report(cli, record):
    run = cli("report", record, "--format", "json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["scores"] and report["success_factors"]


def test_old_records_compare_with_a_new_one(cli, tmp_path):
    old = FIXTURES / "struggling.toml"
    new = tmp_path / "team-2027.toml"
    run = cli("template", "--team", "Team Struggling", "--year", "2027", "-o", new)
    assert run.code == 0, run.err
    run = cli("compare", old, new, "--format", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["years"] == [2026, 2027]


def test_old_individual_records_merge(cli, tmp_path):
    files = []
    for name in ("strong", "struggling"):
        target = tmp_path / f"{name}.toml"
        shutil.copy(FIXTURES / f"{name}.toml", target)
        files.append(target)
    run = cli("merge", *files, "-o", tmp_path / "team.toml", "--force")
    assert run.code == 0, run.err
    assert (tmp_path / "team.toml").is_file()
