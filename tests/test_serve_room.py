"""`innoscan serve` on a terminal: the room view and the server in one process, while
participants answer over the websocket; then the team lead quits and the server stops."""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import tomllib

import pytest
from serve_client import _ESCAPES, Participant, free_port

pytestmark = pytest.mark.slow  # a server process on a terminal and browsers over websockets


class Terminal:
    """`innoscan serve` on a pseudo-terminal of 80x24; what it shows, escape codes left out."""

    def __init__(self, *args: str, cwd) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "innoscan", "--lang", "en", "serve", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    async def wait_for(self, pattern: str, timeout: float = 30) -> re.Match:
        """Read until `pattern` (a regular expression) matches the text shown so far."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = re.search(pattern, self.text())
            if found:
                return found
            if loop.time() > deadline:
                raise TimeoutError(f"{pattern!r} did not appear: {self.text()[-2000:]!r}")
            await asyncio.sleep(0.1)
            self.read()

    def read(self) -> None:
        import select

        while select.select([self.master], [], [], 0)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the process has gone
                return
            if not chunk:
                return
            self.output += chunk

    def text(self) -> str:
        return _ESCAPES.sub(b"", self.output).decode(errors="replace")

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


async def test_the_room_view_shows_participants_answers_and_quitting_stops_the_server(tmp_path):
    port = free_port()
    folder = tmp_path / "results"
    lead = Terminal("--team", "Web Team", "--year", "2026", "--port", str(port), "--dir", str(folder), cwd=tmp_path)
    people = []
    try:
        found = await lead.wait_for(rf"http://127\.0\.0\.1:{port}/\?code=([a-z0-9]{{8}})")
        code = found.group(1)
        await lead.wait_for("Nobody has answered yet")
        await lead.wait_for("▄▄▄▄▄")  # the QR code's finder patterns, in half blocks
        for answer in ("1", "1", "2"):
            person = Participant(f"http://127.0.0.1:{port}", code=code)
            people.append(person)
            await person.open_page()
            await person.connect()
            await person.wait_for("Your name")
            await person.type("\r")
            await person.wait_for("products")
            await person.type(answer)
            await person.wait_for("(•) 1. Yes" if answer == "1" else "(•) 2. No")
        await lead.wait_for("3 joined · 3 connected now")
        await lead.wait_for("3 answered")  # the first question: two yes, one no
        assert "Participant p-" not in lead.text()  # no ids, no lines over the room view
        lead.type(b"\x11")  # Ctrl+Q: the team lead quits
        await asyncio.to_thread(lead.proc.wait, 15)
        lead.read()
        assert lead.proc.returncode == 0
        assert f"Stopped. The participants' answers are in {folder}/." in lead.text()
        files = sorted(folder.glob("*.individual-*.toml"))
        answers = sorted(tomllib.loads(f.read_text())["answers"]["activity.products"] for f in files)
        assert answers == ["no", "yes", "yes"]  # every answer saved as the apps closed
        assert not list(folder.glob("*.lock"))
    finally:
        for person in people:
            await person.close()
        lead.close()


async def test_a_request_to_stop_quits_the_room_view_and_stops_the_server(tmp_path):
    port = free_port()
    lead = Terminal("--team", "T", "--port", str(port), cwd=tmp_path)
    try:
        await lead.wait_for("Nobody has answered yet")
        lead.proc.send_signal(signal.SIGTERM)
        await asyncio.to_thread(lead.proc.wait, 15)
        lead.read()
        assert lead.proc.returncode == 0
        assert "Stopped. The participants' answers are in innoscan-results/." in lead.text()
    finally:
        lead.close()
