"""TUI cold start until the first question is on screen, beside the minimal Textual app.

Both run in a real pseudo terminal (80x24); the clock stops when the question's text
arrives on the terminal. The minimal app (minimal_app.py) validates its question with a small
pydantic model, as any app does that validates its input. Target: innoscan at most 1.2 times
the minimal app. Wall time (the median, what a person waits) and CPU time (the fewest CPU
seconds up to the screen, which neighbours on a shared machine change less).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from common import HERE, PYTHON, line, machine


def time_to_screen(argv: list[str], marker: bytes, cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds until `marker` is on the terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.chdir(cwd)
        os.environ["TERM"] = "xterm-256color"
        os.execv(PYTHON, [PYTHON, *argv])
    seen = b""
    try:
        while marker not in seen:
            if time.perf_counter() - start > 30:
                raise TimeoutError(f"{marker!r} never appeared")
            if select.select([fd], [], [], 0.01)[0]:
                seen += os.read(fd, 65536)
        wall = time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        usage = os.wait4(pid, 0)[2]
        os.close(fd)
    return wall, usage.ru_utime + usage.ru_stime


def measure(runs: int = 7) -> tuple[tuple[float, float], tuple[float, float]]:
    """((innoscan, minimal app) wall medians, (innoscan, minimal app) fewest CPU seconds)."""
    work = Path(tempfile.mkdtemp(prefix="innoscan-start-"))
    minimal = [str(HERE / "minimal_app.py")]
    ours = ["-m", "innoscan", "run", "--team", "Bench", "--lang", "en"]
    time_to_screen(ours, b"question 1 of", work)  # creates the result; later runs resume it
    time_to_screen(minimal, b"question 1 of", work)
    a, b = [], []
    for _ in range(runs):
        b.append(time_to_screen(minimal, b"question 1 of", work))
        a.append(time_to_screen(ours, b"question 1 of", work))
    wall = statistics.median(t for t, _ in a), statistics.median(t for t, _ in b)
    return wall, (min(c for _, c in a), min(c for _, c in b))


if __name__ == "__main__":
    wall, used = measure()
    print(machine())
    print(line("TUI cold start to first question, wall time", *wall, "<= 1.2"))
    print(line("TUI cold start to first question, CPU time", *used, "<= 1.2"))
    sys.exit(0)
