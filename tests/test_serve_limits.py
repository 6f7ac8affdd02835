"""What one browser may take of `serve` (innoscan/serve/limits.py), without a server."""

from __future__ import annotations

import pytest

from innoscan.serve import limits
from innoscan.serve.limits import LONGEST_WAIT, MAX_COLUMNS, MAX_ROWS, Guesses, screen_size


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ((80, 24), (80, 24)),
        ((20000, 20000), (MAX_COLUMNS, MAX_ROWS)),
        ((10**400, 3), (MAX_COLUMNS, 3)),
        ((-5, 0), (1, 1)),
        ((90.7, 30.2), (90, 30)),
        ((float("nan"), 30), None),
        ((float("inf"), 30), None),
        (("80", 24), None),
        ((True, 24), None),
        ((None, 24), None),
    ],
)
def test_a_screen_size_is_capped_and_anything_else_left_out(asked, given):
    assert screen_size(*asked) == given


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_wrong_code_doubles_that_addresss_wait_up_to_a_minute_and_the_right_one_ends_it():
    clock = Clock()
    guesses = Guesses(clock)
    waits = []
    for _ in range(10):
        guesses.wrong("192.0.2.7")
        waits.append(guesses.wait("192.0.2.7"))
        clock.now += waits[-1]
    assert waits == [1, 2, 4, 8, 16, 32, LONGEST_WAIT, LONGEST_WAIT, LONGEST_WAIT, LONGEST_WAIT]
    assert guesses.wait("192.0.2.8") == 0  # another address: not slowed
    guesses.wrong("192.0.2.7")
    guesses.right("192.0.2.7")
    assert guesses.wait("192.0.2.7") == 0


def test_one_ipv6_network_is_one_address_and_memory_stays_bounded(monkeypatch):
    guesses = Guesses(Clock())
    guesses.wrong("2001:db8:1:2::5")
    assert guesses.wait("2001:db8:1:2:ffff::9") == 1  # the same /64: the same machine
    assert guesses.wait("2001:db8:1:3::5") == 0
    guesses.wrong("::ffff:192.0.2.1")
    assert guesses.wait("192.0.2.1") == 1
    monkeypatch.setattr(limits, "REMEMBERED", 100)
    for n in range(1000):
        guesses.wrong(f"10.0.{n // 256}.{n % 256}")
    assert len(guesses._wrong) == 100  # the ones seen longest ago are forgotten
    assert guesses.wait("10.0.3.231") == 1 and guesses.wait("10.0.0.0") == 0
