"""A participant's browser, without the browser: the page over HTTP and the app's websocket.

Used by tests/test_serve.py and benchmarks/serve_participants.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from yarl import URL

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(folder: Path, port: int, *extra: str) -> subprocess.Popen:
    """`innoscan serve` in the background; returns once it listens, with the join code it
    printed in the address as `.code` (None with --open)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "innoscan",
            "--lang",
            "en",
            "serve",
            "--team",
            "Web Team",
            "--year",
            "2026",
            "--port",
            str(port),
            "--dir",
            str(folder),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    proc.printed = _line_with(proc, "http://")  # the address, with the join code
    found = re.search(r"\?code=([a-z0-9]+)", proc.printed)
    proc.code = found.group(1) if found else None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"serve stopped: {proc.stdout.read()}") from None
            time.sleep(0.1)
    proc.kill()
    raise TimeoutError("serve did not listen within 30 s")


def _line_with(proc: subprocess.Popen, text: str) -> str:
    """What the process prints up to the end of a line with `text` in it; read byte by byte
    from the pipe, so that `communicate` later reads all the rest."""
    printed = b""
    while text.encode() not in printed or not printed.endswith(b"\n"):
        byte = os.read(proc.stdout.fileno(), 1)
        if not byte:
            proc.wait()
            raise RuntimeError(f"serve stopped: {printed.decode(errors='replace')}")
        printed += byte
    return printed.decode()


def stop_server(proc: subprocess.Popen) -> str:
    """Stop it; everything it printed."""
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return proc.printed + out


class Participant:
    """One browser: its cookie jar, its page, its websocket to its own app process."""

    def __init__(self, base: str, cookie: str | None = None, code: str | None = None) -> None:
        self.base = base
        self.code = code  # the join code, as in the address the QR code gives
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        if cookie is not None:
            self.http.cookie_jar.update_cookies({"innoscan_participant": cookie}, URL(base))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.screen = b""
        self.messages: list = []  # what the app tells the page besides the screen

    async def open_page(self) -> str:
        query = f"?code={self.code}" if self.code else ""
        async with self.http.get(f"{self.base}/{query}") as response:
            response.raise_for_status()
            return await response.text()

    async def connect(self, width: int = 40, height: int = 30) -> None:
        url = self.base.replace("http", "ws", 1) + f"/ws?width={width}&height={height}"
        self.ws = await self.http.ws_connect(url)
        await self.ws.send_str(json.dumps(["resize", {"width": width, "height": height}]))

    async def wait_for(self, text: str, timeout: float = 30) -> None:
        """Read the app's output until `text` appears on it (escape codes left out)."""
        assert self.ws is not None
        deadline = asyncio.get_running_loop().time() + timeout
        while text.encode() not in _ESCAPES.sub(b"", self.screen).replace(b"\r\n", b""):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError(f"{text!r} did not appear")
            message = await self.ws.receive(timeout=left)
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(message.data))
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                raise ConnectionError(f"closed before {text!r} appeared")

    async def message(self, kind: str, timeout: float = 30) -> list:
        """Wait for a message of `kind` from the app (such as a download starting)."""
        assert self.ws is not None
        deadline = asyncio.get_running_loop().time() + timeout
        while not any(m[0] == kind for m in self.messages):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError(f"no {kind!r} message")
            message = await self.ws.receive(timeout=left)
            if message.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(message.data))
            elif message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data
            else:
                raise ConnectionError(f"closed before a {kind!r} message")
        return next(m for m in self.messages if m[0] == kind)

    async def type(self, keys: str) -> None:
        assert self.ws is not None
        await self.ws.send_str(json.dumps(["stdin", keys]))

    async def disconnect(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        self.ws, self.screen = None, b""

    async def close(self) -> None:
        await self.disconnect()
        await self.http.close()
