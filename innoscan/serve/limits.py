"""What one browser may take of `serve`: a screen of at most MAX_COLUMNS x MAX_ROWS, one of at
most MAX_PARTICIPANTS apps at once, and join codes at a pace that makes guessing useless.

Each browser's app draws a screen of the size the browser asks for; 20000x20000 would take
one app 2 GB, so sizes are capped where they come in (the websocket's address and its resize
messages). Each participant is a process, so their number is capped too (`--max-participants`).
A join code has about 40 bits; unchecked, a script tries thousands a second. After a wrong
one, the address it came from waits before its next code is looked at, a wait that doubles
with each wrong code (FIRST_WAIT, 2x, 4x, ... LONGEST_WAIT); the right code lets it off. Other
addresses are not slowed. At most REMEMBERED addresses are kept in mind, the one seen longest
ago forgotten first, so that memory stays bounded.
"""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_COLUMNS = 400  # a 4K screen in a small font is about 380 columns
MAX_ROWS = 200
MAX_PARTICIPANTS = 200  # apps at once; each takes about 25 MiB (README, "Joining fast")
FIRST_WAIT = 1.0  # seconds an address waits after its first wrong join code
LONGEST_WAIT = 60.0  # ... and at most, however many it tried: about 60 guesses an hour
REMEMBERED = 10_000  # addresses with wrong codes kept in mind (about 2 MB at most)


def screen_size(width: object, height: object) -> tuple[int, int] | None:
    """The size an app gets for what a browser asked, within 1..MAX; None when that is not
    two numbers (then the request is left out)."""
    numbers = [n for n in (width, height) if isinstance(n, int | float) and not isinstance(n, bool)]
    try:
        columns, rows = (int(n) for n in numbers)  # not two numbers, NaN, infinite: no
    except (ValueError, OverflowError):
        return None
    return min(max(columns, 1), MAX_COLUMNS), min(max(rows, 1), MAX_ROWS)


def network(address: str) -> str:
    """Where guesses are counted: the address itself (IPv4), or its /64 network (IPv6, where
    one machine commonly has a whole /64 of addresses)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


class Guesses:
    """Wrong join codes, per address (its network, see `network`)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._wrong: OrderedDict[str, tuple[int, float]] = OrderedDict()  # -> (count, until)

    def wait(self, address: str) -> float:
        """Seconds until a code from `address` is looked at again (0: now)."""
        _, until = self._wrong.get(network(address), (0, 0.0))
        return max(0.0, until - self.clock())

    def wrong(self, address: str) -> None:
        """A wrong code came from `address`: its wait doubles."""
        where = network(address)
        count = self._wrong.pop(where, (0, 0.0))[0] + 1
        wait = min(FIRST_WAIT * 2 ** min(count - 1, 32), LONGEST_WAIT)
        self._wrong[where] = (count, self.clock() + wait)
        while len(self._wrong) > REMEMBERED:
            self._wrong.popitem(last=False)

    def right(self, address: str) -> None:
        """The right code came from `address`: it waits no more."""
        self._wrong.pop(network(address), None)
