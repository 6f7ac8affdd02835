"""`innoscan serve`: the questionnaire in the browser, one app process per participant.

Built on textual-serve. Each browser gets a random cookie; the app it starts is told the
participant id derived from it, so the participant's answers land in their own result file
and a reconnect (a phone that slept, a reload) resumes them. Ctrl+C (or SIGTERM) closes
every participant's app (each saves what its screen holds) and stops within STOP_WITHIN
seconds, saying so.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import hashlib
import ipaddress
import logging
import re
import secrets
import socket
import sys
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server

from innoscan.locales import DEFAULT
from innoscan.store import system

COOKIE = "innoscan_participant"
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_HOST_HEADER = re.compile(r"^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$")
_PARTICIPANT: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "participant", default=None
)
TEMPLATES = Path(__file__).parent / "templates"
A_YEAR = 365 * 24 * 3600
STOP_WITHIN = 2.0  # seconds from Ctrl+C to stopped, with every participant's app closed


def participant_id(cookie: str) -> str:
    """The id a participant's result file is named after: not the cookie itself."""
    return "p-" + hashlib.sha256(cookie.encode()).hexdigest()[:12]


def is_loopback(host: str) -> bool:
    """Whether `host` is only reachable from this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address(host: str, port: int) -> str:
    """The page's address on `host` (an IPv6 address in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


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


def participant_command(
    team: str, year: int, folder: Path, lang: str, bank: Path | None = None
) -> str:
    """The shell command that runs one participant's app (textual-serve runs it per browser)."""
    parts = [sys.executable, "-m", "innoscan", "--lang", lang]
    if bank is not None:
        parts += ["--bank", str(bank.resolve())]
    parts += ["run", "--individual", "--team", team, "--year", str(year)]
    parts += ["--dir", str(folder.resolve())]
    return system.command_line(parts)


class WorkshopServer(Server):
    """textual-serve's server, with a participant per browser and checks on every request."""

    def __init__(self, command: str, host: str, port: int, title: str, lang: str = DEFAULT) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)
        self.loopback_only = is_loopback(host)
        self.lang = lang
        self.connected = 0
        self.services: set[AppService] = set()  # one per connected participant's app
        self.stopping = False

    @property
    def command(self) -> str:
        """The participant's command while a browser connects, else the plain one."""
        participant = _PARTICIPANT.get()
        if participant is None:
            return self._command
        return f"{self._command} --participant {system.quote(participant)}"

    @command.setter
    def command(self, value: str) -> None:
        self._command = value

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler):
        """Refuse requests not addressed to this server (DNS rebinding, other sites' pages)."""
        host = request.headers.get("Host", "")
        if not _HOST_HEADER.match(host):
            raise web.HTTPBadRequest(text="bad Host header")
        if self.loopback_only and not is_loopback(host.rsplit(":", 1)[0]):
            raise web.HTTPForbidden(text="this workshop only answers on this computer")
        origin = request.headers.get("Origin")
        if request.path == "/ws" and origin and origin.split("://", 1)[-1] != host:
            raise web.HTTPForbidden(text="the page must come from this server")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page; it gives a new browser its participant cookie."""
        try:
            font_size = max(8, min(40, int(request.query.get("fontsize", "16"))))
        except ValueError:
            font_size = 16
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": font_size,
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "static_url": "/static/",
            "title": self.title,
            "lang": self.lang,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        if not _COOKIE_VALUE.match(request.cookies.get(COOKIE, "")):
            response.set_cookie(
                COOKIE,
                secrets.token_urlsafe(24),
                max_age=A_YEAR,
                httponly=True,
                samesite="Strict",
                secure=request.secure,
            )
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One participant's app, named after their cookie (a new id when there is none)."""
        cookie = request.cookies.get(COOKIE, "")
        if not _COOKIE_VALUE.match(cookie):
            cookie = secrets.token_urlsafe(24)
        participant = participant_id(cookie)
        _PARTICIPANT.set(participant)
        self.connected += 1
        self._tell("serve.joined", who=participant, n=self.connected)
        try:
            return await self._run_participant(request)
        finally:
            self.connected -= 1
            self._tell("serve.left", who=participant, n=self.connected)

    async def _run_participant(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler (1.1.3), keeping each app service in `services`
        so that stopping can close them all."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _number(request.query.get("width"), 80)
        height = _number(request.query.get("height"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.services.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # as textual-serve does: logged, the server goes on
            logging.getLogger("innoscan.serve").exception(error)
        finally:
            if service is not None:
                self.services.discard(service)
                await service.stop()
        return websocket

    def _tell(self, key: str, **values: object) -> None:
        """A line for the team lead at the server: who came or went, how many are here."""
        from innoscan.locales import word

        print(word(key, self.lang, **values), flush=True)

    def serve(self, debug: bool = False) -> None:
        """Listen until Ctrl+C or SIGTERM; then stop (see `_stop`)."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        system.on_stop_signals(loop, self._request_stop)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=None,
            shutdown_timeout=STOP_WITHIN / 4,
        )

    def _request_stop(self) -> None:
        """The first Ctrl+C closes the participants' apps, a second one stops at once."""
        if self.stopping:
            raise GracefulExit
        self.stopping = True
        self._tell("serve.stopping", n=len(self.services))
        asyncio.ensure_future(self._stop())

    async def _stop(self) -> None:
        """Tell every participant's app to quit (each saves what its screen holds and ends),
        end any that is still there after most of STOP_WITHIN, then leave the event loop."""
        services = list(self.services)
        for service in services:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(service.send_meta({"type": "quit"}), STOP_WITHIN / 8)
        processes = [s._process for s in services if s._process is not None]
        waiting = [asyncio.ensure_future(p.wait()) for p in processes]
        if waiting:
            await asyncio.wait(waiting, timeout=STOP_WITHIN / 2)
        for process in processes:
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
        asyncio.get_running_loop().call_soon(_leave)

    def initialize_logging(self) -> None:
        """Warnings and errors only: the team lead reads who came and went, not each request."""
        logging.basicConfig(level=logging.WARNING, format="innoscan serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: `serve()` in the CLI has said where to go already."""


def _leave() -> None:
    raise GracefulExit  # out of aiohttp's run_app, which then closes what is left


def _number(text: str | None, default: int) -> int:
    try:
        return int(text or default)
    except ValueError:
        return default


def _can_listen(host: str, port: int) -> None:
    """Say now, before any address is printed, when the port cannot be had."""
    from innoscan.content.problems import InputError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            if not system.windows():  # there it would let the probe share a port in use
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise InputError.single(f"{host}:{port}", f"cannot listen: {exc.strerror or exc}") from None


def run_server(args) -> int:
    """Serve until Ctrl+C; say where to go (and, beyond loopback, who can reach it)."""
    from innoscan.content.problems import InputError
    from innoscan.locales import word
    from innoscan.store.session import ResultsFolder

    folder = ResultsFolder(args.dir)
    problem = folder.problem()
    if problem:
        raise InputError.single(folder.path, problem.split(": ", 1)[-1])
    if not 0 < args.port < 65536:
        raise InputError.single("--port", f"{args.port} is not a port number (1-65535)")
    _can_listen(args.host, args.port)
    command = participant_command(args.team, args.year, folder.path, args.lang, args.bank)
    server = WorkshopServer(command, args.host, args.port, f"innoscan · {args.team}", args.lang)
    w = args.lang
    if is_loopback(args.host):
        print(word("serve.local", w, url=address(args.host, args.port)), flush=True)
    else:
        print(word("serve.share", w), flush=True)
        for url in share_addresses(args.host, args.port):
            print(f"  {url}", flush=True)
        print(word("serve.warning", w), flush=True)
    print(word("serve.folder", w, path=folder.path), flush=True)
    print(word("serve.stop", w), flush=True)
    try:
        server.serve()
    except OSError as exc:
        where = f"{args.host}:{args.port}"
        raise InputError.single(where, f"cannot listen: {exc.strerror or exc}") from None
    print(word("serve.stopped", w, path=folder.path), flush=True)
    return 0
