"""`innoscan serve`: the questionnaire in the browser, one app process per participant.

Built on textual-serve. Only browsers that came with the run's join code (join.py) get the
page, the websocket and downloads; a cookie keeps them in. Each browser gets a random
participant cookie; the app it starts is told the participant id derived from it, so the
participant's answers land in their own result file and a reconnect (a phone that slept, a
reload) resumes them. Apps are forked from a warm process (warm.py). No browser takes more
than its share: screen sizes, the number of participants and wrong join codes are limited
(limits.py). Stopping closes every participant's app (each saves what its screen holds)
within STOP_WITHIN seconds, saying so; an app whose server has gone ends itself (tui/served.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import hashlib
import ipaddress
import logging
import math
import re
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server

from innoscan.locales import DEFAULT
from innoscan.serve.limits import MAX_PARTICIPANTS, Guesses, screen_size
from innoscan.serve.warm import WarmStarter
from innoscan.store import system

COOKIE = "innoscan_participant"
ROOM_COOKIE = "innoscan_room"  # the join code, so that a reload or a reconnect gets back in
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_HOST_HEADER = re.compile(r"^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$")
_PARTICIPANT: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "participant", default=None
)
TEMPLATES = Path(__file__).parent / "templates"
_WARMING = web.AppKey("warming", asyncio.Future)
_NO_DEBUG = type("NoDebug", (), {"debug": False})()
A_YEAR = 365 * 24 * 3600
A_DAY = 24 * 3600
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

    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        title: str,
        lang: str = DEFAULT,
        code: str | None = None,
        max_participants: int = MAX_PARTICIPANTS,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)
        self.loopback_only = is_loopback(host)
        self.lang = lang
        self.code = code  # the join code; None: anyone who reaches the address (--open)
        self.say: Callable[[str], None] | None = _print  # None: quiet (the room view shows)
        self.problems: Callable[[str], None] = _print  # warnings while quiet
        self.loop: asyncio.AbstractEventLoop | None = None
        self.connected = 0
        self.max_participants = max_participants
        self.guesses = Guesses()  # wrong join codes, per address
        self.services: set[AppService] = set()  # one per connected participant's app
        self.stopping = False
        self.warm = WarmStarter(f"{command} --warm", app_environment())

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
        guarded = request.path in ("/", "/ws") or request.path.startswith("/download/")
        if guarded and self.code is not None:
            self._check_code(request)
        if request.path in ("/", "/ws") and self.connected >= self.max_participants:
            raise web.HTTPServiceUnavailable(text=self.word("serve.full", n=self.connected))
        return await handler(request)

    def _check_code(self, request: web.Request) -> None:
        """Refuse a request without the join code (in the address or in the room cookie); an
        address that gave wrong ones waits before its next is looked at (limits.py)."""
        assert self.code is not None
        given = [request.query.get("code", ""), request.cookies.get(ROOM_COOKIE, "")]
        given = [g for g in given if g]
        if not given:
            raise web.HTTPForbidden(text=self.word("serve.refused"))
        address = request.remote or ""
        wait = math.ceil(self.guesses.wait(address))
        if wait:
            headers = {"Retry-After": str(wait)}
            raise web.HTTPTooManyRequests(
                text=self.word("serve.wait", seconds=wait), headers=headers
            )
        if any(secrets.compare_digest(g.encode(), self.code.encode()) for g in given):
            self.guesses.right(address)
            return
        self.guesses.wrong(address)
        raise web.HTTPForbidden(text=self.word("serve.refused"))

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
        if self.code is not None:  # admitted: the cookie lets this browser back in
            response.set_cookie(
                ROOM_COOKIE,
                self.code,
                max_age=A_DAY,
                httponly=True,
                samesite="Strict",
                secure=request.secure,
            )
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
        width, height = screen_size(
            _number(request.query.get("width"), 80), _number(request.query.get("height"), 24)
        ) or (80, 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = WarmAppService(
                self.warm,
                _PARTICIPANT.get() or "",
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

    def word(self, key: str, **values: object) -> str:
        from innoscan.locales import word

        return word(key, self.lang, **values)

    def _tell(self, key: str, **values: object) -> None:
        """A line for the team lead at the server: who came or went, how many are here."""
        if self.say is not None:
            self.say(self.word(key, **values))

    def serve(self, debug: bool = False, signals: bool = True) -> None:
        """Listen until Ctrl+C or SIGTERM (with `signals`, in the main thread) or `stop_soon`;
        then stop (see `_stop`)."""
        self.debug = debug
        self.initialize_logging()
        self.loop = loop = asyncio.new_event_loop()
        if signals:
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

    def stop_soon(self) -> None:
        """Stop, from another thread (the room view's, when the team lead quits)."""
        if self.loop is not None and not self.loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                self.loop.call_soon_threadsafe(self._request_stop)

    def _request_stop(self) -> None:
        """The first Ctrl+C closes the participants' apps, a second one stops at once."""
        if self.stopping:
            raise GracefulExit
        self.stopping = True
        self._tell("serve.stopping", n=len(self.services))
        asyncio.ensure_future(self._stop())

    async def _stop(self) -> None:
        """Tell every participant's app at once to quit (each saves what its screen holds and
        ends), end any still there after half of STOP_WITHIN, then leave the event loop."""
        self.warm.close(wait=0)  # it ends at once; reaped at cleanup
        services = list(self.services)
        telling = [asyncio.ensure_future(s.send_meta({"type": "quit"})) for s in services]
        processes = [s._process for s in services if s._process is not None]
        waiting = [asyncio.ensure_future(p.wait()) for p in processes]
        if waiting:
            await asyncio.wait(waiting, timeout=STOP_WITHIN / 2)
        for task in telling + waiting:
            task.cancel()  # an app that did not read its quit is ended below
        for process in processes:
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
        asyncio.get_running_loop().call_soon(_leave)

    def initialize_logging(self) -> None:
        """Warnings and errors only: the team lead reads who came and went, not each request.
        Quiet (the room view on the terminal), they go to `problems`, not to stderr."""
        if self.say is not None:
            logging.basicConfig(level=logging.WARNING, format="innoscan serve: %(message)s")
            return
        relay = _Relay(self.problems)
        relay.setLevel(logging.WARNING)
        root = logging.getLogger()
        root.addHandler(relay)
        root.setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        """Start the warm process (quietly: `serve()` in the CLI has said where to go)."""
        app[_WARMING] = asyncio.ensure_future(self.warm.start())
        app.on_cleanup.append(self._cleanup)

    async def _cleanup(self, app: web.Application) -> None:
        self.warm.close()
        app[_WARMING].cancel()


class WarmAppService(AppService):
    """textual-serve's app service, forking the participant's app from the warm process
    when it is ready (serve/warm.py), else starting it anew."""

    def __init__(self, warm: WarmStarter, participant: str, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.warm = warm
        self.participant = participant

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return _watching(super()._build_environment(width, height))

    async def set_terminal_size(self, width: int, height: int) -> None:
        """A browser's resize, within the limits (limits.py); one that is not a size is left out."""
        size = screen_size(width, height)
        if size is not None:
            await super().set_terminal_size(*size)

    async def _open_app_process(self, width: int = 80, height: int = 24):
        environment = self._build_environment(width=width, height=height)
        process = await self.warm.spawn(self.participant, environment)
        if process is None:
            return await super()._open_app_process(width, height)
        self._process = process  # type: ignore[assignment]
        self._stdin = process.stdin
        return process


def app_environment(width: int = 80, height: int = 24) -> dict[str, str]:
    """The environment textual-serve gives an app process (the warm one gets it too)."""
    return _watching(AppService._build_environment(_NO_DEBUG, width, height))  # type: ignore[arg-type]


def _watching(environment: dict[str, str]) -> dict[str, str]:
    """An app's environment naming this server's process: the app ends when it is gone,
    however it ended, even by kill -9 (tui/served.py)."""
    environment[system.SERVER_VARIABLE] = system.me()
    return environment


class _Relay(logging.Handler):
    """Log records handed to a function, as lines."""

    def __init__(self, to: Callable[[str], None]) -> None:
        super().__init__()
        self.to = to

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            self.to(record.getMessage())


def _print(line: str) -> None:
    print(line, flush=True)


def _leave() -> None:
    raise GracefulExit  # out of aiohttp's run_app, which then closes what is left


def _number(text: str | None, default: int) -> int:
    try:
        return int(text or default)
    except ValueError:
        return default
