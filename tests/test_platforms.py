"""The Windows branches of store/system.py (and their users), run on Linux by making
`system.windows()` say yes; the POSIX-only calls are made to fail there, so a branch that
still reaches one is caught (issue 14, Windows)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from innoscan.content.loader import load_bank
from innoscan.content.problems import InputError
from innoscan.store import system
from innoscan.store.atomic import write_atomic
from innoscan.store.lock import Lock, LockedError, Owner
from innoscan.store.session import ResultsFolder, Session

BANK = load_bank()


def _never(name: str):
    def call(*args, **kwargs):
        raise AssertionError(f"os.{name} called on the Windows path")

    return call


@pytest.fixture
def on_windows(monkeypatch):
    """system.windows() is true, and the POSIX-only calls it must avoid fail."""
    monkeypatch.setattr(system, "windows", lambda: True)
    for name in ("chmod", "umask"):
        monkeypatch.setattr(os, name, _never(name))


def test_process_liveness_is_asked_of_psutil_never_by_a_signal(monkeypatch):
    """On Windows os.kill(pid, 0) is CTRL_C_EVENT: liveness is psutil's, everywhere."""
    import inspect

    import psutil

    from innoscan.store import lock

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True)  # fmt: skip
    assert system.alive(os.getpid()) and not system.alive(int(dead.stdout))
    asked = []
    monkeypatch.setattr(psutil, "pid_exists", lambda pid: asked.append(pid) or False)
    me = Owner.me()
    assert Owner(4242, me.host, me.since, me.seen).crashed_here() and asked == [4242]
    assert not Owner(4243, "another-laptop", me.since, me.seen).crashed_here()
    assert asked == [4242]  # a process elsewhere is not looked for here
    for module in (lock, system):
        assert "os.kill" not in inspect.getsource(module)


def test_writing_and_locking_on_windows(on_windows, tmp_path):
    folder = ResultsFolder(tmp_path / "results")
    session = Session.open(BANK, folder, "Team Data", 2026, "en", lock=True)
    session.answer(BANK.question("activity.products"), "yes")
    assert Session.resume(BANK, session.path).result.answers == {"activity.products": "yes"}
    write_atomic(tmp_path / "private.toml", "a = 1\n", private=True)
    session.lock.refresh()
    session.close()
    assert not Lock(session.path).path.exists()
    individual = Session.open(BANK, folder, "Team Data", 2026, "en", mode="individual")
    individual.answer(BANK.question("activity.products"), "no")


def test_a_second_session_on_windows_is_told_who_has_it(on_windows, tmp_path):
    from test_lock import other_process_lock

    folder = ResultsFolder(tmp_path)
    Session.open(BANK, folder, "Team Data", 2026, "en").close()
    other_process_lock(folder.path_for("Team Data", 2026), pid=os.getppid())
    with pytest.raises(LockedError, match="in use"):
        Session.open(BANK, folder, "Team Data", 2026, "en", lock=True)


def test_replacing_a_file_another_program_has_open_is_tried_again_on_windows(
    on_windows, monkeypatch, tmp_path
):
    calls = []
    real_replace = os.replace

    def busy_twice(source, target):
        calls.append(target)
        if len(calls) <= 2:
            raise PermissionError(13, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", busy_twice)
    write_atomic(tmp_path / "r.toml", "a = 1\n")
    assert len(calls) == 3 and (tmp_path / "r.toml").read_text() == "a = 1\n"


def test_on_posix_a_refused_rename_is_reported_at_once(monkeypatch, tmp_path):
    def refused(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(InputError, match="cannot be written"):
        write_atomic(tmp_path / "r.toml", "a = 1\n")
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary file left


@pytest.mark.parametrize(
    ("name", "device"),
    [("NUL", True), ("nul.txt", True), ("C:\\work\\com1.md", True), ("aux ", True),
     ("Con.toml", True), ("console.md", False), ("nullish", False), ("team-2026.toml", False)],
)  # fmt: skip
def test_windows_device_names(on_windows, name, device):
    assert system.is_device_name(name) is device


def test_device_names_mean_nothing_elsewhere():
    assert not system.is_device_name("NUL")


def test_a_participants_command_on_windows_is_for_cmd_exe(on_windows, tmp_path):
    from innoscan.serve.server import _PARTICIPANT, WorkshopServer, participant_command

    command = participant_command("Team Data", 2026, tmp_path / "my results", "nl")
    assert not command.startswith("exec ")
    assert '"Team Data"' in command and f'"{(tmp_path / "my results").resolve()}"' in command
    server = WorkshopServer(command, "127.0.0.1", 8000, "innoscan")
    _PARTICIPANT.set("p-0123456789ab")
    assert server.command == f"{command} --participant p-0123456789ab"


def test_a_participants_command_on_posix_gives_way_to_the_app(tmp_path):
    from innoscan.serve.server import participant_command

    command = participant_command("Team Data", 2026, tmp_path, "nl")
    assert command.startswith("exec ") and "'Team Data'" in command


def test_stop_signals_on_windows_go_through_the_signal_module(on_windows, monkeypatch):
    import asyncio
    import signal

    installed = {}
    monkeypatch.setattr(signal, "signal", lambda number, handler: installed.setdefault(number, handler))
    loop = asyncio.new_event_loop()
    monkeypatch.setattr(loop, "add_signal_handler", _never("add_signal_handler"))
    called = []
    try:
        system.on_stop_signals(loop, lambda: called.append(True))
        assert signal.SIGINT in installed and signal.SIGTERM in installed
        installed[signal.SIGINT](signal.SIGINT, None)  # Ctrl+C arrives
        loop.run_until_complete(asyncio.sleep(0.01))
    finally:
        loop.close()
    assert called == [True]


def _stream(encoding: str):
    import io

    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding=encoding)


def test_output_in_a_code_page_never_fails_on_a_name(monkeypatch):
    raw, stream = _stream("cp1252")
    system.never_unprintable(stream)
    stream.write("数据团队 · Café\n")
    stream.flush()
    assert raw.getvalue() == "\\u6570\\u636e\\u56e2\\u961f · Café\n".encode("cp1252")


def test_on_windows_output_to_a_file_or_pipe_is_utf8(on_windows):
    raw, stream = _stream("cp1252")
    system.never_unprintable(stream)
    stream.write("数据团队\n")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "数据团队\n"


def test_a_report_to_a_code_page_terminal_is_exit_0(tmp_path):
    def innoscan(*args, stdin=b""):
        env = {**os.environ, "PYTHONIOENCODING": "cp1252", "LANG": "C.UTF-8"}
        done = subprocess.run([sys.executable, "-m", "innoscan", *map(str, args)], input=stdin,
                              capture_output=True, cwd=tmp_path, env=env, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout.decode("cp1252")

    innoscan("run", "--plain", "--team", "数据团队", "--lang", "en", stdin=b"1\nq\n")
    [result] = (tmp_path / "innoscan-results").glob("*.toml")
    assert "\\u6570\\u636e\\u56e2\\u961f" in innoscan("report", result)


def test_the_port_probe_on_windows_shares_no_port_and_finds_one_in_use(on_windows):
    import socket

    from innoscan.serve.workshop import _can_listen

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(InputError, match="cannot listen"):
            _can_listen("127.0.0.1", taken.getsockname()[1])


async def test_on_windows_there_is_no_warm_process_apps_start_anew(on_windows):
    """No fork on Windows: serve starts each participant's app as a new process."""
    from innoscan.serve.warm import WarmStarter, available

    assert not available()
    starter = WarmStarter("exit 0", dict(os.environ))
    assert await starter.start() is False
    assert starter.process is None  # nothing was started
    assert await starter.spawn("p-1", {}) is None
