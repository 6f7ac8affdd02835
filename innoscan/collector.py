"""Python's cycle collector in a command that runs once and ends.

What a command makes first (its modules, the bank, the files it reads) lives to the end of
the process: the collector, walking it again and again, would find nothing to free. So it is
made with the collector paused and then set aside from it (`gc.freeze`); the collector goes on
for the rest, as a long run (the TUI, serve) needs. `release` hands it all back to the
collector, for a caller that goes on (the tests run commands in their own process).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def kept_to_the_end() -> Iterator[None]:
    """What is made in this block lives to the end of the command: made with the collector
    paused, then frozen (the collector left on or off as it was)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def release() -> None:
    """Everything frozen goes back to the collector."""
    gc.unfreeze()
