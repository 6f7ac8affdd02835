"""`innoscan serve`: the page over HTTP, and participants answering over the websocket."""

from __future__ import annotations

import asyncio
import re
import socket
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from answer_sets import STRONG
from processes import run_process
from serve_client import Participant, free_port, start_server, stop_server

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


async def saved_answers(path: Path, expected: dict, timeout: float = 10) -> dict:
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


def results(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.individual-*.toml"))


def get(url: str, **headers: str) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_the_page_is_served_on_loopback_with_a_participant_cookie(server):
    base, _, _ = server
    status, html, headers = get(base + "/")
    assert status == 200
    assert '<meta name="viewport" content="width=device-width' in html
    assert "/static/js/textual.js" in html
    assert f'data-session-websocket-url="ws://{base.split("://")[1]}/ws"' in html
    assert "innoscan_participant=" in headers["Set-Cookie"]
    assert "HttpOnly" in headers["Set-Cookie"]
    status, script, _ = get(base + "/static/js/textual.js")
    assert status == 200 and len(script) > 10_000


def test_requests_for_another_host_are_refused(server):
    base, _, _ = server
    assert get(base + "/", Host="attacker.example")[0] == 403
    status, _, _ = get(base + "/ws", Origin="http://attacker.example")
    assert status == 403


async def test_each_participant_answers_in_their_own_file_and_a_reconnect_resumes(server):
    base, folder, _ = server
    ann, bob = Participant(base), Participant(base)
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
    base, folder, _ = server
    cookie = "a-participant-cookie-0123456789"
    bank = load_bank()
    result = Result.new(bank, "Web Team", 2026, "en", mode="individual", respondent="Cas")
    result.answers.update(bank.effective_answers(STRONG))
    path = ResultsFolder(folder).path_for("Web Team", 2026, participant_id(cookie))
    result.save(path)
    cas = Participant(base, cookie)
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
    for _ in range(100):  # finishing writes it (with its charts) in a thread
        if saved.exists():
            break
        await asyncio.sleep(0.1)
    # the same report, without the pictures that stay on the server beside the saved one
    without_charts = re.sub(r"^!\[.*\n\n", "", saved.read_text(), flags=re.M)
    assert report == without_charts


def test_beyond_loopback_it_warns_and_prints_the_address_to_share(tmp_path):
    port = free_port()
    proc = start_server(tmp_path / "results", port, "--host", "0.0.0.0")
    output = stop_server(proc)
    assert "Give the participants one of these addresses:" in output
    assert f":{port}/" in output
    assert "WARNING: anyone who can reach this address can answer." in output


def test_loopback_says_so(tmp_path):
    port = free_port()
    output = stop_server(start_server(tmp_path / "results", port))
    assert f"listening on http://127.0.0.1:{port}/ (only on this computer)" in output
    assert "WARNING" not in output


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
    dee = Participant(f"http://127.0.0.1:{port}")
    try:
        await dee.open_page()
        await dee.connect()
        await dee.wait_for("Your name")
        await dee.disconnect()
        await asyncio.sleep(1)
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
    ann = Participant(f"http://127.0.0.1:{port}")
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
