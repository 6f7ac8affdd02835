"""`innoscan serve` from the command line: check, make the join code, say where to go, listen.

Two ways to run it. `run_lines`: the server in the foreground, printing the address (with its
QR code on a terminal) and then who came and went, a line each (`--plain`, or output that is
not a terminal). `start`/`stop`: the server in a thread, quiet, while the CLI shows the room
view on the terminal (innoscan/tui/screens/room.py), which reads the same results folder.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time

from innoscan.content.problems import InputError
from innoscan.locales import word
from innoscan.serve.join import ansi, join_address, new_code, qr_lines
from innoscan.serve.server import (
    STOP_WITHIN,
    WorkshopServer,
    address,
    is_loopback,
    participant_command,
)
from innoscan.store import system
from innoscan.store.session import ResultsFolder


class Workshop:
    """One run of `serve`: its folder, join code, addresses and server."""

    def __init__(self, args) -> None:
        folder = ResultsFolder(args.dir)
        problem = folder.problem()
        if problem:
            raise InputError.single(folder.path, problem.split(": ", 1)[-1])
        if not 0 < args.port < 65536:
            raise InputError.single("--port", f"{args.port} is not a port number (1-65535)")
        if args.open and not is_loopback(args.host):
            raise InputError.single(
                "--open", f"only on this computer (--host 127.0.0.1), not on {args.host}"
            )
        if args.max_participants < 1:
            n = args.max_participants
            raise InputError.single("--max-participants", f"{n} is not 1 or more")
        _can_listen(args.host, args.port)
        self.folder = folder
        self.host, self.port, self.lang = args.host, args.port, args.lang
        self.team, self.year = args.team, args.year
        self.code = None if args.open else new_code()
        command = participant_command(args.team, args.year, folder.path, args.lang, args.bank)
        title = f"innoscan · {args.team}"
        self.server = WorkshopServer(
            command, args.host, args.port, title, args.lang, self.code, args.max_participants
        )
        self.thread: threading.Thread | None = None
        self.failed: OSError | None = None

    @property
    def addresses(self) -> list[str]:
        """Where participants go, with the join code: the first one is the QR code's."""
        return [join_address(a, self.code) for a in share_addresses(self.host, self.port)]

    def qr(self) -> list[str]:
        """The first address as a QR code (serve/join.py: light on dark)."""
        return qr_lines(self.addresses[0])

    # ── the server in the foreground, lines on the terminal ───────────────────────────

    def run_lines(self) -> int:
        """Serve until Ctrl+C; say where to go (and, beyond loopback, who can reach it)."""
        w = self.lang
        if is_loopback(self.host):
            print(word("serve.local", w, url=self.addresses[0]), flush=True)
        else:
            print(word("serve.share", w), flush=True)
            for url in self.addresses:
                print(f"  {url}", flush=True)
            print(word("serve.warning", w), flush=True)
        print(word("serve.folder", w, path=self.folder.path), flush=True)
        print(word("serve.stop", w), flush=True)
        if sys.stdout.isatty():  # last, so that it is all on the screen: the code, beneath it
            print(ansi(self.qr()) + self.addresses[0], flush=True)  # the address it holds
        try:
            self.server.serve()
        except OSError as exc:
            raise self._cannot_listen(exc) from None
        return self.stopped()

    def stopped(self) -> int:
        print(word("serve.stopped", self.lang, path=self.folder.path), flush=True)
        return 0

    def _cannot_listen(self, exc: OSError) -> InputError:
        where = f"{self.host}:{self.port}"
        return InputError.single(where, f"cannot listen: {exc.strerror or exc}")

    # ── the server in a thread, while the room view shows ─────────────────────────────

    def start(self, within: float = 10.0) -> None:
        """Serve in a thread, quietly (the room view on the terminal shows who is here);
        return once it listens, or say why it cannot."""
        self.server.say = None
        self.thread = threading.Thread(target=self._serve, name="innoscan-serve", daemon=True)
        self.thread.start()
        probe = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.host, self.host)
        deadline = time.monotonic() + within
        while self.failed is None and time.monotonic() < deadline:
            try:
                socket.create_connection((probe, self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.server.stop_soon()
        self.thread.join(STOP_WITHIN * 2)
        self.thread = None
        raise self._cannot_listen(self.failed or TimeoutError("the server did not start"))

    def _serve(self) -> None:
        try:
            self.server.serve(signals=False)
        except OSError as exc:
            self.failed = exc

    def stop(self) -> None:
        """Stop the server (every participant's app saves and closes) and wait for it."""
        if self.thread is None:
            return
        self.server.stop_soon()
        self.thread.join(STOP_WITHIN * 2)
        if self.failed is not None:
            raise self._cannot_listen(self.failed)

    @property
    def connected(self) -> int:
        return self.server.connected


def share_addresses(host: str, port: int) -> list[str]:
    """The addresses to give participants when listening on `host` beyond loopback."""
    if host not in ("0.0.0.0", "::"):
        return [address(host, port)]
    found = []
    with contextlib.suppress(OSError):  # no network at all: nothing more to share
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.connect(("192.0.2.1", 9))  # no packet is sent; this picks the outgoing address
        found.append(probe.getsockname()[0])
        probe.close()
    name = socket.gethostname()
    return [address(a, port) for a in [*found, name] if a]


def _can_listen(host: str, port: int) -> None:
    """Say now, before any address is printed, when the port cannot be had."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            if not system.windows():  # there it would let the probe share a port in use
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise InputError.single(f"{host}:{port}", f"cannot listen: {exc.strerror or exc}") from None
