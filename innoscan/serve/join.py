"""Joining a workshop: the join code that only the room sees, and the address as a QR code.

`serve` makes a fresh code for each run; the address on the projector (as text and as a QR
code) carries it, and the server lets in only browsers that came with it (server.py).
"""

from __future__ import annotations

import secrets
from itertools import zip_longest

CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read from a wall and typed
CODE_LENGTH = 8  # 31**8: about 40 bits, for a server that lives for one workshop
QUIET_ZONE = 4  # modules of light around the code, as the QR standard asks
_HALF_BLOCKS = {  # (top, bottom) light -> the character that draws the light half(s)
    (True, True): "█",
    (True, False): "▀",
    (False, True): "▄",
    (False, False): " ",
}


def new_code() -> str:
    """A join code, random for each run of `serve`."""
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def join_address(address: str, code: str | None) -> str:
    """The address participants open: the page with the join code (none with --open)."""
    return f"{address}?code={code}" if code else address


def qr_lines(text: str) -> list[str]:
    """`text` as a QR code of half-block characters, two modules a line, the smallest that
    holds it (low error correction, raised when that costs no size), quiet zone included.

    Light modules are drawn, dark ones left blank: shown light on dark (as `ansi` does, or
    in a terminal's default colours when they are light on dark) it reads as a QR code."""
    import segno  # only here: the one use of the QR library

    code = segno.make(text, error="l", boost_error=True, micro=False)
    rows = [[not dark for dark in row] for row in code.matrix_iter(border=QUIET_ZONE)]
    pairs = zip_longest(rows[0::2], rows[1::2], fillvalue=[False] * len(rows[0]))
    return ["".join(_HALF_BLOCKS[pair] for pair in zip(*two, strict=True)) for two in pairs]


def ansi(lines: list[str]) -> str:
    """The QR code's lines in white on black (whatever the terminal's own colours)."""
    return "".join(f"\x1b[97;40m{line}\x1b[0m\n" for line in lines)
