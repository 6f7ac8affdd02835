"""Shared by the benchmark scripts: timing processes, and the machine they ran on.

Importing this module compiles innoscan's bytecode first, as installing innoscan does: with
PYTHONDONTWRITEBYTECODE set (as on this project's machine) a source tree would otherwise be
compiled again in every process measured, which no installed innoscan does, while the
yardsticks' modules (pydantic, tomllib, textual) come compiled.

The processes measured keep their validated bank in a cache folder of this run (as a user's
innoscan does in the user's cache folder, content/bank_cache.py): each measure's warm-up run
fills it. `first_run` measures without it."""

from __future__ import annotations

import compileall
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PYTHON = sys.executable
HERE = Path(__file__).parent
compileall.compile_dir(HERE.parent / "innoscan", quiet=1)
os.environ["INNOSCAN_CACHE_DIR"] = tempfile.mkdtemp(prefix="innoscan-bench-cache-")
NO_CACHE = {**os.environ, "INNOSCAN_CACHE_DIR": ""}  # every run as the first one

ONE_MODEL = (
    "from pydantic import BaseModel, StrictInt\n"
    "class M(BaseModel):\n    x: StrictInt\n"
    "M.model_validate({'x': 1})"
)
"""The yardstick of a process that validates its input: one small pydantic model validated."""


def timed(command: list[str], cwd: Path | None = None, runs: int = 7) -> float:
    """Median wall time of a command, in seconds (after one warm-up run)."""
    subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu(command: list[str], cwd: Path | None = None, runs: int = 7, env=None) -> float:
    """The fewest CPU seconds (user and system) a command took, after one warm-up run: on a
    machine shared with other work, wall time measures the neighbours as much as the command."""
    subprocess.run(command, cwd=cwd, capture_output=True, check=True, env=env)
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=cwd, capture_output=True, check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times)


def machine() -> str:
    return (
        f"{date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}"
    )


def line(name: str, ours: float, yardstick: float, target: str, unit: str = "s") -> str:
    ratio = ours / yardstick if yardstick else float("nan")
    return f"| {name} | {ours:.3f} {unit} | {yardstick:.3f} {unit} | {ratio:.2f} | {target} |"


def random_answers(bank, rng, open_share: float = 0.0, several: bool = False) -> dict:
    """Answers drawn at random to the bank's likert, yes/no and single-choice questions (with
    `several`, multiple-choice ones too), `open_share` of them left open."""
    answers: dict = {}
    for q in bank.questions:
        if open_share and rng.random() < open_share:
            continue
        if q.kind == "likert":
            answers[q.id] = rng.randint(1, 5)
        elif q.kind == "yes_no":
            answers[q.id] = rng.choice(["yes", "no"])
        elif q.kind == "single_choice":
            answers[q.id] = rng.choice(q.options).id
        elif q.kind == "multiple_choice" and several:
            answers[q.id] = [o.id for o in q.options[: rng.randint(1, 2)]]
    return answers
