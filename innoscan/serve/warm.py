"""Warm starts for `serve`: a participant's app in a tenth of the time of a new Python.

Starting a participant's app as a new process spends about a second importing Textual and
innoscan and reading the question bank; twenty browsers at once then wait ten seconds on two
cores. Instead `serve` starts one warm process (`run ... --warm`) that has done all of that
once and waits; for each browser it forks a copy that runs the participant's app on the
pipes the server hands it. The copies share the warm process's memory until they change it.
Where there is no fork (Windows), or the warm process is gone, apps start as before.

The warm process's standard input is a Unix socket to the server. A request is a length, a
JSON object (the participant's id and environment) and three file descriptors (the app's
stdin, stdout, stderr); the answer is the new process's id as a line.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable

from innoscan.store import system

_LENGTH = 4
_READY = b"ready\n"


def available() -> bool:
    """Whether this system can fork a warm process (POSIX) and pass it pipes."""
    return not system.windows() and hasattr(os, "fork") and hasattr(socket, "send_fds")


# ── in the warm process ───────────────────────────────────────────────────────────────


def serve_forks(run: Callable[[str], int]) -> int:
    """Fork `run(participant)` for each request on standard input, until the server goes."""
    server = socket.socket(fileno=os.dup(0))
    with open(os.devnull, "rb") as nothing:
        os.dup2(nothing.fileno(), 0)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the copies are reaped by the system
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which ends us
    gc.freeze()  # what was made so far stays shared with the copies, never copied by gc
    server.sendall(_READY)
    while True:
        try:
            request, fds = _receive(server)
        except (OSError, ValueError):
            return 0
        if request is None:
            return 0  # the server has gone
        pid = os.fork()
        if pid == 0:
            server.close()
            _become(request, fds, run)
        for fd in fds:
            os.close(fd)
        with contextlib.suppress(OSError):
            server.sendall(f"{pid}\n".encode())


def _receive(server: socket.socket) -> tuple[dict | None, list[int]]:
    data, fds, _, _ = socket.recv_fds(server, 65536, 3)
    if not data:
        return None, fds
    while len(data) < _LENGTH or len(data) < _LENGTH + int.from_bytes(data[:_LENGTH], "big"):
        more = server.recv(65536)
        if not more:
            return None, fds
        data += more
    if len(fds) != 3:
        raise ValueError("a request without its three pipes")
    return json.loads(data[_LENGTH:]), fds


def _become(request: dict, fds: list[int], run: Callable[[str], int]) -> None:
    """In the copy: the pipes as stdin, stdout and stderr, the app's environment; run it."""
    code = 1
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.environ.clear()
        os.environ.update(request["env"])
        gc.unfreeze()
        code = run(request["participant"])
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


# ── in the server ─────────────────────────────────────────────────────────────────────


class ForkedProcess:
    """A warm copy as textual-serve's app service uses a process: its three pipes, wait, kill.
    It is the warm process's child, not the server's: its end is seen as its pipes closing
    and its id going."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin: asyncio.StreamWriter
        self.stdout: asyncio.StreamReader
        self.stderr: asyncio.StreamReader

    async def connect(self, stdin: int, stdout: int, stderr: int) -> None:
        loop = asyncio.get_running_loop()
        self.stdout = await _reader(loop, stdout)
        self.stderr = await _reader(loop, stderr)
        transport, protocol = await loop.connect_write_pipe(
            asyncio.streams.FlowControlMixin, os.fdopen(stdin, "wb", buffering=0)
        )
        self.stdin = asyncio.StreamWriter(transport, protocol, None, loop)

    async def wait(self) -> int:
        while self.returncode is None:
            if not system.alive(self.pid):
                self.returncode = 0
                break
            await asyncio.sleep(0.05)
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


async def _reader(loop: asyncio.AbstractEventLoop, fd: int) -> asyncio.StreamReader:
    reader = asyncio.StreamReader(limit=2**16, loop=loop)
    await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader, loop=loop), os.fdopen(fd, "rb", buffering=0)
    )
    return reader


class WarmStarter:
    """The server's side: starts the warm process, asks it for a participant's app."""

    def __init__(self, command: str, environment: dict[str, str]) -> None:
        self.command = command
        self.environment = environment
        self.process: subprocess.Popen | None = None
        self.socket: socket.socket | None = None
        self._lock = asyncio.Lock()

    async def start(self, within: float = 60.0) -> bool:
        """Start the warm process and wait until it is ready; False when it cannot be had."""
        if not available():
            return False
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.process = subprocess.Popen(
                self.command,
                shell=True,
                stdin=theirs.fileno(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=self.environment,
                start_new_session=True,  # the terminal's Ctrl+C goes to the server alone
            )
        finally:
            theirs.close()
        ours.setblocking(False)
        loop = asyncio.get_running_loop()
        try:
            ready = await asyncio.wait_for(loop.sock_recv(ours, len(_READY)), within)
        except (TimeoutError, OSError):
            ready = b""
        if ready == _READY:
            self.socket = ours  # from now on, apps are forked
        else:
            ours.close()
            self.close()
            logging.getLogger("innoscan.serve").warning(
                "the warm process did not start: each participant's app starts anew (slower)"
            )
        return self.socket is not None

    async def spawn(self, participant: str, environment: dict[str, str]) -> ForkedProcess | None:
        """A participant's app forked from the warm process, or None (start it anew then)."""
        if self.socket is None:
            return None
        body = json.dumps({"participant": participant, "env": environment}).encode()
        message = len(body).to_bytes(_LENGTH, "big") + body
        pipes = [os.pipe() for _ in range(3)]
        theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
        ours = [pipes[0][1], pipes[1][0], pipes[2][0]]
        loop = asyncio.get_running_loop()
        try:
            async with self._lock:
                socket.send_fds(self.socket, [message], theirs)
                pid = int(await asyncio.wait_for(self._line(loop), 10))
        except (OSError, ValueError, TimeoutError):
            for fd in theirs + ours:
                os.close(fd)
            self.close()
            return None
        for fd in theirs:
            os.close(fd)
        process = ForkedProcess(pid)
        await process.connect(*ours)
        return process

    async def _line(self, loop: asyncio.AbstractEventLoop) -> bytes:
        assert self.socket is not None
        line = b""
        while not line.endswith(b"\n"):
            more = await loop.sock_recv(self.socket, 32)
            if not more:
                raise OSError("the warm process has gone")
            line += more
        return line

    def close(self, wait: float = 0.2) -> None:
        """End the warm process (the apps it started go on until they are told to quit),
        waiting for it at most `wait` seconds."""
        if self.socket is not None:
            self.socket.close()
            self.socket = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # it ends at once (or on its own, its socket closed)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(wait)
