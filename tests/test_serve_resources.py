"""`innoscan serve`'s resources: nothing outlives it, and no browser can take more than its
share (screen size, connections, guesses at the join code)."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import re
import signal
import time

import aiohttp
import psutil
import pytest
from serve_client import Participant, free_port, start_server, stop_server
from test_serve import ann_says_yes, results

from innoscan.serve.limits import MAX_COLUMNS, MAX_ROWS

pytestmark = pytest.mark.slow  # a server process and browsers over websockets
_MOVES = re.compile(rb"\x1b\[(\d+);(\d+)H")


def apps_of(server: psutil.Process) -> list[psutil.Process]:
    """The participants' app processes under `server` (the warm process left out, not the
    apps forked from it, which share its command line)."""
    warm = {p.pid for p in server.children() if "--warm" in p.cmdline()}
    return [p for p in server.children(recursive=True) if p.pid not in warm]  # forked: its own


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


def drawn_size(screen: bytes) -> tuple[int, int]:
    """The last row and the rightmost column the app moved the cursor to: the size it draws."""
    moves = [(int(row), int(column)) for row, column in _MOVES.findall(screen)]
    return max(row for row, _ in moves), max(column for _, column in moves)


async def test_a_browser_asking_for_a_huge_screen_gets_the_largest_there_is(tmp_path):
    """2000x1000 asked for (in the address and in a resize): the app draws 400x200 at most
    (a 20000x20000 screen took one app 2 GB)."""
    port = free_port()
    proc = start_server(tmp_path / "results", port)
    ann = Participant(f"http://127.0.0.1:{port}", code=proc.code)
    try:
        await ann.open_page()
        await ann.connect(width=2000, height=1000)
        await ann.wait_for("Your name")
        await ann.type("Ann\r")  # the next screen is drawn after the resize, whole
        await ann.wait_for("products")
        rows, columns = drawn_size(ann.screen)
    finally:
        await ann.close()
        stop_server(proc)
    assert rows == MAX_ROWS
    assert 300 < columns <= MAX_COLUMNS


def http_get(port: int, path: str, source: str = "127.0.0.1") -> tuple[int, str, dict]:
    """GET from the address `source` (any of 127.0.0.0/8 on Linux)."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode(), dict(response.getheaders())
    finally:
        connection.close()


async def test_when_the_workshop_is_full_the_next_browser_is_told_so_and_no_app_starts(tmp_path):
    port = free_port()
    proc = start_server(tmp_path / "results", port, "--max-participants", "1")
    base = f"http://127.0.0.1:{port}"
    ann, bob = Participant(base, code=proc.code), Participant(base, code=proc.code)
    try:
        await ann.open_page()
        await bob.open_page()  # both have the page; Ann connects first
        await ann.connect()
        await ann.wait_for("Your name")
        status, page, _ = http_get(port, f"/?code={proc.code}")
        assert status == 503
        assert "The workshop is full: 1 participants are answering" in page
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await bob.connect()
        assert refused.value.status == 503
        assert len(apps_of(psutil.Process(proc.pid))) == 1  # none started for Bob
        await ann.disconnect()  # Ann leaves: there is room for Bob
        deadline = time.monotonic() + 30
        while http_get(port, f"/?code={proc.code}")[0] == 503 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await bob.connect()
        await bob.wait_for("Your name")
    finally:
        await ann.close()
        await bob.close()
        stop_server(proc)


async def test_wrong_join_codes_slow_that_address_down_and_no_other(tmp_path):
    """After a wrong code, the codes from that address are not even looked at for a while
    (429, Retry-After), longer with each wrong one; the right code from elsewhere gets in."""
    port = free_port()
    proc = start_server(tmp_path / "results", port)
    code = proc.code
    try:
        wrong = "".join(reversed(code)) if code != code[::-1] else "abcdefgh"
        answers = [http_get(port, f"/?code={wrong}") for _ in range(20)]
        statuses = [status for status, _, _ in answers]
        assert statuses[0] == 403
        assert statuses.count(403) <= 3, statuses  # 2,800 guesses a second, unchecked
        status, page, headers = next(a for a in answers if a[0] == 429)
        assert int(headers["Retry-After"]) >= 1
        assert "Too many wrong join codes from this address" in page
        for _ in range(100):  # on into a wait with seconds left, however slow the machine
            status, _, headers = http_get(port, f"/?code={wrong}")
            if status == 429 and int(headers["Retry-After"]) >= 3:
                break
            time.sleep(0.1)
        else:
            pytest.fail("no wait of 3 s or more after 100 wrong codes")
        assert http_get(port, f"/?code={code}")[0] == 429  # not looked at: not even the right one
        assert http_get(port, f"/?code={code}", source="127.0.0.2")[0] == 200
    finally:
        stop_server(proc)
