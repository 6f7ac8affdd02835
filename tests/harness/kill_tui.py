"""Crash safety, proven: kill the TUI (SIGKILL) at random moments while answers are given.

After every kill the result file must parse, hold every answer it held after the kill
before, and innoscan must resume at the first open question. Run (about 2 minutes):

    .venv/bin/python tests/harness/kill_tui.py --kills 50
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from innoscan.content.loader import load_bank
from innoscan.store.result import load_result
from innoscan.store.session import ResultsFolder, Session

PAGE_DOWN = b"\x1b[6~"
QUESTION = re.compile(rb"question (\d+) of (\d+)")


def spawn(team: str, cwd: Path) -> tuple[int, int]:
    """`innoscan run --team TEAM` in a pseudo terminal of 80x24."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a real TUI process
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.chdir(cwd)
        os.environ["TERM"] = "xterm-256color"
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "innoscan",
                "run",
                "--team",
                team,
                "--year",
                "2026",
                "--lang",
                "en",
            ],
        )
    return pid, fd


def read_until(fd: int, pattern: re.Pattern, timeout: float) -> re.Match | None:
    seen, end = b"", time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                return None
            found = pattern.findall(seen)
            if found:
                return found[-1]
    return None


def drain(fd: int) -> None:
    while select.select([fd], [], [], 0)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bank = load_bank()
    work = Path(tempfile.mkdtemp(prefix="innoscan-kill-"))
    folder = ResultsFolder(work / "innoscan-results")
    team_number, kills, failures = 1, 0, []
    previous: dict = {}
    while kills < args.kills:
        team = f"Kill Team {team_number}"
        path = folder.path_for(team, 2026)
        expected = None
        if path.exists():
            session = Session.resume(bank, path)
            if not session.unanswered():
                team_number, previous = team_number + 1, {}
                continue
            expected = session.place(session.first_unanswered())[2]
        pid, fd = spawn(team, work)
        shown = read_until(fd, QUESTION, timeout=30)
        if shown is None:
            failures.append(f"kill {kills}: no question on screen after start")
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        if expected is not None and int(shown[0]) != expected:
            failures.append(f"kill {kills}: resumed at question {shown[0]}, expected {expected}")
        deadline = time.monotonic() + rng.uniform(0.05, 4.0)
        while time.monotonic() < deadline:  # one pick, then on, at a brisk human pace
            os.write(fd, rng.choice([b"1", b"2"]))
            time.sleep(rng.uniform(0.1, 0.3))
            os.write(fd, PAGE_DOWN)
            time.sleep(rng.uniform(0.1, 0.3))
            drain(fd)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
        kills += 1
        try:
            answers = load_result(path, bank).result.answers
        except Exception as exc:  # the one thing that must never happen
            failures.append(f"kill {kills}: the result file does not load: {exc}")
            break
        lost = [q for q in previous if q not in answers]
        if lost:
            failures.append(f"kill {kills}: answers lost: {lost}")
        changed = {
            q: (v, answers[q]) for q, v in previous.items() if q in answers and answers[q] != v
        }
        if changed:  # the harness types on: it only re-answers where a key went astray before
            failures.append(f"kill {kills}: answers changed: {changed}")
        print(
            f"kill {kills:>3}: {team}, {len(answers)} answers saved, resumed at question {int(shown[0])}"
        )
        previous = dict(answers)
    print(f"{kills} kills, {len(failures)} failures ({work})")
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
