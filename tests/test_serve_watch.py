"""A participant's app knows serve's process again, by its id and start (store/system.py)."""

from __future__ import annotations

import subprocess
import time

import psutil
import pytest

from innoscan.store import system


def test_a_process_is_known_by_its_id_and_start_not_its_id_alone():
    assert system.runs(system.me())
    pid, started = system.me().split()
    assert not system.runs(f"{pid} {float(started) - 60}")  # another process, its id again
    assert not system.runs(f"{2**22 + 1} {started}")  # no such process
    assert system.runs("not a process")  # cannot tell: not taken for gone


@pytest.mark.skipif(system.windows(), reason="no zombies on Windows")
def test_a_process_that_has_ended_but_is_not_yet_reaped_is_not_alive():
    """An app that has ended is a zombie until its parent (init, for serve's forked apps)
    reaps it: stopping must not wait for it, nor a lock be held by it."""
    child = subprocess.Popen(["true"])
    deadline = time.monotonic() + 30
    while psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    try:
        assert not system.alive(child.pid)
    finally:
        child.wait()
