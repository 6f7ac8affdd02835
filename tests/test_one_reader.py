"""One way to read a file (content/files.py): regular files only, opened without waiting, a
size limit, a byte order mark tolerated; folder scans name what they leave out (issue 21:
items 9 and 11, and the folders of item 8 that cannot be listed)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from answer_sets import STRONG
from overview_folder import result
from unreadable import unreadable

from innoscan.content.files import MAX_BYTES, read_bytes
from innoscan.content.loader import builtin_bank_dir, load_bank
from innoscan.content.problems import InputError
from innoscan.store.session import ResultsFolder

BANK = load_bank()
NOT_REGULAR = "is not a regular file (a named pipe, a device or a socket): not read"
OUTSIDE = "is a link to a file outside the folder: not read"
fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def one_line(run, path: Path, why: str) -> None:
    assert run.code == 2, run.err
    assert run.err == f"innoscan: {path}: {why}\n"


def innoscan(*args, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    """innoscan as a process, bounded: a hang fails the test (after 30 s), and reading
    without end stops at 2 GB of memory rather than the machine's."""

    def limited() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [sys.executable, "-m", "innoscan", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=30,
        preexec_fn=limited if os.name == "posix" else None,
    )


def left_out(overview_json: str) -> dict[str, str]:
    """The overview's files left out as problems, with why."""
    skipped = json.loads(overview_json)["skipped"]
    return {s["file"]: s["why"].removeprefix("could not be used: ") for s in skipped}


@pytest.fixture
def team_file(tmp_path) -> Path:
    path = tmp_path / "results" / "team-data-2026.toml"
    path.parent.mkdir()
    result(BANK, "Team Data", 2026, STRONG).save(path)
    return path


# ── the reader ────────────────────────────────────────────────────────────────────────


@fifos
def test_the_reader_takes_regular_files_only_and_never_waits(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match=re.escape(NOT_REGULAR)), _writer_for(tmp_path / "pipe"):
        read_bytes(tmp_path / "pipe")
    with pytest.raises(InputError, match=re.escape(NOT_REGULAR)):
        read_bytes("/dev/zero")
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_bytes(tmp_path)
    with pytest.raises(InputError, match="file not found"):
        read_bytes(tmp_path / "missing.toml")


def test_a_file_larger_than_the_limit_is_one_line(cli, tmp_path):
    huge = tmp_path / "huge.toml"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing written
    one_line(cli("report", huge), huge, "is larger than 8 MiB: not read")
    assert len(read_bytes(huge, MAX_BYTES + 1)) == MAX_BYTES + 1


def test_a_byte_order_mark_at_the_start_of_a_result_is_tolerated(cli, team_file):
    team_file.write_bytes(b"\xef\xbb\xbf" + team_file.read_bytes())
    run = cli("report", team_file, "--format", "json")
    assert run.code == 0, run.err
    assert '"team": "Team Data"' in run.out


# ── item 9: named pipes and devices never hang a command ──────────────────────────────


@fifos
@pytest.mark.slow  # innoscan as processes
def test_named_pipes_and_devices_hang_nothing(tmp_path, team_file):
    folder = team_file.parent
    os.mkfifo(folder / "pipe-2026.toml")
    (folder / "zero-2026.toml").symlink_to("/dev/zero")
    outside = tmp_path / "outside-2026.toml"
    outside.write_bytes(team_file.read_bytes())
    (folder / "outside-2026.toml").symlink_to(outside)
    run = innoscan("overview", folder, "--format", "json")
    assert run.returncode == 0, run.stderr
    assert left_out(run.stdout) == {
        "outside-2026.toml": OUTSIDE,
        "pipe-2026.toml": NOT_REGULAR,
        "zero-2026.toml": OUTSIDE,
    }
    assert "Team Data" in run.stdout

    os.mkfifo(tmp_path / "figures.toml")
    run = innoscan("report", team_file, "--benchmarks", tmp_path / "figures.toml")
    assert (run.returncode, run.stderr) == (2, f"innoscan: {tmp_path / 'figures.toml'}: {NOT_REGULAR}\n")

    team_file.unlink()
    os.mkfifo(team_file)  # the team's own file
    run = innoscan("run", "--plain", "--team", "Team Data", "--year", "2026", "--dir", folder)
    assert (run.returncode, run.stderr) == (2, f"innoscan: {team_file}: {NOT_REGULAR}\n")


@fifos
def test_the_start_screens_list_names_a_pipe_without_opening_it(tmp_path, team_file):
    pipe = team_file.parent / "pipe-2026.toml"
    os.mkfifo(pipe)
    with _writer_for(pipe):  # were it opened, it would not wait
        entries = ResultsFolder(team_file.parent).scan(BANK)
    assert [(e.path.name, e.told("en")) for e in entries if e.problem] == [
        ("pipe-2026.toml", NOT_REGULAR)
    ]
    assert [e.path for e in entries if e.loaded] == [team_file]


@contextlib.contextmanager
def _writer_for(pipe: Path):
    """Someone at the other end of a named pipe, who writes nothing and leaves: opening it
    to read does not wait for ever, even where it is opened as a file."""

    def write() -> None:
        with contextlib.suppress(OSError):
            os.close(os.open(pipe, os.O_WRONLY))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield
    finally:
        reader = None
        with contextlib.suppress(OSError):  # the writer waits for a reader: here is one,
            reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # open until it has gone
        writer.join(timeout=30)
        if reader is not None:
            os.close(reader)


# ── folders that cannot be listed (item 8, item 11) ───────────────────────────────────


def test_overview_names_a_subfolder_it_cannot_read(cli, team_file, monkeypatch):
    folder = team_file.parent
    (folder / "workshop").mkdir()
    result(BANK, "Team Two", 2026, STRONG).save(folder / "workshop" / "team-two-2026.toml")
    unreadable(monkeypatch, folder / "workshop")
    run = cli("overview", folder, "--format", "json")
    assert run.code == 0, run.err
    assert left_out(run.out) == {"workshop": "cannot be listed (Permission denied)"}
    assert "Team Data" in run.out


def test_a_results_folder_that_cannot_be_listed_is_one_line(cli, team_file, monkeypatch):
    folder = team_file.parent
    unreadable(monkeypatch, folder)
    one_line(cli("overview", folder), folder, "cannot be listed (Permission denied)")
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    run = cli("run", "--plain", "--team", "Team Data", "--year", "2026", "--dir", folder)
    one_line(run, folder, "cannot be read (Permission denied)")
    entries = ResultsFolder(folder).scan(BANK)
    assert [(e.path, e.told("en")) for e in entries] == [
        (folder, "cannot be listed (Permission denied)")
    ]


def test_a_banks_sections_folder_that_cannot_be_listed_is_one_line(cli, tmp_path, monkeypatch):
    import shutil

    bank = tmp_path / "bank"
    shutil.copytree(builtin_bank_dir(), bank)
    unreadable(monkeypatch, bank / "sections")
    for args in (["validate", bank], ["template", "--bank", bank]):
        one_line(cli(*args), bank / "sections", "cannot be listed (Permission denied)")


@pytest.mark.parametrize("command", ["overview", "run-plain", "bank"])
def test_a_folder_inside_one_that_may_not_be_looked_into_is_one_line(
    cli, tmp_path, monkeypatch, command
):
    """`--dir`, `overview` or `--bank` at a folder inside another user's (no search right):
    pathlib's exists() and is_dir() raise PermissionError there; it was exit 1."""
    closed = tmp_path / "closed"
    (closed / "results").mkdir(parents=True)
    unreadable(monkeypatch, closed)
    inner = closed / "results"
    if command == "overview":
        run = cli("overview", inner)
    elif command == "bank":
        run = cli("validate", inner)
    else:
        monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
        run = cli("run", "--plain", "--team", "Team Data", "--dir", inner)
    assert run.code == 2, (run.code, run.err)
    assert "Traceback" not in run.err and "unexpected" not in run.err
    lines = run.err.splitlines()
    assert lines and all(line.startswith("innoscan: ") for line in lines)
    assert str(closed) in run.err
