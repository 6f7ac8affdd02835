"""Typed keys are never lost: answer the whole questionnaire in tmux, fast, one key and then
PageDown per question, optionally with both cores kept busy, and compare the saved result
with what was typed. Every answer must be saved on the question it was typed on. Run
(about 30 s a run at 0.4 s per question):

    .venv/bin/python tests/harness/fast_keys.py --pace 0.4 --load 2 --runs 3
    .venv/bin/python tests/harness/fast_keys.py --pace 0.15 --load 2 --runs 3 --early

--early types from the moment the process starts, while the first screen is still coming up;
--go-on Enter goes on with Enter instead of PageDown. Outside the test suite: it takes
minutes and a tmux.
"""

from __future__ import annotations

import argparse
import random
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from innoscan.content.bank import Bank, Question
from innoscan.content.loader import load_bank
from innoscan.store.result import load_result
from innoscan.store.session import ResultsFolder

ALWAYS_YES = ("activity.products", "activity.services", "activity.processes")
"""Answered yes, so that one lost key there does not change which questions follow."""


def planned(bank: Bank, rng: random.Random) -> list[tuple[Question, str, Any]]:
    """(question, key typed, answer expected) for each question asked, in order."""
    answers: dict[str, Any] = {}
    steps, question = [], bank.asked(answers)[0]
    while question is not None:
        if question.kind in ("number", "text"):
            key = str(rng.randint(1, 9))
            value: Any = question.parse(key)
        else:
            values = question.choices(bank, "en")[0]
            index = 0 if question.id in ALWAYS_YES else rng.randrange(min(len(values), 9))
            key, value = str(index + 1), question.picked(None, values[index], values)
        answers[question.id] = value
        steps.append((question, key, value))
        order = [q.id for q in bank.asked(answers)]
        after = order.index(question.id) + 1
        question = bank.question(order[after]) if after < len(order) else None
    return steps


class Tmux:
    """A private tmux server (its own socket) with one 80x24 window."""

    def __init__(self, name: str) -> None:
        self.name = name

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.name, *args], capture_output=True, text=True, timeout=10
        )
        if check and done.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: str) -> None:
        self.run("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", command)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "0", *keys)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "0", check=False)

    def stop(self) -> None:
        self.run("kill-server", check=False)


def busy(count: int, seconds: float) -> list[subprocess.Popen]:
    """`count` processes that keep a core busy each; they stop by themselves after `seconds`,
    should this harness be killed before it stops them."""
    loop = f"import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"
    return [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(count)]


def wait_for(tmux: Tmux, text: str, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in tmux.screen():
            return True
        time.sleep(0.05)
    return False


def one_run(bank: Bank, args: argparse.Namespace, number: int, work: Path) -> list[str]:
    """Answer the questionnaire once; the problems found (empty: all answers where typed)."""
    rng = random.Random(args.seed + number)
    steps = planned(bank, rng)
    team = f"Keys {number}"
    command = shlex.join(
        [sys.executable, "-m", "innoscan", "run", "--team", team, "--year", "2026", "--lang", "en"]
    )
    tmux = Tmux(f"innoscan-keys-{work.name}-{number}")
    tmux.start(f"cd {shlex.quote(str(work))} && {command}; echo innoscan-exited; sleep 600")
    try:
        if not args.early and not wait_for(tmux, "question 1 of", 30):
            return ["no question on screen within 30 s"]
        half = args.pace / 2
        for _question, key, _value in steps:
            tmux.keys("-l", key)
            time.sleep(half)
            tmux.keys(args.go_on)
            time.sleep(half)
        if not wait_for(tmux, "Almost done", args.settle):
            print("  (no review screen seen)")
        tmux.keys("C-q")
        wait_for(tmux, "innoscan-exited", 10)
    finally:
        tmux.stop()
    path = ResultsFolder(work / "innoscan-results").path_for(team, 2026)
    if not path.exists():
        return ["no result file"]
    result = load_result(path, bank).result
    return compare(steps, result.answers, result.notes)


def compare(steps: list, answers: dict[str, Any], notes: dict[str, str]) -> list[str]:
    problems, expected = [], {q.id: value for q, _key, value in steps}
    for question_id, value in expected.items():
        if question_id not in answers:
            problems.append(f"lost: {question_id} (typed {value!r})")
        elif answers[question_id] != value:
            problems.append(f"wrong: {question_id} = {answers[question_id]!r}, typed {value!r}")
    problems += [f"not typed: {q} = {v!r}" for q, v in answers.items() if q not in expected]
    problems += [f"in the notes: {q} = {t!r}" for q, t in notes.items()]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pace", type=float, default=0.4, help="seconds per question")
    parser.add_argument("--load", type=int, default=0, help="busy-loop processes to run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--early", action="store_true", help="type before the first screen")
    parser.add_argument("--go-on", choices=["PageDown", "Enter"], default="PageDown")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--settle", type=float, default=20, help="seconds to wait at the end")
    args = parser.parse_args()
    bank = load_bank()
    work = Path(tempfile.mkdtemp(prefix="innoscan-keys-"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally below still runs
    loads = busy(args.load, seconds=args.runs * (60 + 60 * args.pace * 2) + 60)
    failed, lost_total, typed_total = 0, 0, 0
    try:
        time.sleep(0.5 if loads else 0)
        for number in range(1, args.runs + 1):
            started = time.monotonic()
            problems = one_run(bank, args, number, work)
            count = len(planned(bank, random.Random(args.seed + number)))
            typed_total += count
            lost_total += len(problems)
            failed += bool(problems)
            took = time.monotonic() - started
            print(f"run {number}: {count} questions, {len(problems)} problems ({took:.0f} s)")
            for problem in problems:
                print("   ", problem)
    finally:
        for process in loads:
            process.kill()
            process.wait()
    early = ", early" if args.early else ""
    mode = f"pace {args.pace} s, {args.go_on}, {args.load} busy loops{early}"
    print(f"{args.runs} runs ({mode}): {failed} failed, {lost_total} problems in {typed_total}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
