"""TUI cold start until the first question is on screen, beside the minimal Textual app.

Both run in a real pseudo terminal (80x24); the clock stops when the question's text
arrives on the terminal. Target: innoscan at most 1.3 times the minimal app.
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


def time_to_screen(argv: list[str], marker: bytes, cwd: Path) -> float:
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
        return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def measure(runs: int = 7) -> tuple[float, float]:
    work = Path(tempfile.mkdtemp(prefix="innoscan-start-"))
    minimal = [str(HERE / "minimal_app.py")]
    ours = ["-m", "innoscan", "run", "--team", "Bench", "--lang", "en"]
    time_to_screen(ours, b"question 1 of", work)  # creates the result; later runs resume it
    time_to_screen(minimal, b"question 1 of", work)
    a, b = [], []
    for _ in range(runs):
        b.append(time_to_screen(minimal, b"question 1 of", work))
        a.append(time_to_screen(ours, b"question 1 of", work))
    return statistics.median(a), statistics.median(b)


if __name__ == "__main__":
    ours, minimal = measure()
    print(machine())
    print(line("TUI cold start to first question", ours, minimal, "<= 1.3"))
    sys.exit(0)
