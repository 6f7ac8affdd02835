"""A participant's app knows serve's process again, by its id and start (store/system.py)."""

from __future__ import annotations

from innoscan.store import system


def test_a_process_is_known_by_its_id_and_start_not_its_id_alone():
    assert system.runs(system.me())
    pid, started = system.me().split()
    assert not system.runs(f"{pid} {float(started) - 60}")  # another process, its id again
    assert not system.runs(f"{2**22 + 1} {started}")  # no such process
    assert system.runs("not a process")  # cannot tell: not taken for gone
