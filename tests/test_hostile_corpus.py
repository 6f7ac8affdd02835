"""Every command over a corpus of hostile files (issue 21): exit status 0 or 2, one bounded
line per problem naming the file (and the key, where there is one), no traceback, no hang.

The text cases (tests/hostile_files.py) run in-process through the `cli` fixture; what can
hang or eat memory (a named pipe, a link to /dev/zero) or needs another user (mode 000, as
root) runs as processes bounded by a timeout; a full disk is simulated where files are
written."""

from __future__ import annotations

import errno
import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from hostile_files import (
    FILE_NAME,
    TEAM,
    TEXT_CASES,
    good_result,
    make_dev_zero_link,
    make_fifo,
    make_mode_000,
    text_case,
)
from processes import Run, run_on_terminal, run_process

from innoscan.content.loader import load_bank
from innoscan.store.result import Result

BANK = load_bank()
MINI = Path(__file__).parent / "fixtures" / "mini_bank"
LONGEST_LINE = 2000  # a line told about a file: never a 3.9 MB one
RUN_PLAIN = ("run", "--plain", "--team", TEAM, "--year", "2026", "--lang", "en")


def told(run: Run, path: Path | None = None, key: str | None = None) -> None:
    """Exit status 0 or 2, no traceback, a few bounded lines on standard error each from
    innoscan; refused (2): a line names `path` (and `key`)."""
    assert run.code in (0, 2), (run.code, run.err[-3000:])
    for stream in (run.out, run.err):
        assert "Traceback" not in stream and "unexpected error" not in stream, stream[-3000:]
    lines = run.err.splitlines()
    assert len(lines) <= 25, lines[:30]
    assert all(line.startswith("innoscan") for line in lines), lines
    assert all(len(line) < LONGEST_LINE for line in lines), [len(line) for line in lines]
    if run.code == 2 and path is not None:
        named = [line for line in lines if str(path) in line]
        assert named, (path, lines)
        if key is not None:
            assert any(f": {key}" in line for line in named), (key, named)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A results folder holding Team Other's 2026 result and Team Data's of 2025."""
    results = tmp_path / "results"
    results.mkdir()
    other = Result.new(BANK, "Team Other", 2026, "en", status="complete")
    other.save(results / "team-other-2026.toml")
    Result.new(BANK, TEAM, 2025, "en", status="complete").save(tmp_path / "team-data-2025.toml")
    return results


def every_command(cli, path: Path, folder: Path, key: str | None, monkeypatch) -> None:
    """Each command that reads a result, over the result at `path` (inside `folder`)."""
    out = folder.parent / "out"
    out.mkdir(exist_ok=True)
    earlier = folder.parent / "team-data-2025.toml"
    for fmt in ("md", "json", "toml"):
        told(cli("report", path, "--format", fmt), path, key)
    # charts are drawn only for a file that reads (the BOM's): seconds, and not what is tested
    told(cli("report", path, "--no-charts", "-o", out / "report.md"), path, key)
    told(cli("report", path, "--format", "docx", "--no-charts", "-o", out / "r.docx"), path, key)
    told(cli("compare", earlier, path, "--no-charts", "-o", out / "compare.md"), path, key)
    told(cli("merge", path, path), path, key)
    told(cli("merge", path, "-o", out / "profile.toml"), path, key)
    told(cli("overview", folder, "--no-charts", "-o", out / "overview.md"), path)
    told(cli("overview", folder, "--format", "json"), path)
    told(cli("template", "--team", TEAM, "-o", path), path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"q\n")))
    told(cli(*RUN_PLAIN, "--dir", folder), path, key)


@pytest.mark.parametrize("case", TEXT_CASES)
def test_every_command_over_a_hostile_result_file(cli, folder, case, monkeypatch):
    path = folder / FILE_NAME  # Team Data's own file, as run and the start screen find it
    text = text_case(BANK, case)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    every_command(cli, path, folder, TEXT_CASES[case][2], monkeypatch)


@pytest.mark.parametrize("case", TEXT_CASES)
def test_questions_validate_and_template_over_a_hostile_bank_file(cli, tmp_path, case):
    bank = tmp_path / "bank"
    shutil.copytree(MINI, bank)
    text = text_case(BANK, case)
    path = bank / "sections" / "beta.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    told(cli("validate", bank), path)
    told(cli("questions", "--bank", bank), path)
    told(cli("questions", "--json", "--bank", bank), path)
    told(cli("template", "--bank", bank, "-o", tmp_path / "sheet.toml"), path)


@pytest.mark.slow
def test_the_start_screen_over_every_hostile_file(bank, tmp_path, monkeypatch):
    """The TUI's start screen (under Pilot) over a folder of all the text cases: it shows,
    and each file that cannot be read is listed with its problem."""
    import asyncio

    from innoscan.tui.factory import make_app

    results = tmp_path / "results"
    results.mkdir()
    for case in TEXT_CASES:
        text = text_case(bank, case)
        path = results / f"{case}-2026.toml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)

    async def start() -> list[str]:
        app = make_app(bank, "en", results)
        async with app.run_test(size=(120, 60)) as pilot:
            await pilot.pause()
            return [str(static.render()) for static in app.screen.query(".problem")]

    told = asyncio.run(start())
    for case, (_, _, key) in TEXT_CASES.items():
        if key is not None:
            assert any(line.startswith(f"{case}-2026.toml: {key}") for line in told), (case, told)
    assert all(len(line) < LONGEST_LINE for line in told)


# ── what can hang, eat memory or needs another user: processes with a timeout ───────────


def _in_process_of_its_own(*args, cwd: Path, stdin: str = "q\n") -> Run:
    """innoscan ARGS as a process, bounded: 30 s (else it hung: the test fails saying so)
    and 3 GB of memory (a read of /dev/zero ends with MemoryError, not the machine's)."""
    import subprocess

    try:
        return run_process(*args, cwd=cwd, stdin=stdin, timeout=30, memory=3 << 30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"innoscan {' '.join(map(str, args))} hung: still running after 30 s")


SPECIAL = {
    "fifo": make_fifo,
    "link_to_dev_zero": make_dev_zero_link,
}


@pytest.mark.slow
@pytest.mark.parametrize("case", SPECIAL)
def test_a_pipe_or_a_device_in_place_of_a_result_is_told_and_never_hangs(tmp_path, case):
    results = tmp_path / "results"
    results.mkdir()
    path = SPECIAL[case](results / FILE_NAME)
    told(_in_process_of_its_own("report", path, cwd=tmp_path), path)
    told(_in_process_of_its_own("overview", results, cwd=tmp_path), path)
    told(_in_process_of_its_own(*RUN_PLAIN, "--dir", results, cwd=tmp_path), path)
    if case == "fifo":
        benchmarks = make_fifo(tmp_path / "benchmarks.toml")
        good = tmp_path / "good.toml"
        good.write_text(good_result(BANK), encoding="utf-8")
        told(_in_process_of_its_own("report", good, "--benchmarks", benchmarks, cwd=tmp_path))


@pytest.mark.slow
def test_the_start_screen_with_a_pipe_in_the_folder_shows_and_quits(tmp_path):
    results = tmp_path / "innoscan-results"
    results.mkdir()
    make_fifo(results / FILE_NAME)
    (results / "team-other-2026.toml").write_text(good_result(BANK), encoding="utf-8")
    run = run_on_terminal(cwd=tmp_path, shown="Quit")  # Ctrl+Q once the start screen shows
    assert run.code == 0, run
    assert "Traceback" not in run.out + run.err


@pytest.mark.slow
def test_a_hostile_file_on_the_start_screen_as_a_process(tmp_path):
    """The TUI as a user runs it, over a result dated in the year 1: the start screen shows
    the file as unreadable, Ctrl+Q ends it with status 0 and nothing printed."""
    results = tmp_path / "innoscan-results"
    results.mkdir()
    (results / FILE_NAME).write_bytes(text_case(BANK, "date_year_1").encode())
    run = run_on_terminal(cwd=tmp_path, shown="Quit")
    assert (run.code, run.err.strip()) == (0, ""), run


def _as_a_user() -> dict:
    """Keyword arguments for a process that reads files as a user does: root (as CI runs)
    without the capabilities that read files of mode 000 (gone from its bounding set, so
    the program it runs never has them)."""
    if os.name != "posix" or os.geteuid() != 0:
        return {}
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2

    def drop() -> None:
        for cap in (cap_dac_override, cap_dac_read_search):
            libc.prctl(pr_capbset_drop, cap, 0, 0, 0)

    return {"preexec_fn": drop}


@pytest.mark.slow
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_result_or_a_folder_of_mode_000_is_told(tmp_path, what):
    as_user = _as_a_user()
    work = tmp_path / "work"
    results = work / "results"
    results.mkdir(parents=True)
    (results / "team-other-2026.toml").write_text(good_result(BANK), encoding="utf-8")
    if what == "file":
        path = make_mode_000(results / FILE_NAME, good_result(BANK))
    else:
        path = results / "workshop-unreadable"
        path.mkdir()
        (path / FILE_NAME).write_text(good_result(BANK), encoding="utf-8")
        path.chmod(0)
    overview = run_process("overview", results, cwd=work, timeout=30, **as_user)
    told(overview, path)
    assert path.name in overview.out + overview.err  # not left out silently
    where = path.parent if what == "file" else path
    told(run_process(*RUN_PLAIN, "--dir", where, cwd=work, stdin="q\n", timeout=30, **as_user), path)
    if what == "file":
        told(run_process("report", path, cwd=work, timeout=30, **as_user), path)
    path.chmod(0o700)


# ── a full disk where files are written ──────────────────────────────────────────────


@pytest.mark.slow
def test_a_full_disk_is_one_line_and_the_files_stay_as_they_were(cli, folder, monkeypatch):
    good = folder / FILE_NAME
    good.write_text(good_result(BANK), encoding="utf-8")
    before = good.read_bytes()
    out = folder.parent / "out"
    out.mkdir()

    def full(*_, **__):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)  # where every write of innoscan ends
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"1\nq\n")))
    runs = {
        out / "report.md": cli("report", good, "-o", out / "report.md"),
        out / "profile.toml": cli("merge", good, "-o", out / "profile.toml"),
        out / "sheet.toml": cli("template", "--team", "T", "-o", out / "sheet.toml"),
        out / "overview.md": cli("overview", folder, "-o", out / "overview.md"),
        folder / "team-new-2026.toml": cli(*RUN_PLAIN, "--team", "Team New", "--dir", folder),
    }
    for target, run in runs.items():
        told(run)
        assert run.code == 2 and "No space left on device" in run.err + run.out, (target, run)
        assert not target.exists()
    assert good.read_bytes() == before
