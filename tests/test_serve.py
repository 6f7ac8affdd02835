"""`innoscan serve`: the page over HTTP, and participants answering over the websocket."""

from __future__ import annotations

import asyncio
import re
import socket
import tomllib
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import aiohttp
import pytest
from answer_sets import STRONG
from processes import run_process
from serve_client import Participant, _line_with, free_port, start_server, stop_server

from innoscan.content.loader import load_bank
from innoscan.serve.server import participant_id
from innoscan.store.result import Result
from innoscan.store.session import ResultsFolder

pytestmark = pytest.mark.slow  # a server process and browsers over websockets


@pytest.fixture
def server(tmp_path):
    port = free_port()
    proc = start_server(tmp_path / "results", port)
    yield f"http://127.0.0.1:{port}", tmp_path / "results", proc
    stop_server(proc)


async def saved_answers(path: Path, expected: dict, timeout: float = 30) -> dict:
    """The file's answers once they equal `expected` (saving follows the screen closely)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        saved = tomllib.loads(path.read_text())
        if saved["answers"] == expected or asyncio.get_running_loop().time() > deadline:
            return saved
        await asyncio.sleep(0.05)


async def ann_says_yes(ann: Participant) -> None:
    """Ann opens the page, gives her name and answers the first question: yes."""
    await ann.open_page()
    await ann.connect()
    await ann.wait_for("Your name")
    await ann.type("Ann\r")
    await ann.wait_for("products")
    await ann.type("1")
    await ann.wait_for("(•) 1. Yes")


async def written(path: Path, timeout: float = 60) -> None:
    """Once `path` exists (written whole: a temporary file, then renamed); the charts take a
    few seconds to draw on a busy machine."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not path.exists():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"{path.name} was not written within {timeout} s")
        await asyncio.sleep(0.1)


def results(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.individual-*.toml"))


def get(url: str, **headers: str) -> tuple[int, str, Message]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def test_the_page_is_served_on_loopback_with_a_participant_cookie(server):
    base, _, proc = server
    status, html, headers = get(f"{base}/?code={proc.code}")
    assert status == 200
    assert '<meta name="viewport" content="width=device-width' in html
    assert "/static/js/textual.js" in html
    assert f'data-session-websocket-url="ws://{base.split("://")[1]}/ws"' in html
    [cookie] = [c for c in headers.get_all("Set-Cookie") if c.startswith("innoscan_participant=")]
    assert "HttpOnly" in cookie
    status, script, _ = get(base + "/static/js/textual.js")
    assert status == 200 and len(script) > 10_000


def test_only_the_room_gets_in_with_the_join_code_or_its_cookie(server):
    """The address in the QR code carries the join code: without it, or with a guess, the
    page, the websocket and downloads are refused; the cookie of a first visit lets back in."""
    base, _, proc = server
    code = proc.code
    assert re.fullmatch(r"[a-z2-9]{8}", code)
    assert f"{base}/?code={code}" in proc.printed  # the address the team lead shows
    status, _, headers = get(f"{base}/?code={code}")
    assert status == 200
    room_cookie = next(c for c in headers.get_all("Set-Cookie") if c.startswith("innoscan_room="))
    assert f"innoscan_room={code};" in room_cookie and "HttpOnly" in room_cookie
    assert "SameSite=Strict" in room_cookie
    assert get(base + "/", Cookie=f"innoscan_room={code}")[0] == 200  # a reload, no code
    assert get(base + "/static/js/textual.js")[0] == 200  # the page's script is no secret
    guess = "".join(reversed(code)) if code != code[::-1] else "abcdefgh"
    for path in ("/", "/ws", "/download/some-key"):  # after a wrong code: 429, wait (limits)
        assert get(base + path)[0] == 403, path
        assert get(f"{base}{path}?code={guess}")[0] in (403, 429), path
        assert get(base + path, Cookie=f"innoscan_room={guess}")[0] in (403, 429), path
    status, body, _ = get(base + "/")
    assert "join code" in body


async def test_the_websocket_needs_the_join_code_too(server):
    base, _, proc = server
    stranger, guest = Participant(base), Participant(base, code=proc.code)
    try:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await stranger.connect()
        assert refused.value.status == 403
        await guest.open_page()  # with the code: the room cookie
        await guest.connect()
        await guest.wait_for("Your name")
    finally:
        await stranger.close()
        await guest.close()


def test_each_run_has_a_new_join_code_and_open_has_none(tmp_path):
    codes = []
    for _ in range(2):
        port = free_port()
        proc = start_server(tmp_path / "results", port)
        codes.append(proc.code)
        stop_server(proc)
    assert codes[0] != codes[1]
    port = free_port()
    proc = start_server(tmp_path / "results", port, "--open")
    try:
        assert proc.code is None
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        stop_server(proc)


def test_open_is_only_for_this_computer(tmp_path):
    run = run_process("serve", "--team", "T", "--host", "0.0.0.0", "--open", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == (
        "innoscan: --open: only on this computer (--host 127.0.0.1), not on 0.0.0.0"
    )


def test_requests_for_another_host_are_refused(server):
    base, _, _ = server
    assert get(base + "/", Host="attacker.example")[0] == 403
    status, _, _ = get(base + "/ws", Origin="http://attacker.example")
    assert status == 403


async def test_each_participant_answers_in_their_own_file_and_a_reconnect_resumes(server):
    base, folder, proc = server
    ann, bob = Participant(base, code=proc.code), Participant(base, code=proc.code)
    try:
        await ann_says_yes(ann)
        [ann_file] = results(folder)
        saved = await saved_answers(ann_file, {"activity.products": "yes"})
        assert saved["meta"]["respondent"] == "Ann"
        assert saved["answers"] == {"activity.products": "yes"}
        assert ann_file.stat().st_mode & 0o077 == 0

        await bob.open_page()
        await bob.connect()
        await bob.wait_for("Your name")
        await bob.type("\r")  # anonymous
        await bob.wait_for("products")
        await bob.type("2")
        await bob.wait_for("(•) 2. No")
        assert len(results(folder)) == 2

        await ann.disconnect()  # the phone went to sleep
        await ann.connect()
        await ann.wait_for("Welcome back")
        await ann.wait_for("services")  # the first open question, not the name again
        assert len(results(folder)) == 2
        bob_file = next(p for p in results(folder) if p != ann_file)
        bob_saved = await saved_answers(bob_file, {"activity.products": "no"})
        assert bob_saved["meta"]["respondent"] == ""
        assert bob_saved["answers"] == {"activity.products": "no"}
    finally:
        await ann.close()
        await bob.close()


async def test_a_participant_downloads_their_results_from_the_browser(server):
    base, folder, proc = server
    cookie = "a-participant-cookie-0123456789"
    bank = load_bank()
    result = Result.new(bank, "Web Team", 2026, "en", mode="individual", respondent="Cas")
    result.answers.update(bank.effective_answers(STRONG))
    path = ResultsFolder(folder).path_for("Web Team", 2026, participant_id(cookie))
    result.save(path)
    cas = Participant(base, cookie, proc.code)
    try:
        await cas.open_page()
        await cas.connect(width=60, height=30)
        await cas.wait_for("Welcome back")
        await cas.type("\x1b[6~")  # PageDown: past the last question, the review
        await cas.wait_for("Finish")
        await cas.type("\r")
        await cas.wait_for("Download")  # the results, with the key that only a browser gets
        await cas.type("d")
        _, key = await cas.message("deliver_file_start")
        async with cas.http.get(f"{base}/download/{key}") as response:
            assert response.status == 200
            disposition = response.headers["Content-Disposition"]
            report = await response.text()
        cas.messages.clear()
        await cas.type("\x13")  # Ctrl+S: a copy of the answers, downloaded, never a server path
        _, key = await cas.message("deliver_file_start")
        async with cas.http.get(f"{base}/download/{key}") as response:
            record = await response.text()
    finally:
        await cas.close()
    assert tomllib.loads(record)["answers"] == tomllib.loads(path.read_text())["answers"]
    assert f"filename={path.with_suffix('.md').name}" in disposition
    assert report.startswith("# ")
    assert "Web Team" in report and "Average of the six sections (innoscan)" in report
    saved = path.with_suffix(".md")
    await written(saved)  # finishing writes it (with its charts) in a thread
    # the same report, without the pictures that stay on the server beside the saved one
    without_charts = re.sub(r"^!\[.*\n\n", "", saved.read_text(), flags=re.M)
    assert report == without_charts


def test_beyond_loopback_it_warns_and_prints_the_address_to_share(tmp_path):
    port = free_port()
    proc = start_server(tmp_path / "results", port, "--host", "0.0.0.0")
    output = stop_server(proc)
    assert "Give the participants one of these addresses:" in output
    assert f":{port}/?code={proc.code}" in output
    assert "Only browsers that come with the join code" in output


def test_loopback_says_so(tmp_path):
    port = free_port()
    proc = start_server(tmp_path / "results", port)
    output = stop_server(proc)
    assert f"listening on http://127.0.0.1:{port}/?code={proc.code} (only on this computer)" in output
    assert "join code (in these" not in output
    assert "█" not in output  # no QR code in output that is not a terminal


def test_a_port_in_use_is_one_clear_line_and_exit_status_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_process("serve", "--team", "T", "--port", str(port), cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == f"innoscan: 127.0.0.1:{port}: cannot listen: Address already in use"
    assert run.out == ""  # no address printed that does not work


async def test_the_team_lead_sees_participants_come_and_go(tmp_path):
    port = free_port()
    proc = start_server(tmp_path / "results", port)
    dee = Participant(f"http://127.0.0.1:{port}", code=proc.code)
    try:
        await dee.open_page()
        await dee.connect()
        await dee.wait_for("Your name")
        await dee.disconnect()
        left = asyncio.to_thread(_line_with, proc, "left (")  # once the app has ended
        proc.printed += await asyncio.wait_for(left, 30)
    finally:
        await dee.close()
        output = stop_server(proc)
    assert re.search(r"Participant p-[0-9a-f]{12} connected \(1 connected now\)\.", output)
    assert re.search(r"Participant p-[0-9a-f]{12} left \(0 still connected\)\.", output)
    assert "GET /" not in output  # no request log in the team lead's window


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
async def test_stopping_with_a_participant_connected_takes_under_2_s_and_says_so(tmp_path, how):
    """Ctrl+C (SIGINT) or SIGTERM: each participant's app closes itself (its lock goes, every
    answer saved) and the server stops within STOP_WITHIN seconds, saying what it does."""
    import signal
    import time

    folder = tmp_path / "results"
    port = free_port()
    proc = start_server(folder, port)
    ann = Participant(f"http://127.0.0.1:{port}", code=proc.code)
    try:
        await ann_says_yes(ann)
        started = time.monotonic()
        proc.send_signal(getattr(signal, how))
        output, _ = await asyncio.to_thread(proc.communicate, timeout=30)
        took = time.monotonic() - started
    finally:
        await ann.close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert took < 2.0, took
    assert "Stopping: closing the questionnaire of 1 connected participant(s)" in output
    assert f"Stopped. The participants' answers are in {folder}/." in output
    [saved] = results(folder)
    assert tomllib.loads(saved.read_text())["answers"] == {"activity.products": "yes"}
    assert not list(folder.glob("*.lock"))  # the app closed itself: not killed


async def test_each_participants_app_is_forked_from_the_warm_process(server):
    """The server starts one warm process (`run ... --warm`); a browser's app is a copy of
    it, not a new Python: it starts in a fraction of the time (benchmarks/)."""
    import psutil

    base, _, proc = server
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        warm = [p for p in psutil.Process(proc.pid).children() if "--warm" in p.cmdline()]
        if warm or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.1)
    [warm_process] = warm
    forked = []
    while not forked and asyncio.get_running_loop().time() < deadline:
        eve = Participant(base, code=proc.code)  # until it is ready, apps start anew
        try:
            await eve.open_page()
            await eve.connect()
            await eve.wait_for("Your name")
            forked = warm_process.children()
        finally:
            await eve.close()
    [app] = forked
    assert app.cmdline() == warm_process.cmdline()  # a copy of it, not a new command
    app.wait(30)  # the browser went: its app ended


async def test_without_a_warm_process_apps_start_anew():
    """A warm process that cannot start (it ends at once) is said, and no app is forked."""
    from innoscan.serve.warm import WarmStarter

    starter = WarmStarter("exit 3", {})
    assert await starter.start() is False
    assert await starter.spawn("p-1", {}) is None
