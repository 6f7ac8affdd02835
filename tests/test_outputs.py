"""`-o FILE` never replaces a result, an input, a link or a pipe without --force, and never a
device; merging again over the team profile keeps its actions (issue 14, item 4)."""

from __future__ import annotations

import os
import stat
import threading
import tomllib
from pathlib import Path

import pytest

from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError
from innoscan.store import system
from innoscan.store.atomic import write_atomic
from innoscan.store.result import Action, Result, load_result

BANK = load_bank()


def respondent(folder: Path, name: str, vision: int) -> Path:
    result = Result.new(BANK, "Team Data", 2026, "en", mode="individual", respondent=name)
    result.answers.update({"activity.products": "yes", "leadership.vision": vision})
    path = folder / f"team-data-2026.individual-{name}.toml"
    result.save(path)
    return path


@pytest.fixture
def files(tmp_path):
    return [respondent(tmp_path, name, n) for name, n in (("ann", 2), ("bob", 4), ("cy", 5))]


def refused(run, path: Path, why: str) -> None:
    assert run.code == 2, run.err
    assert run.err == f"innoscan: {path}: {why}\n"


KEEPS = "not overwritten (--force replaces it)"


def test_report_over_its_own_result_is_refused_unless_forced(cli, files):
    before = files[0].read_bytes()
    refused(cli("report", files[0], "-o", files[0]), files[0], f"is one of the input files: {KEEPS}")
    assert files[0].read_bytes() == before
    assert cli("report", files[0], "-o", files[0], "--force").code == 0
    assert files[0].read_text(encoding="utf-8").startswith("# ")


def test_template_over_a_result_is_refused_unless_forced(cli, files):
    before = files[1].read_bytes()
    refused(cli("template", "-o", files[1]), files[1], f"holds a result: {KEEPS}")
    assert files[1].read_bytes() == before
    assert cli("template", "-o", files[1], "--force").code == 0


def test_merge_over_a_respondents_file_is_refused(cli, files):
    before = files[0].read_bytes()
    run = cli("merge", *files, "-o", files[0])
    refused(run, files[0], f"is one of the input files: {KEEPS}")
    run = cli("merge", *files[1:], "-o", files[0])
    refused(run, files[0], f"holds a result: {KEEPS}")
    assert files[0].read_bytes() == before


def test_compare_over_a_result_is_refused(cli, files, tmp_path):
    team = tmp_path / "team-data-2026.toml"
    Result.new(BANK, "Team Data", 2026, "en").save(team)
    refused(cli("compare", *files[:2], "-o", team), team, f"holds a result: {KEEPS}")


def test_merge_again_over_the_team_profile_keeps_its_actions(cli, files, tmp_path):
    team = tmp_path / "team-data-2026.toml"
    assert cli("merge", *files[:2], "-o", team).code == 0
    profile = load_result(team, BANK).result
    profile.actions.append(Action(target="section:leadership", what="Write the vision", who="Ann"))
    profile.save(team)
    run = cli("merge", *files, "-o", team)  # a late respondent
    assert run.code == 0, run.err
    assert f"innoscan: kept the 1 action(s) of {team}" in run.err
    again = load_result(team, BANK).result
    assert again.merge.respondents == 3
    assert [a.what for a in again.actions] == ["Write the vision"]
    assert again.meta.created == profile.meta.created


def test_merge_over_a_team_result_answered_together_is_refused(cli, files, tmp_path):
    team = tmp_path / "team-data-2026.toml"
    together = Result.new(BANK, "Team Data", 2026, "en")
    together.answers["activity.products"] = "no"
    together.save(team)
    refused(cli("merge", *files, "-o", team), team, f"holds a result: {KEEPS}")
    assert load_result(team, BANK).result.answers == {"activity.products": "no"}


def test_an_earlier_report_is_simply_written_again(cli, files, tmp_path):
    report = tmp_path / "report.md"
    report.write_text("# an older report\n", encoding="utf-8")
    assert cli("report", files[0], "-o", report).code == 0
    assert "older" not in report.read_text(encoding="utf-8")


def test_a_folder_is_not_a_file(cli, files, tmp_path):
    refused(cli("report", files[0], "-o", tmp_path), tmp_path, "is a folder, not a file")


@pytest.mark.skipif(not hasattr(os, "mknod") or os.geteuid() != 0, reason="mknod needs root")
def test_a_device_is_never_written_not_even_forced(cli, files, tmp_path):
    device = tmp_path / "null"  # a second /dev/null, so the real one is never at stake
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for force in ([], ["--force"]):
        run = cli("report", files[0], "-o", device, *force)
        refused(run, device, "is a device: innoscan never writes to one")
        assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_symbolic_link_is_written_through_only_when_forced(cli, files, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    refused(
        cli("report", files[0], "-o", link),
        link,
        "is a symbolic link: not written (--force writes to the file it names)",
    )
    assert real.read_text(encoding="utf-8") == "old\n"
    assert cli("report", files[0], "-o", link, "--force").code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")


def test_a_link_to_a_result_is_still_a_result(cli, files, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(files[2])
    before = files[2].read_bytes()
    assert cli("template", "-o", link).code == 2
    assert files[2].read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_into_only_when_forced(cli, files, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    refused(
        cli("report", files[0], "-o", pipe, "--format", "json"),
        pipe,
        "is a named pipe: not written (--force writes into it)",
    )
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    assert cli("report", files[0], "-o", pipe, "--format", "json", "--force").code == 0
    reader.join(timeout=10)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert received and received[0].startswith("{")


@pytest.mark.parametrize("name", ["NUL", "nul.md", "CON", "com1.toml", "LPT9", "conout$"])
def test_windows_device_names_are_never_written(cli, files, tmp_path, monkeypatch, name):
    monkeypatch.setattr(system, "windows", lambda: True)
    target = tmp_path / name
    for force in ([], ["--force"]):
        refused(
            cli("report", files[0], "-o", target, *force),
            target,
            "is a device: innoscan never writes to one",
        )
    assert not target.exists()
    assert cli("report", files[0], "-o", tmp_path / "console.md").code == 0


def test_write_atomic_never_writes_through_a_link_nor_replaces_a_pipe(tmp_path):
    real = tmp_path / "real.toml"
    real.write_text("a = 1\n", encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    with pytest.raises(InputError, match="is a symbolic link: innoscan never writes through"):
        write_atomic(link, "a = 2\n")
    assert link.is_symlink() and tomllib.loads(real.read_text(encoding="utf-8")) == {"a": 1}
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        with pytest.raises(InputError, match="not a regular file"):
            write_atomic(tmp_path / "pipe", "x")
