"""`innoscan serve`'s resources: nothing outlives it."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time

import psutil
import pytest
from serve_client import Participant, free_port, start_server
from test_serve import ann_says_yes, results

pytestmark = pytest.mark.slow  # a server process and browsers over websockets


def apps_of(server: psutil.Process) -> list[psutil.Process]:
    """The participants' app processes under `server` (the warm process left out)."""
    return [p for p in server.children(recursive=True) if "--warm" not in p.cmdline()]


async def gone(processes: list[psutil.Process], within: float = 20) -> list[psutil.Process]:
    """Those of `processes` still running after `within` seconds (polling)."""
    deadline = time.monotonic() + within
    while True:
        running = [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        if not running or time.monotonic() > deadline:
            return running
        await asyncio.sleep(0.2)


async def test_a_killed_server_leaves_no_participant_app_and_no_lock(tmp_path):
    """kill -9 of serve: each participant's app (and the warm process) notices within a
    second or two that serve is gone, saves and ends; its lock goes with it."""
    folder = tmp_path / "results"
    port = free_port()
    proc = start_server(folder, port)
    ann = Participant(f"http://127.0.0.1:{port}", code=proc.code)
    left: list[psutil.Process] = []
    try:
        await ann_says_yes(ann)
        server = psutil.Process(proc.pid)
        apps = apps_of(server)
        left = server.children(recursive=True)
        assert apps and list(folder.glob("*.lock"))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        still = await gone(left)
    finally:
        await ann.close()
        proc.kill()
        for process in left:  # the test's own processes, should they outlive it
            with contextlib.suppress(psutil.Error):
                process.kill()
    assert still == [], [p.cmdline() for p in still]
    assert not list(folder.glob("*.lock"))
    [saved] = results(folder)
    assert "activity.products" in saved.read_text()
