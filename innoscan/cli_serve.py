"""`innoscan serve` on the command line: the server, and on a terminal the room view beside
it in one process; and the warm process that forks each browser's app (serve/warm.py).

Part of the CLI's layer (cli.py uses it): it starts both faces, as cli.py does."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from innoscan.serve.limits import MAX_PARTICIPANTS

if TYPE_CHECKING:
    from innoscan.content.bank import Bank


def add_serve_command(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The `serve` subcommand's parser (cli.py adds --year and --dir)."""
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="serve the questionnaire to browsers: each participant answers on their own device",
        description="Each browser that opens the address (with the join code: scan the QR "
        "code) answers individually, in its own result file in DIR; merge them afterwards with "
        "`innoscan merge`, or with M in the room view.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--team", required=True, help="the team whose workshop this is")
    p.add_argument("--open", action="store_true", help="no join code (only with a loopback --host)")
    p.add_argument(
        "--plain", action="store_true", help="print lines, not the room view, on the terminal"
    )
    p.add_argument(
        "--max-participants",
        type=int,
        default=MAX_PARTICIPANTS,
        metavar="N",
        help="browsers at once; one more is told the workshop is full (default: %(default)s)",
    )
    return p


def serve(bank: Bank, args: argparse.Namespace) -> int:
    """Listen; on a terminal (without --plain) show the room view until the team lead quits,
    with the server in a thread of this process; else print lines (serve/workshop.py)."""
    from innoscan.serve.workshop import Workshop

    workshop = Workshop(args)
    if args.plain or not sys.stdout.isatty():
        return workshop.run_lines()
    from innoscan.tui.factory import make_room_app
    from innoscan.tui.screens.room import Room

    room = Room(args.team, args.year, workshop.addresses[0], workshop.qr())
    room.connected = lambda: workshop.connected
    workshop.server.problems = room.problems.append
    workshop.start()
    try:
        make_room_app(bank, args.lang, args.dir, room).run()
    finally:
        workshop.stop()
    return workshop.stopped()


def warm_process(bank: Bank, args: argparse.Namespace, details: dict) -> int:
    """`run --individual ... --warm`: import what a participant's app needs, then fork one
    for each browser the server announces, until the server goes."""
    from innoscan.serve.warm import serve_forks
    from innoscan.tui.factory import make_app, warm_up

    def participant_app(participant: str) -> int:
        make_app(bank, args.lang, args.dir, **{**details, "participant": participant}).run()
        return 0

    warm_up()
    return serve_forks(participant_app)
